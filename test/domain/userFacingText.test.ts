/**
 * Every sentence a person reads comes from the message catalogue (src/domain/messages), in the
 * workbook's language. This test reads the sources that speak to people (the use cases, the Apps
 * Script menu and entry points, the command line) and fails on a string literal that is an English
 * phrase written in place: two or more English words outside a `t(…)` key. Comments, keys, ids,
 * option flags and single words are not phrases, so they pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');

const SCANNED = [
  ...readdirSync(join(ROOT, 'src', 'app'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join('src', 'app', f)),
  join('src', 'gas', 'menu.ts'),
  join('src', 'gas', 'main.ts'),
  join('src', 'local', 'cli.ts'),
  join('src', 'local', 'cliLanguage.ts'),
];

/**
 * Phrases that stay in the sources, each with why. Keep this short: a phrase a person reads
 * belongs in the catalogue.
 */
const ALLOWED: Readonly<Record<string, string>> = {
  // Programming errors: a table used wrongly by the code, never by staff.
  'src/app/table.ts: is a column of the table not a staff column':
    'a programming error (a staff column named like a schema column)',
  'src/app/table.ts: no row': 'a programming error (a row looked up that was never read)',
  // A cell error's message is the schema's own word for it (src/domain/schema/column.ts says
  // `is required` of every blank required cell); the sentence around it is the catalogue's.
  'src/app/context.ts: is required':
    'a cell error as column validation words it, in a sentence of the catalogue (jobs.cell)',
};

/** Two or more words of Latin letters, as in a sentence. */
const PHRASE = /[A-Za-z]{2,}[,;:.!?']*\s+[A-Za-z]{2,}/;

/** The literal's text, template expressions left out (their values are not the source's words). */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)]
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
  return null;
}

/** A literal that is not read by people: an import path, a type, a key of an object or a map. */
function isCode(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    ts.isImportDeclaration(parent) ||
    ts.isExportDeclaration(parent) ||
    ts.isLiteralTypeNode(parent) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    ts.isElementAccessExpression(parent)
  );
}

function phrasesIn(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(join(ROOT, file), 'utf8'),
    ts.ScriptTarget.ES2022,
    true,
  );
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== null && !isCode(node) && PHRASE.test(text)) {
      // The words only (no quotes, placeholders or punctuation), as the allow-list names them.
      const words = text.match(/[A-Za-z][A-Za-z'-]*/g)!.join(' ');
      found.push(`${relative(ROOT, join(ROOT, file))}: ${words}`);
    }
    if (!ts.isTemplateExpression(node)) ts.forEachChild(node, visit);
    else node.templateSpans.forEach((s) => visit(s.expression));
  };
  visit(source);
  return found;
}

describe('user-facing text', () => {
  const phrases = SCANNED.flatMap(phrasesIn);

  it('is never an English phrase written in the sources, but a message of the catalogue', () => {
    const unexpected = phrases.filter((p) => !(p in ALLOWED));
    expect(unexpected).toEqual([]);
  });

  it('keeps its allow-list true: every allowed phrase is still there', () => {
    const stale = Object.keys(ALLOWED).filter((p) => !phrases.includes(p));
    expect(stale).toEqual([]);
  });

  it('finds a phrase written in place (the check itself works)', () => {
    const probe = ts.createSourceFile(
      'probe.ts',
      "const a = `${n} branches ranked`; const b = t(locale, 'jobs.name.ingest');",
      ts.ScriptTarget.ES2022,
      true,
    );
    const texts: string[] = [];
    const visit = (node: ts.Node): void => {
      const text = literalText(node);
      if (text !== null && PHRASE.test(text)) texts.push(text);
      ts.forEachChild(node, visit);
    };
    visit(probe);
    expect(texts).toEqual(['branches ranked']);
  });
});
