/**
 * The three table stores keep one contract: after the same writes (whole tables, growing and
 * shrinking, any cell values), the `.xlsx` store, the Apps Script store (Sheets advanced service,
 * in the sandbox) and the server-mode store (Sheets REST API, through the fake) read back the
 * same tables.
 */
import fc from 'fast-check';
import type { Cell } from '../../src/domain/schema/column';
import { headerRow } from '../../src/domain/schema/table';
import { JudgesTable, LogTable } from '../../src/domain/schema/tables';
import { SheetsApiStore } from '../../src/gas/sheetsStore';
import { GoogleSheetsStore } from '../../src/google/sheetsStore';
import { XlsxStore } from '../../src/local/xlsxStore';
import { freshGas } from '../gas/support';
import { serve, type Served } from './support';

jest.setTimeout(180_000);

const TABLES = [JudgesTable, LogTable] as const;

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('=1+1', '+86 10 1234', '0012', '2026-10-01', 'TRUE', "it's", '党支部'),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.boolean(),
);

/**
 * A cell of a date column (日志's 开始时间): a number there is a date to a spreadsheet, its serial
 * (Sheets shows 46300 as 2026-10-05), so numbers are drawn from the days a date can be.
 */
const dateCell: fc.Arbitrary<Cell> = fc.oneof(
  cell.filter((c) => typeof c !== 'number'),
  fc.constant('2026-10-01 06:00:00'),
  fc.integer({ min: 1, max: 80_000 }),
);

function rowOf(def: (typeof TABLES)[number]): fc.Arbitrary<Cell[]> {
  const dates = new Set(
    Object.values(def.columns).flatMap((c, i) => (c.type === 'datetime' ? [i] : [])),
  );
  return fc
    .array(fc.integer({ min: 0, max: 1 }), {
      minLength: 1,
      maxLength: Object.keys(def.columns).length,
    })
    .chain((shape) => fc.tuple(...shape.map((_, i) => (dates.has(i) ? dateCell : cell))));
}

/** A job's writes: for each table, its rows under the header. */
const job = fc.tuple(...TABLES.map((def) => fc.array(rowOf(def), { maxLength: 6 })));

/** As a reader sees a table: blank cells as null, trailing blanks dropped, blank rows at the end dropped. */
function seen(rows: readonly Cell[][]): Cell[][] {
  const out = rows.map((r) => {
    const cells = r.map((c) => (c === '' ? null : c));
    while (cells.length > 0 && cells.at(-1) === null) cells.pop();
    return cells;
  });
  while (out.length > 0 && out.at(-1)!.length === 0) out.pop();
  return out;
}

describe('the xlsx, Apps Script and server-mode stores', () => {
  let served: Served;
  const gas = freshGas();
  const globals = globalThis as unknown as { Sheets?: unknown };
  beforeAll(async () => {
    served = await serve();
    globals.Sheets = gas.world.services.Sheets;
  });
  afterAll(async () => {
    delete globals.Sheets;
    await served.fake.stop();
  });

  it('leave the same tables after the same writes', async () => {
    const api = await served.connect();
    const xlsx = XlsxStore.create([...TABLES], 'zh-CN');
    const gasId = gas.world.spreadsheet.getId();
    await fc.assert(
      fc.asyncProperty(fc.array(job, { minLength: 1, maxLength: 3 }), async (jobs) => {
        for (const writes of jobs) {
          const gasStore = new SheetsApiStore(gasId, 'zh-CN');
          const remote = new GoogleSheetsStore(api, served.spreadsheetId, 'zh-CN');
          await remote.load(TABLES);
          gasStore.prefetch(TABLES);
          TABLES.forEach((def, i) => {
            const rows = [headerRow(def, 'zh-CN') as Cell[], ...writes[i]!];
            xlsx.write(def, rows);
            gasStore.write(def, rows);
            remote.write(def, rows);
          });
          gasStore.flush();
          await remote.flush();
        }
        const gasAfter = new SheetsApiStore(gasId, 'zh-CN');
        const remoteAfter = new GoogleSheetsStore(api, served.spreadsheetId, 'zh-CN');
        await remoteAfter.load(TABLES);
        for (const def of TABLES) {
          const expected = seen(xlsx.read(def));
          expect(seen(gasAfter.read(def))).toEqual(expected);
          expect(seen(remoteAfter.read(def))).toEqual(expected);
        }
      }),
      { numRuns: 12, seed: 20261201 },
    );
  });
});
