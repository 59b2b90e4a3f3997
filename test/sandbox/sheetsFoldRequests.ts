/**
 * The `Spreadsheets.batchUpdate` requests a fold of form responses uses: `appendCells` (adds rows
 * after the last row with data, growing the grid when needed, as Google documents) and the
 * spreadsheet's developer metadata (`createDeveloperMetadata`, `updateDeveloperMetadata`), which
 * `Spreadsheets.get` returns under `developerMetadata`.
 *
 * Strict where Google is: `appendCells` needs `fields` and writes what it names (the value, and a
 * rejected answer's note and highlight; the cells' shapes are checked with the batch, in
 * sheetsRequests.ts); a cell's `userEnteredValue` carries exactly one of `stringValue`,
 * `numberValue`, `boolValue` (a `formulaValue` is not what the fold sends, so it is a sandbox
 * error); a metadata key already present cannot be created again, and an update must match
 * something.
 */
import { applyCellData, maskPaths } from './sheetsRequests';
import type { FakeSpreadsheet } from './spreadsheet';
import type { World } from './world';

type Request = GoogleAppsScript.Sheets.Schema.Request;
type Metadata = GoogleAppsScript.Sheets.Schema.DeveloperMetadata;

const METADATA = new WeakMap<FakeSpreadsheet, Metadata[]>();

/** The spreadsheet-level developer metadata, as `Spreadsheets.get` returns it. */
export function developerMetadataOf(ss: FakeSpreadsheet): Metadata[] {
  return (METADATA.get(ss) ?? []).map((m) => ({ ...m }));
}

function fail(world: World, message: string): Error {
  return world._googleJsonError('sheets.spreadsheets.batchUpdate', message, 400);
}

function cellValue(world: World, cell: unknown): string | number | boolean | undefined {
  const v = (cell as { userEnteredValue?: Record<string, unknown> } | null)?.userEnteredValue;
  if (v === undefined || v === null) return undefined;
  const kinds = Object.keys(v);
  if (kinds.length !== 1) throw fail(world, 'Invalid value: exactly one kind of value per cell');
  const [kind] = kinds;
  if (kind === 'stringValue') return String(v.stringValue);
  if (kind === 'numberValue' && typeof v.numberValue === 'number') return v.numberValue;
  if (kind === 'boolValue' && typeof v.boolValue === 'boolean') return v.boolValue;
  throw world._sandboxError(`Sandbox: userEnteredValue.${String(kind)} is not implemented`);
}

/** Applies one request this module knows; returns undefined when it is not one of them. */
export function applyFoldRequest(
  world: World,
  ss: FakeSpreadsheet,
  req: Request,
): object | undefined {
  if (req.appendCells) {
    const r = req.appendCells;
    if (!r.fields) throw fail(world, 'Invalid requests[0].appendCells: fields is required');
    const sheet = ss._sheets.find((s) => s._id === r.sheetId);
    if (!sheet) throw fail(world, `No grid with id: ${String(r.sheetId)}`);
    const rows = (r.rows ?? []).map((row) => (row.values ?? []).map((c) => cellValue(world, c)));
    const first = sheet._lastRow() + 1;
    const needRows = first + rows.length - 1 - sheet._maxRows;
    const width = Math.max(0, ...rows.map((row) => row.length));
    const needCols = width - sheet._maxCols;
    if (needRows > 0 || needCols > 0) {
      sheet._grow(Math.max(0, needRows), Math.max(0, needCols));
      if (needRows > 0) sheet._maxRows += needRows;
      if (needCols > 0) sheet._maxCols += needCols;
    }
    rows.forEach((row, i) => {
      row.forEach((value, c) => {
        if (value !== undefined) sheet._write(first + i, c + 1, [[value]], 'raw');
      });
    });
    // Notes and backgrounds, where the mask names them (the value is written above).
    const paths = maskPaths(r.fields).filter((p) => p !== 'userEnteredValue');
    if (paths.length > 0) {
      (r.rows ?? []).forEach((row, i) => {
        (row.values ?? []).forEach((cell, c) => {
          applyCellData(sheet, first + i - 1, c, cell as Record<string, unknown>, paths);
        });
      });
    }
    return {};
  }
  if (req.createDeveloperMetadata) {
    const m = req.createDeveloperMetadata.developerMetadata ?? {};
    if (!m.location?.spreadsheet) {
      throw world._sandboxError(
        'Sandbox: only spreadsheet-level developer metadata is implemented',
      );
    }
    const all = METADATA.get(ss) ?? [];
    if (all.some((x) => x.metadataKey === m.metadataKey)) {
      throw fail(world, `Developer metadata with key ${String(m.metadataKey)} already exists`);
    }
    const created: Metadata = {
      metadataId: 1000 + all.length,
      metadataKey: m.metadataKey,
      metadataValue: m.metadataValue,
      location: { locationType: 'SPREADSHEET', spreadsheet: true },
      visibility: m.visibility ?? 'DOCUMENT',
    };
    METADATA.set(ss, [...all, created]);
    return { createDeveloperMetadata: { developerMetadata: { ...created } } };
  }
  if (req.updateDeveloperMetadata) {
    const r = req.updateDeveloperMetadata;
    if (r.fields !== 'metadataValue') {
      throw world._sandboxError('Sandbox: updateDeveloperMetadata only with fields=metadataValue');
    }
    const lookups = (r.dataFilters ?? []).map((f) => f.developerMetadataLookup ?? {});
    const all = METADATA.get(ss) ?? [];
    const matched = all.filter((m) =>
      lookups.some(
        (l) =>
          (l.metadataId === undefined || l.metadataId === m.metadataId) &&
          (l.metadataKey === undefined || l.metadataKey === m.metadataKey),
      ),
    );
    if (matched.length === 0) throw fail(world, 'No developer metadata matches the data filters');
    for (const m of matched) m.metadataValue = r.developerMetadata?.metadataValue;
    return { updateDeveloperMetadata: { developerMetadata: matched.map((m) => ({ ...m })) } };
  }
  return undefined;
}
