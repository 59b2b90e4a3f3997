/**
 * The letters of the demo year, as staff open them: dated the formal way, each member's letter
 * citing that member's own nomination, and `awards --pdf` showing its progress and saying how many
 * PDFs it wrote and where.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import PizZip from 'pizzip';
import { achievementsByAward } from '../../src/app/letterCheck';
import { AwardsTable, NominationsTable } from '../../src/domain/schema/tables';
import { main } from '../../src/local/cli';
import { records as read } from '../support/workbookEdits';
import { withLibreOffice } from '../support/libreOffice';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

/** The words of a letter's body, as Word shows them (document.xml, read with pizzip). */
function documentText(path: string): string {
  const xml = new PizZip(readFileSync(path)).file('word/document.xml')!.asText();
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

const dir = mkdtempSync(join(tmpdir(), 'starbranch-letter-content-'));
const demo = join(dir, 'demo');
const workbook = join(demo, 'starbranch-demo.xlsx');

beforeAll(async () => {
  expect((await run('demo', '--out', demo)).code).toBe(0);
}, 60_000);

describe('the demo year’s letters', () => {
  it('are dated 二〇二七年七月一日, under the college’s name', async () => {
    const awards = await read(workbook, AwardsTable);
    expect(awards.length).toBeGreaterThan(20);
    for (const award of awards) {
      const text = documentText(join(demo, award.letterId!));
      expect(text).toContain('二〇二七年七月一日');
      expect(text).not.toContain('2027年7月1日');
    }
  });

  it('cite each member’s own achievements, from the nomination', async () => {
    const achievements = achievementsByAward(await read(workbook, NominationsTable));
    const members = (await read(workbook, AwardsTable)).filter((a) => a.kind === 'member');
    expect(members.length).toBeGreaterThan(10);
    const citations = new Set<string>();
    for (const award of members) {
      const text = documentText(join(demo, award.letterId!));
      const own = achievements.get(award.awardId)!;
      // Every sentence the nomination gives, without its full stop, is in the letter.
      for (const sentence of own.split('。').filter((s) => s !== '')) {
        expect([award.awardId, text]).toEqual([award.awardId, expect.stringContaining(sentence)]);
      }
      const citation = text.slice(text.indexOf('在'), text.indexOf('以资鼓励。'));
      citations.add(citation);
    }
    expect(citations.size).toBe(members.length);
  });

  it('of branches keep their own rank and no member’s achievements', async () => {
    const branches = (await read(workbook, AwardsTable)).filter((a) => a.kind === 'branch');
    for (const award of branches) {
      const text = documentText(join(demo, award.letterId!));
      expect(text).toContain('综合评定位列第');
      expect(text).not.toContain('充分发挥了共产党员先锋模范作用');
    }
  });
});

describe('awards --pdf', () => {
  // Only where LibreOffice is really installed (not a project dependency).
  withLibreOffice(
    'shows its progress and says how many PDFs it wrote, and where',
    async () => {
      const copy = join(dir, 'pdf');
      cpSync(demo, copy, { recursive: true });
      const letters = join(copy, 'letters');
      const started = performance.now();
      const result = await run(
        'awards',
        join(copy, 'starbranch-demo.xlsx'),
        '--letters',
        letters,
        '--reissue',
        '--pdf',
      );
      const seconds = (performance.now() - started) / 1000;
      expect(result.code).toBe(0);
      const made = readdirSync(letters).filter(
        (f) => f.endsWith('.docx') && !f.startsWith('作废-'),
      );
      const pdfs = readdirSync(letters).filter((f) => f.endsWith('.pdf'));
      expect(pdfs.sort()).toEqual(made.map((f) => f.replace(/\.docx$/, '.pdf')).sort());
      // A line per letter while LibreOffice works (not a terminal here, so no bar).
      const progress = result.err.filter((l) => /^PDF \d+\/\d+：/.test(l));
      expect(progress).toHaveLength(made.length);
      expect(progress[0]).toMatch(new RegExp(`^PDF 1/${made.length}：.+\\.pdf$`));
      expect(progress.at(-1)).toMatch(new RegExp(`^PDF ${made.length}/${made.length}：`));
      expect(result.out).toContain(
        `已生成 ${made.length} 个 PDF 文件，保存在 ${relative(process.cwd(), letters)}`,
      );
      // All of a year's letters in one LibreOffice run: seconds, not a minute.
      expect(seconds).toBeLessThan(60);
    },
    180_000,
  );

  (process.platform === 'win32' ? it.skip : it)(
    'says why no PDF was made when LibreOffice is not there',
    async () => {
      const copy = join(dir, 'no-office');
      cpSync(demo, copy, { recursive: true });
      const path = process.env.PATH;
      process.env.PATH = join(dir, 'nothing-here');
      try {
        const result = await run(
          'awards',
          join(copy, 'starbranch-demo.xlsx'),
          '--letters',
          join(copy, 'letters'),
          '--reissue',
          '--pdf',
        );
        expect(result.code).toBe(0);
        expect(result.out).toContainEqual(
          expect.stringMatching(/^未能生成 PDF 文件：LibreOffice was not found/),
        );
        expect(readdirSync(join(copy, 'letters')).some((f) => f.endsWith('.pdf'))).toBe(false);
      } finally {
        process.env.PATH = path;
      }
    },
    60_000,
  );
});
