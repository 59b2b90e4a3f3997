/**
 * 待处理 (Rejected) on Google Sheets, through the built bundle: a response the fold turns away
 * lands with its answers under their question titles and its failing answer marked (a note and a
 * highlight, sent in the fold's one atomic `batchUpdate`); staff fix a cell or dismiss a row from
 * the 处理方式 dropdown, run 重新处理待处理记录 from the menu, and the marks come off in the same
 * batch as the write: one `spreadsheets.batchUpdate`, never a call per cell.
 */
import { programme } from './inboxScenarios';
import { activityAnswers, editRows, sheetRecords, SHEETS, type Gas } from './support';

type Request = GoogleAppsScript.Sheets.Schema.Request;

/** Every `spreadsheets.batchUpdate` the bundle sends while `fn` runs. */
function batches<T>(gas: Gas, fn: () => T): { value: T; sent: Request[][] } {
  const api = gas.world.services.Sheets.Spreadsheets;
  const original = api.batchUpdate.bind(api);
  const sent: Request[][] = [];
  api.batchUpdate = (
    resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest,
    id,
  ) => {
    sent.push(JSON.parse(JSON.stringify(resource.requests ?? [])) as Request[]);
    return original(resource, id);
  };
  try {
    return { value: fn(), sent };
  } finally {
    api.batchUpdate = original;
  }
}

/** The notes and backgrounds of a 待处理 row's cells that have either, by header. */
function marksOf(gas: Gas, responseId: string): Record<string, [string, string]> {
  return gas.world.peek(() => {
    const sheet = gas.world.spreadsheet.getSheetByName(SHEETS.rejected)!;
    const range = sheet.getDataRange();
    const values = range.getValues();
    const header = values[0]!.map(String);
    const r = values.findIndex((row) => row[header.indexOf('响应编号')] === responseId);
    const row = sheet.getRange(r + 1, 1, 1, header.length);
    const [notes, backgrounds] = [row.getNotes()[0]!, row.getBackgrounds()[0]!];
    const out: Record<string, [string, string]> = {};
    header.forEach((h, c) => {
      if (notes[c] !== '' || backgrounds[c] !== '#ffffff') out[h] = [notes[c]!, backgrounds[c]!];
    });
    return out;
  });
}

const AMBER = '#ffe599';

test('marked in the fold, fixed or dismissed by staff, reprocessed from the menu', () => {
  const { gas, choices } = programme();
  const submit = (answers: Record<string, string>, email: string) =>
    gas.bundle.submitForm(gas.forms.activity, answers, { email }).runs;

  const folded = batches(gas, () => {
    submit(activityAnswers('B099 不存在的支部', { title: '甲' }), 'a@x.edu');
    submit(
      activityAnswers(choices[1]!, { title: '乙', participants: '20', nonParty: '35' }),
      'b@x.edu',
    );
  });
  const rows = sheetRecords(gas.world, SHEETS.rejected);
  expect(rows.map((r) => [r['表单'], r['活动名称'], r['待改字段']])).toEqual([
    ['活动报告表', '甲', '支部'],
    ['活动报告表', '乙', '党外群众人数'],
  ]);
  const [unknown, crowd] = rows as [Record<string, unknown>, Record<string, unknown>];
  expect(unknown['支部']).toBe('B099 不存在的支部');
  expect(unknown['电子邮件地址']).toBe('a@x.edu');
  expect(crowd['原因']).toBe('「党外群众人数」35 多于参加人数 20；应不超过参加人数');
  // Each fold appended its row with the note and the highlight, in its one batchUpdate.
  for (const requests of folded.sent) {
    const appends = requests.filter((r) => r.appendCells);
    expect(appends.length).toBeGreaterThan(0);
  }
  const appended = folded.sent.flat().filter((r) => r.appendCells?.fields?.includes('note'));
  expect(appended).toHaveLength(2);
  expect(appended[0]!.appendCells!.fields).toBe(
    'userEnteredValue,note,userEnteredFormat.backgroundColor',
  );
  const id = (row: Record<string, unknown>) => String(row['响应编号']);
  expect(marksOf(gas, id(unknown))).toEqual({ 支部: [unknown['原因'], AMBER] });
  expect(marksOf(gas, id(crowd))).toEqual({ 党外群众人数: [crowd['原因'], AMBER] });

  // 处理方式 offers the ways to handle a row (setup's dropdown, from the schema).
  const rule = gas.world.peek(() => {
    const sheet = gas.world.spreadsheet.getSheetByName(SHEETS.rejected)!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
    return sheet.getRange(2, header.indexOf('处理方式') + 1).getDataValidation();
  });
  expect(rule!.getCriteriaValues()[0]).toEqual([
    '待修改',
    '忽略（重复）',
    '忽略（无效）',
    '忽略（其他）',
  ]);

  // Staff: the branch typed again in its cell, the crowded report dismissed.
  editRows(gas.world, SHEETS.rejected, (r) => r['响应编号'] === id(unknown), {
    支部: choices[0]!,
  });
  editRows(gas.world, SHEETS.rejected, (r) => r['响应编号'] === id(crowd), {
    处理方式: '忽略（无效）',
  });
  gas.bundle.open();
  const before = gas.world.calls.snapshot();
  const reprocessed = batches(gas, () =>
    gas.bundle.clickMenu('先进支部创建', '重新处理待处理记录'),
  );
  const calls = gas.world.calls.since(before);

  expect(sheetRecords(gas.world, SHEETS.activities).map((r) => r['活动名称'])).toEqual(['甲']);
  const after = sheetRecords(gas.world, SHEETS.rejected);
  expect(after.map((r) => [r['已处理'], r['处理方式']])).toEqual([
    ['是', ''],
    ['是', '忽略（无效）'],
  ]);
  // Both rows closed: their notes and highlights are gone, in ONE batchUpdate with the write's
  // growth, beside ONE values.batchUpdate; no Range or Sheet call.
  expect(marksOf(gas, id(unknown))).toEqual({});
  expect(marksOf(gas, id(crowd))).toEqual({});
  expect(reprocessed.sent).toHaveLength(1);
  const cleared = reprocessed.sent[0]!.filter((r) => r.updateCells);
  expect(cleared).toHaveLength(2);
  expect(cleared.map((r) => [r.updateCells!.fields, r.updateCells!.rows])).toEqual([
    ['note,userEnteredFormat.backgroundColor', [{ values: [{}] }]],
    ['note,userEnteredFormat.backgroundColor', [{ values: [{}] }]],
  ]);
  expect(calls['Sheets.Spreadsheets.batchUpdate']).toBe(1);
  expect(calls['Sheets.Spreadsheets.Values.batchUpdate']).toBe(1);
  expect(Object.keys(calls).filter((m) => /^(Range|Sheet)\./.test(m))).toEqual([]);

  // Again: nothing moves, nothing is marked or unmarked, no batchUpdate at all.
  const again = batches(gas, () => gas.bundle.call('reprocessRejectedNow'));
  expect(again.sent).toEqual([]);
});
