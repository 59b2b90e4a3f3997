/**
 * Setup cut off at any call by a transient error, then run again, ends exactly as a clean setup:
 * every sheet with its header, frozen row, formats, widths, dropdowns and protection, every Config
 * row, the five forms whole and linked, the template, the triggers. And a clean setup costs what
 * docs/performance.md says.
 */
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { tabName } from '../../src/domain/schema/table';
import { workbookTables } from '../../src/domain/schema/workbook';
import { createWorld, loadBundle, type World } from '../sandbox';
import { SHEETS } from './support';

const TABLES = workbookTables(DEFAULT_CONFIG.defenseRubric);
const FAULTS = [
  'Exception: Service Spreadsheets failed while accessing document.',
  'Exception: Service invoked too many times for one day: forms.',
  'Exception: Exceeded maximum execution time',
];

function blank() {
  const world = createWorld({ now: new Date('2026-09-01T09:00:00+08:00') });
  return { world, bundle: loadBundle(world) };
}

/** Everything setup makes, as staff and the other jobs see it (ids replaced by what they name). */
function setupState(world: World) {
  const sheets = world.peek(() =>
    world.spreadsheet.getSheets().map((sheet) => {
      const columns = sheet.getLastColumn();
      const row2 = columns > 0 ? sheet.getRange(2, 1, 1, columns) : null;
      return {
        name: sheet.getName(),
        frozen: sheet.getFrozenRows(),
        header: columns > 0 ? sheet.getRange(1, 1, 1, columns).getValues()[0] : [],
        headerBold: columns > 0 ? sheet.getRange(1, 1, 1, columns).getFontWeights()[0] : [],
        formats: row2 ? row2.getNumberFormats()[0] : [],
        widths: Array.from({ length: columns }, (_, i) => sheet.getColumnWidth(i + 1)),
        dropdowns: row2
          ? row2
              .getDataValidations()[0]!
              .map((rule) =>
                rule
                  ? [
                      String(rule.getCriteriaType()),
                      rule.getCriteriaValues(),
                      rule.getAllowInvalid(),
                    ]
                  : null,
              )
          : [],
        lastRowValidated: sheet.getMaxRows() > 1 && columns > 0,
        protections: sheet
          .getProtections(SpreadsheetAppProtection())
          .map((p) => [p.getDescription(), p.isWarningOnly()]),
      };
    }),
  );
  const files = world.files();
  const fileName = (id: unknown) => files.find((f) => f.id === id)?.name ?? id;
  const rows = world.readSheet(SHEETS.config) ?? [];
  const [keyAt, valueAt] = ['键', '值'].map((h) => (rows[0] ?? []).indexOf(h)) as [number, number];
  const templateRow = rows.find((row) => row[keyAt] === 'letterTemplate');
  const templateId = String(templateRow?.[valueAt] ?? '');
  const config = rows.map((row) =>
    row === templateRow ? row.map((v, i) => (i === valueAt ? fileName(v) : v)) : row,
  );
  const forms = world.formIds().map((id) => {
    const form = world.describeForm(id);
    return {
      title: form.title,
      linked: form.destination?.spreadsheetId === world.spreadsheet.getId(),
      items: form.items.map((item) => JSON.stringify({ ...item, id: undefined })),
    };
  });
  return {
    sheets,
    config,
    forms,
    files: files.map((f) => `${f.mimeType} ${f.name}`).sort(),
    template: templateId ? world.documentText(templateId) : null,
    triggers: world
      .triggers()
      .map((t) => `${t.handler}|${t.eventType}|${t.sourceId === null ? '' : 'form'}`)
      .sort(),
  };
}

function SpreadsheetAppProtection() {
  return 'SHEET' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
}

describe('setup', () => {
  const reference = blank();
  const from = reference.world.calls.log.length;
  const clean = reference.bundle.run('setup', []);
  const order = reference.world.calls.log.slice(from).map((entry) => entry.name);
  const expected = setupState(reference.world);

  it('makes every sheet in one batch and stays within its call budget', () => {
    expect(clean.ok).toBe(true);
    const count = (method: string) => order.filter((m) => m === method).length;
    expect(count('Sheets.Spreadsheets.batchUpdate')).toBe(1);
    expect(order.filter((m) => /^(Sheet\.|Range\.|Spreadsheet\.insertSheet)/.test(m))).toEqual([]);
    // Reads: the job's metadata and tables, setup's own metadata, then Config and Branches afresh.
    expect(order.filter((m) => m.startsWith('Sheets.')).length).toBeLessThanOrEqual(7);
    const tables = TABLES.map((def) => tabName(def, 'zh-CN'));
    expect(expected.sheets.map((s) => s.name).filter((n) => tables.includes(n))).toEqual(tables);
    expect(order.length).toBeLessThanOrEqual(300);
  });

  it('run again on a finished workbook, changes nothing', () => {
    const again = blank();
    again.bundle.run('setup', []);
    expect(again.bundle.run('setup', []).ok).toBe(true);
    expect(setupState(again.world)).toEqual(expected);
  });

  it('cut off and left alone, is finished by the next daily run', () => {
    const gas = blank();
    expect(gas.bundle.run('setup', []).ok).toBe(true);
    // Staff delete a tab by mistake and run setup again; it is cut off before the sheets batch.
    gas.world.peek(() =>
      gas.world.spreadsheet.deleteSheet(gas.world.spreadsheet.getSheetByName(SHEETS.activities)!),
    );
    gas.world.failAt('Sheets.Spreadsheets.batchUpdate', FAULTS[0]);
    expect(gas.bundle.run('setup', []).ok).toBe(false);
    expect(gas.world.properties()['setup:state']).toBe('started');
    const runs = gas.bundle.runClock('2026-09-02T07:00:00+08:00');
    // The ten-minute sweeps run too (with nothing to fold); the daily run finishes the setup.
    expect(runs.every((r) => r.ok)).toBe(true);
    expect(runs.filter((r) => r.execution.label === 'dailyTrigger')).toHaveLength(1);
    expect(gas.world.properties()['setup:state']).toBe('done');
    const got = setupState(gas.world);
    // The re-made tab comes last, as a tab added later does.
    const order = (state: typeof got) => state.sheets.map((s) => s.name).sort();
    expect(order(got)).toEqual(order(expected));
    const byName = (state: typeof got) => Object.fromEntries(state.sheets.map((s) => [s.name, s]));
    expect(byName(got)).toEqual(byName(expected));
    expect({ ...got, sheets: [] }).toEqual({ ...expected, sheets: [] });
  });

  it('cut off at any call, then run again, ends exactly as a clean setup', () => {
    // The calls of one form question repeat for every question: the first form's are all tried,
    // the other forms' questions share them (their create, link and marks are all tried).
    const questionCall =
      /^(Form\.add|TextItem|ListItem|ParagraphTextItem|DateItem|TextValidation|FormApp\.createTextValidation)/;
    const firstFormBuilt = order.indexOf(
      'Properties.setProperty',
      order.indexOf('Form.setDestination'),
    );
    const points = order
      .map((method, k) => ({ method, k }))
      .filter(({ method, k }) => k <= firstFormBuilt || !questionCall.test(method));
    expect(points.length).toBeGreaterThan(100);
    // Known limit: between creating a form and recording its id (two calls) a cut leaves one
    // empty, unlinked form behind; the re-run makes the real one.
    const orphanWindow = (k: number) =>
      order.slice(Math.max(0, k - 2), k).some((m) => /^(FormApp|DocumentApp)\.create$/.test(m));
    for (const [i, { method, k }] of points.entries()) {
      const gas = blank();
      gas.world.failAt(k + 1, FAULTS[i % FAULTS.length]!);
      gas.bundle.run('setup', []);
      const rerun = gas.bundle.run('setup', []);
      const where = `#${k} ${method}`;
      expect([where, rerun.ok]).toEqual([where, true]);
      const got = setupState(gas.world);
      if (orphanWindow(k)) {
        // Everything else as clean; one more file (an empty form or document) than clean.
        const { forms, files, ...rest } = got;
        const { forms: wantedForms, files: wantedFiles, ...wantedRest } = expected;
        expect([where, rest]).toEqual([where, wantedRest]);
        expect([where, forms.filter((f) => f.items.length > 0)]).toEqual([where, wantedForms]);
        expect([where, files.length]).toEqual([where, wantedFiles.length + 1]);
        continue;
      }
      expect([where, got]).toEqual([where, expected]);
    }
  }, 600_000);
});
