/**
 * The catalogue's third path: the BUILT Apps Script bundle (dist/Code.js) in the sandbox, each
 * response submitted through its Google Form so that the form-submit trigger ingests it.
 *
 * One world: `setup`, the sheets compacted, the catalogue's programme (`catalogueProgramme`, built
 * in memory through the use cases exactly as the other two paths build it) typed into the sheets,
 * the branch dropdowns refreshed. Then every submission — the cases and the submissions they are
 * about (`alongside`) — in time order, the world's clock set to each one's `submittedAt`, answers
 * keyed by the forms' zh-CN question titles (a blank answer is left out, as a respondent skipping a
 * question sends nothing for it). A case delivered twice gets its trigger event fired again.
 *
 * The catalogue's builders name a branch by its id (`B001`); a branch dropdown delivers its choice
 * (`B001 计算机学院第1党支部`). Where the case is not about the branch (`branch` not in its `sent`),
 * the branch is answered with the dropdown's choice for that id, as a respondent would; a case
 * about the branch sends its answer as the catalogue has it.
 *
 * Afterwards the sheets are read back as the bundle reads them (Sheets API, unformatted values,
 * dates as formatted strings) into a `MemoryStore`, so that rows parse into the same records the
 * other paths check.
 *
 * Free of jest globals.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import type { FormName } from '../../src/domain/forms';
import type { Cell } from '../../src/domain/schema/column';
import { tabName, type TableDef } from '../../src/domain/schema/table';
import { ActivitiesTable as TABLE_OF_ACTIVITY, ConfigTable } from '../../src/domain/schema/tables';
import { workbookTables } from '../../src/domain/schema/workbook';
import {
  compactSheets,
  contentIdOf,
  cst,
  freshGas,
  readSheetAsShown,
  zhAnswers,
  type Gas,
} from '../gas/support';
import type { CellValue, RunResult, World } from '../sandbox';
import { MemoryStore } from '../support/fakes';
import { landings, type Landing } from './landings';
import { catalogueProgramme, submittedAtOf, type CatalogueCase } from './catalogue';

export const BUNDLE_PATH = 'dist/Code.js';

const LOCALE = 'zh-CN' as const;
const rubric = DEFAULT_CONFIG.defenseRubric;

/** The email a respondent gives when the case names none (the forms collect emails). */
export const DEFAULT_EMAIL = 'student@stu.example.edu';

/** Fails with a clear message when the bundle has not been built. */
export function requireBundle(): void {
  if (!existsSync(resolve(BUNDLE_PATH))) {
    throw new Error(
      `${BUNDLE_PATH} is missing: build it with \`npm run build\` (\`npm test\` builds it before jest)`,
    );
  }
}

// ——— what is sent ———

/** One response sent through a form: a case, or a submission the case is about. */
export interface GasSent {
  readonly form: FormName;
  readonly caseId: string;
  readonly role: 'case' | 'alongside';
  readonly submittedAt: string;
  /** Answers keyed by question key, as the catalogue holds them. */
  readonly answers: Readonly<Record<string, string>>;
  readonly email?: string;
  /** The question keys the case is about (its `sent`); none for a submission alongside. */
  readonly about: readonly string[];
  /** The trigger event is fired a second time (same response id). */
  readonly twice: boolean;
}

/** Every submission of `cases`, in time order (ties: catalogue order, alongside first). */
export function gasSubmissions(cases: readonly CatalogueCase[]): GasSent[] {
  const sent: GasSent[] = [];
  for (const c of cases) {
    for (const other of c.alongside ?? []) {
      sent.push({
        form: c.form,
        caseId: c.id,
        role: 'alongside',
        submittedAt: other.submittedAt,
        answers: other.answers,
        ...(other.email === undefined ? {} : { email: other.email }),
        about: [],
        twice: false,
      });
    }
    sent.push({
      form: c.form,
      caseId: c.id,
      role: 'case',
      submittedAt: submittedAtOf(c),
      answers: c.answers,
      ...(c.email === undefined ? {} : { email: c.email }),
      about: Object.keys(c.sent),
      twice: c.deliveredTwice === true,
    });
  }
  // Array.prototype.sort is stable: equal times keep the catalogue's order.
  return sent.sort((a, b) =>
    a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0,
  );
}

export interface GasDelivery {
  readonly sent: GasSent;
  /** The answers as submitted, by zh-CN question title. */
  readonly answers: Readonly<Record<string, string>>;
  /** The id StarBranch gives the response: its content id (`responseIdOf`). */
  readonly responseId: string;
  /** The trigger runs it caused: one, or two for a response delivered twice. */
  readonly runs: readonly RunResult[];
}

// ——— the world ———

/** Types the programme's tables (all but Config, which setup wrote) into the sandbox's sheets. */
function seedSheets(world: World, store: MemoryStore): void {
  for (const def of workbookTables(rubric)) {
    if (def.name === ConfigTable.name) continue;
    const rows = store.peek(def.name);
    if (rows.length <= 1) continue;
    world.seedSheet(tabName(def, LOCALE), rows);
  }
}

/**
 * The answers by zh-CN question title, a blank one left out; a branch the case is not about is
 * answered with its dropdown choice (`B001` → `B001 计算机学院第1党支部`).
 */
export function formAnswers(world: World, formId: string, sent: GasSent): Record<string, string> {
  const answers = { ...sent.answers };
  const branch = answers.branch;
  if (branch !== undefined && !sent.about.includes('branch')) {
    const titles = Object.keys(zhAnswers(sent.form, { branch }));
    const item = world.describeForm(formId).items.find((i) => i.title === titles[0]);
    const choice = item?.choices.find((c) => c.startsWith(`${branch} `));
    if (!choice) throw new Error(`${sent.caseId}: no dropdown choice for branch ${branch}`);
    answers.branch = choice;
  }
  return zhAnswers(sent.form, answers);
}

function numbered(id: string, given: Map<string, number>): string {
  const n = (given.get(id) ?? 0) + 1;
  given.set(id, n);
  return n === 1 ? id : `${id}-${n}`;
}

/** The spreadsheet's form-submit trigger: every form sends its responses to this spreadsheet. */
function triggerOf(gas: Gas) {
  const trigger = gas.world
    .triggers()
    .find((t) => t.eventType === 'ON_FORM_SUBMIT' && t.source === 'SPREADSHEETS');
  if (!trigger) throw new Error('no form-submit trigger on the spreadsheet');
  return trigger;
}

/** Sheet names are quoted in A1 notation; a quote inside is doubled. */
const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;

function toCell(value: unknown): Cell {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') {
    return value;
  }
  return String(value);
}

/** Every table, read as the bundle's store reads it, into a MemoryStore. */
export function readBack(world: World): MemoryStore {
  const defs = workbookTables(rubric);
  const response = world.peek(() =>
    world.services.Sheets.Spreadsheets!.Values!.batchGet(world.spreadsheet.getId(), {
      ranges: defs.map((d) => quoted(tabName(d, LOCALE))),
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'FORMATTED_STRING',
      majorDimension: 'ROWS',
    }),
  );
  const store = new MemoryStore();
  defs.forEach((def, i) => {
    const values = (response.valueRanges?.[i]?.values ?? []) as unknown[][];
    store.put(
      def.name,
      values.map((row) => row.map(toCell)),
    );
  });
  return store;
}

// ——— where each response landed ———

/** The sheet row (values and formulas, by zh header) holding a response id. */
export interface SheetRow {
  readonly sheet: string;
  /** 1-based row in the sheet. */
  readonly rowNumber: number;
  readonly values: Readonly<Record<string, CellValue>>;
  readonly formulas: Readonly<Record<string, string>>;
}

/** Every row of `def`'s sheet whose response-id column holds `responseId`. */
/** The notes of the cells of a sheet row (1-based), by header: the cells staff are pointed to. */
export function notesOf(world: World, sheet: string, rowNumber: number): Record<string, string> {
  return world.peek(() => {
    const s = world.spreadsheet.getSheetByName(sheet)!;
    const width = s.getLastColumn();
    const header = s.getRange(1, 1, 1, width).getValues()[0]!.map(String);
    const notes = s.getRange(rowNumber, 1, 1, width).getNotes()[0]!;
    return Object.fromEntries(
      header.flatMap((h, c) => (notes[c] ? [[h, notes[c]!] as [string, string]] : [])),
    );
  });
}

export function sheetRowsOf(world: World, def: TableDef, responseId: string): SheetRow[] {
  const sheet = tabName(def, LOCALE);
  const values = readSheetAsShown(world, sheet) ?? [];
  const formulas = world.readFormulas(sheet) ?? [];
  const header = (values[0] ?? []).map(String);
  const idColumn = header.indexOf(def.columns.responseId!.zh);
  if (idColumn < 0) throw new Error(`${sheet} has no response id column`);
  const out: SheetRow[] = [];
  values.forEach((row, i) => {
    if (i === 0 || row[idColumn] !== responseId) return;
    out.push({
      sheet,
      rowNumber: i + 1,
      values: Object.fromEntries(header.map((h, c) => [h, row[c] ?? ''])),
      formulas: Object.fromEntries(header.map((h, c) => [h, formulas[i]?.[c] ?? ''])),
    });
  });
  return out;
}

export interface GasPathRun {
  readonly gas: Gas;
  readonly deliveries: readonly GasDelivery[];
  /** The sheets after every submission, as the bundle reads them. */
  readonly store: MemoryStore;
  readonly found: Map<string, Landing>;
}

/** Builds the world and submits every case of `cases` through its form (see the file header). */
export function runGasPath(cases: readonly CatalogueCase[]): GasPathRun {
  requireBundle();
  const gas = freshGas();
  compactSheets(gas.world);
  seedSheets(gas.world, catalogueProgramme().store);
  gas.bundle.call('refreshFormChoices');

  const deliveries: GasDelivery[] = [];
  // The same content within one minute is a second response: `-2`, `-3`, as the fold numbers it.
  const given = new Map<string, number>();
  for (const sent of gasSubmissions(cases)) {
    const at = cst(sent.submittedAt);
    if (at.getTime() < gas.world.nowMs) {
      throw new Error(`${sent.caseId}: ${sent.submittedAt} is before the clock`);
    }
    gas.world.setNow(at);
    const formId = gas.forms[sent.form];
    const answers = formAnswers(gas.world, formId, sent);
    const { event, runs } = gas.bundle.submitForm(formId, answers, {
      at,
      email: sent.email ?? DEFAULT_EMAIL,
    });
    const all = [...runs];
    if (sent.twice) all.push(gas.bundle.fire(triggerOf(gas), event));
    deliveries.push({
      sent,
      answers,
      responseId: numbered(contentIdOf(gas, sent.form, answers, event), given),
      runs: all,
    });
  }
  // A report that repeats one of an earlier fold is marked when its month is rescored, as the
  // month's showcase and finalisation do: finalise every month the reports fall in.
  const activities = readSheetAsShown(gas.world, tabName(TABLE_OF_ACTIVITY, 'zh-CN')) ?? [];
  const dateAt = (activities[0] ?? []).indexOf(TABLE_OF_ACTIVITY.columns.date.zh);
  const months = new Set(
    activities
      .slice(1)
      .map((row) => String(row[dateAt] ?? '').slice(0, 7))
      .filter((m) => /^\d{4}-\d{2}$/.test(m)),
  );
  for (const month of [...months].sort()) gas.bundle.call('finaliseMonthNow', month);
  const store = readBack(gas.world);
  return { gas, deliveries, store, found: landings(store) };
}
