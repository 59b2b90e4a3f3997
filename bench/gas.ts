/**
 * The Apps Script half of `npm run bench`: how many service calls each job makes (DESIGN §10).
 *
 * The counts come from running the built bundle (dist/Code.js) in the node:vm sandbox of
 * test/sandbox, whose fakes of SpreadsheetApp, FormApp, DocumentApp/Docs, Drive, LockService,
 * PropertiesService, ScriptApp and Session count every call, over a programme year of the given
 * scale, seeded through the domain use cases (test/gas/callCounts.ts).
 *
 * What bench/main.ts does with the counts:
 * - prints one row per job and scale (calls, and calls per item where `items` is given);
 * - "the same at every scale": for `target: 'job'` entries, `calls` must be equal at every scale
 *   measured; for `ingest` and `letters` entries, calls per item must be;
 * - `ingest`: calls / items ≤ 9 (items = responses ingested; reading the response included);
 * - `letters`: calls / items ≤ 4 (items = letters made).
 */

import { measureGas } from '../test/gas/callCounts';

export interface GasJobCalls {
  /** The job, named as in the local table where there is one: `finalise`, `issue letters`, … */
  readonly job: string;
  /** Which DESIGN §10 target applies: a fixed count per job, per response, or per letter. */
  readonly target: 'job' | 'ingest' | 'letters';
  /** Every Apps Script service call the job made. */
  readonly calls: number;
  /** Responses ingested (`ingest`) or letters made (`letters`). */
  readonly items?: number;
  /** The calls by service and method, e.g. `{ 'Range.getValues': 9, 'Range.setValues': 3 }`. */
  readonly byService?: Readonly<Record<string, number>>;
}

export type GasCallCounts = readonly GasJobCalls[];

/** Apps Script counts are measured up to this scale: at 100× building the state takes ~5 minutes. */
export const GAS_MAX_SCALE = 10;

const GROW_SHEET = 'Sheets.Spreadsheets.batchUpdate';

/**
 * Service calls per job of a programme year at `scale`, through the built bundle in the sandbox
 * (test/gas/callCounts.ts drives it; dist/Code.js must be built). Null above GAS_MAX_SCALE.
 */
export function gasCallCounts(scale: number): GasCallCounts | null {
  if (scale > GAS_MAX_SCALE) return null;
  const measured = measureGas(scale);
  return Object.entries(measured.calls).map(([job, byService]): GasJobCalls => {
    // Growing a sheet's grid (one spreadsheets.batchUpdate) happens when a table outgrows its
    // spare rows, whatever the scale: it is kept in byService but not in the per-job count.
    // A fold's one spreadsheets.batchUpdate is its atomic append, and the dashboard's is its one
    // write (the laid-out sheet, its charts and the Log row), not a grow: they count.
    const ownWrite = job === 'ingest' || job === 'daily trigger' || job === 'dashboard';
    const calls = Object.entries(byService)
      .filter(([method]) => ownWrite || method !== GROW_SHEET)
      .reduce((a, [, n]) => a + n, 0);
    if (job === 'ingest') return { job, target: 'ingest', calls, items: 1, byService };
    if (job === 'letters (per letter)')
      return { job, target: 'letters', calls, items: 1, byService };
    return { job, target: 'job', calls, byService };
  });
}
