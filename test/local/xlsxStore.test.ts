import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DEFAULT_CONFIG, parseConfig, SETTING_KEYS } from '../../src/domain/config';
import type { Cell } from '../../src/domain/schema/column';
import { defenseScoresTable } from '../../src/domain/schema/defenseScores';
import { headerRow, tabName, type TableDef } from '../../src/domain/schema/table';
import {
  ActivitiesTable,
  AwardsTable,
  BranchesTable,
  ConfigTable,
  DashboardTable,
  DefenseResultsTable,
  JudgesTable,
  LogTable,
  MonthlyResultsTable,
  NominationsTable,
  OnsiteVotesTable,
  RejectedTable,
  ShowcaseTable,
} from '../../src/domain/schema/tables';
import type { Locale } from '../../src/domain/vocabulary';
import { formatExcelDate, MAX_CELL_TEXT, XlsxStore } from '../../src/local/xlsxStore';

const TABLES: TableDef[] = [
  ConfigTable,
  BranchesTable,
  ActivitiesTable,
  OnsiteVotesTable,
  ShowcaseTable,
  MonthlyResultsTable,
  JudgesTable,
  defenseScoresTable(DEFAULT_CONFIG.defenseRubric),
  DefenseResultsTable,
  NominationsTable,
  AwardsTable,
  RejectedTable,
  LogTable,
  DashboardTable,
];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'starbranch-xlsx-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function saved(store: XlsxStore, name = 'book.xlsx'): Promise<string> {
  const path = join(dir, name);
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

const header = (def: TableDef, locale: Locale = 'zh-CN'): Cell[] => headerRow(def, locale);

/** A Branches row in the zh-CN workbook, with `overrides` by column key. */
function branchRow(overrides: Record<string, Cell> = {}): Cell[] {
  const values: Record<string, Cell> = {
    id: 'B001',
    name: '计算机学院本科生第一党支部',
    tier: '低年级本科生党支部',
    unit: '计算机学院',
    secretary: '张三',
    email: 'zhang@example.edu.cn',
    members: 25,
    status: '已通过',
    plan: '第一行\n第二行',
    planLink: null,
    reviewNote: null,
    complianceOverride: '否',
    responseId: 'r1',
    appliedAt: '2026-09-10 10:00:00',
    ...overrides,
  };
  return Object.keys(BranchesTable.columns).map((key) => values[key] ?? null);
}

const colOf = (def: TableDef, key: string): number => Object.keys(def.columns).indexOf(key) + 1;

describe('XlsxStore.create', () => {
  it.each<Locale>(['zh-CN', 'en'])(
    'makes every sheet with its header, and reads them back after a save (%s)',
    async (locale) => {
      const path = await saved(XlsxStore.create(TABLES, locale));
      const store = await XlsxStore.open(path);
      expect(store.locale).toBe(locale);
      expect(store.sheetNames()).toEqual(TABLES.map((t) => tabName(t, locale)));
      for (const table of TABLES) {
        const rows = store.read(table);
        // The dashboard is laid out by the report job: empty until then.
        if (table.freeForm) {
          expect(rows).toEqual([]);
          continue;
        }
        expect(rows[0]).toEqual(headerRow(table, locale));
        if (table !== ConfigTable) expect(rows).toHaveLength(1);
      }
      const raw = await rawWorkbook(path);
      expect(raw.creator).toBe('StarBranch');
    },
  );

  it.each<Locale>(['zh-CN', 'en'])('prefills Config with every setting (%s)', async (locale) => {
    const store = await XlsxStore.open(await saved(XlsxStore.create(TABLES, locale)));
    const [head, ...rows] = store.read(ConfigTable);
    expect(head).toEqual(headerRow(ConfigTable, locale));
    const [group, label, value, note, key] = ['group', 'label', 'value', 'note', 'key'].map(
      (k) => colOf(ConfigTable, k) - 1,
    ) as [number, number, number, number, number];
    expect(rows.map((r) => r[key])).toEqual(SETTING_KEYS);
    expect(rows.every((r) => typeof r[note] === 'string' && r[note] !== '')).toBe(true);
    expect(rows.every((r) => typeof r[label] === 'string' && typeof r[group] === 'string')).toBe(
      true,
    );
    // Numbers are numbers, so the number checks hold; choices are the locale's labels.
    expect(rows.find((r) => r[key] === 'monthlyTarget')?.[value]).toBe(30);
    expect(rows.find((r) => r[key] === 'locale')?.[value]).toBe(
      locale === 'en' ? 'English' : '简体中文',
    );
    const config = parseConfig(
      rows.map((r) => ({
        key: r[key] as string,
        value: r[value] === null ? null : String(r[value]),
      })),
    );
    expect(config.locale).toBe(locale);
  });

  it('freezes, styles and formats every sheet from the schema', async () => {
    const raw = await rawWorkbook(await saved(XlsxStore.create(TABLES, 'zh-CN')));
    const branches = sheetOf(raw, '支部');
    expect(branches.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const head = branches.getCell(1, 1);
    expect(head.font?.bold).toBe(true);
    expect(head.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(branches.getColumn(colOf(BranchesTable, 'name')).width).toBeGreaterThanOrEqual(18);
    expect(branches.getColumn(colOf(BranchesTable, 'members')).numFmt).toBe('0');
    const activities = sheetOf(raw, '活动');
    expect(activities.getColumn(colOf(ActivitiesTable, 'funds')).numFmt).toBe('0.00');
    expect(activities.getColumn(colOf(ActivitiesTable, 'date')).numFmt).toBe('yyyy-mm-dd');
    // A CJK header is twice as wide as its characters.
    expect(activities.getColumn(colOf(ActivitiesTable, 'funds')).width).toBeGreaterThanOrEqual(14);
  });

  it('puts a dropdown of the tier labels under 支部层次, from row 2 to at least row 1001', async () => {
    const raw = await rawWorkbook(await saved(XlsxStore.create(TABLES, 'zh-CN')));
    const sheet = sheetOf(raw, '支部');
    const col = colOf(BranchesTable, 'tier');
    for (const row of [2, 500, 1001]) {
      expect(sheet.getCell(row, col).dataValidation).toMatchObject({
        type: 'list',
        formulae: ['"低年级本科生党支部,高年级本科生党支部,研究生党支部"'],
        showErrorMessage: true,
        showInputMessage: true,
      });
    }
    expect(sheet.getCell(2, col).dataValidation.prompt).toContain('研究生党支部');
    expect(sheet.getCell(2, col).dataValidation.error).toBeTruthy();
    expect(sheet.getCell(1, col).dataValidation).toBeUndefined();
    expect(sheet.getCell(2, colOf(BranchesTable, 'name')).dataValidation).toBeUndefined();
    const yesNo = sheet.getCell(2, colOf(BranchesTable, 'complianceOverride')).dataValidation;
    expect(yesNo?.formulae).toEqual(['"是,否"']);
  });

  it('lists the English labels in an English workbook', async () => {
    const raw = await rawWorkbook(await saved(XlsxStore.create(TABLES, 'en')));
    const sheet = sheetOf(raw, 'Branches');
    expect(sheet.getCell(2, colOf(BranchesTable, 'tier')).dataValidation.formulae).toEqual([
      '"Junior undergraduate branch,Senior undergraduate branch,Graduate branch"',
    ]);
    const kinds = sheetOf(raw, 'Activities').getCell(2, colOf(ActivitiesTable, 'kind'));
    expect(kinds.dataValidation.formulae[0]).toContain('Set up a symbol');
  });
});

describe('XlsxStore.write and read', () => {
  it('writes text as text, never a formula, and numbers as numbers', async () => {
    const store = XlsxStore.create(TABLES, 'zh-CN');
    const tricky = [
      '=HYPERLINK("x")',
      '+1',
      '-3',
      '第一行\n第二行\r\n第三行',
      '@SUM(A1)',
      '  spaced  ',
      '2026-10-15',
    ] as const;
    const rows: Cell[][] = [
      header(BranchesTable),
      branchRow({ name: tricky[0], unit: tricky[1], secretary: tricky[2], plan: tricky[3] }),
      branchRow({ id: 'B002', name: tricky[4], unit: tricky[5], secretary: tricky[6] }),
      branchRow({ id: 'B003', members: -3 }),
      branchRow({ id: 'B004', members: 12.5, reviewNote: true }),
    ];
    store.write(BranchesTable, rows);
    const path = await saved(store);

    const sheet = sheetOf(await rawWorkbook(path), '支部');
    const cell = (row: number, key: string) => sheet.getCell(row, colOf(BranchesTable, key));
    for (const [row, key, text] of [
      [2, 'name', tricky[0]],
      [2, 'unit', tricky[1]],
      [2, 'secretary', tricky[2]],
      [2, 'plan', tricky[3]],
      [3, 'name', tricky[4]],
      [3, 'unit', tricky[5]],
      [3, 'secretary', tricky[6]],
    ] as const) {
      expect(cell(row, key).type).toBe(ExcelJS.ValueType.String);
      expect(cell(row, key).formula).toBeUndefined();
      expect(cell(row, key).value).toBe(text.replace(/\r\n/g, '\n'));
    }
    expect(cell(4, 'members').type).toBe(ExcelJS.ValueType.Number);
    expect(cell(4, 'members').value).toBe(-3);
    expect(cell(5, 'members').value).toBe(12.5);
    expect(cell(5, 'reviewNote').value).toBe(true);

    const expected = rows.map((cells) =>
      cells.map((c) => (typeof c === 'string' ? c.replace(/\r\n/g, '\n') : c)),
    );
    expect(store.read(BranchesTable)).toEqual(expected);
    expect((await XlsxStore.open(path)).read(BranchesTable)).toEqual(expected);
  });

  it('stores text as the file gives it back, so a read before and after a save agree', async () => {
    const store = XlsxStore.create([JudgesTable], 'zh-CN');
    const texts = [
      'a\u000bb\u0001c\u0000d\r\ne\rf',
      'lone \ud800 surrogate, \ufffe and \uffff',
      '_x0041_ and _x000D_ and _x005F_',
      '😀 tab\tend',
    ];
    store.write(JudgesTable, [header(JudgesTable), ...texts.map((t) => [t])]);
    const before = store
      .read(JudgesTable)
      .slice(1)
      .map((r) => r[0]);
    expect(before).toEqual([
      'a\nbcd\ne\nf',
      'lone \ufffd surrogate, \ufffd and \ufffd',
      '_x0041_ and _x000D_ and _x005F_',
      '😀 tab\tend',
    ]);
    const path = await saved(store);
    expect(
      store
        .read(JudgesTable)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(before);
    const after = (await XlsxStore.open(path))
      .read(JudgesTable)
      .slice(1)
      .map((r) => r[0]);
    expect(after).toEqual(before);
  });

  it('reads a sheet whose tab is named in the other locale, and writes to it in place', async () => {
    const path = await saved(XlsxStore.create(TABLES, 'zh-CN'));
    const raw = await rawWorkbook(path);
    const sheet = sheetOf(raw, '支部');
    sheet.name = 'Branches';
    sheet.getCell(2, 1).value = 'B009';
    await raw.xlsx.writeFile(path);

    const store = await XlsxStore.open(path);
    expect(store.locale).toBe('zh-CN');
    expect(store.read(BranchesTable)[1]?.[0]).toBe('B009');
    store.write(BranchesTable, [header(BranchesTable), branchRow()]);
    expect(store.sheetNames()).toContain('Branches');
    expect(store.sheetNames()).not.toContain('支部');
    expect(store.read(BranchesTable)).toHaveLength(2);
  });

  it('reads a missing sheet as empty and creates it with the tab name in the locale', () => {
    const store = XlsxStore.create([ConfigTable], 'en');
    expect(store.read(BranchesTable)).toEqual([]);
    store.write(BranchesTable, [headerRow(BranchesTable, 'en')]);
    expect(store.sheetNames()).toEqual(['Config', 'Branches']);
  });

  it('drops trailing blank rows and pads rows to the header width', async () => {
    const store = XlsxStore.create([JudgesTable], 'zh-CN');
    store.write(JudgesTable, [
      header(JudgesTable),
      ['王老师', null],
      [null, null, null, null],
      ['李老师', 'li@example.edu.cn', 'B001', '备注'],
      ['   ', null, '', null],
      [null],
    ]);
    const rows = (await XlsxStore.open(await saved(store))).read(JudgesTable);
    expect(rows).toEqual([
      header(JudgesTable),
      ['王老师', null, null, null],
      [null, null, null, null],
      ['李老师', 'li@example.edu.cn', 'B001', '备注'],
    ]);
  });

  it('empties old rows when fewer rows are written, keeping their formatting', async () => {
    const store = XlsxStore.create([JudgesTable], 'zh-CN');
    store.write(JudgesTable, [header(JudgesTable), ['甲', null], ['乙', null], ['丙', null]]);
    const path = await saved(store);
    const raw = await rawWorkbook(path);
    sheetOf(raw, '评委').getCell('A4').fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFFF0000' },
    };
    await raw.xlsx.writeFile(path);

    const reopened = await XlsxStore.open(path);
    reopened.write(JudgesTable, [header(JudgesTable), ['丁', null]]);
    expect(reopened.read(JudgesTable)).toEqual([header(JudgesTable), ['丁', null, null, null]]);
    const after = sheetOf(await rawWorkbook(await saved(reopened)), '评委');
    expect(after.getCell('A4').value).toBeNull();
    expect(after.getCell('A4').fill).toMatchObject({ fgColor: { argb: 'FFFF0000' } });
  });

  it('writes and reads a staff-added column, without schema formatting on it', async () => {
    const store = XlsxStore.create(TABLES, 'zh-CN');
    const rows: Cell[][] = [
      [...header(BranchesTable), '我的备注'],
      [...branchRow(), '记得回访'],
    ];
    store.write(BranchesTable, rows);
    const path = await saved(store);
    expect((await XlsxStore.open(path)).read(BranchesTable)).toEqual(rows);

    const sheet = sheetOf(await rawWorkbook(path), '支部');
    const extra = rows[0]!.length;
    expect(sheet.getCell(1, extra).font?.bold).toBe(true);
    expect(sheet.getCell(2, extra).dataValidation).toBeUndefined();
    // Fitted like the others: 我的备注 and 记得回访 are four CJK characters, eight wide.
    expect(sheet.getColumn(extra).width).toBe(10);
  });

  it('keeps a width staff set and does not stack dropdowns when written again', async () => {
    const path = await saved(XlsxStore.create(TABLES, 'zh-CN'));
    const raw = await rawWorkbook(path);
    // What Excel stores for a width of 50 typed in its dialog (the cell padding added).
    sheetOf(raw, '支部').getColumn(2).width = 50.7109375;
    await raw.xlsx.writeFile(path);

    const store = await XlsxStore.open(path);
    const rows = [header(BranchesTable), ...Array.from({ length: 3 }, () => branchRow())];
    store.write(BranchesTable, rows);
    store.write(BranchesTable, rows);
    const sheet = sheetOf(await rawWorkbook(await saved(store)), '支部');
    expect(sheet.getColumn(2).width).toBe(50.7109375);
    const model = (sheet as unknown as { dataValidations: { model: Record<string, unknown> } })
      .dataValidations.model;
    const columns = new Set(Object.keys(model).map((address) => address.replace(/\d+$/, '')));
    expect([...columns].sort()).toEqual(['C', 'H', 'L']);
    expect(sheet.getCell(1004, colOf(BranchesTable, 'tier')).dataValidation?.type).toBe('list');
  });

  it('moves the dropdowns with their column when the columns are reordered', () => {
    const store = XlsxStore.create([JudgesTable, BranchesTable], 'zh-CN');
    const reordered = [...header(BranchesTable)].reverse();
    store.write(BranchesTable, [reordered]);
    const sheet = (store as unknown as { workbook: ExcelJS.Workbook }).workbook.getWorksheet(
      '支部',
    )!;
    const model = (sheet as unknown as { dataValidations: { model: Record<string, unknown> } })
      .dataValidations.model;
    const width = reordered.length;
    const tierAt = width - colOf(BranchesTable, 'tier') + 1;
    const letter = String.fromCharCode(64 + tierAt);
    expect(Object.keys(model).sort()).toEqual(
      [
        `${letter}2:${letter}1001`,
        ...['status', 'complianceOverride'].map((key) => {
          const l = String.fromCharCode(64 + width - colOf(BranchesTable, key) + 1);
          return `${l}2:${l}1001`;
        }),
      ].sort(),
    );
  });

  it('refuses a cell an .xlsx cannot hold, before changing anything', () => {
    const store = XlsxStore.create([JudgesTable], 'zh-CN');
    store.write(JudgesTable, [header(JudgesTable), ['甲', null]]);
    expect(() =>
      store.write(JudgesTable, [header(JudgesTable), ['x'.repeat(MAX_CELL_TEXT + 1), null]]),
    ).toThrow(/评委 row 2, column A: text of 32768 characters/);
    expect(() => store.write(JudgesTable, [header(JudgesTable), [Number.NaN]])).toThrow(
      /not a number/,
    );
    expect(store.read(JudgesTable)).toEqual([header(JudgesTable), ['甲', null, null, null]]);
  });
});

describe('reading what Excel puts in cells', () => {
  it('turns dates, rich text, formulas, errors and hyperlinks into plain cells', async () => {
    const path = await saved(XlsxStore.create(TABLES, 'zh-CN'));
    const raw = await rawWorkbook(path);
    const sheet = sheetOf(raw, '支部');
    const set = (key: string, value: ExcelJS.CellValue) => {
      sheet.getCell(2, colOf(BranchesTable, key)).value = value;
    };
    set('id', { richText: [{ text: 'B0' }, { text: '07', font: { bold: true } }] });
    set('name', { formula: 'CONCAT("计算机","支部")', result: '计算机支部' });
    set('unit', { formula: 'NA()', result: { error: '#N/A' } });
    set('secretary', { text: '张三', hyperlink: 'mailto:zhang@example.edu.cn' });
    set('planLink', { text: '计划书', hyperlink: 'https://example.edu.cn/plan' });
    set('members', { formula: '20+5', result: 25 });
    set('appliedAt', new Date(Date.UTC(2026, 9, 15, 14, 3, 0)));
    set('reviewNote', new Date(Date.UTC(2026, 9, 15)));
    set('complianceOverride', true);
    await raw.xlsx.writeFile(path);

    const row = (await XlsxStore.open(path)).read(BranchesTable)[1]!;
    const at = (key: string) => row[colOf(BranchesTable, key) - 1];
    expect(at('id')).toBe('B007');
    expect(at('name')).toBe('计算机支部');
    expect(at('unit')).toBe('#N/A');
    expect(at('secretary')).toBe('张三');
    expect(at('planLink')).toBe('https://example.edu.cn/plan');
    expect(at('members')).toBe(25);
    expect(at('appliedAt')).toBe('2026-10-15 14:03:00');
    expect(at('reviewNote')).toBe('2026-10-15');
    expect(at('complianceOverride')).toBe(true);
  });

  it('formats exceljs dates by their UTC fields, rounded to the second', () => {
    expect(formatExcelDate(new Date(Date.UTC(2026, 0, 2)))).toBe('2026-01-02');
    expect(formatExcelDate(new Date(Date.UTC(2026, 0, 2, 23, 59, 59, 999)))).toBe('2026-01-03');
    expect(formatExcelDate(new Date(Date.UTC(2026, 0, 2, 14, 2, 59, 700)))).toBe(
      '2026-01-02 14:03:00',
    );
    expect(formatExcelDate(new Date(Number.NaN))).toBeNull();
  });

  it('takes the locale from Config, whatever the tab names', async () => {
    const path = await saved(XlsxStore.create(TABLES, 'en'));
    const raw = await rawWorkbook(path);
    sheetOf(raw, 'Config').name = '设置';
    await raw.xlsx.writeFile(path);
    expect((await XlsxStore.open(path)).locale).toBe('en');
  });
});

describe('XlsxStore files', () => {
  it('saves atomically, leaving no temporary file, over an existing workbook', async () => {
    const store = XlsxStore.create([JudgesTable], 'zh-CN');
    const path = await saved(store);
    store.write(JudgesTable, [header(JudgesTable), ['甲', null]]);
    await store.save(path);
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
    expect((await XlsxStore.open(path)).read(JudgesTable)).toHaveLength(2);
  });

  it('says clearly when a file is missing or not a workbook', async () => {
    await expect(XlsxStore.open(join(dir, 'nope.xlsx'))).rejects.toThrow(/no such workbook/);
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'not a zip');
    await expect(XlsxStore.open(bad)).rejects.toThrow(/cannot be read as an \.xlsx workbook/);
  });
});
