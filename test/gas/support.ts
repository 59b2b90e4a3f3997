/**
 * Helpers for the tests that drive the BUILT bundle (dist/Code.js) in the Apps Script sandbox:
 * a fresh world with setup done, the forms by title, answers keyed by the forms' zh-CN question
 * titles, staff's edits made in the sheets (as a person typing in a cell would, through the
 * sandbox's uncounted inspection API), and the service calls of a job as a table.
 *
 * Free of jest globals: callCounts.ts (and through it the benchmark) uses it too.
 */
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { responseIdOf } from '../../src/domain/responseId';
import { formatInZone } from '../../src/domain/zonedTime';
import {
  branchChoice,
  formDef,
  questionTitle,
  type FormName,
  type FormResponse,
} from '../../src/domain/forms';
import {
  createWorld,
  loadBundle,
  type CellValue,
  type LoadedBundle,
  type RunResult,
  type World,
  type WorldOptions,
} from '../sandbox';

export { branchChoice };

/** The forms' titles without the programme year (`2026-2027 活动报告表`). */
export const FORM_TITLES: Readonly<Record<FormName, string>> = {
  application: '支部申报表',
  activity: '活动报告表',
  vote: '现场评选表',
  defense: '答辩评分表',
  nomination: '优秀党员推荐表',
};

/** The workbook's tabs in zh-CN (DESIGN §3), in the order setup creates them. */
export const SHEETS = {
  dashboard: '总览',
  config: '设置',
  branches: '支部',
  activities: '活动',
  showcase: '示范汇报',
  votes: '现场评选',
  monthly: '月度结果',
  judges: '评委',
  defense: '答辩评分',
  defenseResults: '答辩结果',
  nominations: '优秀党员推荐',
  awards: '表彰',
  rejected: '待处理',
  log: '日志',
} as const;

export interface Gas {
  readonly world: World;
  readonly bundle: LoadedBundle;
  /** Form ids by form name. */
  readonly forms: Readonly<Record<FormName, string>>;
}

/** A local wall time in Asia/Shanghai (`2026-10-15 09:30` or `2026-10-15`) as a Date. */
export function cst(local: string): Date {
  const [date, time = '00:00:00'] = local.trim().split(/[ T]/);
  const hms = time.length === 5 ? `${time}:00` : time;
  return new Date(`${date}T${hms}+08:00`);
}

/** A new world (clock at `now`, default 2026-09-01 09:00 CST), the bundle loaded, setup run. */
export function freshGas(options: WorldOptions = {}): Gas {
  const world = createWorld({ now: cst('2026-09-01 09:00'), ...options });
  const bundle = loadBundle(world);
  bundle.call('setup');
  return { world, bundle, forms: formsByName(world) };
}

/** The id of the one form whose title contains `title`. */
export function findFormId(world: World, title: string): string {
  const ids = world.formIds().filter((id) => world.describeForm(id).title.includes(title));
  if (ids.length !== 1) {
    throw new Error(`${ids.length} forms have a title containing "${title}"`);
  }
  return ids[0]!;
}

export function formsByName(world: World): Record<FormName, string> {
  const out = {} as Record<FormName, string>;
  for (const [name, title] of Object.entries(FORM_TITLES)) {
    out[name as FormName] = findFormId(world, title);
  }
  return out;
}

/**
 * Trims the StarBranch sheets' empty grid to `rows` rows and their header's width, as staff who
 * delete the blank rows below their data would. The jobs grow a sheet (one Sheets API
 * `appendDimension` batch) when it needs more rows. Why: the sandbox renders every cell of a
 * whole-sheet `values.batchGet`, so a job over fourteen 1000 × 26 grids costs ~70 ms of test
 * time; a year of ~800 trigger runs would take a minute.
 */
export function compactSheets(world: World, rows = 40): void {
  world.peek(() => {
    for (const name of Object.values(SHEETS)) {
      const sheet = world.spreadsheet.getSheetByName(name);
      if (!sheet) continue;
      const keepRows = Math.max(rows, sheet.getLastRow() + 1);
      if (sheet.getMaxRows() > keepRows) {
        sheet.deleteRows(keepRows + 1, sheet.getMaxRows() - keepRows);
      }
      const width = Math.max(1, sheet.getLastColumn());
      if (sheet.getMaxColumns() > width)
        sheet.deleteColumns(width + 1, sheet.getMaxColumns() - width);
    }
  });
}

// ———————————————————————————————————————————————————————————————— answers, by zh question titles

/**
 * Answers keyed by question key (`title`, `nonParty`…) as answers keyed by the form's zh-CN
 * question titles (`活动名称`, `党外群众人数`…). Blank answers are left out: a respondent skipping
 * an optional question sends nothing for it.
 */
export function zhAnswers(
  form: FormName,
  byKey: Readonly<Record<string, string>>,
): Record<string, string> {
  const def = formDef(form, DEFAULT_CONFIG.defenseRubric);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(byKey)) {
    const question = def.questions.find((q) => q.key === key);
    if (!question) throw new Error(`the ${form} form has no question ${key}`);
    if (value !== '') out[questionTitle(question, 'zh-CN')] = value;
  }
  return out;
}

/** `2026/10/5` (a CSV export's date) or `2026-10-05` → `2026-10-05`, what a date question takes. */
export function isoDate(typed: string): string {
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(typed.trim());
  if (!m) return typed;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/** A generated `FormResponse` (bench/generate.ts) as a respondent would type it into the form. */
export function answersOf(response: FormResponse): Record<string, string> {
  const byKey = { ...response.answers };
  if (byKey.date !== undefined) byKey.date = isoDate(byKey.date);
  return zhAnswers(response.form, byKey);
}

export function applicationAnswers(
  name: string,
  overrides: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return zhAnswers('application', {
    name,
    tier: '低年级本科生党支部',
    unit: '计算机学院',
    secretary: '张三',
    email: 'secretary@example.edu',
    members: '20',
    plan: '以党建促学风、带班建、带团建',
    planLink: '',
    ...overrides,
  });
}

/** A theme activity (读一本好书), 30 participants of whom 25 non-party, with evidence. */
export function activityAnswers(
  branch: string,
  overrides: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return zhAnswers('activity', {
    branch,
    date: '2026-10-10',
    kind: '读一本好书',
    title: '《红岩》读书会',
    description: '共读红色经典，交流读书体会',
    participants: '30',
    nonParty: '25',
    counselorPresent: '是',
    evidenceLink: 'https://example.edu/evidence/1',
    funds: '',
    ...overrides,
  });
}

export function voteAnswers(
  month: string,
  judge: string,
  branch: string,
  score: number | string,
): Record<string, string> {
  return zhAnswers('vote', { month, judge, branch, score: String(score) });
}

/** Marks for the default rubric (创建成效 40, 特色创新 25, 材料与PPT 15, 现场陈述 10, 答辩表现 10). */
export function defenseAnswers(
  judge: string,
  branch: string,
  marks: readonly [number, number, number, number, number],
  comment = '',
): Record<string, string> {
  const byKey: Record<string, string> = { judge, branch, comment };
  DEFAULT_CONFIG.defenseRubric.forEach((c, i) => (byKey[c.key] = String(marks[i])));
  return zhAnswers('defense', byKey);
}

export function nominationAnswers(
  branch: string,
  name: string,
  studentId: string,
  achievements = '学习成绩优异，担任班级学习委员，积极参与志愿服务200小时',
): Record<string, string> {
  return zhAnswers('nomination', {
    branch,
    name,
    studentId,
    email: `${studentId}@stu.example.edu`,
    achievements,
  });
}

/** Submits through the bundle (the form's submit trigger fires) and returns the one run. */
export function submit(
  gas: Gas,
  form: FormName,
  answers: Readonly<Record<string, string>>,
  options: { at?: Date; email?: string } = {},
): { responseId: string; run: RunResult } {
  if (options.at) {
    if (options.at.getTime() < gas.world.nowMs) {
      throw new Error(
        `submit: ${options.at.toISOString()} is before the clock (${gas.world.now.toISOString()})`,
      );
    }
    gas.world.setNow(options.at);
  }
  const { event, runs } = gas.bundle.submitForm(gas.forms[form], answers, {
    email: options.email ?? 'student@stu.example.edu',
    ...(options.at ? { at: options.at } : {}),
  });
  if (runs.length !== 1) throw new Error(`${runs.length} triggers fired for one ${form} response`);
  return { responseId: contentIdOf(gas, form, answers, event), run: runs[0]! };
}

/**
 * The id StarBranch gives a response: computed from its content (the form, the minute it was
 * submitted in the programme's zone, the email and the answers), the same on every path.
 */
export function contentIdOf(
  gas: Gas,
  form: FormName,
  answers: Readonly<Record<string, string>>,
  event: { response: { getTimestamp(): Date; getRespondentEmail(): string } },
): string {
  const def = formDef(form, DEFAULT_CONFIG.defenseRubric);
  const byKey: Record<string, string> = {};
  for (const question of def.questions) {
    const answer = answers[questionTitle(question, 'zh-CN')];
    if (answer !== undefined) byKey[question.key] = answer;
  }
  return gas.world.peek(() => {
    const at = formatInZone(event.response.getTimestamp(), DEFAULT_CONFIG.timeZone);
    return responseIdOf(def, at, event.response.getRespondentEmail() || null, byKey);
  });
}

// ———————————————————————————————————————————————————————————————— the sheets, as staff see them

export type SheetRecord = Record<string, CellValue>;

/** A sheet's rows as records keyed by its header (empty rows left out), dates as shown. */
export function sheetRecords(world: World, sheet: string): SheetRecord[] {
  if (!world.readSheet(sheet)) throw new Error(`no sheet ${sheet}`);
  const [header = [], ...rows] = world.peek(() => valuesAsShown(sheetOf(world, sheet)));
  return rows
    .filter((row) => row.some((v) => v !== ''))
    .map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? ''])));
}

/**
 * A sheet's values, a date cell as the text it shows (`2026-10-01 06:14:00`), as staff read it
 * (`getValues` gives a Date), or null when there is no such sheet.
 */
export function readSheetAsShown(world: World, name: string): CellValue[][] | null {
  return world.peek(() => {
    const sheet = world.spreadsheet.getSheetByName(name);
    return sheet ? valuesAsShown(sheet) : null;
  });
}

function valuesAsShown(sheet: ReturnType<typeof sheetOf>): CellValue[][] {
  const range = sheet.getDataRange();
  const shown = range.getDisplayValues();
  return range
    .getValues()
    .map((row, r) => row.map((v, c) => (v instanceof Date ? shown[r]![c]! : v)));
}

function sheetOf(world: World, name: string) {
  const sheet = world.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/**
 * Types new values into the rows of `sheet` that `match`: `changes` by header. Each cell is
 * typed as a person would (setValue; the column's format applies). Returns the rows changed.
 */
export function editRows(
  world: World,
  sheet: string,
  match: (record: SheetRecord, index: number) => boolean,
  changes: Readonly<Record<string, CellValue>>,
): number {
  return world.peek(() => {
    const s = sheetOf(world, sheet);
    const values = valuesAsShown(s);
    const header = (values[0] ?? []).map(String);
    const columns = Object.keys(changes).map((h) => {
      const c = header.indexOf(h);
      if (c < 0) throw new Error(`${sheet} has no column ${h}; it has ${header.join(', ')}`);
      return [c + 1, changes[h]] as const;
    });
    let changed = 0;
    values.slice(1).forEach((row, i) => {
      const record = Object.fromEntries(header.map((h, c) => [h, row[c] ?? '']));
      if (!row.some((v) => v !== '') || !match(record, changed)) return;
      for (const [column, value] of columns) s.getRange(i + 2, column).setValue(value);
      changed++;
    });
    return changed;
  });
}

/** Appends rows (values by header) below the last row of `sheet`, typed as a person would. */
export function appendRows(
  world: World,
  sheet: string,
  rows: readonly Readonly<Record<string, CellValue>>[],
): void {
  world.peek(() => {
    const s = sheetOf(world, sheet);
    const header = (s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0] ?? []).map(String);
    for (const row of rows) {
      for (const h of Object.keys(row)) {
        if (!header.includes(h)) throw new Error(`${sheet} has no column ${h}`);
      }
      const line = header.map((h) => row[h] ?? '');
      s.getRange(s.getLastRow() + 1, 1, 1, header.length).setValues([line]);
    }
  });
}

/** Staff review applications: `approved` ids get 已通过, `rejected` ids 未通过 (审核状态 column). */
export function reviewBranches(
  world: World,
  approved: readonly string[],
  rejected: readonly string[] = [],
): void {
  const a = editRows(world, SHEETS.branches, (r) => approved.includes(String(r['支部编号'])), {
    审核状态: '已通过',
    审核意见: '同意创建',
  });
  const r = editRows(world, SHEETS.branches, (x) => rejected.includes(String(x['支部编号'])), {
    审核状态: '未通过',
    审核意见: '创建计划不够具体',
  });
  if (a !== approved.length || r !== rejected.length) {
    throw new Error(`reviewBranches: ${a}/${approved.length} approved, ${r}/${rejected.length}`);
  }
}

export interface JudgeEntry {
  readonly name: string;
  readonly email?: string;
  /** The id of the branch the judge belongs to (conflict of interest). */
  readonly ownBranch?: string;
  readonly note?: string;
}

/** Staff fill in the 评委 sheet. */
export function addJudges(world: World, judges: readonly JudgeEntry[]): void {
  appendRows(
    world,
    SHEETS.judges,
    judges.map((j) => ({
      评委姓名: j.name,
      邮箱: j.email ?? '',
      所在支部编号: j.ownBranch ?? '',
      备注: j.note ?? '',
    })),
  );
}

export type Marks = readonly [number, number, number, number, number];

/**
 * The June defense, done: three judges score every approved branch (the same marks from each,
 * `marks[id]` or a middling 76), then staff aggregate. Awards can be final after this.
 */
export function completeDefense(gas: Gas, marks: Readonly<Record<string, Marks>> = {}): void {
  const judges = ['甲评委', '乙评委', '丙评委'];
  addJudges(
    gas.world,
    judges.map((name) => ({ name })),
  );
  for (const choice of approvedChoices(gas.world)) {
    const id = choice.split(' ')[0]!;
    for (const judge of judges) {
      const { run } = submit(
        gas,
        'defense',
        defenseAnswers(judge, choice, (marks[id] ?? [30, 20, 10, 8, 8]) as Marks),
      );
      if (!run.ok) throw run.error;
    }
  }
  const aggregated = gas.bundle.run('aggregateDefenseNow', []);
  if (!aggregated.ok) throw aggregated.error;
}

/** Staff decide nominations: 已通过 for the matching ones (审核状态 column). */
export function approveNominations(world: World, match: (record: SheetRecord) => boolean): number {
  return editRows(world, SHEETS.nominations, match, { 审核状态: '已通过' });
}

/** The approved branches' dropdown texts (`B001 name`), from the 支部 sheet. */
export function approvedChoices(world: World): string[] {
  return sheetRecords(world, SHEETS.branches)
    .filter((r) => r['审核状态'] === '已通过')
    .map((r) => branchChoice({ id: String(r['支部编号']), name: String(r['支部名称']) }));
}

// ———————————————————————————————————————————————————————————————— service calls

export type CallCounts = Record<string, number>;

/** The reads of the submitted response object itself: reported apart from the job's own calls. */
export function isResponseRead(method: string): boolean {
  return (
    method.startsWith('FormResponse.') ||
    method.startsWith('ItemResponse.') ||
    method === 'Item.getTitle'
  );
}

export function total(counts: Readonly<CallCounts>, filter?: (method: string) => boolean): number {
  return Object.entries(counts)
    .filter(([m]) => !filter || filter(m))
    .reduce((sum, [, n]) => sum + n, 0);
}

/** A delta split into the job's service calls and its reads of the submitted response. */
export function splitResponseReads(counts: Readonly<CallCounts>): {
  service: CallCounts;
  responseReads: CallCounts;
} {
  const service: CallCounts = {};
  const responseReads: CallCounts = {};
  for (const [m, n] of Object.entries(counts)) (isResponseRead(m) ? responseReads : service)[m] = n;
  return { service, responseReads };
}

/** Runs `fn` and returns what it returned and the service calls made meanwhile, by method. */
export function measure<T>(world: World, fn: () => T): { value: T; calls: CallCounts } {
  const before = world.calls.snapshot();
  const value = fn();
  return { value, calls: world.calls.since(before) };
}

/** The calls of every execution since `from` (an index into `world.executions`), by label. */
export function callsByJob(world: World, from = 0): Record<string, CallCounts> {
  const ids = new Map(world.executions.slice(from).map((e) => [e.id, e.label]));
  const out: Record<string, CallCounts> = {};
  for (const entry of world.calls.log) {
    const label = entry.execution === null ? undefined : ids.get(entry.execution);
    if (label === undefined) continue;
    const bucket = (out[label] ??= {});
    bucket[entry.name] = (bucket[entry.name] ?? 0) + 1;
  }
  return out;
}

const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Columns a text takes in a terminal: CJK characters take two. */
function shownWidth(text: string): number {
  return [...text].reduce((w, ch) => w + (WIDE.test(ch) ? 2 : 1), 0);
}

function pad(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - shownWidth(text)));
  return right ? fill + text : text + fill;
}

function fmt(n: number | undefined): string {
  if (n === undefined) return '·';
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/**
 * A printable table of service calls: one block per job, one line per method, one column per
 * measurement (e.g. per scale), and each job's total. `columns` maps a column's title to the calls
 * of every job it measured.
 */
export function formatCallTable(
  columns: Readonly<Record<string, Readonly<Record<string, Readonly<CallCounts>>>>>,
  options: { detail?: boolean } = {},
): string {
  const titles = Object.keys(columns);
  const jobs = [...new Set(titles.flatMap((t) => Object.keys(columns[t]!)))];
  const lines: string[][] = [['job', 'method', ...titles]];
  for (const job of jobs) {
    const methods = [...new Set(titles.flatMap((t) => Object.keys(columns[t]![job] ?? {})))].sort();
    if (options.detail !== false) {
      methods.forEach((m, i) => {
        lines.push([i === 0 ? job : '', m, ...titles.map((t) => fmt(columns[t]![job]?.[m]))]);
      });
    }
    lines.push([
      options.detail === false ? job : '',
      'total',
      ...titles.map((t) => {
        const counts = columns[t]![job];
        return counts ? fmt(total(counts)) : '·';
      }),
    ]);
  }
  const widths = lines[0]!.map((_, c) => Math.max(...lines.map((l) => shownWidth(l[c]!))));
  return lines.map((l) => l.map((cell, c) => pad(cell, widths[c]!, c >= 2)).join('  ')).join('\n');
}
