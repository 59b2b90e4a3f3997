/**
 * The workbook as staff open and print it, read back with exceljs: widths that fit, a filter on
 * every table, A4 landscape pages one page wide with the header repeated, dates as date cells,
 * text still text, and the 设置 sheet named, grouped and checked, old layouts still read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readConfig } from '../../src/app/context';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import type { Cell } from '../../src/domain/schema/column';
import { headerRow, type TableDef } from '../../src/domain/schema/table';
import {
  ActivitiesTable,
  AwardsTable,
  BranchesTable,
  ConfigTable,
  DashboardTable,
  JudgesTable,
  LogTable,
} from '../../src/domain/schema/tables';
import { displayWidth } from '../../src/domain/schema/widths';
import { workbookTables } from '../../src/domain/schema/workbook';
import { XlsxStore } from '../../src/local/xlsxStore';

const TABLES = workbookTables(DEFAULT_CONFIG.defenseRubric);

/**
 * The sheets that hold tables: not the dashboard (总览), which is empty until the report job lays
 * it out whole, with its own page (test/local/xlsxDashboard.test.ts).
 */
function tableSheets(workbook: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return workbook.worksheets.filter((sheet) => sheet.name !== DashboardTable.zh);
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'starbranch-layout-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function saved(store: XlsxStore): Promise<string> {
  const path = join(dir, 'book.xlsx');
  await store.save(path);
  return path;
}

async function rawWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

const colOf = (def: TableDef, key: string): number => Object.keys(def.columns).indexOf(key) + 1;

function row(def: TableDef, values: Record<string, Cell>): Cell[] {
  return Object.keys(def.columns).map((key) => values[key] ?? null);
}

const LONG_NAME = '计算机科学与技术学院二〇二三级本科生第一党支部';

function branch(id: string, name: string): Cell[] {
  return row(BranchesTable, {
    id,
    name,
    tier: '低年级本科生党支部',
    unit: '计算机学院',
    secretary: '张三',
    members: 25,
    status: '已通过',
    appliedAt: '2026-09-10 10:00:00',
  });
}

function activity(id: string, values: Record<string, Cell> = {}): Cell[] {
  return row(ActivitiesTable, {
    responseId: id,
    submittedAt: '2026-10-05 14:03:27',
    branch: 'B001',
    date: '2026-10-04',
    kind: '读一本好书',
    title: '读书会',
    participants: 20,
    status: '已提交',
    ...values,
  });
}

describe('column widths', () => {
  it('fit the header and the longest value, CJK counted double, within the cap', async () => {
    const store = XlsxStore.create(TABLES, 'zh-CN');
    store.write(BranchesTable, [
      headerRow(BranchesTable, 'zh-CN'),
      branch('B001', LONG_NAME),
      branch('B002', '短名'),
    ]);
    const sheet = sheetOf(await rawWorkbook(await saved(store)), '支部');
    const width = (key: string) => sheet.getColumn(colOf(BranchesTable, key)).width!;
    // The name column holds its longest name whole: 23 CJK characters, 46 wide, plus padding.
    expect(displayWidth(LONG_NAME)).toBe(46);
    expect(width('name')).toBe(48);
    // Branch ids are short: the header 支部编号 (8) sets the width, not a default.
    expect(width('id')).toBe(10);
    // The applied-at times fit (19 characters).
    expect(width('appliedAt')).toBe(21);
    for (let c = 1; c <= sheet.columnCount; c++) {
      const w = sheet.getColumn(c).width!;
      expect(w).toBeGreaterThanOrEqual(6);
      expect(w).toBeLessThanOrEqual(60);
      expect(Number.isInteger(w)).toBe(true);
    }
  });

  it('are capped: a long text does not push the others off the page', async () => {
    const store = XlsxStore.create(TABLES, 'zh-CN');
    store.write(BranchesTable, [
      headerRow(BranchesTable, 'zh-CN'),
      row(BranchesTable, {
        ...Object.fromEntries(
          Object.keys(BranchesTable.columns).map((k, i) => [k, branch('B001', 'x')[i]!]),
        ),
        plan: '创建计划'.repeat(100),
        unit: '单位'.repeat(60),
      }),
    ]);
    const sheet = sheetOf(await rawWorkbook(await saved(store)), '支部');
    expect(sheet.getColumn(colOf(BranchesTable, 'plan')).width).toBe(36);
    expect(sheet.getColumn(colOf(BranchesTable, 'unit')).width).toBe(30);
  });

  it('follow the data when it changes: a width the store set fits again, narrower too', async () => {
    const store = XlsxStore.create(TABLES, 'zh-CN');
    const head = headerRow(BranchesTable, 'zh-CN');
    store.write(BranchesTable, [head, branch('B001', LONG_NAME)]);
    store.write(BranchesTable, [head, branch('B001', '一支部')]);
    const sheet = sheetOf(await rawWorkbook(await saved(store)), '支部');
    expect(sheet.getColumn(colOf(BranchesTable, 'name')).width).toBe(10);
  });
});

describe('filters and pages', () => {
  it('puts a filter over every table, header and rows, staff columns included', async () => {
    const store = XlsxStore.create(TABLES, 'zh-CN');
    store.write(BranchesTable, [
      [...headerRow(BranchesTable, 'zh-CN'), '我的备注'],
      [...branch('B001', '一支部'), '记得回访'],
      branch('B002', '二支部'),
    ]);
    const raw = await rawWorkbook(await saved(store));
    const width = Object.keys(BranchesTable.columns).length + 1;
    const last = String.fromCharCode(64 + width);
    expect(sheetOf(raw, '支部').autoFilter).toBe(`A1:${last}3`);
    for (const sheet of tableSheets(raw)) expect(sheet.autoFilter).toMatch(/^A1:[A-Z]+\d+$/);
  });

  it('sets every sheet, an archive too, to A4 landscape, one page wide, header repeated', async () => {
    const store = XlsxStore.create(TABLES, 'zh-CN');
    store.addSheet('答辩评分-旧细则', [
      ['评委', '分数'],
      ['甲', 90],
    ]);
    const raw = await rawWorkbook(await saved(store));
    expect(raw.worksheets.map((s) => s.name)).toContain('答辩评分-旧细则');
    for (const sheet of tableSheets(raw)) {
      expect({ sheet: sheet.name, ...sheet.pageSetup }).toMatchObject({
        sheet: sheet.name,
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '1:1',
      });
      expect(sheet.headerFooter.oddFooter).toContain('&P');
    }
    // The print area is the table: columns A to its last, rows to its last.
    expect(raw.getWorksheet('支部')!.pageSetup.printArea).toMatch(/^\$?A\$?1:\$?N\$?1$/);
  });

  it("cuts the system's long records at their column instead of running over the page", async () => {
    const store = XlsxStore.create(TABLES, 'zh-CN');
    const printed = JSON.stringify({ recipient: LONG_NAME, rank: 1, score: '92.53' });
    store.write(AwardsTable, [
      headerRow(AwardsTable, 'zh-CN'),
      row(AwardsTable, {
        awardId: 'ADV-B001',
        kind: '先进党支部',
        branch: 'B001',
        recipient: LONG_NAME,
        title: '先进党支部',
        printed,
      }),
    ]);
    const sheet = sheetOf(await rawWorkbook(await saved(store)), '表彰');
    const cell = sheet.getCell(2, colOf(AwardsTable, 'printed'));
    expect(cell.value).toBe(printed);
    expect(cell.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(sheet.getRow(2).height).toBe(15);
    expect(sheet.getColumn(colOf(AwardsTable, 'printed')).width).toBe(16);
    // A column people read is not cut: the recipient's name is whole.
    expect(sheet.getCell(2, colOf(AwardsTable, 'recipient')).alignment?.wrapText).toBeFalsy();
  });
});

describe('dates and times', () => {
  it('are date cells with a date format, and read back as the text they were', async () => {
    const store = XlsxStore.create(TABLES, 'zh-CN');
    const rows = [
      headerRow(ActivitiesTable, 'zh-CN'),
      activity('r1'),
      activity('r2', { submittedAt: '2026-10-06 00:00:00', date: '2026-10-06' }),
    ];
    store.write(ActivitiesTable, rows);
    const path = await saved(store);
    const sheet = sheetOf(await rawWorkbook(path), '活动');
    const cell = (r: number, key: string) => sheet.getCell(r, colOf(ActivitiesTable, key));
    expect(cell(2, 'submittedAt').value).toEqual(new Date(Date.UTC(2026, 9, 5, 14, 3, 27)));
    expect(cell(2, 'submittedAt').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(cell(2, 'date').value).toEqual(new Date(Date.UTC(2026, 9, 4)));
    expect(cell(2, 'date').numFmt).toBe('yyyy-mm-dd');
    expect((await XlsxStore.open(path)).read(ActivitiesTable)).toEqual(rows);
  });

  it('leave text in a date column that is not a date, and dates typed in text columns, as text', async () => {
    const store = XlsxStore.create(TABLES, 'zh-CN');
    const rows = [
      headerRow(ActivitiesTable, 'zh-CN'),
      activity('r1', { date: '昨天', title: '2026-10-05', description: '=TODAY()' }),
      activity('r2', { date: '2026-10-05 08:00:00' }),
    ];
    store.write(ActivitiesTable, rows);
    const path = await saved(store);
    const sheet = sheetOf(await rawWorkbook(path), '活动');
    const cell = (r: number, key: string) => sheet.getCell(r, colOf(ActivitiesTable, key));
    for (const [r, key] of [
      [2, 'date'],
      [2, 'title'],
      [2, 'description'],
      [3, 'date'],
    ] as const) {
      expect(cell(r, key).type).toBe(ExcelJS.ValueType.String);
    }
    expect(cell(2, 'description').formula).toBeUndefined();
    expect((await XlsxStore.open(path)).read(ActivitiesTable)).toEqual(rows);
  });

  it('read a date cell and the old text form alike', async () => {
    const path = await saved(XlsxStore.create(TABLES, 'zh-CN'));
    const raw = await rawWorkbook(path);
    const log = sheetOf(raw, '日志');
    const started = colOf(LogTable, 'startedAt');
    log.getCell(2, started).value = new Date(Date.UTC(2026, 9, 1, 6, 0, 0));
    log.getCell(2, started).numFmt = 'yyyy/m/d h:mm';
    log.getCell(3, started).value = '2026-10-02 06:00:00';
    for (const r of [2, 3]) {
      log.getCell(r, colOf(LogTable, 'job')).value = 'finalize';
      log.getCell(r, colOf(LogTable, 'outcome')).value = 'ok';
    }
    await raw.xlsx.writeFile(path);
    const rows = (await XlsxStore.open(path)).read(LogTable);
    expect(rows.slice(1).map((r) => r[colOf(LogTable, 'startedAt') - 1])).toEqual([
      '2026-10-01 06:00:00',
      '2026-10-02 06:00:00',
    ]);
  });
});

describe('the 设置 sheet', () => {
  const value = (sheet: ExcelJS.Worksheet, key: string): ExcelJS.Cell => {
    const keyAt = colOf(ConfigTable, 'key');
    for (let r = 2; r <= sheet.rowCount; r++) {
      if (sheet.getCell(r, keyAt).value === key)
        return sheet.getCell(r, colOf(ConfigTable, 'value'));
    }
    throw new Error(`no setting ${key}`);
  };

  it('names each setting first, in its group, with the key last', async () => {
    const raw = await rawWorkbook(await saved(XlsxStore.create(TABLES, 'zh-CN')));
    const sheet = sheetOf(raw, '设置');
    expect(sheet.getRow(1).values).toEqual([undefined, '分组', '设置', '值', '说明', '键']);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '年度与日期',
      '界面语言',
      '简体中文',
      '表头、下拉选项和提示所用的语言。从下拉列表中选择。',
      'locale',
    ]);
    // The key column is kept narrow.
    expect(sheet.getColumn(colOf(ConfigTable, 'key')).width).toBeLessThanOrEqual(20);
  });

  it('checks every enumerated and numeric value: dropdowns and number ranges', async () => {
    const raw = await rawWorkbook(await saved(XlsxStore.create(TABLES, 'zh-CN')));
    const sheet = sheetOf(raw, '设置');
    expect(value(sheet, 'aggregateBy').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"按总分,按分项"'],
      showErrorMessage: true,
    });
    expect(value(sheet, 'normalizeJudges').dataValidation.formulae).toEqual(['"是,否"']);
    expect(value(sheet, 'letterSharing').dataValidation.formulae[0]).toContain('仅本人');
    expect(value(sheet, 'dateOrder').dataValidation.formulae).toEqual([
      '"年-月-日,月-日-年,日-月-年"',
    ]);
    expect(value(sheet, 'locale').dataValidation.formulae).toEqual(['"简体中文,英文"']);
    expect(value(sheet, 'showcaseDay').dataValidation).toMatchObject({
      type: 'whole',
      operator: 'between',
      formulae: [1, 28],
    });
    expect(value(sheet, 'noEvidenceFactor').dataValidation).toMatchObject({
      type: 'decimal',
      formulae: [0, 1],
    });
    expect(value(sheet, 'starQuota5').dataValidation).toMatchObject({
      type: 'decimal',
      allowBlank: true,
    });
    expect(value(sheet, 'programYear').dataValidation).toBeUndefined();
    expect(value(sheet, 'monthlyTarget').value).toBe(30);
  });

  it('in an English workbook, names, groups and choices are English', async () => {
    const raw = await rawWorkbook(await saved(XlsxStore.create(TABLES, 'en')));
    const sheet = sheetOf(raw, 'Config');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Group', 'Setting', 'Value', 'Note', 'Key']);
    expect(value(sheet, 'aggregateBy').value).toBe('By total');
    expect(value(sheet, 'aggregateBy').dataValidation.formulae).toEqual([
      '"By total,By criterion"',
    ]);
  });

  it('reads a value typed in Chinese in an English workbook, and the other way round', async () => {
    const path = await saved(XlsxStore.create(TABLES, 'en'));
    const raw = await rawWorkbook(path);
    value(sheetOf(raw, 'Config'), 'aggregateBy').value = '按分项';
    value(sheetOf(raw, 'Config'), 'requireCompliance').value = '否';
    await raw.xlsx.writeFile(path);
    const store = await XlsxStore.open(path);
    const config = readConfig({ store, clock: { now: () => '', elapsedMs: () => 0 } });
    expect(config.aggregateBy).toBe('criterion');
    expect(config.requireCompliance).toBe(false);
    expect(config.locale).toBe('en');
  });

  it('still reads a workbook of the old layout: keys in the first column under 设置项', async () => {
    const store = XlsxStore.create([JudgesTable], 'zh-CN');
    const path = await saved(store);
    const raw = await rawWorkbook(path);
    const old = raw.addWorksheet('设置');
    old.addRows([
      ['设置项', '值', '说明'],
      ['locale', 'en', '界面语言'],
      ['monthlyTarget', '40', '月度满分所需积分'],
      ['aggregateBy', 'criterion', '评分汇总方式（total 总分 / criterion 分项）'],
      ['normalizeJudges', 'true', '评委标准化（z分数）'],
    ]);
    await raw.xlsx.writeFile(path);
    const reopened = await XlsxStore.open(path);
    expect(reopened.locale).toBe('en');
    const config = readConfig({ store: reopened, clock: { now: () => '', elapsedMs: () => 0 } });
    expect(config).toMatchObject({
      locale: 'en',
      monthlyTarget: 40,
      aggregateBy: 'criterion',
      normalizeJudges: true,
    });
  });
});
