/**
 * The demo's programme year through the server-mode store, with Google's errors injected on a
 * seeded schedule, and the same year through the `.xlsx` store: every job converges through
 * the retries, and both leave the same tables (the Log's durations aside).
 */
import type { Ports } from '../../src/app/context';
import { aggregateDefense } from '../../src/app/defense';
import { selectAwards } from '../../src/app/awards';
import { finaliseMonth, prepareShowcase } from '../../src/app/monthly';
import { Table } from '../../src/app/table';
import { addMonths, monthsBetween } from '../../src/domain/calendar';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { formDef, type FormName } from '../../src/domain/forms';
import type { Cell } from '../../src/domain/schema/column';
import {
  BranchesTable,
  JudgesTable,
  LogTable,
  NominationsTable,
} from '../../src/domain/schema/tables';
import { workbookTables } from '../../src/domain/schema/workbook';
import { parseLocalTimestamp } from '../../src/domain/timestamps';
import { runOnSpreadsheet } from '../../src/google/session';
import { GoogleSheetsStore } from '../../src/google/sheetsStore';
import { pushWorkbook } from '../../src/google/transfer';
import { SettableClock } from '../../src/local/clock';
import {
  demoActivities,
  demoApplications,
  demoDecisions,
  demoDefense,
  demoJudges,
  demoNominations,
  demoVotes,
  type DemoResponse,
} from '../../src/local/demo/demoYear';
import { writeFormsCsv } from '../../src/local/formsCsv';
import { ingestCsv } from '../../src/local/ingestCsv';
import { newWorkbook } from '../../src/local/workbookFile';
import type { TableStore } from '../../src/ports';
import { serve, type Served } from './support';

jest.setTimeout(240_000);

type Step = <T>(work: (ports: Ports) => T) => Promise<T>;

const local = (r: DemoResponse) => {
  const parsed = parseLocalTimestamp(r.timestamp);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

/** The demo year's jobs (runDemo's order), each one step. */
async function runYear(step: Step, clock: SettableClock): Promise<void> {
  const config = DEFAULT_CONFIG;
  const exported = new Map<FormName, DemoResponse[]>();
  const ingest = (form: FormName, responses: DemoResponse[]) => {
    const all = [...(exported.get(form) ?? []), ...responses];
    exported.set(form, all);
    const visible = all.filter((r) => local(r) <= clock.now());
    const csv = writeFormsCsv(formDef(form, config.defenseRubric), visible, 'zh-CN');
    return step((ports) => ingestCsv(ports, form, csv, `${form}.csv`));
  };
  clock.set('2026-09-12 09:00:00');
  await ingest('application', demoApplications());
  const approved = await step((ports) => {
    const branches = Table.read(ports.store, BranchesTable, 'zh-CN');
    const decisions = new Map(demoDecisions().map((d) => [d.name, d]));
    for (const b of branches.records()) {
      const d = decisions.get(b.name);
      if (d) branches.upsert({ ...b, status: d.status, reviewNote: d.note });
    }
    branches.save(ports.store, 'zh-CN');
    // The defense judges, as runDemo lists them: awards need every approved branch judged.
    const idOf = new Map(branches.records().map((b) => [b.name, b.id]));
    const judges = Table.read(ports.store, JudgesTable, 'zh-CN');
    for (const j of demoJudges()) {
      judges.upsert({
        name: j.name,
        email: j.email,
        ownBranch: j.ownBranchName ? (idOf.get(j.ownBranchName) ?? null) : null,
        note: j.note,
      });
    }
    judges.save(ports.store, 'zh-CN');
    return branches.records().filter((b) => b.status === 'approved');
  });
  let pending = demoActivities(approved);
  const feed = () => {
    const due = pending.filter((r) => local(r) <= clock.now());
    pending = pending.filter((r) => local(r) > clock.now());
    return ingest('activity', due);
  };
  const months = monthsBetween(config.programStart.slice(0, 7), config.programEnd.slice(0, 7));
  for (const month of months) {
    clock.set(`${month}-${String(config.showcaseDay).padStart(2, '0')} 18:00:00`);
    await feed();
    const showcase = await step((ports) => prepareShowcase(ports, month));
    clock.set(`${month}-28 23:59:00`);
    await ingest(
      'vote',
      demoVotes(
        month,
        showcase.picks.map((p) => ({ id: p.branch, name: p.name })),
      ),
    );
    if (month === '2027-06') {
      await ingest('nomination', demoNominations(approved));
      await step((ports) => {
        const nominations = Table.read(ports.store, NominationsTable, 'zh-CN');
        for (const n of nominations.records()) nominations.upsert({ ...n, status: 'approved' });
        nominations.save(ports.store, 'zh-CN');
      });
      clock.set('2027-06-29 20:00:00');
      await ingest(
        'defense',
        demoDefense(
          approved,
          config.defenseRubric.map((c) => c.max),
        ),
      );
    }
    clock.set(`${addMonths(month, 1)}-01 02:00:00`);
    await feed();
    await step((ports) => finaliseMonth(ports, month));
  }
  await step((ports) => aggregateDefense(ports));
  clock.set(`${config.commendationDate} 09:00:00`);
  await step((ports) => selectAwards(ports));
}

/**
 * Every table as a reader sees it: trailing blank cells dropped (the Sheets API never returns
 * them), the Log's duration column blanked (wall-clock time differs).
 */
function snapshot(store: TableStore): Record<string, Cell[][]> {
  const out: Record<string, Cell[][]> = {};
  const durationAt = Object.keys(LogTable.columns).indexOf('durationMs');
  for (const def of workbookTables(DEFAULT_CONFIG.defenseRubric)) {
    const rows = store.read(def).map((r) => {
      const cells = r.map((c) => (c === '' ? null : c));
      while (cells.length > 0 && cells.at(-1) === null) cells.pop();
      return cells;
    });
    out[def.name] =
      def === LogTable
        ? rows.map((r, i) => (i === 0 ? r : r.map((c, k) => (k === durationAt ? null : c))))
        : rows;
  }
  return out;
}

describe('a programme year through the server-mode store', () => {
  let served: Served;
  afterAll(() => served.fake.stop());

  it('converges through injected 429s, 500s and rate-limit 403s, and matches the xlsx store', async () => {
    served = await serve({
      faults: { seed: 'server-year', rate: 0.15, kinds: ['429', '500', '403-rate'] },
    });
    const api = await served.connect();
    // Both start from the same fresh workbook.
    const workbook = newWorkbook('zh-CN');
    await pushWorkbook(api, served.spreadsheetId, workbook, true);

    const xlsxClock = new SettableClock('2026-09-01 08:00:00');
    await runYear(async (work) => work({ store: workbook, clock: xlsxClock }), xlsxClock);

    const googleClock = new SettableClock('2026-09-01 08:00:00');
    let jobs = 0;
    const year = runYear(
      (work) =>
        runOnSpreadsheet(api, served.spreadsheetId, { clock: () => googleClock }, ({ ports }) => {
          jobs++;
          return work(ports);
        }),
      googleClock,
    );
    await year;

    const remote = new GoogleSheetsStore(api, served.spreadsheetId, 'zh-CN');
    await remote.load(workbookTables(DEFAULT_CONFIG.defenseRubric));
    expect(snapshot(remote)).toEqual(snapshot(workbook));
    // The schedule did inject errors, and every one was retried.
    const failed = served.fake.requests.filter((r) => r.status !== 200);
    expect(failed.length).toBeGreaterThan(10);
    expect(served.retries.length).toBeGreaterThanOrEqual(failed.length);
    // One batchGet a job, plus the push's and the final read's.
    const counts = served.fake.counts();
    expect(jobs).toBeGreaterThan(50);
    expect(
      counts['sheets.values.batchGet']! -
        failed.filter((r) => r.label === 'sheets.values.batchGet').length,
    ).toBe(jobs + 2);
  });
});
