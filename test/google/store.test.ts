/**
 * The Sheets table store from Node against the fake: a job costs the same few requests, on the
 * REST paths Google defines, writes RAW, grows the grid first, and leaves the tables the job
 * made; Google's errors are retried or told apart as they should be.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestResponses } from '../../src/app/ingest';
import { finaliseMonth } from '../../src/app/monthly';
import { reprocessRejected } from '../../src/app/reprocess';
import { Table } from '../../src/app/table';
import { GoogleCallError } from '../../src/google/errors';
import { explainGoogleError } from '../../src/google/explain';
import { runOnSpreadsheet } from '../../src/google/session';
import { GoogleSheetsStore } from '../../src/google/sheetsStore';
import { pullWorkbook } from '../../src/google/transfer';
import { LogTable } from '../../src/domain/schema/tables';
import { workbookTables } from '../../src/domain/schema/workbook';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { SettableClock } from '../../src/local/clock';
import { compactSheets, editRows } from '../gas/support';
import { activityAnswers, response } from '../support/fakes';
import { buildReport } from '../../src/app/report';
import { t } from '../../src/domain/messages';
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

  it('the report job lays 总览 out in one batchUpdate (with its Log row); again, it replaces its charts', async () => {
    const api = await served.connect();
    const world = served.gas.world;
    const charts = () =>
      world.peek(
        () =>
          (
            world.spreadsheet.getSheetByName('总览') as unknown as {
              _charts: { chartId: number }[];
            }
          )._charts,
      );
    const id = served.spreadsheetId;
    for (const run of [1, 2]) {
      served.fake.reset();
      const before = charts().map((c) => c.chartId);
      await runOnSpreadsheet(api, id, options, ({ ports }) => buildReport(ports));
      const requests = served.fake.requests.filter((r) => r.label !== 'oauth.token');
      expect([run, requests.map((r) => `${r.method} ${r.path}`)]).toEqual([
        run,
        [
          `GET /v4/spreadsheets/${id}`,
          `GET /v4/spreadsheets/${id}/values:batchGet`,
          `POST /v4/spreadsheets/${id}:batchUpdate`,
        ],
      ]);
      // The months so far: no branch is approved and no month finalised, so no other chart.
      expect(charts()).toHaveLength(1);
      expect(charts().filter((c) => before.includes(c.chartId))).toEqual([]);
    }
    expect(world.readSheet('总览')![0]![0]).toBe(
      t('zh-CN', 'dashboard.title', { year: DEFAULT_CONFIG.programYear }),
    );
    expect(world.readSheet('日志')!.at(-1)![1]).toBe(t('zh-CN', 'jobs.name.report'));
  });

  it('marks a rejected answer with a note and a highlight, in the batch before the values', async () => {
    const api = await served.connect();
    const world = served.gas.world;
    /** The note and background of the 支部 cell of 待处理's first row. */
    const mark = () =>
      world.peek(() => {
        const sheet = world.spreadsheet.getSheetByName('待处理')!;
        const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
        const cell = sheet.getRange(2, header.indexOf('支部') + 1);
        return [cell.getValue(), cell.getNote(), cell.getBackground()];
      });
    served.fake.reset();
    await runOnSpreadsheet(api, served.spreadsheetId, options, ({ ports }) =>
      ingestResponses(ports, [
        response('activity', 'm1', '2026-10-11 10:00:00', activityAnswers('B999')),
      ]),
    );
    const labels = served.fake.requests.map((r) => r.label).filter((l) => l !== 'oauth.token');
    expect(labels).toEqual([
      'sheets.spreadsheets.get',
      'sheets.values.batchGet',
      'sheets.spreadsheets.batchUpdate',
      'sheets.values.batchUpdate',
    ]);
    const [value, note, background] = mark();
    expect([value, background]).toEqual(['B999', '#ffe599']);
    expect(note).toMatch(/^「支部」填的是“B999”，不是已登记的支部/);

    // A backup pulled into a workbook carries the mark too (notes are not values).
    const file = join(mkdtempSync(join(tmpdir(), 'starbranch-pull-')), 'backup.xlsx');
    await pullWorkbook(api, served.spreadsheetId, file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('待处理')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    expect(sheet.getRow(2).getCell(header.indexOf('支部')).note).toBe(note);

    // Dismissed by staff, closed by reprocess: the note and the highlight come off.
    editRows(world, '待处理', () => true, { 处理方式: '忽略（无效）' });
    await runOnSpreadsheet(api, served.spreadsheetId, options, ({ ports }) =>
      reprocessRejected(ports),
    );
    expect(mark()).toEqual(['B999', '', '#ffffff']);
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

  it('writes dates as serial numbers, RAW, under a date format on the rows a sheet grew by', async () => {
    const api = await served.connect();
    compactSheets(served.gas.world, 1);
    const { world } = served.gas;
    const rows = () => world.peek(() => world.spreadsheet.getSheetByName('日志')!.getMaxRows());
    const before = rows();
    for (let run = 0; run < 3; run++) {
      await runOnSpreadsheet(api, served.spreadsheetId, options, ({ ports }) =>
        finaliseMonth(ports, '2026-10'),
      );
    }
    world.peek(() => {
      const log = world.spreadsheet.getSheetByName('日志')!;
      const row = log.getLastRow();
      // The last Log row is past the rows the sheet had: the grow call gave it its format.
      expect(row).toBeGreaterThan(before);
      expect(typeof log._values.get(row - 1, 0)).toBe('number');
      expect(log.getRange(row, 1).getNumberFormat()).toBe('yyyy-mm-dd hh:mm:ss');
      expect(log.getRange(row, 1).getDisplayValue()).toBe('2026-11-01 02:00:00');
    });
    const store = new GoogleSheetsStore(api, served.spreadsheetId, 'zh-CN');
    await store.load([LogTable]);
    expect(store.read(LogTable).at(-1)?.[0]).toBe('2026-11-01 02:00:00');
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
