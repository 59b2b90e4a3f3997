/**
 * Tests of the Apps Script sandbox itself: the fakes must fail where Apps Script fails, count
 * what Apps Script would be asked, and keep time the way an execution does.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorld, loadBundle, loadBundleSource, topLevelFunctions, type World } from './index';

const SHANGHAI_MIDNIGHT_2026_10_15 = Date.parse('2026-10-15T00:00:00+08:00');

function sheetOf(world: World, name = 'Sheet1') {
  return world.peek(() => world.spreadsheet.getSheetByName(name)!);
}

describe('Range.setValues / getValues', () => {
  it('throws Apps Script’s exact messages when the shape is wrong', () => {
    const world = createWorld();
    const range = sheetOf(world).getRange(1, 1, 2, 3);
    expect(() => range.setValues([['a', 'b', 'c']])).toThrow(
      'Exception: The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() =>
      range.setValues([
        ['a', 'b', 'c'],
        ['d', 'e'],
      ]),
    ).toThrow(
      'Exception: The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(() => range.setValues(['a', 'b'] as unknown as unknown[][])).toThrow(
      "Exception: The parameters (String[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    // Nothing was written by the failed calls.
    expect(world.readSheet('Sheet1')).toEqual([['']]);
  });

  it('makes "=" text a formula, "\'" text plain text, and "-x" a formula too', () => {
    const world = createWorld();
    const range = sheetOf(world).getRange('A1:D1');
    range.setValues([['=SUM(1,2)', "'=not a formula", '-foo', "'007"]]);
    expect(range.getFormulas()).toEqual([['=SUM(1,2)', '', '=-foo', '']]);
    expect(range.getValues()).toEqual([['#NAME?', '=not a formula', '#NAME?', '007']]);
    sheetOf(world).getRange('A2').setValue('=1+2');
    expect(sheetOf(world).getRange('A2').getValue()).toBe('#ERROR!');
  });

  it('parses numbers, booleans and dates like Sheets, except in plain-text cells', () => {
    const world = createWorld();
    const sheet = sheetOf(world);
    const row = [
      '12',
      '-3',
      '+1',
      '007',
      '1,234.5',
      '50%',
      'TRUE',
      '2026-10-15',
      '2026/10/15',
      'B007 名称',
    ];
    sheet.getRange(1, 1, 1, row.length).setValues([row]);
    const [values] = sheet.getRange(1, 1, 1, row.length).getValues() as unknown[][];
    expect(values!.slice(0, 7)).toEqual([12, -3, 1, 7, 1234.5, 0.5, true]);
    expect(values![7]).toBeInstanceOf(Date);
    expect((values![7] as Date).getTime()).toBe(SHANGHAI_MIDNIGHT_2026_10_15);
    expect((values![8] as Date).getTime()).toBe(SHANGHAI_MIDNIGHT_2026_10_15);
    expect(values![9]).toBe('B007 名称');

    const text = sheet.getRange(2, 1, 1, row.length);
    text.setNumberFormat('@');
    text.setValues([row]);
    expect(text.getValues()).toEqual([row]);
  });

  it('keeps Dates as Dates (fresh copies), numbers as numbers, and empty cells as ""', () => {
    const world = createWorld();
    const range = sheetOf(world).getRange(1, 1, 1, 4);
    const when = new Date('2026-10-15T14:30:00+08:00');
    range.setValues([[when, 3.5, false, null]]);
    const first = range.getValues()[0]!;
    expect(first[0]).toBeInstanceOf(Date);
    expect((first[0] as Date).getTime()).toBe(when.getTime());
    expect(first[0]).not.toBe(when);
    (first[0] as Date).setFullYear(2000);
    expect((range.getValues()[0]![0] as Date).getTime()).toBe(when.getTime());
    expect(first.slice(1)).toEqual([3.5, false, '']);
  });

  it('reads a date cell given a non-date format (@) as its serial number, like Sheets', () => {
    const world = createWorld();
    const cell = sheetOf(world).getRange('A1');
    cell.setValue('2026-09-01');
    cell.setNumberFormat('@');
    expect(cell.getValue()).toBe(46266);
    expect(cell.getDisplayValue()).toBe('46266');
    const phone = sheetOf(world).getRange('A2');
    phone.setValue('+86 138 0013 8000');
    expect([phone.getValue(), phone.getFormula()]).toEqual(['#ERROR!', '=+86 138 0013 8000']);
  });

  it('refuses a cell over 50,000 characters', () => {
    const world = createWorld();
    expect(() => sheetOf(world).getRange('A1').setValue('x'.repeat(50_001))).toThrow(
      'Exception: Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });
});

describe('Sheet and Spreadsheet', () => {
  it('does not grow on getRange: 1000 × 26, and 0 rows is an error', () => {
    const world = createWorld();
    const sheet = sheetOf(world);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(() => sheet.getRange(2, 1, 2000, 1)).toThrow(
      'Exception: The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 27)).toThrow('outside the dimensions of the sheet');
    expect(() => sheet.getRange(2, 1, 0, 3)).toThrow(
      'Exception: The number of rows in the range must be at least 1.',
    );
    sheet.insertRowsAfter(1000, 1000);
    expect(sheet.getRange(2, 1, 1999, 1).getNumRows()).toBe(1999);
  });

  it('reports the last row/column with content, and A1 as the data range of an empty sheet', () => {
    const world = createWorld();
    const sheet = sheetOf(world);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('C5').setValue('x');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
    sheet.appendRow(['a', 'b']);
    expect(sheet.getLastRow()).toBe(6);
  });

  it('refuses a second sheet of the same name, in any case', () => {
    const world = createWorld();
    const ss = world.peek(() => world.spreadsheet);
    ss.insertSheet('支部');
    expect(() => ss.insertSheet('支部')).toThrow(
      'Exception: A sheet with the name "支部" already exists. Please enter another name.',
    );
    expect(() => ss.insertSheet('sheet1')).toThrow(
      'A sheet with the name "sheet1" already exists.',
    );
    expect(ss.getSheetByName('Missing')).toBeNull();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', '支部']);
  });

  it('protects a sheet and keeps the owner among the editors', () => {
    const world = createWorld({ userEmail: 'staff@college.edu' });
    const sheet = sheetOf(world);
    const p = sheet.protect().setDescription('by StarBranch');
    p.removeEditors(['staff@college.edu', 'someone@college.edu']);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['staff@college.edu']);
    p.setWarningOnly(true);
    expect(sheet.getProtections(world.services.SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(
      1,
    );
    expect(sheet.protect()).toBe(p);
  });
});

describe('strictness', () => {
  it('names the unimplemented member it was asked for', () => {
    const world = createWorld();
    const { SpreadsheetApp } = world.services;
    const ss = SpreadsheetApp.getActiveSpreadsheet() as unknown as { getNamedRanges(): unknown };
    expect(() => ss.getNamedRanges()).toThrow(
      'Sandbox: Spreadsheet.getNamedRanges is not implemented',
    );
    expect(() => (SpreadsheetApp as unknown as { Foo: unknown }).Foo).toThrow(
      'Sandbox: SpreadsheetApp.Foo is not implemented',
    );
    expect(() => (SpreadsheetApp.ProtectionType as unknown as { NONE: unknown }).NONE).toThrow(
      'Sandbox: ProtectionType.NONE is not implemented',
    );
  });

  it('lets a fake be awaited, printed and serialised', async () => {
    const world = createWorld();
    const sheet = sheetOf(world);
    await expect(Promise.resolve(sheet)).resolves.toBe(sheet);
    expect(String(sheet)).toBe('Sheet');
    expect(() => JSON.stringify({ sheet: world.services.ScriptApp.EventType.CLOCK })).not.toThrow();
  });

  it('exposes only the methods of the item type it is seen as', () => {
    const world = createWorld();
    const form = world.services.FormApp.create('F');
    form.addTextItem().setTitle('Name').setRequired(true);
    const [item] = form.getItems();
    expect(() => (item as unknown as { setRequired(b: boolean): void }).setRequired(false)).toThrow(
      'Sandbox: Item.setRequired is not implemented',
    );
    expect(item!.asTextItem().isRequired()).toBe(true);
    expect(() => item!.asListItem()).toThrow('cannot be cast to ListItem');
  });
});

describe('call counting', () => {
  it('counts each service call once, not the fakes calling each other', () => {
    const world = createWorld();
    const { SpreadsheetApp, FormApp } = world.services;
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getSheetByName('Sheet1')!;
    const range = sheet.getRange(1, 1, 1, 2);
    range.setValues([['a', 'b']]);
    range.getValues();
    range.getValues();
    const form = FormApp.create('F');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId()); // inserts a sheet inside
    expect(world.calls.snapshot()).toEqual({
      'Form.setDestination': 1,
      'FormApp.create': 1,
      'Range.getValues': 2,
      'Range.setValues': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getId': 1,
      'Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
    expect(world.calls.total()).toBe(9);
    expect(world.calls.byService()).toMatchObject({ Range: 3, Form: 1, FormApp: 1 });
    const before = world.calls.snapshot();
    world.submitForm(form, {}, {}); // test API: not a service call
    range.getValues();
    expect(world.calls.since(before)).toEqual({ 'Range.getValues': 1 });
    world.calls.reset();
    expect(world.calls.total()).toBe(0);
  });

  it('records which execution made each call', () => {
    const world = createWorld();
    world.execute('job', () => world.services.Session.getScriptTimeZone());
    expect(world.calls.byExecution()).toEqual({ 'job#1': { 'Session.getScriptTimeZone': 1 } });
    expect(world.executions[0]).toMatchObject({ label: 'job', calls: 1, status: 'completed' });
  });
});

describe('LockService', () => {
  it('lets one execution hold the script lock; another cannot have it until it ends', () => {
    const world = createWorld();
    const { LockService } = world.services;
    const seen: unknown[] = [];
    world.execute('A', () => {
      expect(LockService.getScriptLock().tryLock(30_000)).toBe(true);
      world.execute('B', () => {
        const lock = LockService.getScriptLock();
        seen.push(lock.tryLock(30_000), lock.hasLock());
        try {
          lock.waitLock(30_000);
        } catch (e) {
          seen.push((e as Error).message);
        }
      });
      // A never releases: Apps Script releases it when A ends.
    });
    expect(seen).toEqual([
      false,
      false,
      'Exception: Lock timeout: another process was holding the lock for too long.',
    ]);
    expect(world.execute('C', () => LockService.getScriptLock().tryLock(0))).toBe(true);
    expect(world.locks.get('script')).toMatchObject({ holder: null, acquired: 2, refused: 2 });
  });

  it('can be held by an imaginary execution, or taken in the middle of another call', () => {
    const world = createWorld();
    const { LockService, SpreadsheetApp } = world.services;
    world.holdLock();
    expect(world.execute('X', () => LockService.getScriptLock().tryLock(1000))).toBe(false);
    world.releaseLock();
    let inner: boolean | undefined;
    world.interleave('Range.setValues', () => {
      inner = world.execute('B', () => LockService.getScriptLock().tryLock(1000));
    });
    world.execute('A', () => {
      LockService.getScriptLock().tryLock(1000);
      SpreadsheetApp.getActiveSpreadsheet()
        .getSheets()[0]!
        .getRange('A1')
        .setValues([['x']]);
    });
    expect(inner).toBe(false);
  });
});

describe('PropertiesService', () => {
  it('enforces 9 KB per value and 500 KB per store', () => {
    const world = createWorld();
    const props = world.services.PropertiesService.getScriptProperties();
    props.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(
      'Exception: Argument too large: value',
    );
    expect(() => props.setProperty('big', '字'.repeat(3073))).toThrow('Argument too large'); // 9,219 bytes
    expect(props.getProperty('big')).toBeNull();
    for (let i = 0; i < 55; i++) props.setProperty(`k${i}`, 'y'.repeat(9000));
    expect(() => props.setProperty('one-more', 'z'.repeat(9000))).toThrow(
      'Exception: You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    props.setProperties({ a: '1' }, true);
    expect(props.getKeys()).toEqual(['a']);
    expect(world.properties()).toEqual({ a: '1' });
  });
});

describe('ScriptApp triggers', () => {
  it('allows 20 triggers per user and script, and no more', () => {
    const world = createWorld();
    const { ScriptApp } = world.services;
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`h${i}`).timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger('h20').timeBased().everyHours(1).create()).toThrow(
      'Exception: This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    ScriptApp.deleteTrigger(ScriptApp.getProjectTriggers()[0]!);
    expect(() => ScriptApp.newTrigger('h20').timeBased().everyHours(1).create()).not.toThrow();
  });

  it('describes a form trigger like Apps Script', () => {
    const world = createWorld();
    const { ScriptApp, FormApp } = world.services;
    const form = FormApp.create('F');
    ScriptApp.newTrigger('onSubmit').forForm(form.getId()).onFormSubmit().create();
    const [t] = ScriptApp.getProjectTriggers();
    expect(t!.getHandlerFunction()).toBe('onSubmit');
    expect(t!.getEventType()).toBe(ScriptApp.EventType.ON_FORM_SUBMIT);
    expect(t!.getTriggerSource()).toBe(ScriptApp.TriggerSource.FORMS);
    expect(t!.getTriggerSourceId()).toBe(form.getId());
    expect(() => ScriptApp.newTrigger('x').forForm('no-such-form')).toThrow(
      'No item with the given ID',
    );
  });
});

describe('FormApp', () => {
  it('writes each response to "Form Responses N" and returns the trigger event', () => {
    const world = createWorld({ now: new Date('2026-10-15T10:00:00+08:00') });
    const { FormApp, ScriptApp, SpreadsheetApp } = world.services;
    const ssId = SpreadsheetApp.getActiveSpreadsheet().getId();
    const form = FormApp.create('活动报告表');
    form.setCollectEmail(true);
    form.addTextItem().setTitle('活动名称');
    form.addListItem().setTitle('支部').setChoiceValues(['B001 一支部', 'B002 二支部']);
    form.addDateItem().setTitle('活动日期');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ssId);
    const other = FormApp.create('投票');
    other.setDestination(FormApp.DestinationType.SPREADSHEET, ssId);
    const trigger = ScriptApp.newTrigger('onFormSubmitTrigger')
      .forForm(form)
      .onFormSubmit()
      .create();

    const at = new Date('2026-10-15T10:05:00+08:00');
    const e = world.submitForm(
      form,
      { 活动名称: '=HYPERLINK("x")', 支部: 'B001 一支部', 活动日期: '2026-10-14' },
      { at, email: 'student@college.edu' },
    );
    expect(e.triggerUid).toBe(trigger.getUniqueId());
    expect(e.authMode).toBe('FULL');
    expect(e.source.getId()).toBe(form.getId());
    expect(e.response.getId()).toMatch(/^2_ABaOnud/);
    expect(e.response.getTimestamp().getTime()).toBe(at.getTime());
    expect(e.response.getRespondentEmail()).toBe('student@college.edu');
    expect(
      e.response.getItemResponses().map((r) => [r.getItem().getTitle(), r.getResponse()]),
    ).toEqual([
      ['活动名称', '=HYPERLINK("x")'],
      ['支部', 'B001 一支部'],
      ['活动日期', '2026-10-14'],
    ]);

    expect(
      world.peek(() =>
        SpreadsheetApp.getActiveSpreadsheet()
          .getSheets()
          .map((s) => s.getName()),
      ),
    ).toEqual(['Form Responses 2', 'Form Responses 1', 'Sheet1']);
    const rows = world.readSheet('Form Responses 1')!;
    expect(rows[0]).toEqual(['Timestamp', 'Email Address', '活动名称', '支部', '活动日期']);
    expect((rows[1]![0] as Date).getTime()).toBe(at.getTime());
    expect(rows[1]!.slice(1, 4)).toEqual(['student@college.edu', '=HYPERLINK("x")', 'B001 一支部']);
    expect(rows[1]![4]).toBeInstanceOf(Date);
    expect(world.readFormulas('Form Responses 1')![1]).toEqual(['', '', '', '', '']);
    expect(form.getResponses(new Date('2026-10-15T10:06:00+08:00'))).toHaveLength(0);
    expect(form.getResponses()).toHaveLength(1);
    expect(() => world.submitForm(form, { 'No such question': 'x' }, { email: 'a@b.c' })).toThrow(
      'has no question(s) titled "No such question"',
    );
  });

  it('refuses duplicate or empty choices, and opens only existing forms', () => {
    const world = createWorld();
    const { FormApp } = world.services;
    const list = FormApp.create('F').addListItem();
    expect(() => list.setChoiceValues(['a', 'a'])).toThrow(
      'Exception: Invalid data updating form.',
    );
    expect(() => FormApp.openById('nope')).toThrow('No item with the given ID could be found');
  });
});

describe('Docs, Drive and DocumentApp', () => {
  function template(world: World): string {
    const { DocumentApp } = world.services;
    return world.execute('template', () => {
      const doc = DocumentApp.create('template');
      const body = doc.getBody();
      body.clear();
      body
        .appendParagraph('{{name}} earned {{amount}}')
        .setHeading(DocumentApp.ParagraphHeading.TITLE);
      // Not saved yet: Drive and the Docs API see the document as created.
      expect(world.documentText(doc.getId())).toBe('');
      doc.saveAndClose();
      expect(() => doc.getBody()).toThrow(
        'Exception: Document is closed, its content cannot be updated.',
      );
      return doc.getId();
    });
  }

  it('saves DocumentApp edits when the execution ends', () => {
    const world = createWorld();
    const id = world.execute('write', () => {
      const doc = world.services.DocumentApp.create('d');
      doc.getBody().setText('a\nb');
      expect(world.documentText(doc.getId())).toBe('');
      return doc.getId();
    });
    expect(world.documentText(id)).toBe('a\nb');
  });

  it('replaces text literally ($ and \\ stay as they are) and copies documents as saved', () => {
    const world = createWorld();
    const { Docs, Drive } = world.services;
    const id = template(world);
    expect(world.documentText(id)).toBe('\n{{name}} earned {{amount}}');
    const copy = Drive.Files.copy({ name: 'Letter 1' }, id, { fields: 'id' });
    expect(Object.keys(copy)).toEqual(['id']);
    const reply = Docs.Documents.batchUpdate(
      {
        requests: [
          {
            replaceAllText: {
              containsText: { text: '{{name}}', matchCase: true },
              replaceText: 'A$1 \\ $& B',
            },
          },
          {
            replaceAllText: {
              containsText: { text: '{{AMOUNT}}', matchCase: true },
              replaceText: 'x',
            },
          },
          { replaceAllText: { containsText: { text: '{{AMOUNT}}' }, replaceText: '$100' } },
        ],
      },
      copy.id!,
    );
    expect(reply.replies).toEqual([
      { replaceAllText: { occurrencesChanged: 1 } },
      { replaceAllText: {} },
      { replaceAllText: { occurrencesChanged: 1 } },
    ]);
    expect(world.documentText(copy.id!)).toBe('\nA$1 \\ $& B earned $100');
    expect(world.documentText(id)).toBe('\n{{name}} earned {{amount}}');
    expect(() =>
      Docs.Documents.batchUpdate({ requests: [{ insertText: { text: 'x' } }] }, copy.id!),
    ).toThrow('Sandbox: Docs.Documents.batchUpdate request "insertText" is not implemented');
    expect(() => Drive.Files.copy({}, 'missing')).toThrow(
      'GoogleJsonResponseException: API call to drive.files.copy failed with error: File not found: missing.',
    );
  });

  it('refuses "anyone" links when the domain forbids them, and notification flags on link permissions', () => {
    const world = createWorld({ userEmail: 'staff@college.edu', domainForbidsLinkSharing: true });
    const { Drive } = world.services;
    const id = template(world);
    expect(() =>
      Drive.Permissions.create({ role: 'reader', type: 'anyone', allowFileDiscovery: false }, id),
    ).toThrow(
      'GoogleJsonResponseException: API call to drive.permissions.create failed with error: The user does not have sufficient permissions for this file.',
    );
    expect(() =>
      Drive.Permissions.create({ role: 'reader', type: 'domain', domain: 'college.edu' }, id, {
        sendNotificationEmail: false,
      }),
    ).toThrow(
      "sendNotificationEmail parameter is only applicable for permissions of type 'user' or 'group'.",
    );
    const p = Drive.Permissions.create(
      { role: 'reader', type: 'domain', domain: 'college.edu', allowFileDiscovery: false },
      id,
    );
    expect(Object.keys(p).sort()).toEqual(['id', 'kind', 'role', 'type']);
    expect(world.describeFile(id)!.permissions.map((x) => [x.type, x.role, x.domain])).toEqual([
      ['user', 'owner', undefined],
      ['domain', 'reader', 'college.edu'],
    ]);
    expect(Drive.Permissions.list(id).permissions).toHaveLength(2);
  });
});

describe('Sheets advanced service', () => {
  it('reads and writes RAW and USER_ENTERED, trims, and refuses ranges past the grid', () => {
    const world = createWorld();
    const { Sheets } = world.services;
    const id = world.spreadsheet._id;
    Sheets.Spreadsheets.Values.batchUpdate(
      {
        valueInputOption: 'RAW',
        data: [
          {
            range: "'Sheet1'!A1:C2",
            values: [
              ['=1+1', '12', true],
              ['', null, 'x'],
            ],
          },
        ],
      },
      id,
    );
    expect(world.readSheet('Sheet1')).toEqual([
      ['=1+1', '12', true],
      ['', '', 'x'],
    ]);
    const got = Sheets.Spreadsheets.Values.batchGet(id, {
      ranges: ['Sheet1', 'Sheet1!D1:E5'],
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(got.valueRanges).toEqual([
      {
        range: 'Sheet1!A1:Z1000',
        majorDimension: 'ROWS',
        values: [
          ['=1+1', '12', true],
          ['', '', 'x'],
        ],
      },
      { range: 'Sheet1!D1:E5', majorDimension: 'ROWS' },
    ]);
    Sheets.Spreadsheets.Values.update({ values: [['=1+1', '12']] }, id, 'Sheet1!A3', {
      valueInputOption: 'USER_ENTERED',
    });
    expect(world.readFormulas('Sheet1')![2]!.slice(0, 2)).toEqual(['=1+1', '']);
    expect(world.readSheet('Sheet1')![2]!.slice(0, 2)).toEqual(['#ERROR!', 12]);
    expect(() =>
      Sheets.Spreadsheets.Values.batchUpdate(
        { valueInputOption: 'RAW', data: [{ range: 'Sheet1!A1001:B1001', values: [['x']] }] },
        id,
      ),
    ).toThrow('Range (Sheet1!A1001:B1001) exceeds grid limits. Max rows: 1000, max columns: 26');
    expect(() =>
      Sheets.Spreadsheets.Values.update({ values: [['a'], ['b']] }, id, 'Sheet1!A1:B1', {
        valueInputOption: 'RAW',
      }),
    ).toThrow('Requested writing within range [Sheet1!A1:B1], but tried writing to row [2]');
    expect(() => Sheets.Spreadsheets.Values.batchUpdate({ data: [] }, id)).toThrow(
      "'valueInputOption' is required but not specified",
    );
    expect(Sheets.Spreadsheets.get(id, { fields: 'sheets.properties.title' })).toEqual({
      sheets: [{ properties: { title: 'Sheet1' } }],
    });
  });
});

describe('time', () => {
  it('cuts an execution off past its time limit, for good', () => {
    const world = createWorld({ timeLimitMs: 10_000 });
    world.setCost('Drive.Files.copy', 1500);
    const { Drive, DocumentApp, Session } = world.services;
    const id = DocumentApp.create('t').getId();
    let copies = 0;
    let afterKill: unknown;
    expect(() =>
      world.execute('letters', () => {
        try {
          for (;;) {
            Drive.Files.copy({ name: `c${copies}` }, id);
            copies++;
          }
        } finally {
          try {
            Session.getScriptTimeZone();
          } catch (e) {
            afterKill = e;
          }
        }
      }),
    ).toThrow('Exception: Exceeded maximum execution time');
    expect(copies).toBe(7); // 7 × 1.5 s = 10.5 s > 10 s: the 8th call is refused
    expect(String(afterKill)).toBe('Exception: Exceeded maximum execution time');
    expect(world.executions.at(-1)).toMatchObject({ label: 'letters', status: 'timedOut' });
  });

  it('reads the world clock for new Date(), Utilities.sleep and formatDate', () => {
    const world = createWorld({ now: new Date('2026-10-15T23:58:00+08:00') });
    const { Utilities } = world.services;
    expect(new world.Date().toISOString()).toBe('2026-10-15T15:58:00.000Z');
    expect(world.Date.now()).toBe(Date.parse('2026-10-15T15:58:00Z'));
    world.execute('nap', () => Utilities.sleep(5 * 60 * 1000));
    expect(world.executions[0]!.endMs! - world.executions[0]!.startMs).toBe(300_000);
    expect(Utilities.formatDate(world.now, 'Asia/Shanghai', "yyyy-MM-dd'T'HH:mm:ss Z")).toBe(
      '2026-10-16T00:03:00 +0800',
    );
    expect(Utilities.formatDate(world.now, 'UTC', 'yy/M/d EEE a')).toBe('26/10/15 Thu PM');
    expect(Utilities.getUuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(createWorld().services.Utilities.getUuid()).toBe(
      createWorld().services.Utilities.getUuid(),
    );
  });
});

describe('fault injection', () => {
  it('fails the Nth call, the next call of a method, or a matching call, once each', () => {
    const world = createWorld();
    const { Session } = world.services;
    const byIndex = world.failAt(2, new Error('boom'));
    expect(() => Session.getScriptTimeZone()).not.toThrow();
    expect(() => Session.getScriptTimeZone()).toThrow('boom');
    expect(() => Session.getScriptTimeZone()).not.toThrow();
    expect(byIndex.fired).toBe(1);

    world.failAt('Session.getActiveUserLocale');
    expect(() => Session.getScriptTimeZone()).not.toThrow();
    expect(() => Session.getActiveUserLocale()).toThrow(
      'Exception: Service error: injected fault (Session.getActiveUserLocale)',
    );
    expect(() => Session.getActiveUserLocale()).not.toThrow();

    world.failAt(
      (name, n) => name === 'Session.getScriptTimeZone' && n === 2,
      'Service unavailable',
    );
    expect(() => Session.getScriptTimeZone()).not.toThrow();
    expect(() => Session.getScriptTimeZone()).toThrow('Service unavailable');
    expect(() => Session.getScriptTimeZone()).not.toThrow();
    // A failed call was still a call.
    expect(world.calls.count('Session.getScriptTimeZone')).toBe(7);
  });
});

describe('Ui', () => {
  it('records menus, answers scripted prompts, and refuses getUi in a trigger', () => {
    const world = createWorld();
    const { SpreadsheetApp } = world.services;
    world.execute('onOpen', () =>
      SpreadsheetApp.getUi()
        .createMenu('StarBranch')
        .addItem('Set up', 'setup')
        .addSeparator()
        .addToUi(),
    );
    expect(world.ui.menus).toEqual([
      {
        caption: 'StarBranch',
        items: [{ caption: 'Set up', functionName: 'setup' }, { separator: true }],
      },
    ]);
    world.ui.queuePrompt('2026-10', 'OK');
    const answer = world.execute('ask', () => {
      const ui = SpreadsheetApp.getUi();
      const r = ui.prompt('StarBranch', 'Month?', ui.ButtonSet.OK_CANCEL);
      return [r.getResponseText(), r.getSelectedButton() === ui.Button.OK];
    });
    expect(answer).toEqual(['2026-10', true]);
    expect(() => world.execute('ask again', () => SpreadsheetApp.getUi().prompt('Month?'))).toThrow(
      'has no scripted answer',
    );
    expect(() => world.execute('daily', () => SpreadsheetApp.getUi(), { kind: 'trigger' })).toThrow(
      'Exception: Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });
});

describe('loadBundle', () => {
  const SCRIPT = `
    var started = new Date().getTime();
    function hello() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }
    function globalsSeen() {
      return [typeof require, typeof process, typeof setTimeout, typeof Buffer, new Date().getTime() === Date.now()];
    }
    function catches() {
      try { SpreadsheetApp.getActiveSpreadsheet().insertSheet('Sheet1'); }
      catch (e) { return [e instanceof Error, String(e)]; }
    }
    function install() {
      ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(6).create();
      ScriptApp.newTrigger('later').timeBased().after(60000).create();
    }
    function daily(e) { Logger.log('daily %s', e.hour); return e.triggerUid; }
    function later(e) { return e.triggerUid; }
    function onSubmit(e) { return e.response.getId() + ' ' + e.source.getTitle(); }
    var notDeclared = function () {};
  `;

  function write(code: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-'));
    const file = join(dir, 'Code.js');
    writeFileSync(file, code);
    return file;
  }

  it('runs a top-level function as one execution with only the fakes as globals', () => {
    const world = createWorld({ spreadsheetName: 'Programme 2026' });
    const bundle = loadBundle(world, write(SCRIPT));
    expect(bundle.functions).toEqual([
      'hello',
      'globalsSeen',
      'catches',
      'install',
      'daily',
      'later',
      'onSubmit',
    ]);
    expect(bundle.call('hello')).toBe('Programme 2026');
    expect(bundle.call('globalsSeen')).toEqual([
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      true,
    ]);
    expect(bundle.call('catches')).toEqual([
      true,
      'Exception: A sheet with the name "Sheet1" already exists. Please enter another name.',
    ]);
    expect(world.calls.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(2);
    expect(() => bundle.call('notDeclared')).toThrow(
      'Exception: Script function not found: notDeclared',
    );
  });

  it('fires clock triggers as time passes and form-submit triggers on a response', () => {
    const world = createWorld({ now: new Date('2026-10-15T07:00:00+08:00') });
    const bundle = loadBundleSource(world, SCRIPT);
    bundle.call('install');
    const runs = bundle.runClock('2026-10-17T07:00:00+08:00');
    expect(runs.map((r) => r.execution.label)).toEqual(['later', 'daily', 'daily']);
    expect(runs.every((r) => r.ok && r.execution.kind === 'trigger')).toBe(true);
    expect(runs[1]!.value).toBe(world.triggers().find((t) => t.handler === 'daily')!.uid);
    expect(world.logs.map((l) => l.message)).toEqual(['daily 22', 'daily 22']); // 06:xx Shanghai = 22:xx UTC
    expect(world.triggers()).toHaveLength(2); // the fired one-off stays until deleted

    const form = world.services.FormApp.create('Vote');
    form.addTextItem().setTitle('Score');
    world.services.ScriptApp.newTrigger('onSubmit').forForm(form).onFormSubmit().create();
    const { event, runs: fired } = bundle.submitForm(form, { Score: '90' });
    expect(fired).toHaveLength(1);
    expect(fired[0]!.value).toBe(`${event.response.getId()} Vote`);
  });

  it('lists top-level function declarations only', () => {
    expect(
      topLevelFunctions(
        'function a(){}\nvar b = function(){};\nconst c = () => 1;\n(function d(){})();\nfunction e(){}',
      ),
    ).toEqual(['a', 'e']);
  });
});
