/**
 * 待处理 (Rejected) as staff work in it, through the CLI and the `.xlsx` file: the answers under
 * their question titles, the failing answer's cell with a note and a highlight, a 处理方式
 * dropdown; a staff member fixes a cell in Excel or dismisses a row, runs `reprocess`, and the
 * fixed row moves while the dismissed one stays, closed. An English workbook's sheet is English
 * but for what the students typed.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTIVITY_FORM } from '../../src/domain/forms';
import { ActivitiesTable, BranchesTable } from '../../src/domain/schema/tables';
import { writeFormsCsv } from '../../src/local/formsCsv';
import type { Locale } from '../../src/domain/vocabulary';
import { main } from '../../src/local/cli';
import { activityAnswers } from '../support/fakes';
import { edit, editRejectedCells, records } from '../support/workbookEdits';

const dir = mkdtempSync(join(tmpdir(), 'starbranch-rejected-'));

async function ok(...argv: string[]): Promise<string> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  if (code !== 0) throw new Error(`${argv.join(' ')}: ${err.join('\n')}\n${out.join('\n')}`);
  return out.join('\n');
}

/** A workbook with B001 and B002 approved (as staff seed 支部 by hand). */
async function workbook(name: string, locale: Locale): Promise<string> {
  const path = join(dir, name);
  await ok('init', path, ...(locale === 'en' ? ['--locale', 'en'] : []));
  await edit(path, BranchesTable, (table) => {
    for (const [id, n] of [
      ['B001', 1],
      ['B002', 2],
    ] as const) {
      table.upsert({
        id,
        name: `计算机学院第${n}党支部`,
        tier: 'junior',
        unit: '计算机学院',
        secretary: '张三',
        email: null,
        members: 20,
        status: 'approved',
        plan: null,
        planLink: null,
        reviewNote: null,
        complianceOverride: null,
        responseId: null,
        appliedAt: null,
      });
    }
  });
  return path;
}

/** Three bad reports: an unknown branch, a number written in words, a repeat to dismiss. */
function badReports(locale: Locale): string {
  const file = join(dir, `activity-${locale}.csv`);
  const rows = [
    { timestamp: '2026/10/11 10:00:00', answers: activityAnswers('B999', { title: '甲' }) },
    {
      timestamp: '2026/10/11 11:00:00',
      answers: activityAnswers('B001', { title: '乙', participants: '三十' }),
    },
    { timestamp: '2026/10/11 12:00:00', answers: activityAnswers('B998', { title: '丙' }) },
  ];
  const english = locale === 'en';
  const kind = english ? 'Read a good book' : '读一本好书';
  const counselor = english ? 'Yes' : '是';
  writeFileSync(
    file,
    writeFormsCsv(
      ACTIVITY_FORM,
      rows.map((r) => ({
        ...r,
        answers: { ...r.answers, kind, counselorPresent: counselor },
      })),
      locale,
    ),
  );
  return file;
}

interface SheetCell {
  readonly value: unknown;
  readonly note: string | undefined;
  readonly fill: string | undefined;
  /** The cell's dropdown, if any. */
  readonly list: readonly string[] | undefined;
}

/** The Rejected sheet read back with exceljs: header → cell, one object per row. */
async function rejectedSheet(path: string): Promise<{
  header: string[];
  rows: Record<string, SheetCell>[];
}> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = (book.getWorksheet('待处理') ?? book.getWorksheet('Rejected'))!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''));
  const rows: Record<string, SheetCell>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (!row.hasValues) continue;
    const cells: Record<string, SheetCell> = {};
    header.forEach((h, i) => {
      const cell = row.getCell(i + 1);
      const fill = cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined;
      const note = typeof cell.note === 'string' ? cell.note : undefined;
      const list = cell.dataValidation?.type === 'list' ? cell.dataValidation.formulae : undefined;
      cells[h] = { value: cell.value, note, fill, list };
    });
    rows.push(cells);
  }
  return { header, rows };
}

const marked = (row: Record<string, SheetCell>) =>
  Object.entries(row)
    .filter(([, c]) => c.note !== undefined || c.fill !== undefined)
    .map(([h, c]) => [h, c.note, c.fill]);

const MARK = 'FFFFE599';

test('staff fix a cell in Excel and reprocess; a dismissed row stays, closed', async () => {
  const path = await workbook('zh.xlsx', 'zh-CN');
  await ok('ingest', path, '--form', 'activity', badReports('zh-CN'));

  const before = await rejectedSheet(path);
  expect(before.header.slice(0, 7)).toEqual([
    '响应编号',
    '表单',
    '提交时间',
    '原因',
    '待改字段',
    '处理方式',
    '支部',
  ]);
  expect(before.header.at(-1)).toBe('原始内容');
  const [unknown, words, repeat] = before.rows as [
    Record<string, SheetCell>,
    Record<string, SheetCell>,
    Record<string, SheetCell>,
  ];
  expect(unknown['表单']!.value).toBe('活动报告表');
  expect(unknown['活动名称']!.value).toBe('甲');
  // The failing answer carries the reason as a note, on the highlight; nothing else is marked.
  expect(marked(unknown)).toEqual([['支部', unknown['原因']!.value, MARK]]);
  expect(unknown['原因']!.value).toMatch(/^「支部」填的是“B999”，不是已登记的支部/);
  expect(marked(words)).toEqual([['参加人数', words['原因']!.value, MARK]]);
  expect(words['原因']!.value).toBe(
    '「参加人数」填的是“三十”，不是数字；应填介于 1 到 10000 之间的整数',
  );
  // 处理方式 is a dropdown of the ways to handle a row.
  // No English but what the students typed (a link, the ids).
  for (const row of before.rows) {
    for (const [column, cell] of Object.entries(row)) {
      if (column === '响应编号' || column === '原始内容') continue;
      const text = String(cell.value ?? '').replace('https://example.edu.cn/evidence/1', '');
      expect({ column, words: text.match(/[A-Za-z]{3,}/g) }).toEqual({ column, words: null });
    }
  }
  expect(unknown['处理方式']!.list).toEqual(['"待修改,忽略（重复）,忽略（无效）,忽略（其他）"']);
  expect(unknown['支部']!.list).toBeUndefined();

  // In Excel: the branch corrected, the number written in figures, the repeat dismissed.
  const id = (row: Record<string, SheetCell>) => String(row['响应编号']!.value);
  await editRejectedCells(path, id(unknown), { 支部: 'B002' });
  await editRejectedCells(path, id(words), { 参加人数: '30' });
  await editRejectedCells(path, id(repeat), { 处理方式: '忽略（重复）' });

  const out = await ok('reprocess', path);
  expect(out).toContain('1 条已忽略，记录在「待处理」中，不再处理');

  const moved = await records(path, ActivitiesTable);
  expect(moved.map((a) => [a.title, a.branch, a.participants])).toEqual([
    ['甲', 'B002', 30],
    ['乙', 'B001', 30],
  ]);
  const after = await rejectedSheet(path);
  for (const row of after.rows) {
    expect(row['已处理']!.value).toBe('是');
    expect(row['处理时间']!.value).toBeTruthy();
    // Closed rows are no longer pointed out: notes and highlights gone.
    expect(marked(row)).toEqual([]);
  }
  expect(after.rows[2]!['处理方式']!.value).toBe('忽略（重复）');
  expect(after.rows[0]!['支部']!.value).toBe('B002');

  // Nothing is left to do, and nothing is done twice.
  expect(await ok('reprocess', path)).not.toContain('已忽略');
  expect(await records(path, ActivitiesTable)).toHaveLength(2);
}, 60_000);

test('an English workbook: Rejected has no Chinese but what the students typed', async () => {
  const path = await workbook('en.xlsx', 'en');
  await ok('ingest', path, '--form', 'activity', badReports('en'));
  const { header, rows } = await rejectedSheet(path);
  const han = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;
  expect(header.filter((h) => han.test(h))).toEqual([]);
  expect(rows).toHaveLength(3);
  const typed = new Set(
    ['甲', '乙', '丙', '三十', '共读红色经典', '《红岩》读书会'].map((t) => t.normalize()),
  );
  for (const row of rows) {
    for (const [column, cell] of Object.entries(row)) {
      if (column === 'Raw payload') continue;
      const text = String(cell.value ?? '');
      if (!han.test(text)) continue;
      // A reason quotes what was typed; any other Chinese is a leak.
      const rest = [...typed].reduce((t, s) => t.split(s).join(''), text);
      expect({ column, rest, leak: han.test(rest) }).toEqual({ column, rest, leak: false });
    }
  }
  expect(rows[0]!['Form']!.value).toBe('Activity report');
  expect(rows[1]!['Reason']!.value).toBe(
    'Participants: "三十" is not a number; expected a whole number from 1 to 10000',
  );
  expect(marked(rows[1]!)).toEqual([['Participants', rows[1]!['Reason']!.value, MARK]]);
  const payload = JSON.parse(String(rows[1]!['Raw payload']!.value)) as Record<string, string>;
  expect(Object.keys(payload).filter((k) => han.test(k))).toEqual([]);
}, 60_000);
