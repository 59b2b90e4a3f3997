/**
 * The Sheets table store from Node against the fake: a job costs the same few requests, on the
 * REST paths Google defines, writes RAW, grows the grid first, and leaves the tables the job
 * made; Google's errors are retried or told apart as they should be.
 */
import { finaliseMonth } from '../../src/app/monthly';
import { Table } from '../../src/app/table';
import { GoogleCallError } from '../../src/google/errors';
import { explainGoogleError } from '../../src/google/explain';
import { runOnSpreadsheet } from '../../src/google/session';
import { GoogleSheetsStore } from '../../src/google/sheetsStore';
import { LogTable } from '../../src/domain/schema/tables';
import { workbookTables } from '../../src/domain/schema/workbook';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { SettableClock } from '../../src/local/clock';
import { compactSheets } from '../gas/support';
import { serve, SERVICE_ACCOUNT, type Served } from './support';

jest.setTimeout(30_000);

const clock = new SettableClock('2026-11-01 02:00:00');
const options = { clock: () => clock };

describe('the Sheets table store over the REST API', () => {
  let served: Served;
  beforeEach(async () => {
    served = await serve();
  });
  afterEach(() => served.fake.stop());

  it('a job costs one get, one batchGet and one RAW batchUpdate, on the documented paths', async () => {
    const api = await served.connect();
    served.fake.reset();
    await runOnSpreadsheet(api, served.spreadsheetId, options, ({ ports }) =>
      finaliseMonth(ports, '2026-10'),
    );
    const requests = served.fake.requests.filter((r) => r.label !== 'oauth.token');
    const id = served.spreadsheetId;
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /v4/spreadsheets/${id}`,
      `GET /v4/spreadsheets/${id}/values:batchGet`,
      ...(requests.some((r) => r.label === 'sheets.spreadsheets.batchUpdate')
        ? [`POST /v4/spreadsheets/${id}:batchUpdate`]
        : []),
      `POST /v4/spreadsheets/${id}/values:batchUpdate`,
    ]);
    expect(requests.every((r) => r.status === 200)).toBe(true);
    // The Log row the job appended is in the spreadsheet.
    const store = new GoogleSheetsStore(api, id, 'zh-CN');
    await store.load([LogTable]);
    const log = Table.read(store, LogTable, 'zh-CN').records();
    expect(log.at(-1)).toMatchObject({ job: '月度定稿 2026-10', outcome: 'ok' });
  });

  it('a job reads its own writes: two jobs in one session keep both their Log rows', async () => {
    const api = await served.connect();
    await runOnSpreadsheet(api, served.spreadsheetId, options, ({ ports }) => {
      finaliseMonth(ports, '2026-09');
      finaliseMonth(ports, '2026-10');
    });
    const store = new GoogleSheetsStore(api, served.spreadsheetId, 'zh-CN');
    await store.load([LogTable]);
    const jobs = Table.read(store, LogTable, 'zh-CN')
      .records()
      .map((r) => r.job);
    expect(jobs.slice(-2)).toEqual(['月度定稿 2026-09', '月度定稿 2026-10']);
  });

  it('grows a trimmed sheet before writing past its grid, with room to spare', async () => {
    const api = await served.connect();
    compactSheets(served.gas.world, 1);
    served.fake.reset();
    // Each run appends a Log row: the first fits the spare row, the next needs more rows.
    for (let run = 0; run < 3; run++) {
      await runOnSpreadsheet(api, served.spreadsheetId, options, ({ ports }) =>
        finaliseMonth(ports, '2026-10'),
      );
    }
    expect(served.fake.counts()['sheets.spreadsheets.batchUpdate']).toBe(1);
    expect(served.fake.counts()['sheets.values.batchUpdate']).toBe(3);
  });

  it('a job whose write never got through leaves the spreadsheet as it was; run again, it converges', async () => {
    const api = await served.connect({ attempts: 2 });
    const finalise = () =>
      runOnSpreadsheet(api, served.spreadsheetId, options, ({ ports }) =>
        finaliseMonth(ports, '2026-10'),
      );
    const tables = async () => {
      const store = new GoogleSheetsStore(api, served.spreadsheetId, 'zh-CN');
      await store.load(workbookTables(DEFAULT_CONFIG.defenseRubric));
      return workbookTables(DEFAULT_CONFIG.defenseRubric).map((d) => store.read(d));
    };
    const before = await tables();
    served.fake.failNext('sheets.values.batchUpdate', '500', 2);
    await expect(finalise()).rejects.toBeInstanceOf(GoogleCallError);
    expect(await tables()).toEqual(before);
    await finalise();
    const once = await tables();
    await finalise();
    const twice = await tables();
    // Only the Log grows with a second run.
    const log = workbookTables(DEFAULT_CONFIG.defenseRubric).indexOf(LogTable);
    expect(twice.filter((_, i) => i !== log)).toEqual(once.filter((_, i) => i !== log));
    expect(twice[log]!.length).toBe(once[log]!.length + 1);
  });

  it('writes RAW: a formula someone typed stays text', async () => {
    const api = await served.connect();
    const store = new GoogleSheetsStore(api, served.spreadsheetId, 'zh-CN');
    await store.load(workbookTables(DEFAULT_CONFIG.defenseRubric));
    const rows = store.read(LogTable);
    store.write(LogTable, [...rows, ['=1+1', 'x', 1, 0, 0, 'ok', '+86 10']]);
    await store.flush();
    const again = new GoogleSheetsStore(api, served.spreadsheetId, 'zh-CN');
    await again.load([LogTable]);
    expect(again.read(LogTable).at(-1)?.slice(0, 2)).toEqual(['=1+1', 'x']);
  });

  it('retries 429 and 500 with growing pauses, POSTs included, and logs each retry', async () => {
    const api = await served.connect({ baseMs: 100, maxMs: 1000 });
    served.fake.failNext('sheets.values.batchUpdate', '429', 2);
    served.fake.failNext('sheets.values.batchGet', '500', 1);
    served.fake.failNext('sheets.spreadsheets.get', '403-rate', 1);
    served.fake.reset();
    await runOnSpreadsheet(api, served.spreadsheetId, options, ({ ports }) =>
      finaliseMonth(ports, '2026-10'),
    );
    const statuses = served.fake.requests
      .filter((r) => r.label === 'sheets.values.batchUpdate')
      .map((r) => r.status);
    expect(statuses).toEqual([429, 429, 200]);
    expect(served.retries).toEqual([
      'sheets.spreadsheets.get 403 #1 75ms',
      'sheets.values.batchGet 500 #1 75ms',
      'sheets.values.batchUpdate 429 #1 75ms',
      'sheets.values.batchUpdate 429 #2 150ms',
    ]);
  });

  it('gives up after the bounded attempts, saying so', async () => {
    const api = await served.connect({ attempts: 3 });
    served.fake.failNext('sheets.spreadsheets.get', '500', 5);
    const error = await runOnSpreadsheet(api, served.spreadsheetId, options, () => 0).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GoogleCallError);
    expect((error as GoogleCallError).attempts).toBe(3);
    expect(
      explainGoogleError(error, { locale: 'en', spreadsheetId: 'x', principal: SERVICE_ACCOUNT }),
    ).toBe(
      'sheets.spreadsheets.get: Google answered 500 3 times in a row; stopped, run again later',
    );
  });

  it('tells a 403 permission from a 403 rate limit: not retried, names the email to share with', async () => {
    const api = await served.connect();
    served.fake.shareOnly(served.spreadsheetId, 'someone-else@example.edu');
    served.fake.reset();
    const error = await runOnSpreadsheet(api, served.spreadsheetId, options, () => 0).catch(
      (e: unknown) => e,
    );
    expect(served.fake.requests.filter((r) => r.label !== 'oauth.token')).toHaveLength(1);
    expect(
      explainGoogleError(error, {
        locale: 'en',
        spreadsheetId: served.spreadsheetId,
        principal: SERVICE_ACCOUNT,
      }),
    ).toBe(
      `no access to spreadsheet ${served.spreadsheetId}: share it (Share, top right) with ${SERVICE_ACCOUNT} as an editor`,
    );
  });

  it('names a disabled API and where to enable it', async () => {
    const api = await served.connect();
    served.fake.disabledApis.add('sheets');
    const error = await runOnSpreadsheet(api, served.spreadsheetId, options, () => 0).catch(
      (e: unknown) => e,
    );
    expect(
      explainGoogleError(error, {
        locale: 'zh-CN',
        spreadsheetId: 'x',
        principal: SERVICE_ACCOUNT,
      }),
    ).toBe(
      'Google Sheets API 尚未在谷歌云项目中启用：请打开 https://console.developers.google.com/apis/api/sheets.googleapis.com/overview?project=1001 点击“启用”，几分钟后再运行',
    );
  });

  it('the fake refuses a body with an unknown field or a wrong type, as Google does', async () => {
    const api = await served.connect();
    const send = (data: unknown) =>
      api
        .call('sheets.values.batchUpdate', () =>
          api.sheets.spreadsheets.values.batchUpdate({
            spreadsheetId: served.spreadsheetId,
            requestBody: { valueInputOption: 'RAW', data: data as never },
          }),
        )
        .catch((e: GoogleCallError) => e.failure);
    expect(await send([{ range: 'A1', values: [[1]], colour: 'red' }])).toMatchObject({
      kind: 'other',
      status: '400',
      message: `Invalid JSON payload received. Unknown name "colour" at 'data[0]': Cannot find field.`,
    });
    expect(await send([{ range: 7, values: [[1]] }])).toMatchObject({
      status: '400',
      message: `Invalid value at 'data[0].range' (TYPE_STRING), 7`,
    });
  });
});
