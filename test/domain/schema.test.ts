import fc from 'fast-check';
import {
  bool,
  date,
  datetime,
  decimal,
  email,
  int,
  longText,
  month,
  oneOf,
  text,
  url,
  type Cell,
  type Column,
} from '../../src/domain/schema/column';
import {
  criterionTitle,
  defenseScoresTable,
  fromDefenseScore,
  toDefenseScore,
  type DefenseScore,
  type RubricCriterion,
} from '../../src/domain/schema/defenseScores';
import {
  describeCellError,
  mapHeader,
  normaliseHeader,
  parseTable,
  TableError,
  toRow,
} from '../../src/domain/schema/rows';
import {
  columnKeys,
  defineTable,
  headerRow,
  recordKey,
  tabName,
  type TableDef,
} from '../../src/domain/schema/table';
import { workbookTables } from '../../src/domain/schema/workbook';
import * as Tables from '../../src/domain/schema/tables';
import {
  ActivitiesTable,
  BranchesTable,
  ShowcaseTable,
  type Activity,
} from '../../src/domain/schema/tables';
import {
  ACTIVITY_KINDS,
  ACTIVITY_STATUSES,
  TIERS,
  YES_NO,
  type Locale,
} from '../../src/domain/vocabulary';

// ---------------------------------------------------------------------------------------------
// helpers

type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

function parseCell<T>(column: Column<T>, cell: Cell): CellResult<T> {
  const result = column.schema.safeParse(cell);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, message: result.error.issues.map((i) => i.message).join('; ') };
}

function accepts<T>(column: Column<T>, cell: Cell): T {
  const result = parseCell(column, cell);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(cell)} to parse: ${result.message}`);
  return result.value;
}

function rejects<T>(column: Column<T>, cell: Cell): string {
  const result = parseCell(column, cell);
  if (result.ok) {
    throw new Error(
      `expected ${JSON.stringify(cell)} to fail, got ${JSON.stringify(result.value)}`,
    );
  }
  return result.message;
}

function tableError(run: () => unknown): TableError {
  try {
    run();
  } catch (e) {
    if (e instanceof TableError) return e;
    throw e;
  }
  throw new Error('expected a TableError');
}

// The headers as DESIGN §3 / §6 name them (application form titles), plus the staff and system
// columns the Branches sheet adds.
const BRANCHES_ZH = [
  '支部编号',
  '支部名称',
  '支部层次',
  '所在单位',
  '支部书记',
  '书记邮箱',
  '党员人数',
  '审核状态',
  '创建计划',
  '计划链接',
  '审核意见',
  '达标豁免',
  '响应编号',
  '申报时间',
];
const BRANCHES_EN = [
  'Branch ID',
  'Branch name',
  'Tier',
  'Unit',
  'Secretary',
  'Secretary email',
  'Party members',
  'Status',
  'Creation plan',
  'Plan link',
  'Review note',
  'Compliance override',
  'Response ID',
  'Applied at',
];

/** A Branches record with every optional column null. */
function branch(fields: Partial<Record<string, unknown>>): Record<string, unknown> {
  return {
    id: null,
    name: null,
    tier: null,
    unit: null,
    secretary: null,
    email: null,
    members: null,
    status: null,
    plan: null,
    planLink: null,
    reviewNote: null,
    complianceOverride: null,
    responseId: null,
    appliedAt: null,
    ...fields,
  };
}

// ---------------------------------------------------------------------------------------------
// tables: names and headers

describe('table declarations', () => {
  it('writes the Branches header row in zh-CN and in en', () => {
    expect(headerRow(BranchesTable, 'zh-CN')).toEqual(BRANCHES_ZH);
    expect(headerRow(BranchesTable, 'en')).toEqual(BRANCHES_EN);
    expect(columnKeys(BranchesTable)).toEqual([
      'id',
      'name',
      'tier',
      'unit',
      'secretary',
      'email',
      'members',
      'status',
      'plan',
      'planLink',
      'reviewNote',
      'complianceOverride',
      'responseId',
      'appliedAt',
    ]);
  });

  it('writes the Activities header with the activity form titles of DESIGN §6', () => {
    expect(headerRow(ActivitiesTable, 'zh-CN')).toEqual([
      '响应编号',
      '提交时间',
      '支部编号',
      '活动日期',
      '活动类型',
      '活动名称',
      '活动内容',
      '参加人数',
      '党外群众人数',
      '辅导员是否出席',
      '佐证材料链接',
      '使用经费（元）',
      '审核状态',
      '得分',
      '备注',
      '可公开',
    ]);
    expect(headerRow(ActivitiesTable, 'en')).toEqual([
      'Response ID',
      'Submitted at',
      'Branch ID',
      'Activity date',
      'Activity kind',
      'Title',
      'Description',
      'Participants',
      'Non-party participants',
      'Counselor present',
      'Evidence link',
      'Funds spent (CNY)',
      'Status',
      'Points',
      'Note',
      'Publishable',
    ]);
  });

  it('names every sheet tab as DESIGN §3 does, in both locales', () => {
    const expected: Record<string, [string, string]> = {
      ConfigTable: ['设置', 'Config'],
      BranchesTable: ['支部', 'Branches'],
      ActivitiesTable: ['活动', 'Activities'],
      OnsiteVotesTable: ['现场评选', 'OnsiteVotes'],
      ShowcaseTable: ['示范汇报', 'Showcase'],
      MonthlyResultsTable: ['月度结果', 'MonthlyResults'],
      JudgesTable: ['评委', 'Judges'],
      DefenseResultsTable: ['答辩结果', 'DefenseResults'],
      NominationsTable: ['优秀党员推荐', 'Nominations'],
      AwardsTable: ['表彰', 'Awards'],
      RejectedTable: ['待处理', 'Rejected'],
      LogTable: ['日志', 'Log'],
      DashboardTable: ['总览', 'Dashboard'],
    };
    for (const [name, [zh, en]] of Object.entries(expected)) {
      const def = (Tables as unknown as Record<string, TableDef>)[name]!;
      expect([name, tabName(def, 'zh-CN'), tabName(def, 'en')]).toEqual([name, zh, en]);
      expect(def.name).toBe(en);
    }
    expect(tabName(defenseScoresTable([]), 'zh-CN')).toBe('答辩评分');
  });

  it('never lets two columns of one table answer to the same header', () => {
    // If two columns shared a (normalised) name, reading the sheet would silently lose one.
    const defs = workbookTables(RUBRIC);
    for (const def of defs) {
      const owner = new Map<string, string>();
      for (const [key, column] of Object.entries(def.columns)) {
        for (const name of [key, column.zh, column.en]) {
          const n = normaliseHeader(name);
          expect([def.name, n, owner.get(n) ?? key]).toEqual([def.name, n, key]);
          owner.set(n, key);
        }
      }
    }
  });

  it('the workbook has the fourteen sheets of DESIGN §3, Dashboard first', () => {
    const tables = workbookTables(RUBRIC);
    expect(tables.map((t) => t.name).sort()).toEqual(
      [
        'Config',
        'Branches',
        'Activities',
        'OnsiteVotes',
        'Showcase',
        'MonthlyResults',
        'Judges',
        'DefenseScores',
        'DefenseResults',
        'Nominations',
        'Awards',
        'Rejected',
        'Log',
        'Dashboard',
      ].sort(),
    );
    expect(tables[0]!.name).toBe('Dashboard');
    // every declared table is in it, and the DefenseScores sheet follows the rubric
    const declared = (Object.values(Tables) as unknown[]).filter(
      (v): v is TableDef => typeof v === 'object' && v !== null && 'columns' in v,
    );
    // Rejected, like DefenseScores, is declared by the rubric (one column per question).
    for (const def of declared.filter((d) => d.name !== 'Rejected')) expect(tables).toContain(def);
    const defense = tables.find((t) => t.name === 'DefenseScores')!;
    expect(headerRow(defense, 'en')).toContain('Q&A (10)');
    const rejected = tables.find((t) => t.name === 'Rejected')!;
    expect(headerRow(rejected, 'en')).toEqual(
      expect.arrayContaining([...headerRow(Tables.RejectedTable, 'en'), 'Q&A (10)']),
    );
  });

  it('refuses a key column that is not declared', () => {
    expect(() =>
      defineTable({
        name: 'Broken',
        zh: '坏',
        en: 'Broken',
        key: ['missing' as never],
        staffOnly: true,
        columns: { id: text({ zh: '编号', en: 'ID' }) },
      }),
    ).toThrow('Broken: key column missing is not declared');
  });

  it('joins a record key with a separator no cell contains, blank for null', () => {
    expect(recordKey(ShowcaseTable, { month: '2026-10', branch: 'B007' })).toBe(
      '2026-10\u001fB007',
    );
    expect(recordKey(ShowcaseTable, { month: '2026-10', branch: null })).toBe('2026-10\u001f');
    // Different records do not collide through concatenation: "a"+"bc" vs "ab"+"c".
    expect(recordKey(ShowcaseTable, { month: 'a', branch: 'bc' })).not.toBe(
      recordKey(ShowcaseTable, { month: 'ab', branch: 'c' }),
    );
    expect(recordKey(ActivitiesTable, { responseId: 'R1', branch: 'B1' })).toBe('R1');
  });
});

// ---------------------------------------------------------------------------------------------
// parseTable: headers

describe('parseTable: reading the header', () => {
  const row = ['B001', '研究生第一党支部', 'graduate branch', '化学学院', '王芳', 'approved'];
  const expected = branch({
    id: 'B001',
    name: '研究生第一党支部',
    tier: 'graduate',
    unit: '化学学院',
    secretary: '王芳',
    status: 'approved',
  });

  it('accepts the zh-CN header', () => {
    const t = parseTable(BranchesTable, [BRANCHES_ZH.slice(0, 5).concat('审核状态'), row]);
    expect(t.errors).toEqual([]);
    expect(t.rows).toEqual([{ row: 2, record: expected, extras: {} }]);
  });

  it('accepts the en header', () => {
    const header = ['Branch ID', 'Branch name', 'Tier', 'Unit', 'Secretary', 'Status'];
    const t = parseTable(BranchesTable, [header, row], 'en');
    expect(t.rows.map((r) => r.record)).toEqual([expected]);
  });

  it('accepts both languages mixed, in any order, with stray spaces, full-width and case', () => {
    const header = [
      '  Tier ', // stray spaces
      '支部编号',
      'Ｂｒａｎｃｈ　ｎａｍｅ', // full-width letters and an ideographic space
      ' 所在单位',
      'SECRETARY',
      'status', // the column key itself
    ];
    const cells = ['graduate branch', 'B001', '研究生第一党支部', '化学学院', '王芳', 'approved'];
    const t = parseTable(BranchesTable, [header, cells]);
    expect(t.errors).toEqual([]);
    expect(t.header.indexOf).toEqual({ tier: 0, id: 1, name: 2, unit: 3, secretary: 4, status: 5 });
    expect(t.rows.map((r) => r.record)).toEqual([expected]);
  });

  it('matches a half-width spelling of a full-width header: 使用经费(元)', () => {
    const header = ['响应编号', '提交时间', '支部编号', '活动日期', '活动类型', '活动名称'];
    const more = ['参加人数', '审核状态', '使用经费(元)'];
    const cells = ['R1', '2026-10-15 14:03:00', 'B001', '2026-10-15', '特色活动', '读书会'];
    const t = parseTable(ActivitiesTable, [
      header.concat(more),
      cells.concat('12', '已提交', '7.5'),
    ]);
    expect(t.errors).toEqual([]);
    expect(t.header.indexOf.funds).toBe(8);
    expect(t.rows[0]!.record.funds).toBe(7.5);
  });

  it('normalises header text: NFKC, one space, trimmed, lower case', () => {
    expect(normaliseHeader('  Funds   spent （CNY） ')).toBe('funds spent (cny)');
    expect(normaliseHeader('ＢＲＡＮＣＨ\u3000ＩＤ')).toBe('branch id');
  });

  it('throws a TableError naming a missing required column in both languages', () => {
    const header = ['支部编号', '支部名称', '所在单位', '支部书记', '审核状态']; // no 支部层次
    const error = tableError(() => parseTable(BranchesTable, [header]));
    expect(error.name).toBe('TableError');
    expect(error.sheet).toBe('支部');
    expect(error.message).toBe('支部: missing required column "支部层次" (Tier)');
    // In the en workbook, the sheet is named in English; the column still carries both labels.
    const en = tableError(() => parseTable(BranchesTable, [header], 'en'));
    expect(en.message).toBe('Branches: missing required column "支部层次" (Tier)');
  });

  it('names every missing required column at once', () => {
    const error = tableError(() => parseTable(BranchesTable, [['支部编号', '支部名称']]));
    expect(error.message).toBe(
      '支部: missing required column "支部层次" (Tier), "所在单位" (Unit), ' +
        '"支部书记" (Secretary), "审核状态" (Status)',
    );
  });

  it('treats an empty sheet as missing every required column', () => {
    expect(() => parseTable(BranchesTable, [])).toThrow(TableError);
  });

  it('throws when one column appears twice, even under its two labels', () => {
    const header = ['支部编号', '支部名称', '支部层次', '所在单位', '支部书记', '审核状态'];
    const twice = tableError(() => parseTable(BranchesTable, [[...header, 'Branch ID']]));
    expect(twice.message).toBe('支部: column "支部编号" appears twice');
    const twiceEn = tableError(() => parseTable(BranchesTable, [[...header, ' tier '], []], 'en'));
    expect(twiceEn.message).toBe('Branches: column "Tier" appears twice');
  });

  it('maps absent optional columns to null and keeps the header map sparse', () => {
    const map = mapHeader(
      BranchesTable,
      ['支部编号', '支部名称', 'Tier', '所在单位', '支部书记', 'Status', null, ''],
      'zh-CN',
    );
    expect(Object.keys(map.indexOf).sort()).toEqual(
      ['id', 'name', 'secretary', 'status', 'tier', 'unit'].sort(),
    );
    // blank header cells are neither columns nor extras
    expect(map.extras).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// parseTable: rows

describe('parseTable: rows, errors and extras', () => {
  const header = [
    '支部编号',
    '支部名称',
    '支部层次',
    '所在单位',
    '支部书记',
    '联系电话', // staff's own column, in the middle
    '书记邮箱',
    '党员人数',
    '审核状态',
  ];
  const values: Cell[][] = [
    header,
    [
      'B001',
      '一支部',
      '低年级本科生党支部',
      '计算机学院',
      '李明',
      '13800000000',
      'LiMing@Example.edu.cn',
      '23',
      '待审核',
    ],
    [null, '', '   ', null, null, null, null, null, null], // blank: skipped
    [
      'B002',
      '二支部',
      '博士生党支部',
      '计算机学院',
      '张三',
      '13900000000',
      'not-an-email',
      '3.5',
      '已通过',
    ],
    [], // blank and short: skipped
    [
      'B003',
      '三支部',
      'Senior undergraduate branch',
      '数学学院',
      '王五',
      null,
      null,
      '１２',
      'approved',
    ],
    ['B004', '', 'junior', '数学学院', '赵六'], // short row: missing cells are blank
  ];

  it('skips blank rows and numbers rows as the spreadsheet does (header is row 1)', () => {
    const t = parseTable(BranchesTable, values);
    expect(t.rows.map((r) => r.row)).toEqual([2, 6]);
    expect(t.failedRows.map((r) => r.row)).toEqual([4, 7]);
    expect(t.rows[0]!.record).toEqual(
      branch({
        id: 'B001',
        name: '一支部',
        tier: 'junior',
        unit: '计算机学院',
        secretary: '李明',
        email: 'liming@example.edu.cn', // lowercased
        members: 23,
        status: 'pending',
      }),
    );
    expect(t.rows[1]!.record).toMatchObject({ tier: 'senior', members: 12, status: 'approved' });
  });

  it('reports every failing cell with sheet, row number and column label', () => {
    const t = parseTable(BranchesTable, values);
    expect(t.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      // row 4: three bad cells, in column order
      ['支部', 4, '支部层次'],
      ['支部', 4, '书记邮箱'],
      ['支部', 4, '党员人数'],
      // row 7: name blank; status column absent from the short row
      ['支部', 7, '支部名称'],
      ['支部', 7, '审核状态'],
    ]);
    expect(t.errors[0]!.message).toBe(
      '"博士生党支部" is not one of the allowed values: 低年级本科生党支部 / 高年级本科生党支部 / 研究生党支部',
    );
    expect(t.errors[1]!.message).toContain('"not-an-email" is not an email address');
    expect(t.errors[2]!.message).toContain('"3.5" is not a whole number');
    expect(t.errors[3]!.message).toBe('is required');
    expect(describeCellError(t.errors[3]!)).toBe('支部 row 7, 支部名称: is required');
  });

  it('labels errors in English in an en workbook', () => {
    const t = parseTable(BranchesTable, values, 'en');
    expect(t.errors.map((e) => `${e.sheet}/${e.row}/${e.column}`)).toEqual([
      'Branches/4/Tier',
      'Branches/4/Secretary email',
      'Branches/4/Party members',
      'Branches/7/Branch name',
      'Branches/7/Status',
    ]);
  });

  it('keeps a failed row with its raw cells, extras included, so nothing is lost', () => {
    const t = parseTable(BranchesTable, values);
    expect(t.failedRows[0]).toEqual({
      row: 4,
      cells: {
        id: 'B002',
        name: '二支部',
        tier: '博士生党支部',
        unit: '计算机学院',
        secretary: '张三',
        email: 'not-an-email',
        members: '3.5',
        status: '已通过',
        联系电话: '13900000000',
      },
    });
  });

  it('reports staff extra columns in the header and per row', () => {
    const t = parseTable(BranchesTable, values);
    expect(t.header.extras).toEqual([{ index: 5, header: '联系电话' }]);
    expect(t.rows[0]!.extras).toEqual({ 联系电话: '13800000000' });
    expect(t.rows[1]!.extras).toEqual({ 联系电话: null });
    // the extra column does not shift the schema columns
    expect(t.header.indexOf.email).toBe(6);
  });
});

// ---------------------------------------------------------------------------------------------
// column types

describe('column: required and optional', () => {
  const required = text({ zh: '名称', en: 'Name', required: true });
  const optional = text({ zh: '备注', en: 'Note' });

  it('a blank required cell is an error, a blank optional cell is null', () => {
    for (const blank of [null, '', '   ', '\u3000']) {
      expect(rejects(required, blank)).toBe('is required');
      expect(accepts(optional, blank)).toBeNull();
    }
  });

  it('records whether people edit the column', () => {
    expect(required.required).toBe(true);
    expect(optional.required).toBe(false);
    expect(text({ zh: 'a', en: 'a', staffEditable: true }).staffEditable).toBe(true);
    expect(optional.staffEditable).toBe(false);
  });

  it('writes null as an empty cell', () => {
    expect(optional.toCell(null, 'zh-CN')).toBeNull();
  });
});

describe('column: text', () => {
  const column = text({ zh: '名称', en: 'Name', maxLength: 5 });

  it('trims and keeps text up to maxLength', () => {
    expect(accepts(column, '  红岩读书  ')).toBe('红岩读书');
    expect(accepts(column, 'abcde')).toBe('abcde');
    expect(accepts(column, 12)).toBe('12'); // a number cell read as text
  });

  it('rejects text over maxLength, saying how long it is and what is allowed', () => {
    expect(rejects(column, 'abcdef')).toBe('is 6 characters long; at most 5 allowed');
  });

  it('long text has its own type and width, and never more than an .xlsx cell holds', () => {
    const long = longText({ zh: '内容', en: 'Description' });
    expect(long.type).toBe('longText');
    expect(long.width).toBeGreaterThan(text({ zh: 'a', en: 'a' }).width);
    // a creation plan of 10,000 characters is fine; 32,768 would not fit in an Excel/WPS cell
    // (at most 32,767 characters), so the local workbook could not keep it
    expect(accepts(long, '计'.repeat(10_000))).toHaveLength(10_000);
    expect(rejects(long, 'x'.repeat(32_768))).toMatch(
      /^is 32768 characters long; at most \d+ allowed$/,
    );
    expect(rejects(text({ zh: 'a', en: 'a' }), 'x'.repeat(32_768))).toContain('at most');
  });
});

describe('column: int', () => {
  const column = int({ zh: '党员人数', en: 'Party members', min: 1, max: 500 });

  it('accepts whole numbers as numbers, text and full-width text', () => {
    expect(accepts(column, 12)).toBe(12);
    expect(accepts(column, '12')).toBe(12);
    expect(accepts(column, '１２')).toBe(12);
    expect(accepts(column, ' 500 ')).toBe(500);
    expect(accepts(column, '1')).toBe(1);
  });

  it('rejects fractions and words, saying what is expected', () => {
    expect(rejects(column, '3.5')).toBe(
      '"3.5" is not a whole number; expected a whole number from 1 to 500',
    );
    expect(rejects(column, 3.5)).toContain('is not a whole number');
    expect(rejects(column, 'abc')).toContain('"abc" is not a whole number');
    expect(rejects(column, '12人')).toContain('is not a whole number');
  });

  it('rejects values out of range', () => {
    expect(rejects(column, '0')).toBe('0 is out of range; expected a whole number from 1 to 500');
    expect(rejects(column, 501)).toContain('out of range');
    expect(rejects(column, '-3')).toContain('out of range');
  });

  it('reads thousands separators but refuses a decimal comma', () => {
    const big = int({ zh: '人数', en: 'People', min: 0, max: 100_000 });
    expect(accepts(big, '1,000')).toBe(1000);
    expect(accepts(big, '12,345')).toBe(12345);
    // "1,5" is not one thousand five hundred, nor fifteen
    expect(rejects(big, '1,5')).toContain('is not a whole number');
    expect(rejects(big, '1,0000')).toContain('is not a whole number');
  });

  it('describes a one-sided or open range', () => {
    expect(rejects(int({ zh: 'a', en: 'a', min: 0 }), '-1')).toBe(
      '-1 is out of range; expected a whole number of at least 0',
    );
    expect(rejects(int({ zh: 'a', en: 'a', max: 5 }), '6')).toBe(
      '6 is out of range; expected a whole number of at most 5',
    );
    expect(rejects(int({ zh: 'a', en: 'a' }), 'x')).toBe(
      '"x" is not a whole number; expected a whole number',
    );
    expect(accepts(int({ zh: 'a', en: 'a' }), '-7')).toBe(-7);
  });

  it('writes the number back as a number', () => {
    expect(column.toCell(12, 'zh-CN')).toBe(12);
    expect([column.min, column.max]).toEqual([1, 500]);
  });
});

describe('column: decimal', () => {
  const column = decimal({ zh: '得分', en: 'Score', min: 0, max: 10 });

  it('accepts at most two decimal places', () => {
    expect(accepts(column, '7.25')).toBe(7.25);
    expect(accepts(column, 7.25)).toBe(7.25);
    expect(accepts(column, '7.2')).toBe(7.2);
    expect(accepts(column, '7')).toBe(7);
    expect(accepts(column, '７．２５')).toBe(7.25);
    expect(accepts(column, '.5')).toBe(0.5);
  });

  it('rejects a third decimal place', () => {
    expect(rejects(column, '7.255')).toBe(
      '7.255 has too many decimal places; expected a number from 0 to 10 with at most 2 decimal places',
    );
    expect(rejects(column, 7.255)).toContain('too many decimal places');
    expect(rejects(column, 1e-7)).toContain('too many decimal places');
  });

  it('rejects out of range and non-numbers', () => {
    expect(rejects(column, '10.01')).toContain('10.01 is out of range');
    expect(rejects(column, '-0.5')).toContain('out of range');
    expect(accepts(column, '0')).toBe(0);
    expect(accepts(column, '10')).toBe(10);
    expect(rejects(column, 'abc')).toContain('"abc" is not a number');
    expect(rejects(column, Number.NaN)).toContain('is not a number');
  });

  it('refuses a decimal comma instead of reading 8,5 as 85', () => {
    const score = decimal({ zh: '综合评分', en: 'Score', min: 0, max: 100 });
    // 85 would be in range: reading "8,5" as 85 would silently award ten times the mark.
    expect(rejects(score, '8,5')).toContain('"8,5" is not a number');
    expect(accepts(decimal({ zh: '经费', en: 'Funds', min: 0 }), '1,234.50')).toBe(1234.5);
  });

  it('honours a custom number of places', () => {
    const one = decimal({ zh: 'a', en: 'a', places: 1 });
    expect(accepts(one, '7.5')).toBe(7.5);
    expect(rejects(one, '7.25')).toContain('at most 1 decimal places');
  });
});

describe('column: date, datetime and month', () => {
  const day = date({ zh: '活动日期', en: 'Activity date', required: true });
  const at = datetime({ zh: '提交时间', en: 'Submitted at' });
  const mon = month({ zh: '月份', en: 'Month' });

  it('reads dates through parseDate', () => {
    expect(accepts(day, '2026/10/15')).toBe('2026-10-15');
    expect(accepts(day, '2026年10月15日')).toBe('2026-10-15');
    expect(accepts(day, ' 2026-10-15 ')).toBe('2026-10-15');
    expect(accepts(day, '2028-02-29')).toBe('2028-02-29'); // 2028 is a leap year
  });

  it('rejects days that do not exist, quoting the text', () => {
    const message = rejects(day, '2027-02-30');
    expect(message).toContain('"2027-02-30"');
    expect(message).toContain('2026-10-15'); // the example of what is expected
    expect(rejects(day, 'next Tuesday')).toContain('"next Tuesday"');
  });

  it('reads timestamps in zh-CN and en-US forms', () => {
    // 下午2:03 is 14:03
    expect(accepts(at, '2026/10/15 下午2:03:00')).toBe('2026-10-15 14:03:00');
    expect(accepts(at, '10/15/2026 2:03:00 PM')).toBe('2026-10-15 14:03:00');
    expect(rejects(at, '2026-10-15')).toContain('has no time of day');
  });

  it('reads months', () => {
    expect(accepts(mon, '2026-10')).toBe('2026-10');
    expect(accepts(mon, '2026年10月')).toBe('2026-10');
    expect(rejects(mon, '2026-13')).toContain('no month 13');
  });

  it('writes them back unchanged', () => {
    expect(day.toCell('2026-10-15', 'en')).toBe('2026-10-15');
    expect(at.toCell('2026-10-15 14:03:00', 'en')).toBe('2026-10-15 14:03:00');
    expect(mon.toCell('2026-10', 'zh-CN')).toBe('2026-10');
  });
});

describe('column: bool', () => {
  const column = bool({ zh: '辅导员是否出席', en: 'Counselor present' });

  it.each([
    ['是', true],
    ['否', false],
    ['Yes', true],
    ['No', false],
    ['yes', true],
    ['true', true],
    ['false', false],
    ['TRUE', true],
    ['FALSE', false],
    [' 是 ', true],
  ] as const)('reads %p as %p', (cell, expected) => {
    expect(accepts(column, cell)).toBe(expected);
  });

  it('reads boolean cells as they are', () => {
    expect(accepts(column, true)).toBe(true);
    expect(accepts(column, false)).toBe(false);
  });

  it('rejects anything else, naming both spellings', () => {
    expect(rejects(column, 'maybe')).toBe('"maybe" is not yes or no; expected 是/否 or Yes/No');
  });

  it('writes the label of the locale and offers both choices', () => {
    expect(column.toCell(true, 'zh-CN')).toBe('是');
    expect(column.toCell(false, 'zh-CN')).toBe('否');
    expect(column.toCell(true, 'en')).toBe('Yes');
    expect(column.toCell(false, 'en')).toBe('No');
    expect(column.choices).toBe(YES_NO);
  });
});

describe('column: enum', () => {
  const column = oneOf(TIERS, { zh: '支部层次', en: 'Tier', required: true });

  it('reads the key, the zh label and the en label in any case', () => {
    expect(accepts(column, 'junior')).toBe('junior');
    expect(accepts(column, 'JUNIOR')).toBe('junior');
    expect(accepts(column, '高年级本科生党支部')).toBe('senior');
    expect(accepts(column, ' 研究生党支部 ')).toBe('graduate');
    expect(accepts(column, 'graduate BRANCH')).toBe('graduate');
    expect(accepts(column, 'Senior undergraduate branch')).toBe('senior');
  });

  it('rejects an unknown value and lists the allowed zh labels', () => {
    expect(rejects(column, '博士生党支部')).toBe(
      '"博士生党支部" is not one of the allowed values: 低年级本科生党支部 / 高年级本科生党支部 / 研究生党支部',
    );
  });

  it('writes the label of the locale and offers the choices', () => {
    expect(column.toCell('senior', 'zh-CN')).toBe('高年级本科生党支部');
    expect(column.toCell('senior', 'en')).toBe('Senior undergraduate branch');
    expect(column.choices).toBe(TIERS);
    expect(column.type).toBe('enum');
  });

  it('writes an unknown key as it is rather than losing it', () => {
    expect((column.toCell as (v: string, l: Locale) => Cell)('postdoc', 'en')).toBe('postdoc');
  });
});

describe('column: email and url', () => {
  const mail = email({ zh: '邮箱', en: 'Email' });
  const link = url({ zh: '链接', en: 'Link' });

  it('lowercases email addresses', () => {
    expect(accepts(mail, ' Li.Ming@Example.EDU.cn ')).toBe('li.ming@example.edu.cn');
    expect(mail.toCell('li.ming@example.edu.cn', 'en')).toBe('li.ming@example.edu.cn');
  });

  it('rejects what is not an email address', () => {
    expect(rejects(mail, 'li.ming')).toBe(
      '"li.ming" is not an email address; expected name@example.edu.cn',
    );
    expect(rejects(mail, 'li ming@example.cn')).toContain('is not an email address');
    expect(rejects(mail, 'a@b')).toContain('is not an email address');
    expect(rejects(mail, `${'x'.repeat(250)}@a.cn`)).toContain('is not an email address');
  });

  it('accepts http and https links and nothing else', () => {
    expect(accepts(link, 'https://pan.example.edu.cn/s/abc?x=1')).toBe(
      'https://pan.example.edu.cn/s/abc?x=1',
    );
    expect(accepts(link, 'HTTP://EXAMPLE.CN')).toBe('HTTP://EXAMPLE.CN');
    expect(rejects(link, 'ftp://example.cn/a')).toBe(
      '"ftp://example.cn/a" is not a web link; expected a link starting with https://',
    );
    expect(rejects(link, 'example.cn/a')).toContain('is not a web link');
    expect(rejects(link, 'https:// example.cn')).toContain('is not a web link');
    expect(link.toCell('https://a.cn', 'zh-CN')).toBe('https://a.cn');
  });
});

// ---------------------------------------------------------------------------------------------
// writing rows

describe('toRow', () => {
  const activity: Activity = {
    responseId: 'R-001',
    submittedAt: '2026-10-15 14:03:00',
    branch: 'B007',
    date: '2026-10-12',
    kind: 'book',
    title: '《红岩》读书会',
    description: null,
    participants: 30,
    nonParty: 12,
    counselorPresent: true,
    evidenceLink: 'https://pan.example.edu.cn/s/1',
    funds: 120.5,
    status: 'submitted',
    points: null,
    note: null,
    publishable: null,
  };

  it('writes enum and bool labels in the requested locale, in column order', () => {
    expect(toRow(ActivitiesTable, activity, 'zh-CN')).toEqual([
      'R-001',
      '2026-10-15 14:03:00',
      'B007',
      '2026-10-12',
      '读一本好书',
      '《红岩》读书会',
      null,
      30,
      12,
      '是',
      'https://pan.example.edu.cn/s/1',
      120.5,
      '已提交',
      null,
      null,
      null,
    ]);
    const en = toRow(ActivitiesTable, activity, 'en');
    expect([en[4], en[9], en[12]]).toEqual(['Read a good book', 'Yes', 'Submitted']);
  });

  it('writes a missing field as an empty cell', () => {
    const withoutNote: Record<string, unknown> = { ...activity };
    delete withoutNote.note;
    expect(toRow(ActivitiesTable, withoutNote, 'en')[14]).toBeNull();
  });

  it('reads back what it wrote, in either locale', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const t = parseTable(
        ActivitiesTable,
        [headerRow(ActivitiesTable, locale), toRow(ActivitiesTable, activity, locale)],
        locale,
      );
      expect(t.rows.map((r) => r.record)).toEqual([activity]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// round trip property

function daysIn(year: number, m: number): number {
  if (m === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}
const two = (n: number) => String(n).padStart(2, '0');

const dateArb = fc
  .record({
    y: fc.integer({ min: 1990, max: 2099 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ y, m, d }) => `${y}-${two(m)}-${two(Math.min(d, daysIn(y, m)))}`);

const datetimeArb = fc
  .tuple(
    dateArb,
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
    fc.integer({ min: 0, max: 59 }),
  )
  .map(([d, h, mi, s]) => `${d} ${two(h)}:${two(mi)}:${two(s)}`);

/** Text as the sheet would give it back: non-blank and already trimmed. */
const textArb = (maxLength: number) =>
  fc
    .oneof(
      fc.string({ minLength: 1, maxLength }),
      fc.string({
        unit: fc.constantFrom(...'党支部读书会红岩《》，。！ 12abXY-_/'.split('')),
        minLength: 1,
        maxLength,
      }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(maxLength, 20) }),
    )
    .filter((s) => s.trim() === s && s !== '' && s.length <= maxLength);

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const hundredths = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);

const urlArb = fc
  .tuple(
    fc.constantFrom('http', 'https', 'HTTPS'),
    fc.domain(),
    fc.stringMatching(/^[A-Za-z0-9/?=&%._~-]{0,30}$/),
  )
  .map(([scheme, host, path]) => `${scheme}://${host}/${path}`);

const activityArb: fc.Arbitrary<Activity> = fc.record({
  responseId: textArb(40),
  submittedAt: datetimeArb,
  branch: textArb(20),
  date: dateArb,
  kind: fc.constantFrom(...ACTIVITY_KINDS.map((k) => k.key)),
  title: textArb(200),
  description: nullable(textArb(300)),
  participants: fc.integer({ min: 1, max: 10_000 }),
  nonParty: nullable(fc.integer({ min: 0, max: 10_000 })),
  counselorPresent: nullable(fc.boolean()),
  evidenceLink: nullable(urlArb),
  funds: nullable(hundredths(1_000_000)),
  status: fc.constantFrom(...ACTIVITY_STATUSES.map((s) => s.key)),
  points: nullable(hundredths(1000)),
  note: nullable(textArb(100)),
  publishable: nullable(fc.boolean()),
});

describe('round trip', () => {
  it('parseTable([headerRow, toRow(record)]) gives back any valid Activity, in both locales', () => {
    fc.assert(
      fc.property(activityArb, fc.constantFrom<Locale>('zh-CN', 'en'), (record, locale) => {
        const t = parseTable(
          ActivitiesTable,
          [headerRow(ActivitiesTable, locale), toRow(ActivitiesTable, record, locale)],
          locale,
        );
        expect(t.errors).toEqual([]);
        expect(t.rows).toEqual([{ row: 2, record, extras: {} }]);
      }),
      { numRuns: 300 },
    );
  });

  it('a table written in one locale reads back when parsed as the other', () => {
    fc.assert(
      fc.property(fc.array(activityArb, { maxLength: 5 }), (records) => {
        const values = [
          headerRow(ActivitiesTable, 'en'),
          ...records.map((r) => toRow(ActivitiesTable, r, 'en')),
        ];
        const t = parseTable(ActivitiesTable, values, 'zh-CN');
        expect(t.rows.map((r) => r.record)).toEqual(records);
        expect(t.rows.map((r) => r.row)).toEqual(records.map((_, i) => i + 2));
      }),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// DefenseScores

const RUBRIC: RubricCriterion[] = [
  { key: 'c1', zh: '创建成效', en: 'Results', max: 40, weight: 1 },
  { key: 'c2', zh: '特色创新', en: 'Innovation', max: 25, weight: 1 },
  { key: 'c3', zh: '材料与PPT', en: 'Materials', max: 15, weight: 1 },
  { key: 'c4', zh: '现场陈述', en: 'Presentation', max: 10, weight: 1 },
  { key: 'c5', zh: '答辩表现', en: 'Q&A', max: 10, weight: 1 },
];

describe('defenseScoresTable', () => {
  const table = defenseScoresTable(RUBRIC);

  it('titles each criterion column with its label and maximum (DESIGN §6)', () => {
    expect(criterionTitle(RUBRIC[0]!, 'zh-CN')).toBe('创建成效（40分）');
    expect(criterionTitle(RUBRIC[0]!, 'en')).toBe('Results (40)');
    expect(headerRow(table, 'zh-CN')).toEqual([
      '响应编号',
      '提交时间',
      '评委姓名',
      '支部编号',
      '创建成效（40分）',
      '特色创新（25分）',
      '材料与PPT（15分）',
      '现场陈述（10分）',
      '答辩表现（10分）',
      '总分',
      '评语',
      '状态',
      '原因',
    ]);
    expect(headerRow(table, 'en')).toEqual([
      'Response ID',
      'Submitted at',
      'Judge name',
      'Branch ID',
      'Results (40)',
      'Innovation (25)',
      'Materials (15)',
      'Presentation (10)',
      'Q&A (10)',
      'Total',
      'Comment',
      'Status',
      'Reason',
    ]);
    expect(table.key).toEqual(['responseId']);
  });

  it('has one column per criterion, whatever the rubric', () => {
    const small = defenseScoresTable([
      { key: 'c1', zh: '总体', en: 'Overall', max: 100, weight: 1 },
    ]);
    expect(headerRow(small, 'en').filter((h) => /\(\d+\)$/.test(h))).toEqual(['Overall (100)']);
  });

  const header = headerRow(table, 'zh-CN');
  const good: Cell[] = [
    'R1',
    '2026-06-20 09:30:00',
    '张老师',
    'B007',
    '38.5',
    '25',
    '0',
    '9',
    '10',
    '82.5',
    null,
    '有效',
    null,
  ];

  it('parses a judge score sheet into its marks', () => {
    const t = parseTable(table, [header, good]);
    expect(t.errors).toEqual([]);
    expect(toDefenseScore(t.rows[0]!.record, RUBRIC)).toEqual({
      responseId: 'R1',
      submittedAt: '2026-06-20 09:30:00',
      judge: '张老师',
      branch: 'B007',
      marks: { c1: 38.5, c2: 25, c3: 0, c4: 9, c5: 10 },
      total: 82.5,
      comment: null,
      status: 'counted',
      reason: null,
    });
  });

  it('accepts a half-width spelling of a criterion title', () => {
    const typed = header.map((h) => h.replace('（', '(').replace('）', ')'));
    expect(parseTable(table, [typed, good]).rows).toHaveLength(1);
  });

  it('rejects a mark above the criterion maximum, below 0, or missing', () => {
    const bad = [...good];
    bad[4] = '40.5'; // 创建成效 max 40
    bad[5] = '26'; // 特色创新 max 25
    bad[6] = '-1';
    bad[7] = '';
    const t = parseTable(table, [header, bad]);
    expect(t.rows).toEqual([]);
    expect(t.errors.map((e) => [e.row, e.column])).toEqual([
      [2, '创建成效（40分）'],
      [2, '特色创新（25分）'],
      [2, '材料与PPT（15分）'],
      [2, '现场陈述（10分）'],
    ]);
    expect(t.errors[0]!.message).toContain('40.5 is out of range; expected a number from 0 to 40');
    expect(t.errors[3]!.message).toBe('is required');
  });

  it('the marks columns are missing-required when a criterion column is absent', () => {
    const withoutQa = header.filter((h) => h !== '答辩表现（10分）');
    expect(() => parseTable(table, [withoutQa, good])).toThrow(
      '答辩评分: missing required column "答辩表现（10分）" (Q&A (10))',
    );
  });

  const scoreArb: fc.Arbitrary<DefenseScore> = fc.record({
    responseId: textArb(20),
    submittedAt: datetimeArb,
    judge: textArb(50),
    branch: textArb(20),
    marks: fc.record({
      c1: hundredths(40),
      c2: hundredths(25),
      c3: hundredths(15),
      c4: hundredths(10),
      c5: hundredths(10),
    }),
    total: nullable(hundredths(100)),
    comment: nullable(textArb(100)),
    status: fc.constantFrom('counted' as const, 'superseded' as const, 'conflict' as const),
    reason: nullable(textArb(50)),
  });

  it('toDefenseScore(fromDefenseScore(s)) is s, also through the sheet', () => {
    fc.assert(
      fc.property(scoreArb, fc.constantFrom<Locale>('zh-CN', 'en'), (score, locale) => {
        const flat = fromDefenseScore(score);
        expect(toDefenseScore(flat, RUBRIC)).toEqual(score);
        const t = parseTable(table, [headerRow(table, locale), toRow(table, flat, locale)], locale);
        expect(t.errors).toEqual([]);
        expect(toDefenseScore(t.rows[0]!.record, RUBRIC)).toEqual(score);
      }),
      { numRuns: 200 },
    );
  });

  it('fromDefenseScore flattens the marks next to the fixed fields', () => {
    const flat = fromDefenseScore({
      responseId: 'R1',
      submittedAt: '2026-06-20 09:30:00',
      judge: '张老师',
      branch: 'B007',
      marks: { c1: 30, c2: 20 },
      total: null,
      comment: null,
      status: 'superseded',
      reason: '同一评委后来的提交',
    });
    expect(flat).toEqual({
      responseId: 'R1',
      submittedAt: '2026-06-20 09:30:00',
      judge: '张老师',
      branch: 'B007',
      c1: 30,
      c2: 20,
      total: null,
      comment: null,
      status: 'superseded',
      reason: '同一评委后来的提交',
    });
    expect(toDefenseScore({ responseId: 'R2', status: 'counted' }, [])).toMatchObject({
      total: null,
      comment: null,
      reason: null,
      marks: {},
    });
  });
});
