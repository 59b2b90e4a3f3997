/**
 * 总览 in the .xlsx workbook, read back from the saved file: figures are number cells (a date a
 * date cell), the stars have a colour scale and the scores data bars (exceljs writes no charts),
 * the sheet keeps its place among the tabs, and laying it out again leaves nothing of the old one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildReport } from '../../src/app/report';
import { tabName } from '../../src/domain/schema/table';
import { DashboardTable } from '../../src/domain/schema/tables';
import { workbookTables } from '../../src/domain/schema/workbook';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { XlsxStore } from '../../src/local/xlsxStore';
import { dashboardWorkbook } from '../support/dashboardWorkbook';

jest.setTimeout(30_000);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'starbranch-dashboard-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The hand-built workbook, as an .xlsx, with 总览 laid out by the report job at its clock. */
async function laidOut(): Promise<{ path: string; xlsx: XlsxStore; now: string }> {
  const memory = dashboardWorkbook();
  const xlsx = XlsxStore.create(workbookTables(DEFAULT_CONFIG.defenseRubric), 'zh-CN');
  for (const def of workbookTables(DEFAULT_CONFIG.defenseRubric)) {
    const rows = memory.store.peek(def.name);
    if (!def.freeForm && rows.length > 0) xlsx.write(def, rows);
  }
  buildReport({ store: xlsx, clock: memory.clock });
  const path = join(dir, `college-${Math.random().toString(36).slice(2)}.xlsx`);
  await xlsx.save(path);
  return { path, xlsx, now: memory.clock.now() };
}

async function sheetOf(path: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  expect(workbook.worksheets[0]!.name).toBe(tabName(DashboardTable, 'zh-CN'));
  return workbook.getWorksheet('总览')!;
}

/** The row whose column A reads `label`, as the file holds it. */
function rowNamed(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && row.getCell(1).value === label) found = row;
  });
  if (!found) throw new Error(`no row ${label}`);
  return found;
}

interface StoredRule {
  type: string;
  cfvo?: { type: string; value?: number }[];
}

describe('总览 in the .xlsx workbook', () => {
  let path: string;
  beforeAll(async () => {
    ({ path } = await laidOut());
  });

  it('stores the counts as numbers, and the next draw in days with a unit format', async () => {
    const sheet = await sheetOf(path);
    expect(rowNamed(sheet, '待审核的支部申报').getCell(2).value).toBe(1);
    expect(rowNamed(sheet, '待处理表中未处理的回复').getCell(2).value).toBe(1);
    expect(rowNamed(sheet, '需重算的月份').getCell(2).value).toBe(1);
    expect(rowNamed(sheet, '待生成的荣誉证书').getCell(2).value).toBe(2);
    const days = rowNamed(sheet, '距下次示范支部抽选').getCell(2);
    expect(days.value).toBe(22);
    expect(days.numFmt).toBe('0" 天"');
  });

  it('stores scores as numbers with two decimals, never "18 / 333" as text', async () => {
    const sheet = await sheetOf(path);
    const score = rowNamed(sheet, '计算机学院第1党支部').getCell(4);
    expect(score.value).toBe(40);
    expect(score.numFmt).toBe('0.00');
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^\d+\s*\/\s*\d+$/);
      }),
    );
  });

  it('gives the stars a colour scale 0–5 and the scores, points and totals data bars', async () => {
    const sheet = await sheetOf(path);
    const formats = (
      sheet as unknown as { conditionalFormattings: { ref: string; rules: StoredRule[] }[] }
    ).conditionalFormattings;
    const header = (ref: string) => {
      const [, column, row] = /^([A-Z]+)(\d+):/.exec(ref)!;
      return sheet.getCell(`${column}${Number(row) - 1}`).value;
    };
    const scales = formats.filter((f) => f.rules[0]!.type === 'colorScale');
    expect(scales.map((f) => header(f.ref))).toEqual(['星级']);
    expect(scales[0]!.rules[0]!.cfvo).toEqual([
      { type: 'num', value: 0 },
      { type: 'num', value: 5 },
    ]);
    const bars = formats.filter((f) => f.rules[0]!.type === 'dataBar').map((f) => header(f.ref));
    expect(bars).toEqual(expect.arrayContaining(['月度得分', '活动积分', '综合得分']));
  });

  it('sets an A4 landscape page, fit to the width', async () => {
    const sheet = await sheetOf(path);
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
  });

  it('laid out again in an opened workbook, it stays first and keeps nothing of the old', async () => {
    const opened = await XlsxStore.open(path);
    opened.writeSheet(DashboardTable, {
      rows: [[{ value: '短', style: 'title' }]],
      widths: [10],
      highlights: [],
      charts: [],
    });
    const again = join(dir, 'again.xlsx');
    await opened.save(again);
    const sheet = await sheetOf(again);
    const values: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values).toEqual(['短']);
    expect(
      (sheet as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings,
    ).toEqual([]);
    expect(opened.sheetNames()).toEqual(
      workbookTables(DEFAULT_CONFIG.defenseRubric).map((d) => tabName(d, 'zh-CN')),
    );
  });
});
