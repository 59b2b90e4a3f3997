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

  describe('charts (addChart, deleteEmbeddedObject) and updateCells over a range', () => {
    const column = (start: number, end: number, at: number) => ({
      sheetId: 0,
      startRowIndex: start,
      endRowIndex: end,
      startColumnIndex: at,
      endColumnIndex: at + 1,
    });
    const chart = (extra: Record<string, unknown> = {}, domain = column(0, 4, 0)) => ({
      addChart: {
        chart: {
          spec: {
            title: '星级分布',
            basicChart: {
              chartType: 'COLUMN',
              legendPosition: 'NO_LEGEND',
              headerCount: 1,
              domains: [{ domain: { sourceRange: { sources: [domain] } } }],
              series: [{ series: { sourceRange: { sources: [column(0, 4, 1)] } } }],
            },
          },
          position: {
            overlayPosition: {
              anchorCell: { sheetId: 0, rowIndex: 2, columnIndex: 4 },
              widthPixels: 400,
              heightPixels: 300,
            },
          },
          ...extra,
        },
      },
    });
    const chartIds = (Sheets: ReturnType<typeof fresh>['Sheets'], id: string) =>
      (
        Sheets.Spreadsheets.get(id, { fields: 'sheets(properties(sheetId),charts(chartId))' })
          .sheets ?? []
      )
        .flatMap((s) => s.charts ?? [])
        .map((c) => c.chartId);

    it('adds a chart with a new id (given in the reply and listed by get); deletes it by id', () => {
      const { batch, Sheets, id } = fresh();
      const reply = batch([chart(), chart()]);
      const added = (reply.replies ?? []).map((r) => r.addChart?.chart?.chartId);
      expect(added.every((n) => typeof n === 'number')).toBe(true);
      expect(new Set(added).size).toBe(2);
      expect(chartIds(Sheets, id)).toEqual(added);
      batch([{ deleteEmbeddedObject: { objectId: added[0] } }]);
      expect(chartIds(Sheets, id)).toEqual([added[1]]);
    });

    it('keeps a chartId asked for, unless an object has it', () => {
      const { batch, Sheets, id } = fresh();
      batch([chart({ chartId: 42 })]);
      expect(chartIds(Sheets, id)).toEqual([42]);
      expect(() => batch([chart({ chartId: 42 })])).toThrow(/An object with id 42 already exists/);
    });

    it('refuses what Google refuses, applying nothing of the batch', () => {
      const { batch, Sheets, id } = fresh();
      const bad: [unknown, RegExp][] = [
        [{ deleteEmbeddedObject: { objectId: 12345 } }, /No embedded object with id: 12345/],
        [chart({}, { ...column(0, 4, 0), endColumnIndex: 2 }), /Exactly one dimension/],
        [chart({}, column(0, 1001, 0)), /exceeds grid limits/],
        [chart({ colour: 'red' }), /Unknown name "colour"/],
      ];
      for (const [request, message] of bad) {
        expect(() => batch([chart(), request])).toThrow(message);
        expect(chartIds(Sheets, id)).toEqual([]);
      }
    });

    it('updateCells over a range writes its rows and clears the rest of the range', () => {
      const { world, batch } = fresh();
      world.peek(() => {
        const sheet = world.spreadsheet.getSheets()[0]!;
        sheet.getRange(1, 1, 2, 2).setValues([
          ['old', 'old'],
          ['old', 'old'],
        ]);
        sheet.getRange(2, 2).setBackground('#ff0000');
      });
      batch([
        {
          updateCells: {
            range: { sheetId: 0 },
            rows: [
              {
                values: [
                  {
                    userEnteredValue: { numberValue: 3 },
                    userEnteredFormat: {
                      numberFormat: { type: 'NUMBER', pattern: '0.00' },
                      textFormat: { bold: true },
                    },
                  },
                ],
              },
            ],
            fields: 'userEnteredValue,userEnteredFormat',
          },
        },
      ]);
      world.peek(() => {
        const sheet = world.spreadsheet.getSheets()[0]!;
        expect(sheet.getRange(1, 1, 2, 2).getValues()).toEqual([
          [3, ''],
          ['', ''],
        ]);
        expect(sheet.getRange(1, 1).getNumberFormat()).toBe('0.00');
        expect(sheet.getRange(1, 1).getFontWeight()).toBe('bold');
        expect(sheet.getRange(2, 2).getBackground()).toBe('#ffffff');
      });
    });
  });

  it('puts a note and a background on a cell, and takes them off, touching nothing else', () => {
    const { world, batch } = fresh();
    const amber = { red: 1, green: 0.9, blue: 0.6 };
    const mark = (row: number, column: number, note: string | null) => ({
      updateCells: {
        start: { sheetId: 0, rowIndex: row, columnIndex: column },
        rows: [
          {
            values: [note === null ? {} : { note, userEnteredFormat: { backgroundColor: amber } }],
          },
        ],
        fields: 'note,userEnteredFormat.backgroundColor',
      },
    });
    world.peek(() => {
      const sheet = world.spreadsheet.getSheets()[0]!;
      sheet.getRange(2, 2, 1, 2).setValues([['B999', '三十']]);
      sheet.getRange(2, 3).setNote('staff note');
    });
    batch([mark(1, 1, '「支部」填的是“B999”'), mark(1, 3, 'x')]);
    const read = () =>
      world.peek(() => {
        const sheet = world.spreadsheet.getSheets()[0]!;
        const range = sheet.getRange(2, 2, 1, 3);
        return {
          notes: range.getNotes(),
          backgrounds: range.getBackgrounds(),
          values: range.getValues(),
        };
      });
    expect(read()).toEqual({
      notes: [['「支部」填的是“B999”', 'staff note', 'x']],
      backgrounds: [['#ffe699', '#ffffff', '#ffe699']],
      values: [['B999', '三十', '']],
    });
    // Taken off: note and background cleared, the value and the neighbour's note stay.
    batch([mark(1, 1, null)]);
    expect(read()).toEqual({
      notes: [['', 'staff note', 'x']],
      backgrounds: [['#ffffff', '#ffffff', '#ffe699']],
      values: [['B999', '三十', '']],
    });
    // A note is a string; a field the mask does not model is refused.
    expect(() =>
      batch([
        { updateCells: { ...mark(1, 1, 'x').updateCells, rows: [{ values: [{ note: 3 }] }] } },
      ]),
    ).toThrow(/Invalid value at .*note/);
    expect(() =>
      batch([{ updateCells: { ...mark(1, 1, 'x').updateCells, fields: 'note,hyperlink' } }]),
    ).toThrow(/hyperlink/);
  });

  it('appendCells writes the values, and the notes and backgrounds its mask names', () => {
    const { world, batch } = fresh();
    world.peek(() =>
      world.spreadsheet
        .getSheets()[0]!
        .getRange(1, 1, 1, 2)
        .setValues([['a', 'b']]),
    );
    batch([
      {
        appendCells: {
          sheetId: 0,
          fields: 'userEnteredValue,note,userEnteredFormat.backgroundColor',
          rows: [
            {
              values: [
                { userEnteredValue: { stringValue: 'x' } },
                {
                  userEnteredValue: { stringValue: 'y' },
                  note: 'why',
                  userEnteredFormat: { backgroundColor: { red: 1, green: 0.9, blue: 0.6 } },
                },
              ],
            },
          ],
        },
      },
    ]);
    expect(
      world.peek(() => {
        const range = world.spreadsheet.getSheets()[0]!.getRange(2, 1, 1, 2);
        return [range.getValues(), range.getNotes(), range.getBackgrounds()];
      }),
    ).toEqual([[['x', 'y']], [['', 'why']], [['#ffffff', '#ffe699']]]);
    // A cell the API does not know a field of fails the whole batch.
    expect(() =>
      batch([
        {
          appendCells: {
            sheetId: 0,
            fields: 'userEnteredValue',
            rows: [{ values: [{ comment: 'no' }] }],
          },
        },
      ]),
    ).toThrow(/Unknown name "comment"/);
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
