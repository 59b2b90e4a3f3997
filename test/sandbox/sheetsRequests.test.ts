/**
 * The sandbox's `spreadsheets.batchUpdate` is as strict as Google's: unknown fields and wrong
 * shapes are a 400, a batch with one bad request changes nothing, and what it applies can be read
 * back through SpreadsheetApp.
 */
import { createWorld } from './index';

type Request = GoogleAppsScript.Sheets.Schema.Request;

function fresh() {
  const world = createWorld();
  const { Sheets } = world.services;
  const id = world.spreadsheet._id;
  const batch = (requests: unknown[]) =>
    Sheets.Spreadsheets.batchUpdate({ requests: requests as Request[] }, id);
  return { world, batch, id, Sheets };
}

describe('Sheets spreadsheets.batchUpdate', () => {
  it('adds a sheet with its header, formats, dropdown, width and protection in one call', () => {
    const { world, batch } = fresh();
    batch([
      {
        addSheet: {
          properties: {
            sheetId: 7,
            title: '支部',
            gridProperties: { rowCount: 50, columnCount: 3 },
          },
        },
      },
      {
        updateSheetProperties: {
          properties: { sheetId: 7, gridProperties: { frozenRowCount: 1 } },
          fields: 'gridProperties.frozenRowCount',
        },
      },
      {
        updateCells: {
          start: { sheetId: 7, rowIndex: 0, columnIndex: 0 },
          rows: [{ values: [{ userEnteredValue: { stringValue: '编号' } }] }],
          fields: 'userEnteredValue',
        },
      },
      {
        repeatCell: {
          range: {
            sheetId: 7,
            startRowIndex: 1,
            endRowIndex: 50,
            startColumnIndex: 0,
            endColumnIndex: 1,
          },
          cell: { userEnteredFormat: { numberFormat: { type: 'TEXT', pattern: '@' } } },
          fields: 'userEnteredFormat.numberFormat',
        },
      },
      {
        setDataValidation: {
          range: {
            sheetId: 7,
            startRowIndex: 1,
            endRowIndex: 50,
            startColumnIndex: 1,
            endColumnIndex: 2,
          },
          rule: {
            condition: {
              type: 'ONE_OF_LIST',
              values: [{ userEnteredValue: '是' }, { userEnteredValue: '否' }],
            },
            strict: true,
            showCustomUi: true,
          },
        },
      },
      {
        updateDimensionProperties: {
          range: { sheetId: 7, dimension: 'COLUMNS', startIndex: 2, endIndex: 3 },
          properties: { pixelSize: 240 },
          fields: 'pixelSize',
        },
      },
      { addProtectedRange: { protectedRange: { range: { sheetId: 7 }, warningOnly: true } } },
    ]);
    world.peek(() => {
      const sheet = world.spreadsheet.getSheetByName('支部')!;
      expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getFrozenRows()]).toEqual([
        50, 3, 1,
      ]);
      expect(sheet.getRange(1, 1).getValue()).toBe('编号');
      expect(sheet.getRange(2, 1).getNumberFormat()).toBe('@');
      const rule = sheet.getRange(50, 2).getDataValidation()!;
      expect([
        String(rule.getCriteriaType()),
        rule.getCriteriaValues(),
        rule.getAllowInvalid(),
      ]).toEqual(['VALUE_IN_LIST', [['是', '否'], true], false]);
      expect(sheet.getColumnWidth(3)).toBe(240);
      const protections = sheet.getProtections(
        'SHEET' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType,
      );
      expect(protections.map((p) => p.isWarningOnly())).toEqual([true]);
    });
  });

  it('rejects unknown fields, wrong types, missing masks and ranges past the grid, applying nothing', () => {
    const { world, batch } = fresh();
    const add = { addSheet: { properties: { title: 'A' } } };
    const bad: [unknown, RegExp][] = [
      [{ addSheet: { properties: { title: 'B', colour: 'red' } } }, /Unknown name "colour"/],
      [
        { addSheet: { properties: { title: 7 } } },
        /Invalid value at 'requests\[1\]\.addSheet\.properties\.title'/,
      ],
      [{ repeatCell: { range: { sheetId: 0 }, cell: {} } }, /At least one field must be specified/],
      [
        {
          repeatCell: {
            range: { sheetId: 0, endRowIndex: 1001 },
            cell: {},
            fields: 'userEnteredValue',
          },
        },
        /exceeds grid limits/,
      ],
      [{ deleteSheet: { sheetId: 99 } }, /No grid with id: 99/],
      [
        {
          addProtectedRange: {
            protectedRange: {
              range: { sheetId: 0 },
              warningOnly: true,
              editors: { users: ['a@b.c'] },
            },
          },
        },
        /Editors are not supported with warning_only/,
      ],
      [{ addSheet: {}, deleteSheet: { sheetId: 0 } }, /exactly one kind/],
    ];
    for (const [request, message] of bad) {
      expect(() => batch([add, request])).toThrow(message);
      expect(world.peek(() => world.spreadsheet.getSheets().map((s) => s.getName()))).toEqual([
        'Sheet1',
      ]);
    }
  });

  it('sets a basic filter (rows unbounded), a number range, date formats and a clip', () => {
    const { world, batch, Sheets, id } = fresh();
    batch([
      {
        setBasicFilter: { filter: { range: { sheetId: 0, startRowIndex: 0, endColumnIndex: 3 } } },
      },
      {
        setDataValidation: {
          range: {
            sheetId: 0,
            startRowIndex: 1,
            endRowIndex: 2,
            startColumnIndex: 1,
            endColumnIndex: 2,
          },
          rule: {
            condition: {
              type: 'NUMBER_BETWEEN',
              values: [{ userEnteredValue: '1' }, { userEnteredValue: '28' }],
            },
            strict: true,
          },
        },
      },
      {
        repeatCell: {
          range: { sheetId: 0, startRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 },
          cell: {
            userEnteredFormat: {
              numberFormat: { type: 'DATE_TIME', pattern: 'yyyy-mm-dd hh:mm:ss' },
              wrapStrategy: 'CLIP',
            },
          },
          fields: 'userEnteredFormat(numberFormat,wrapStrategy)',
        },
      },
    ]);
    const sheet = world.peek(() => world.spreadsheet.getSheets()[0]!);
    expect(sheet._basicFilter).toEqual({ sheetId: 0, startRowIndex: 0, endColumnIndex: 3 });
    expect(
      (Sheets.Spreadsheets.get(id, { fields: 'sheets(basicFilter(range))' }).sheets ?? [])[0],
    ).toEqual({ basicFilter: { range: { sheetId: 0, startRowIndex: 0, endColumnIndex: 3 } } });
    const rule = world.peek(() => sheet.getRange(2, 2).getDataValidation()!);
    expect(String(rule.getCriteriaType())).toBe('NUMBER_BETWEEN');
    expect(rule.getCriteriaValues()).toEqual([1, 28]);
    expect(sheet._styles.get(5, 0)?.wrapStrategy).toBe('CLIP');
    // A date written RAW as its serial number is a date under the date format.
    Sheets.Spreadsheets.Values.batchUpdate(
      { valueInputOption: 'RAW', data: [{ range: 'Sheet1!A2', values: [[46300.5]] }] },
      id,
    );
    const read = (dateTimeRenderOption: string) =>
      Sheets.Spreadsheets.Values.get(id, 'Sheet1!A2', {
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption,
      }).values![0]![0];
    expect(read('FORMATTED_STRING')).toBe('2026-10-05 12:00:00');
    expect(read('SERIAL_NUMBER')).toBe(46300.5);
    expect(world.peek(() => sheet.getRange(2, 1).getValue())).toEqual(
      new Date('2026-10-05T12:00:00+08:00'),
    );
  });

  it('refuses what Google refuses (a number range of one value, an unknown format type), and says what it does not model', () => {
    const { batch } = fresh();
    const range = { sheetId: 0, startRowIndex: 1, endRowIndex: 2 };
    expect(() =>
      batch([
        {
          setDataValidation: {
            range,
            rule: { condition: { type: 'NUMBER_BETWEEN', values: [{ userEnteredValue: '1' }] } },
          },
        },
      ]),
    ).toThrow(/exactly two number values/);
    expect(() =>
      batch([
        {
          repeatCell: {
            range,
            cell: { userEnteredFormat: { numberFormat: { type: 'DATETIME' } } },
            fields: 'userEnteredFormat.numberFormat',
          },
        },
      ]),
    ).toThrow(/NumberFormat.Type/);
    expect(() => batch([{ setBasicFilter: { filter: { range, sortSpecs: [] } } }])).toThrow(
      /Unknown name "sortSpecs"|not modelled/,
    );
  });
});
