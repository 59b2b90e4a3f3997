/**
 * The server-mode half of the bench: the jobs from Node through the Google REST clients against
 * the local fake (test/google/fakeGoogle.ts), which answers each request after a stated latency.
 * Per scale: HTTP requests per job (they do not grow with the data, paging aside), bytes moved
 * each way, and the wall time of a month's finalisation; once: the time of 1,814 letters.
 *
 * The spreadsheet at each scale holds the bench year's applications (every branch approved) and
 * its first month's activity reports, pushed into the fake before the timing starts.
 */
import { performance } from 'node:perf_hooks';
import { selectAwards } from '../src/app/awards';
import type { Ports } from '../src/app/context';
import { aggregateDefense } from '../src/app/defense';
import { ingestResponses } from '../src/app/ingest';
import { finaliseMonth, prepareShowcase } from '../src/app/monthly';
import { Table } from '../src/app/table';
import { addMonths } from '../src/domain/calendar';
import { DEFAULT_CONFIG, defaultConfigRows } from '../src/domain/config';
import { toRow } from '../src/domain/schema/rows';
import { headerRow } from '../src/domain/schema/table';
import { AwardsTable, BranchesTable, ConfigTable } from '../src/domain/schema/tables';
import { workbookTables } from '../src/domain/schema/workbook';
import type { GoogleApi } from '../src/google/clients';
import { issueGoogleLetters } from '../src/google/letters';
import { runOnSpreadsheet } from '../src/google/session';
import { GoogleSheetsStore } from '../src/google/sheetsStore';
import { serve, type Served } from '../test/google/support';
import { generateYear } from './generate';
import { BenchClock, BenchStore } from './support';

/** The latency the fake adds to every answer: a stated, not a measured, figure. */
export const SERVER_LATENCY_MS = 10;
export const LETTERS = 1814;

export interface ServerJob {
  readonly job: string;
  /** API requests by label (`sheets.values.batchGet`…), token requests left out. */
  readonly requests: Readonly<Record<string, number>>;
  readonly total: number;
  readonly bytesUp: number;
  readonly bytesDown: number;
  readonly ms: number;
}

export interface ServerScale {
  readonly scale: number;
  readonly latencyMs: number;
  readonly jobs: readonly ServerJob[];
}

async function measure(
  served: Served,
  job: string,
  work: () => Promise<unknown>,
): Promise<ServerJob> {
  served.fake.reset();
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  const requests = served.fake.counts();
  const api = served.fake.requests.filter((r) => r.label !== 'oauth.token');
  return {
    job,
    requests,
    total: api.length,
    bytesUp: api.reduce((n, r) => n + r.bytesIn, 0),
    bytesDown: api.reduce((n, r) => n + r.bytesOut, 0),
    ms,
  };
}

/** The bench year's first month, computed locally, as the spreadsheet to run on. */
function firstMonth(scale: number): { store: BenchStore; month: string } {
  const year = generateYear(scale);
  const store = new BenchStore();
  for (const def of workbookTables(DEFAULT_CONFIG.defenseRubric)) {
    const rows = [headerRow(def, 'zh-CN')];
    if (def === ConfigTable) {
      for (const row of defaultConfigRows('zh-CN')) {
        rows.push(toRow(ConfigTable, row, 'zh-CN') as string[]);
      }
    }
    store.write(def, rows);
  }
  const month = year.months[0]!;
  const clock = new BenchClock(`${month}-12 09:00:00`);
  const ports: Ports = { store, clock };
  ingestResponses(ports, year.applications);
  const branches = Table.read(store, BranchesTable, 'zh-CN');
  for (const b of branches.records()) branches.upsert({ ...b, status: 'approved' });
  branches.save(store, 'zh-CN');
  const until = `${addMonths(month, 1)}-01 02:00:00`;
  clock.set(until);
  ingestResponses(
    ports,
    year.activities.filter((a) => a.submittedAt <= until),
  );
  return { store, month };
}

async function pushInto(api: GoogleApi, served: Served, store: BenchStore): Promise<void> {
  const remote = new GoogleSheetsStore(api, served.spreadsheetId, 'zh-CN');
  const tables = workbookTables(DEFAULT_CONFIG.defenseRubric);
  await remote.load(tables);
  for (const def of tables) remote.write(def, store.peek(def.name));
  await remote.flush();
}

export async function measureServerScale(
  scale: number,
  log: (line: string) => void,
): Promise<ServerScale> {
  const { store, month } = firstMonth(scale);
  const served = await serve();
  try {
    const api = await served.connect();
    await pushInto(api, served, store);
    served.fake.latencyMs = SERVER_LATENCY_MS;
    const clock = new BenchClock(`${addMonths(month, 1)}-01 02:00:00`);
    const options = { clock: () => clock };
    const job = (name: string, work: (ports: Ports) => unknown) =>
      measure(served, name, () =>
        runOnSpreadsheet(api, served.spreadsheetId, options, ({ ports }) => work(ports)),
      );
    const jobs = [
      await job(`finalise ${month}`, (p) => finaliseMonth(p, month)),
      await job(`showcase ${addMonths(month, 1)}`, (p) => prepareShowcase(p, addMonths(month, 1))),
      await job('defense', (p) => aggregateDefense(p)),
      await job('awards', (p) => selectAwards(p)),
    ];
    log(`[server ${scale}×] ${jobs.map((j) => `${j.job}: ${j.total} requests`).join(', ')}`);
    return { scale, latencyMs: SERVER_LATENCY_MS, jobs };
  } finally {
    await served.fake.stop();
  }
}

/** `count` letters made in one run (template copy, fill; sharing private), at the latency. */
export async function measureServerLetters(count: number): Promise<ServerJob> {
  const served = await serve();
  try {
    const api = await served.connect();
    const clock = new BenchClock('2027-07-01 09:00:00');
    const options = { clock: () => clock };
    await runOnSpreadsheet(api, served.spreadsheetId, options, ({ ports }) => {
      const awards = Table.read(ports.store, AwardsTable, 'zh-CN');
      for (let i = 1; i <= count; i++) {
        awards.upsert({
          awardId: `A${String(i).padStart(4, '0')}`,
          kind: 'member',
          branch: 'B001',
          recipient: `党员${i}`,
          title: '优秀学生党员',
          score: null,
          rank: i,
          letterId: null,
          link: null,
          generatedAt: null,
          state: 'final',
          letterNo: null,
          printed: null,
          voidedLetters: null,
        });
      }
      awards.save(ports.store, 'zh-CN');
    });
    served.fake.latencyMs = SERVER_LATENCY_MS;
    return await measure(served, `letters ×${count}`, () =>
      runOnSpreadsheet(api, served.spreadsheetId, options, ({ ports }) =>
        issueGoogleLetters(api, served.spreadsheetId, ports, { domain: null }),
      ),
    );
  } finally {
    await served.fake.stop();
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const kb = (bytes: number) => `${fmt(bytes / 1024)} KB`;

/** The Markdown table of requests per job at every scale. */
export function serverTable(scales: readonly ServerScale[], letters: ServerJob | null): string[] {
  const lines = [
    `Server mode against the local fake, ${SERVER_LATENCY_MS} ms added to every answer:`,
    '',
    '| job | scale | requests | of which | up | down | time |',
    '| --- | ---: | ---: | --- | ---: | ---: | ---: |',
  ];
  const row = (j: ServerJob, scale: string) =>
    `| ${j.job} | ${scale} | ${j.total} | ${Object.entries(j.requests)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} | ${kb(j.bytesUp)} | ${kb(j.bytesDown)} | ${fmt(j.ms)} ms |`;
  for (const s of scales) for (const j of s.jobs) lines.push(row(j, `${s.scale}×`));
  if (letters) lines.push(row(letters, ''));
  return lines;
}
