/**
 * Every case of the catalogue through two paths, with the same outcome:
 * - use case: `ingestResponses` with `FormResponse`s, every case in ONE batch;
 * - CSV: each form's cases written as a Google Forms export (`writeFormsCsv`; zh-CN titles for
 *   some forms, en for the others; UTF-8 BOM, CRLF), read back with `readFormsCsv` and ingested
 *   with `ingestCsv`, the way `starbranch ingest` does.
 * No case may crash the job or stop the rows after it: every case is found in exactly one place,
 * a valid last row follows each form's cases, and rows in = canonical + rejected (+ skipped).
 */
import { ingestResponses, type IngestReport } from '../../src/app/ingest';
import { Table } from '../../src/app/table';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { formDef, FORM_NAMES, type FormName, type FormResponse } from '../../src/domain/forms';
import { t } from '../../src/domain/messages';
import { ActivitiesTable, LogTable, RejectedTable } from '../../src/domain/schema/tables';
import type { Cell } from '../../src/domain/schema/column';
import type { Locale } from '../../src/domain/vocabulary';
import { readFormsCsv, writeFormsCsv } from '../../src/local/formsCsv';
import { ingestCsv } from '../../src/local/ingestCsv';
import {
  activityAnswers,
  applicationAnswers,
  defenseAnswers,
  nominationAnswers,
  records,
  voteAnswers,
  type MemoryStore,
  type TestPorts,
} from '../support/fakes';
import {
  CATALOGUE,
  catalogueProgramme,
  submittedAtOf,
  type CatalogueCase,
  type Submission,
} from './catalogue';
import { landings, outcomeOf, reasonOf, TABLE_OF, type Landing } from './landings';

const rubric = DEFAULT_CONFIG.defenseRubric;

/** A valid response after each form's cases: the rows after every case are still processed. */
const LAST_ROW: Record<FormName, Submission> = {
  application: {
    submittedAt: '2026-09-30 10:00:00',
    answers: applicationAnswers('最后一个申报的党支部'),
  },
  activity: {
    submittedAt: '2026-10-30 10:00:00',
    answers: activityAnswers('B002', { title: '最后一行：志愿服务' }),
  },
  vote: {
    submittedAt: '2026-10-28 18:00:00',
    answers: voteAnswers('2026-10', '最后一位评委', 'B002', '90'),
  },
  defense: {
    submittedAt: '2027-06-20 18:00:00',
    answers: defenseAnswers('王老师', 'B002', [33, 21, 12, 9, 8]),
  },
  nomination: {
    submittedAt: '2027-05-02 10:00:00',
    answers: nominationAnswers('B002', '王五', '2023099'),
  },
};

/** One row sent: a case, another submission it is about, or a form's last row. */
interface Sent extends Submission {
  readonly form: FormName;
  readonly caseId: string | null;
  readonly role: 'case' | 'alongside' | 'last';
}

function sentFor(form: FormName): Sent[] {
  const rows: Sent[] = [];
  for (const c of CATALOGUE.filter((x) => x.form === form)) {
    for (const other of c.alongside ?? []) {
      rows.push({ ...other, form, caseId: c.id, role: 'alongside' });
    }
    rows.push({
      form,
      caseId: c.id,
      role: 'case',
      submittedAt: submittedAtOf(c),
      answers: c.answers,
      ...(c.email === undefined ? {} : { email: c.email }),
    });
  }
  rows.push({ ...LAST_ROW[form], form, caseId: null, role: 'last' });
  return rows;
}

// ——— where each response landed ———

interface PathRun {
  readonly ports: TestPorts;
  /** Response id of each row sent, in the order sent. */
  readonly ids: Map<Sent, string>;
  readonly sent: Sent[];
  readonly found: Map<string, Landing>;
}

function idOfCase(run: PathRun, c: CatalogueCase): string {
  const sent = run.sent.find((s) => s.caseId === c.id && s.role === 'case');
  return run.ids.get(sent!)!;
}

function checkCase(run: PathRun, c: CatalogueCase): void {
  const landing = run.found.get(idOfCase(run, c));
  expect(landing).toBeDefined();
  // One row per response: never both in its table and in Rejected, never twice.
  expect(landing!.count).toBe(1);
  expect(landing!.place).toBe(c.expect.outcome === 'rejected' ? 'rejected' : c.form);
  expect(outcomeOf(landing!)).toBe(c.expect.outcome);
  if (landing!.place === 'rejected') {
    expect(landing!.row).toMatchObject({ form: c.form, resolved: false });
    // The answer at fault is named (待改字段), so its cell is marked for staff.
    expect(landing!.row.field).toEqual(expect.stringMatching(/\S/));
  }
  if (c.expect.reasonIncludes !== undefined) {
    expect(reasonOf(landing!)).toContain(c.expect.reasonIncludes);
  }
  c.expect.check?.(landing!.row);
  // The submissions the case is about landed too, once each.
  for (const other of run.sent.filter((s) => s.caseId === c.id && s.role === 'alongside')) {
    expect(run.found.get(run.ids.get(other)!)?.count).toBe(1);
  }
}

function checkLastRows(run: PathRun): void {
  for (const last of run.sent.filter((s) => s.role === 'last')) {
    const landing = run.found.get(run.ids.get(last)!);
    expect({ form: last.form, outcome: landing && outcomeOf(landing) }).toEqual({
      form: last.form,
      outcome: 'canonical',
    });
  }
}

/** Rows added to the five tables and to `Rejected` by the run. */
/** The rejections the summary's grouped lines (`3 × reason — fix`) account for. */
function groupedCount(summary: readonly string[]): number {
  return summary
    .map((line) => /^(\d+) × /.exec(line))
    .reduce((total, m) => total + (m ? Number(m[1]) : 0), 0);
}

function rowCounts(store: MemoryStore): { canonical: number; rejected: number } {
  const canonical = FORM_NAMES.reduce((n, f) => n + records(store, TABLE_OF[f]).length, 0);
  return { canonical, rejected: records(store, RejectedTable).length };
}

/**
 * Every row the jobs wrote reads back: a reason or payload too long for its cell would make its
 * row unreadable, and the response would be judged (and filed) again by the next ingest.
 */
function expectEveryRowReadable(store: MemoryStore): void {
  for (const def of [...Object.values(TABLE_OF), RejectedTable]) {
    expect({ table: def.name, errors: Table.read(store, def, 'zh-CN').errors }).toEqual({
      table: def.name,
      errors: [],
    });
  }
}

function outcomeTally(run: PathRun): Record<string, number> {
  const tally: Record<string, number> = {};
  for (const c of CATALOGUE) {
    const landing = run.found.get(idOfCase(run, c));
    const outcome = landing ? String(outcomeOf(landing)) : 'missing';
    tally[outcome] = (tally[outcome] ?? 0) + 1;
  }
  return tally;
}

function expectedTally(): Record<string, number> {
  const tally: Record<string, number> = {};
  for (const c of CATALOGUE) tally[c.expect.outcome] = (tally[c.expect.outcome] ?? 0) + 1;
  return tally;
}

// ——— path (a): the use case ———

describe('use case', () => {
  let run: PathRun;
  let report: IngestReport;
  let before: { canonical: number; rejected: number };
  let responses: FormResponse[];

  beforeAll(() => {
    const ports = catalogueProgramme();
    before = rowCounts(ports.store);
    const ids = new Map<Sent, string>();
    responses = [];
    const send = (s: Sent, id: string) => {
      ids.set(s, id);
      responses.push({
        form: s.form,
        responseId: id,
        submittedAt: s.submittedAt,
        email: s.email ?? null,
        answers: { ...s.answers },
      });
    };
    // In catalogue order, forms interleaved, then each form's last row: one batch.
    const sent = FORM_NAMES.flatMap(sentFor);
    const byCase = new Map<string, Sent[]>();
    for (const s of sent) {
      if (s.caseId !== null) byCase.set(s.caseId, [...(byCase.get(s.caseId) ?? []), s]);
    }
    for (const c of CATALOGUE) {
      const rows = byCase.get(c.id)!;
      rows.forEach((s, i) => send(s, s.role === 'case' ? c.id : `${c.id}~${i + 1}`));
      if (c.deliveredTwice) responses.push({ ...responses[responses.length - 1]! });
    }
    for (const s of sent.filter((x) => x.role === 'last')) send(s, `last-${s.form}`);
    report = ingestResponses(ports, responses);
    run = { ports, ids, sent, found: landings(ports.store) };
  });

  test('the batch job succeeds and accounts for every row it was given', () => {
    const twice = CATALOGUE.filter((c) => c.deliveredTwice).length;
    expect(report.summary[0]).toBe(
      t('zh-CN', 'jobs.ingest.counts', {
        added: report.added,
        rejected: report.rejected,
        skipped: report.skipped,
      }),
    );
    expect(groupedCount(report.summary)).toBe(report.rejected);
    expect(report.rowsIn).toBe(responses.length);
    expect(report.added + report.rejected + report.skipped).toBe(report.rowsIn);
    expect(report.skipped).toBe(twice);
    const after = rowCounts(run.ports.store);
    expect(after.canonical - before.canonical).toBe(report.added);
    expect(after.rejected - before.rejected).toBe(report.rejected);
    expect(records(run.ports.store, LogTable).at(-1)).toMatchObject({
      job: t('zh-CN', 'jobs.name.ingest'),
      outcome: 'ok',
      rowsIn: responses.length,
    });
    expectEveryRowReadable(run.ports.store);
    checkLastRows(run);
    expect(outcomeTally(run)).toEqual(expectedTally());
  });

  test.each([...CATALOGUE])('$id: $title', (c) => checkCase(run, c));
});

// ——— path (b): Google Forms CSV exports ———

/** zh-CN titles for some forms, en for the others. */
const CSV_LOCALE: Record<FormName, Locale> = {
  application: 'zh-CN',
  activity: 'en',
  vote: 'zh-CN',
  defense: 'en',
  nomination: 'zh-CN',
};

/** `2026-10-20 14:05:00` as Google writes it: `2026/10/20 下午2:05:00` or `10/20/2026 14:05:00`. */
function googleTimestamp(local: string, locale: Locale): string {
  const [, y, mo, d, h, mi, s] = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(local)!;
  const hour = Number(h);
  if (locale === 'en') return `${Number(mo)}/${Number(d)}/${y} ${hour}:${mi}:${s}`;
  const half = hour < 12 ? '上午' : '下午';
  return `${y}/${Number(mo)}/${Number(d)} ${half}${hour % 12 === 0 ? 12 : hour % 12}:${mi}:${s}`;
}

function exportOf(form: FormName, locale = CSV_LOCALE[form]): { csv: string; sent: Sent[] } {
  const sent = sentFor(form);
  const csv = writeFormsCsv(
    formDef(form, rubric),
    sent.map((s) => ({
      timestamp: googleTimestamp(s.submittedAt, locale),
      ...(s.email === undefined ? {} : { email: s.email }),
      answers: { ...s.answers },
    })),
    locale,
  );
  return { csv, sent };
}

const readOptions = (fileName: string) => ({ rubric, dayOrder: 'mdy' as const, fileName });

describe('CSV', () => {
  let run: PathRun;
  const first = new Map<FormName, IngestReport>();
  const again = new Map<FormName, IngestReport>();
  let before: { canonical: number; rejected: number };
  let afterFirst: ReturnType<MemoryStore['snapshot']>;
  let afterAgain: ReturnType<MemoryStore['snapshot']>;

  beforeAll(() => {
    const ports = catalogueProgramme();
    before = rowCounts(ports.store);
    const ids = new Map<Sent, string>();
    const allSent: Sent[] = [];
    const files = FORM_NAMES.map((form) => ({ form, ...exportOf(form) }));
    for (const { form, csv, sent } of files) {
      const read = readFormsCsv(csv, form, readOptions(`${form}.csv`));
      expect(read.problems).toEqual([]);
      expect(read.responses).toHaveLength(sent.length);
      sent.forEach((s, i) => ids.set(s, read.responses[i]!.responseId));
      allSent.push(...sent);
      first.set(form, ingestCsv(ports, form, csv, `${form}.csv`));
    }
    afterFirst = ports.store.snapshot();
    // The same exports again, as when staff re-run ingest on a file that has not grown.
    for (const { form, csv } of files) again.set(form, ingestCsv(ports, form, csv, `${form}.csv`));
    afterAgain = ports.store.snapshot();
    run = { ports, ids, sent: allSent, found: landings(ports.store) };
  });

  test('the export of each form is what Google writes: BOM, CRLF, titles in its language', () => {
    for (const form of FORM_NAMES) {
      const { csv } = exportOf(form);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      expect(csv).toContain('\r\n');
      const header = csv.slice(1, csv.indexOf('\r\n'));
      expect(header.startsWith(CSV_LOCALE[form] === 'en' ? 'Timestamp,' : '时间戳记,')).toBe(true);
    }
  });

  test('every job succeeds and accounts for every row; re-ingesting adds nothing', () => {
    let added = 0;
    let rejected = 0;
    for (const form of FORM_NAMES) {
      const report = first.get(form)!;
      const rows = run.sent.filter((s) => s.form === form).length;
      expect(groupedCount(report.summary)).toBe(report.rejected);
      expect(report.rowsIn).toBe(rows);
      expect(report.added + report.rejected + report.skipped).toBe(rows);
      expect(report.skipped).toBe(0);
      added += report.added;
      rejected += report.rejected;
      expect(again.get(form)).toMatchObject({ added: 0, rejected: 0, skipped: rows });
    }
    const after = rowCounts(run.ports.store);
    expect(after.canonical - before.canonical).toBe(added);
    expect(after.rejected - before.rejected).toBe(rejected);
    expect(afterAgain).toEqual(afterFirst);
    // The programme's own applications were one job; then two per form.
    const log = records(run.ports.store, LogTable).filter(
      (l) => l.job === t('zh-CN', 'jobs.name.ingest'),
    );
    expect(log.map((l) => l.outcome)).toEqual(Array(1 + FORM_NAMES.length * 2).fill('ok'));
    expectEveryRowReadable(run.ports.store);
    checkLastRows(run);
    expect(outcomeTally(run)).toEqual(expectedTally());
  });

  test.each([...CATALOGUE])('$id: $title', (c) => checkCase(run, c));

  // ——— the file itself: columns missing, extra, renamed, reordered; BOM and line ends ———

  /** The activity export as cells (header first), so that its columns can be changed. */
  const activityCells = (locale: Locale): string[][] => {
    const { csv } = exportOf('activity', locale);
    return readCells(csv);
  };

  const ingestActivity = (csv: string) => {
    const ports = catalogueProgramme();
    const report = ingestCsv(ports, 'activity', csv, 'activity.csv');
    return { ports, report, snapshot: ports.store.snapshot() };
  };

  const baseline = () => ingestActivity(exportOf('activity', 'en').csv);
  const rowsOfActivity = () => sentFor('activity').length;

  test('the cells round-trip: what the variations start from is what writeFormsCsv wrote', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      expect(toCsv(activityCells(locale))).toBe(exportOf('activity', locale).csv);
    }
  });

  test('a BOM-less file with LF line ends is read the same', () => {
    const lf = toCsv(activityCells('en'), { bom: false, eol: '\n' });
    expect(lf.startsWith('\uFEFF')).toBe(false);
    expect(ingestActivity(lf).snapshot).toEqual(baseline().snapshot);
  });

  test('reordered columns are read the same, timestamp last', () => {
    const reversed = activityCells('en').map((row) => [...row].reverse());
    expect(reversed[0]!.at(-1)).toBe('Timestamp');
    expect(ingestActivity(toCsv(reversed)).snapshot).toEqual(baseline().snapshot);
  });

  test('extra columns are listed as unknown, and kept in staff columns of the table', () => {
    const cells = activityCells('en').map((row, i) => [
      row[0]!,
      i === 0 ? '备注' : `note ${i}`,
      ...row.slice(1),
      i === 0 ? 'Score' : '=1+1',
    ]);
    const csv = toCsv(cells);
    const read = readFormsCsv(csv, 'activity', readOptions('activity.csv'));
    expect(read.unknownColumns).toEqual(['备注', 'Score']);
    const { snapshot, report } = ingestActivity(csv);
    const expected = baseline().snapshot;
    // 备注 is a column of Activities already (its note): the form's answers get a column of their own.
    const staff = ['备注（表单）', 'Score'];
    const activities = snapshot.Activities!;
    const at = staff.map((title) => activities[0]!.indexOf(title));
    expect(at.every((i) => i > 0)).toBe(true);
    expect(activities.slice(1).every((row) => row[at[1]!] === '=1+1')).toBe(true);
    expect(activities.map((row) => row.filter((_, i) => !at.includes(i)))).toEqual(
      expected.Activities,
    );
    expect(report.summary).toContain(
      '另有 2 个问题不在表结构中：备注（表单）、Score，答案已保存到活动表的同名列',
    );
    // A rejected row keeps them in its payload, where reprocessing finds them.
    const payloads = (rows: Cell[][]) =>
      rows
        .slice(1)
        .map(
          (row) => JSON.parse(String(row[rows[0]!.indexOf('原始内容')])) as Record<string, string>,
        );
    const kept = payloads(snapshot.Rejected!);
    expect(kept.length).toBeGreaterThan(0);
    for (const payload of kept) {
      expect(payload).toMatchObject({ 备注: expect.stringMatching(/^note \d+$/), Score: '=1+1' });
      delete payload['备注'];
      delete payload['Score'];
    }
    expect(kept).toEqual(payloads(expected.Rejected!));
    const others = (tables: Record<string, Cell[][]>) =>
      Object.entries(tables).filter(([name]) => name !== 'Activities' && name !== 'Rejected');
    expect(others(snapshot)).toEqual(others(expected));
  });

  test('titles with stray or full-width spaces and ASCII brackets still match (zh-CN export)', () => {
    const cells = activityCells('zh-CN');
    const renamed: Record<string, string> = {
      时间戳记: ' 时间戳记',
      活动名称: '活动名称 ',
      参加人数: '\u3000参加人数\u3000',
      '使用经费（元）': '使用经费(元)',
      辅导员是否出席: '辅导员是否出席  ',
    };
    cells[0] = cells[0]!.map((title) => renamed[title] ?? title);
    expect(cells[0]).toContain('活动名称 ');
    const csv = toCsv(cells);
    expect(readFormsCsv(csv, 'activity', readOptions('activity.csv')).unknownColumns).toEqual([]);
    // Ids do not depend on the export's language, so this equals the English export's result.
    expect(ingestActivity(csv).snapshot).toEqual(baseline().snapshot);
  });

  test("a renamed question ('Activity Title') is unknown: the file is refused, naming the column", () => {
    const cells = activityCells('en');
    cells[0] = cells[0]!.map((title) => (title === 'Title' ? 'Activity Title' : title));
    const ports = catalogueProgramme();
    const before = ports.store.snapshot([]);
    expect(() => ingestCsv(ports, 'activity', toCsv(cells), 'activity.csv')).toThrow(
      'activity.csv: missing column "活动名称" (Title); expected a Google Forms export of 活动报告表 (Activity report)',
    );
    expect(ports.store.snapshot([])).toEqual(before);
  });

  test('a missing required column refuses the file, naming every missing column', () => {
    const cells = activityCells('zh-CN');
    const drop = new Set(['参加人数', '党外群众人数']);
    const keep = cells[0]!.map((title) => !drop.has(title));
    const csv = toCsv(cells.map((row) => row.filter((_, i) => keep[i])));
    const ports = catalogueProgramme();
    const before = ports.store.snapshot([]);
    expect(() => ingestCsv(ports, 'activity', csv, 'activity.csv')).toThrow(
      'activity.csv: missing columns "参加人数" (Participants), "党外群众人数" (Non-party participants)',
    );
    expect(ports.store.snapshot([])).toEqual(before);
  });

  test('a missing optional column: every row is read, without its answers', () => {
    const cells = activityCells('en');
    const at = cells[0]!.indexOf('Evidence link');
    const csv = toCsv(cells.map((row) => row.filter((_, i) => i !== at)));
    const { ports, report } = ingestActivity(csv);
    expect(report.rowsIn).toBe(rowsOfActivity());
    expect(report.added + report.rejected).toBe(rowsOfActivity());
    expect(records(ports.store, ActivitiesTable).every((a) => a.evidenceLink === null)).toBe(true);
  });

  test('a row with a stray cell goes to Rejected, clipped to fit a cell; the rows after it are read', () => {
    const cells = activityCells('en');
    // The row holding 50,000 characters in one answer gets a cell beyond the last column.
    const at =
      1 + sentFor('activity').findIndex((s) => s.caseId === 'activity-participants-huge-text');
    cells[at] = [...cells[at]!, 'stray'];
    const csv = toCsv(cells);
    const { ports, report } = ingestActivity(csv);
    expect(report.rowsIn).toBe(rowsOfActivity());
    expect(report.added + report.rejected).toBe(rowsOfActivity());
    const problems = records(ports.store, RejectedTable).filter((r) =>
      r.reason.includes('最后一个标题列之后还有 1 个单元格'),
    );
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem).toMatchObject({ form: 'activity', resolved: false });
    expect(problem!.reason).toContain(`activity.csv 第 ${at + 1} 行：`);
    // The file and row are named once.
    expect(problem!.reason.split('activity.csv').length).toBe(2);
    const payload = JSON.parse(problem!.payload!) as Record<string, string>;
    // The stray cell is named by its column: one past the header's last.
    const stray = `column ${cells[0]!.length + 1}`;
    expect(payload).toMatchObject({ Timestamp: cells[at]![0], [stray]: 'stray' });
    expect(payload.Participants).toContain('已截断，原文 50000 字');
    expect(problem!.payload!.length).toBeLessThan(32_767);
    expectEveryRowReadable(ports.store);
    // The last row still landed, and the same file again adds nothing.
    expect(
      records(ports.store, ActivitiesTable).some((a) => a.title === '最后一行：志愿服务'),
    ).toBe(true);
    const snapshot = ports.store.snapshot();
    expect(ingestCsv(ports, 'activity', csv, 'activity.csv')).toMatchObject({
      added: 0,
      rejected: 0,
      skipped: rowsOfActivity(),
    });
    expect(ports.store.snapshot()).toEqual(snapshot);
  });
});

/** The cells of a CSV text (a minimal RFC 4180 reader, for the tests' own round trip). */
function readCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      [row, cell] = [[], ''];
      i++;
    } else cell += ch;
  }
  row.push(cell);
  rows.push(row);
  return rows;
}

/** Cells back to CSV as Google writes it, or with another BOM and line end. */
function toCsv(cells: readonly (readonly string[])[], { bom = true, eol = '\r\n' } = {}): string {
  const field = (value: string) =>
    /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  return (bom ? '\uFEFF' : '') + cells.map((row) => row.map(field).join(',')).join(eol);
}
