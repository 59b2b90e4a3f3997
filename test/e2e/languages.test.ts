/**
 * The demo year played in Chinese and in English writes no word of the other language: every cell
 * of the workbook, the text of report.html and the text of every letter. What may carry Latin
 * letters in a Chinese year is listed below, each with its reason: ids, e-mails, addresses, and
 * the values people typed.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import type { Locale } from '../../src/domain/vocabulary';
import { runDemo, type DemoResult } from '../../src/local/demo/runDemo';

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const LATIN_WORD = /[A-Za-z]{3,}/g;

/** Sheets skipped whole: none. */
const PENDING_SHEETS = new Set<string>([]);

/** Tokens a Chinese cell may hold that are not words: each pattern with what it is. */
const NOT_WORDS: readonly (readonly [RegExp, string])[] = [
  [/`[^`]*`/g, 'a command to type, as typed (`starbranch finalize … --month 2026-10`)'],
  [/\bletters\/\S+\.docx\b/g, "a letter's file, in the folder the command was given"],
  [/https?:\/\/\S+/g, 'a link someone gave (evidence, plan)'],
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, 'an e-mail address'],
  [/\br-[0-9a-f]{16}\b/g, 'a response id'],
  [/\b[0-9a-f]{16}\b/g, "a finalised month's input digest (月度结果 输入摘要)"],
  [/\b\d{4}-\d{4}-(ADV|MEM)-B\d{3}(-\d+)*\b/g, 'a letter number (证书编号)'],
  [/\b(ADV|MEM)-B\d{3}(-\d+)?\b/g, 'an award id (表彰编号)'],
  [/\bYYYY(-MM(-DD)?)?\b/g, 'the written form of a date a setting asks for'],
  [/\b[A-Z][a-z]+\/[A-Z][A-Za-z_]+\b/g, 'a time zone id (Asia/Shanghai)'],
  [/\.docx\b/g, "a file type's extension"],
];

/**
 * Values people typed that carry Latin letters in the Chinese demo, and why they stay: the system
 * keeps what staff and students write as they wrote it.
 */
const TYPED = [
  // A student's activity title that looks like a spreadsheet formula (DEMO_ACTIVITY_PROBLEMS),
  // in the title and in the description that quotes it.
  '=HYPERLINK("http://evil.example","点我")',
];
/** Words of staff's own settings that reach other sheets: the rubric criterion 材料与PPT. */
const TYPED_WORDS = new Set(['PPT']);

/**
 * Columns that are records for the program, not prose: 表彰's 证书内容 is the letter's printed
 * fields as JSON keyed by the template's placeholder names (README), compared on every run.
 */
const RECORD_COLUMNS = new Set(['证书内容', '键', 'Key']);

/**
 * The default rubric names each criterion in both languages (`创建成效/Results:40`): ingest reads
 * defense sheets in either language, so the value and its example keep both, in either workbook.
 */
const BILINGUAL_BY_DESIGN = /^[^,]+\/[A-Za-z&]+:\d+(, [^,]+\/[A-Za-z&]+:\d+)*$|中文名\/英文名/;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value) return String(value.text);
  if ('formula' in value) return `=${value.formula}`;
  return JSON.stringify(value);
}

/** Latin words in a Chinese text, after the tokens that are not words are taken out. */
function latinWords(text: string): string[] {
  let rest = TYPED.reduce((t, typed) => t.split(typed).join(' '), text);
  for (const [pattern] of NOT_WORDS) rest = rest.replace(pattern, ' ');
  return (rest.match(LATIN_WORD) ?? []).filter((w) => !TYPED_WORDS.has(w));
}

/** What a text has of the other language than `locale`: Latin words in Chinese, CJK in English. */
function foreign(text: string, locale: Locale): string[] {
  if (locale === 'en') return CJK.test(text) ? [text] : [];
  return latinWords(text);
}

async function workbookFindings(path: string, locale: Locale): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const found: string[] = [];
  workbook.eachSheet((sheet) => {
    if (PENDING_SHEETS.has(sheet.name)) return;
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map(cellText);
    sheet.eachRow((row, r) => {
      row.eachCell((cell, c) => {
        if (r > 1 && RECORD_COLUMNS.has(header[c] ?? '')) return;
        const text = cellText(cell.value);
        if (BILINGUAL_BY_DESIGN.test(text)) return;
        const words = foreign(text, locale);
        if (words.length > 0) found.push(`${sheet.name}!${cell.address}: ${text.slice(0, 120)}`);
      });
    });
  });
  return found;
}

/** The page's text as a reader meets it: element content and the titles and labels shown. */
function pageText(html: string): string[] {
  const shown = [...html.matchAll(/\s(?:title|aria-label|alt|data-label)="([^"]*)"/g)].map(
    (m) => m[1]!,
  );
  const body = html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
  return [...body.split('\n'), ...shown].map((l) => l.trim()).filter((l) => l !== '');
}

/** A letter's text: every run of its document and its footer. */
function letterText(path: string): string {
  const zip = new PizZip(readFileSync(path));
  return ['word/document.xml', 'word/footer1.xml']
    .map((part) => zip.file(part)?.asText() ?? '')
    .map((xml) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
}

const years: Partial<Record<Locale, DemoResult>> = {};

beforeAll(async () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    years[locale] = await runDemo(
      mkdtempSync(join(tmpdir(), `starbranch-${locale}-`)),
      undefined,
      locale,
    );
  }
}, 300_000);

describe.each(['zh-CN', 'en'] as const)('the demo year in %s', (locale) => {
  const year = () => years[locale]!;

  it('writes no word of the other language into any cell of the workbook', async () => {
    expect(await workbookFindings(year().workbook, locale)).toEqual([]);
  }, 60_000);

  it('writes none into report.html', () => {
    const lines = pageText(readFileSync(year().report, 'utf8'));
    expect(lines.length).toBeGreaterThan(100);
    expect(lines.filter((l) => foreign(l, locale).length > 0)).toEqual([]);
  });

  it('writes none into its letters', () => {
    const letters = readdirSync(year().lettersDir).filter((f) => f.endsWith('.docx'));
    expect(letters).toHaveLength(32);
    const found = letters.flatMap((f) => {
      const text = letterText(join(year().lettersDir, f));
      return foreign(text, locale).length > 0 ? [`${f}: ${text.slice(0, 200)}`] : [];
    });
    expect(found).toEqual([]);
  });
});

describe('the two demo years', () => {
  it('are the same year: the same counts, standings and awards, in other words', () => {
    const zh = years['zh-CN']!;
    const en = years.en!;
    expect(en.rejected).toBe(zh.rejected);
    expect(en.letters.made).toBe(zh.letters.made);
    const standing = (r: DemoResult) =>
      r.awards.standings.map((s) => [s.branch, s.rank, s.total.toFixed(2), s.advanced]);
    expect(standing(en)).toEqual(standing(zh));
    expect(en.awards.standings[0]!.name).not.toMatch(CJK);
    expect(zh.awards.standings[0]!.name).toMatch(CJK);
  });
});

describe('the checks themselves', () => {
  it('find an English word in a Chinese cell, and let ids, addresses and typed values pass', () => {
    expect(latinWords('2026-10：50 branches ranked')).toEqual(['branches', 'ranked']);
    expect(
      latinWords(
        '与 r-0b6865204d3958ce 重复；见 https://pan.example.edu.cn/s/abc 与 li@example.edu.cn',
      ),
    ).toEqual([]);
    expect(latinWords('letters/ADV-B010-某支部-先进党支部.docx')).toEqual([]);
    expect(latinWords('运行 `starbranch refresh` 或等每日任务')).toEqual([]);
    expect(foreign('Advanced party branch', 'en')).toEqual([]);
    expect(foreign('先进党支部', 'en')).toEqual(['先进党支部']);
  });
});
