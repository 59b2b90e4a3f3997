/**
 * `docs/reliability.md` is generated from the catalogue, so it cannot say something the tests do
 * not check. This test renders it and compares it with the file (whitespace inside table rows set
 * aside, so that prettier may align the columns); `UPDATE_DOCS=1 npx jest test/reliability` writes
 * the file instead.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { formDef, FORM_NAMES } from '../../src/domain/forms';
import {
  CATALOGUE,
  OTHER_KNOWN_GAPS,
  OTHER_RELIABILITY_TESTS,
  OUTCOMES,
  submittedAtOf,
  type CatalogueCase,
  type Outcome,
} from './catalogue';

const ROOT = join(__dirname, '..', '..');
const DOC = join(ROOT, 'docs', 'reliability.md');
const COVERED_BY = 'catalogue.test.ts › use case / CSV; catalogue.gas.test.ts › Apps Script';

const OUTCOME_MEANING: Record<Outcome, string> = {
  canonical:
    'in its table and counted (activity 已提交, score sheet 有效, branch and nomination 待审核)',
  rejected:
    'in 待处理 (Rejected) with a reason naming the question and what was expected, its answers under their question titles, the failing one marked (a note and a highlight); staff correct it there and reprocess, or dismiss it (处理方式)',
  superseded: 'a score sheet kept, marked 已被替代: a later sheet by the same judge counts instead',
  conflict: 'a score sheet kept, marked 回避: the judge belongs to the branch, so it never counts',
  duplicate: 'an activity report kept, marked 重复 with 0 points: the first report stands',
};

// ——— rendering ———

/** Control and format characters (zero-width, bidi overrides, BOM) and odd spaces. */
const INVISIBLE = /[\p{Cc}\p{Cf}\u00a0\u3000]/gu;

const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** An answer as the document shows it: short, invisible characters spelled out, in a code span. */
function shown(value: string): string {
  if (value === '') return '(blank)';
  const chars = Array.from(value);
  const text =
    chars.length > 40
      ? `${chars.slice(0, 12).join('')}… (${thousands(chars.length)} characters)`
      : value;
  // Spaces at either end would vanish from a code span: quote such a value.
  const framed = /^\s|\s$/.test(text) ? `"${text}"` : text;
  const visible = framed.replace(INVISIBLE, (ch) => {
    const named: Record<string, string> = { '\t': '\\t', '\r': '\\r', '\n': '\\n' };
    return named[ch] ?? `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  });
  return code(visible);
}

/** A code span; a `|` is escaped even there, as GitHub tables need. */
function code(text: string): string {
  return `\`${text.replace(/\|/g, '\\|')}\``;
}

/** Plain text in a table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function sentText(c: CatalogueCase): string {
  const questions = formDef(c.form, DEFAULT_CONFIG.defenseRubric).questions;
  const title = (key: string) => questions.find((q) => q.key === key)?.zh ?? key;
  const entries = Object.entries(c.sent);
  const parts: string[] = [];
  if (entries.length > 0 && entries.length === questions.length && entries.every(([, v]) => !v)) {
    parts.push(`all ${entries.length} answers blank`);
  } else {
    for (const [key, value] of entries) parts.push(`${title(key)} = ${shown(value)}`);
  }
  if (c.submittedAt !== undefined) parts.push(`submitted ${c.submittedAt}`);
  if (c.email !== undefined) parts.push(`email ${shown(c.email)}`);
  for (const other of c.alongside ?? []) {
    const when = other.submittedAt < submittedAtOf(c) ? 'before' : 'after';
    const changed = Object.entries(other.answers)
      .filter(([key, value]) => c.answers[key] !== value)
      .map(([key, value]) => `${title(key)} = ${shown(value)}`);
    parts.push(
      `and the same ${c.form === 'activity' ? 'report' : 'sheet'} submitted ${when} it, at ${other.submittedAt}` +
        (changed.length > 0 ? ` (${changed.join(', ')})` : ''),
    );
  }
  if (c.deliveredTwice) parts.push('delivered twice');
  return cell(`${c.form}: ${c.title}${parts.length > 0 ? ` — ${parts.join('; ')}` : ''}`);
}

/** A run of one character, as `三×57`. */
const runs = (text: string) =>
  text.replace(/(.)\1{9,}/gu, (run: string, ch: string) => `${ch}×${Array.from(run).length}`);

function reasonText(c: CatalogueCase): string {
  const questions = formDef(c.form, DEFAULT_CONFIG.defenseRubric).questions;
  const parts: string[] = [];
  if (c.expect.reasonIncludes !== undefined) parts.push(code(runs(c.expect.reasonIncludes)));
  const stored = c.expect.check?.stored;
  if (stored !== undefined) {
    const label = questions.find((q) => q.key === stored.key)?.zh ?? stored.key;
    parts.push(
      c.sent[stored.key] === stored.value
        ? `${label} stored exactly as sent`
        : `${label} stored as ${shown(String(stored.value))}`,
    );
  }
  if (c.note !== undefined) parts.push(cell(c.note));
  if (c.knownGap !== undefined) parts.push(cell(`Known gap: ${c.knownGap}`));
  return parts.join(' — ');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}

function renderReliabilityDoc(): string {
  const byOutcome = (o: Outcome) => CATALOGUE.filter((c) => c.expect.outcome === o).length;
  const gaps = CATALOGUE.filter((c) => c.knownGap !== undefined);
  const lines = [
    '# Reliability: what StarBranch does with bad input',
    '',
    '<!-- Generated from test/reliability/catalogue.ts by test/reliability/document.test.ts.',
    '     Do not edit by hand: change the catalogue, then run',
    '     UPDATE_DOCS=1 npx jest test/reliability/document.test.ts && npx prettier --write docs/reliability.md -->',
    '',
    'Students and judges type what they type. Every form response becomes exactly one row: a row',
    'of its table, or a row of the `待处理` (Rejected) sheet with a reason in the workbook’s language',
    'that names the question (here by its Chinese title) and says what was expected, the answers in',
    'columns named by the question titles with the failing answer’s cell marked (a note holding the',
    'reason, and a highlight), and the response as it arrived (原始内容; each answer clipped to 2,000',
    'characters, so the row fits a cell). Nothing is dropped, nothing stops the rows after it, and',
    'the same response ingested again is skipped.',
    '',
    `Each of the ${CATALOGUE.length} cases below is one response: a valid one with the answers shown`,
    'changed. Every case is tested along three paths, with the same outcome: `use case` sends all of them in one batch to the',
    'ingest use case (`ingestResponses`); `CSV` writes each form’s cases as a Google Forms export',
    '(Chinese titles for some forms, English for the others; UTF-8 BOM, CRLF), reads it back with',
    '`readFormsCsv` and ingests it as `starbranch ingest` does, then ingests it again and checks',
    'that nothing changed; `Apps Script` submits each response through its Google Form to the built',
    'bundle in the sandbox: Google appends it to the form’s response sheet and the spreadsheet’s',
    'form-submit trigger folds that sheet into the tables (formula-like text must end as text, not a',
    'formula). A response’s id is computed from its content, so every path names it the same way.',
    '',
    '## Outcomes',
    '',
    ...table(
      ['outcome', 'cases', 'meaning'],
      OUTCOMES.map((o) => [o, String(byOutcome(o)), cell(OUTCOME_MEANING[o])]),
    ),
    '',
    'Cases per form: ' +
      FORM_NAMES.map((f) => `${f} ${CATALOGUE.filter((c) => c.form === f).length}`).join(', ') +
      '.',
    '',
    '## The catalogue',
    '',
    ...table(
      ['case', 'what was sent', 'outcome', 'reason or note', 'covered by'],
      CATALOGUE.map((c) => [code(c.id), sentText(c), c.expect.outcome, reasonText(c), COVERED_BY]),
    ),
    '',
    '## Known gaps',
    '',
    'What the code does today that staff would not want; the tests assert today’s behaviour, so',
    'fixing one means changing its case.',
    '',
    ...gaps.map((c) => `- ${code(c.id)}: ${cell(c.knownGap!)}`),
    ...OTHER_KNOWN_GAPS.map((g) => `- ${code(g.file)}: ${cell(g.gap)} (seen in ${g.shownBy})`),
    ...(gaps.length + OTHER_KNOWN_GAPS.length === 0 ? ['None.'] : []),
    '',
    '## Also tested, elsewhere',
    '',
    'The CSV files themselves (columns missing, extra, renamed, reordered; no BOM; LF line ends; a',
    'stray cell) are covered by `catalogue.test.ts › CSV`. Other reliability tests in the repository:',
    '',
    ...table(
      ['area', 'test file', 'what it proves'],
      OTHER_RELIABILITY_TESTS.map((t) => [cell(t.area), code(t.file), cell(t.proves)]),
    ),
    '',
  ];
  return lines.join('\n');
}

/**
 * The document as prettier leaves it or as rendered, the same: trailing spaces dropped, table
 * cells trimmed (prettier pads them to align the columns), separator rows reduced to `---`.
 */
function normalise(markdown: string): string {
  return (
    markdown
      .replace(/\r\n/g, '\n')
      .split('\n')
      .map((line) => {
        const text = line.trimEnd();
        if (!text.startsWith('|')) return text;
        return text
          .split(/(?<!\\)\|/)
          .map((c) => c.trim())
          .map((c) => (/^:?-{3,}:?$/.test(c) ? '---' : c))
          .join('|');
      })
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}

// ——— tests ———

describe('docs/reliability.md', () => {
  test('is the catalogue, rendered (UPDATE_DOCS=1 writes it)', () => {
    const rendered = renderReliabilityDoc();
    if (process.env.UPDATE_DOCS === '1') {
      writeFileSync(DOC, rendered);
      return;
    }
    expect(existsSync(DOC)).toBe(true);
    expect(normalise(readFileSync(DOC, 'utf8'))).toBe(normalise(rendered));
  });

  test('lists only reliability tests that exist', () => {
    for (const t of OTHER_RELIABILITY_TESTS) {
      expect({ file: t.file, exists: existsSync(join(ROOT, t.file)) }).toEqual({
        file: t.file,
        exists: true,
      });
    }
  });

  test('every case has an id of its own, a short English title, and says why', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(45);
    expect(new Set(CATALOGUE.map((c) => c.id)).size).toBe(CATALOGUE.length);
    for (const c of CATALOGUE) {
      expect(c.id).toMatch(new RegExp(`^${c.form}-[a-z0-9]+(-[a-z0-9]+)*$`));
      expect(c.title).toMatch(/^[A-Za-z0-9]/);
      expect(c.title.length).toBeLessThanOrEqual(70);
      if (c.expect.outcome === 'rejected') {
        // A reason names the question by its zh title, then says what is wrong.
        const titles = formDef(c.form, DEFAULT_CONFIG.defenseRubric).questions.map((q) => q.zh);
        expect(titles.some((t) => c.expect.reasonIncludes?.startsWith(`「${t}」`))).toBe(true);
        // … and what was expected instead.
        expect(c.expect.reasonIncludes).toMatch(/；.*(应|请)/);
      } else {
        expect(
          c.expect.reasonIncludes !== undefined || c.expect.check !== undefined || c.note,
        ).toBeTruthy();
      }
    }
  });
});
