/**
 * A fake Google account: the spreadsheet the script is bound to, forms, documents, Drive files,
 * properties, triggers and locks; a controllable clock; the call recorder; and an execution
 * model with Apps Script's time limit.
 *
 *   const world = createWorld({ now: new Date('2026-10-15T09:00:00+08:00') });
 *   world.execute('setup', () => world.services.SpreadsheetApp.getActiveSpreadsheet().getName());
 *
 * Executions. `world.execute(label, fn, { kind })` runs `fn` as one Apps Script execution: it
 * gets an id (`label#n`), its own time budget (`timeLimitMs`, 6 minutes by default), a user
 * interface or not (`kind: 'manual'` from a menu/editor has one, `'trigger'` does not), and at
 * its end its locks are released and its open documents saved. Executions nest, which is how a
 * test runs B "while" A is in the middle of something (see `interleave`).
 *
 * Time. `world.now` is the clock; `new Date()` and `Date.now()` inside the sandbox read it
 * (`world.Date`). Every counted service call advances it by its cost (`costs`, default 0 ms;
 * `setCost('Drive.Files.copy', 1500)` or `createWorld({ costs: REALISTIC_COSTS })`), and so does
 * `Utilities.sleep`. When an execution has run longer than `timeLimitMs`, its next service call
 * throws `Exception: Exceeded maximum execution time`, and so does every call after it: the
 * execution is dead, as Apps Script kills it.
 *
 * Faults. `world.failAt(3, err)` fails the 3rd service call from now; `world.failAt('Drive.Files.
 * copy', err)` the next copy; `world.failAt((name, n) => name === 'Range.setValues' && n === 2,
 * err)` the 2nd setValues from now. Each fires once.
 *
 * Everything a test does through `world.peek`, `world.submitForm` and the `read…`/`describe…`
 * helpers is not a service call: not counted, not timed, never faulted.
 */
import { FakeCacheService } from './cache';
import { CallRecorder, type CallGate } from './calls';
import {
  FakeDocs,
  FakeDocument,
  FakeDocumentApp,
  FakeDrive,
  FakeDriveApp,
  emptyParagraph,
  type DocState,
  type ParagraphState,
  type DriveFileState,
} from './docs';
import {
  describeForm,
  FakeForm,
  FakeFormApp,
  submitResponse,
  type FormState,
  type FormSubmitEvent,
  type SubmitOptions,
} from './forms';
import { FakeHtmlService } from './html';
import { FakeSheets } from './sheetsApi';
import {
  FakeSpreadsheet,
  FakeSpreadsheetApp,
  FakeUi,
  UiLog,
  type CellValue,
  type Toast,
} from './spreadsheet';
import {
  FakeLockService,
  FakeLogger,
  FakePropertiesService,
  FakeScriptApp,
  FakeSession,
  FakeTrigger,
  FakeUser,
  FakeUtilities,
  makeConsole,
  makeMimeType,
  MIME,
  nextClockRun,
  TRIGGER_LIMIT,
  type ClockSpec,
  type EventTypeName,
  type LockState,
  type LogLine,
  type TriggerSourceName,
  type TriggerState,
} from './services';
import { wallTime } from './time';
import { DIGITS, ID_ALPHABET, Rng } from './util';

export interface WorldOptions {
  /** The script's and the spreadsheet's time zone (appsscript.json). Default Asia/Shanghai. */
  readonly timeZone?: string;
  /** The clock's start. Default 2026-09-01T09:00:00+08:00. */
  readonly now?: Date | string | number;
  /** The user running the script (and, by default, owning the files). */
  readonly userEmail?: string;
  readonly ownerEmail?: string;
  /** The Workspace domain; null for a consumer (gmail.com) account. Default: the email's domain. */
  readonly domain?: string | null;
  /** The domain's admin forbids "anyone with the link" sharing. */
  readonly domainForbidsLinkSharing?: boolean;
  /** Apps Script's per-execution limit. Default 360,000 ms (6 minutes). */
  readonly timeLimitMs?: number;
  /** Per-call costs in ms by `Service.method`; others cost `defaultCostMs` (0). */
  readonly costs?: Readonly<Record<string, number>>;
  readonly defaultCostMs?: number;
  /** Documents that may be created a day (DocumentApp.create, Drive.Files.copy…). Default unlimited. */
  readonly dailyDocumentQuota?: number;
  readonly spreadsheetName?: string;
  readonly firstSheetName?: string;
  /** The spreadsheet's locale, as Sheets names it (`zh_CN`, `en_US`). */
  readonly spreadsheetLocale?: string;
  /** `Session.getActiveUserLocale()`. */
  readonly userLocale?: string;
  /** Which advanced services are enabled (a disabled one is `undefined`, as in Apps Script). */
  readonly advancedServices?: {
    readonly sheets?: boolean;
    readonly docs?: boolean;
    readonly drive?: boolean;
  };
  /** Seed of the ids, trigger minutes and UUIDs. */
  readonly seed?: number;
  /** Print the sandbox's console output as it happens. */
  readonly echoConsole?: boolean;
  /**
   * Who may edit the spreadsheet (`Spreadsheet.getEditors()`, the owner among them). Default: the
   * owner and the user.
   */
  readonly editors?: readonly string[];
  /** `ScriptApp.getService().getUrl()`: the deployed web app's URL; null (default) when none. */
  readonly webAppUrl?: string | null;
}

/** Rough latencies of real Apps Script calls (ms): a starting point for time-limit tests. */
export const REALISTIC_COSTS: Readonly<Record<string, number>> = {
  'SpreadsheetApp.getActiveSpreadsheet': 20,
  'Spreadsheet.getSheetByName': 30,
  'Spreadsheet.insertSheet': 300,
  'Range.getValues': 150,
  'Range.setValues': 300,
  'Sheets.Spreadsheets.get': 250,
  'Sheets.Spreadsheets.Values.batchGet': 400,
  'Sheets.Spreadsheets.Values.batchUpdate': 500,
  'FormApp.create': 1500,
  'FormApp.openById': 400,
  'Form.getResponses': 500,
  'DocumentApp.create': 1200,
  'Drive.Files.copy': 1500,
  'Docs.Documents.batchUpdate': 800,
  'Drive.Permissions.create': 600,
  'Lock.tryLock': 50,
  'Properties.getProperty': 30,
  'Properties.setProperty': 50,
  'ScriptApp.getProjectTriggers': 200,
  'FormTriggerBuilder.create': 300,
  'ClockTriggerBuilder.create': 300,
};

export type ExecutionKind = 'manual' | 'simple' | 'trigger' | 'test' | 'webapp';

export interface Execution {
  readonly id: string;
  readonly label: string;
  readonly kind: ExecutionKind;
  /** Whether the execution has a user interface (SpreadsheetApp.getUi works). */
  readonly ui: boolean;
  readonly authMode: string;
  readonly user: string;
  /**
   * What `Session.getActiveUser().getEmail()` says: the user, except in a web app executing as
   * the deploying user, where Google tells the visitor's address only to the deployer's own
   * Workspace domain (blank otherwise).
   */
  readonly activeUser: string;
  readonly triggerUid: string | null;
  readonly startMs: number;
  endMs: number | null;
  /** Counted service calls made in it. */
  calls: number;
  status: 'running' | 'completed' | 'failed' | 'timedOut';
  error: unknown;
  /** Past the time limit: every further service call throws. */
  killed: boolean;
}

export interface ExecuteOptions {
  readonly kind?: ExecutionKind;
  readonly ui?: boolean;
  readonly user?: string;
  /** `Session.getActiveUser()`'s email when it differs from the user (web apps). */
  readonly activeUser?: string;
  readonly authMode?: string;
  readonly triggerUid?: string | null;
}

/** Which calls a hook matches: the Nth call from now, the next call of a method, or a test. */
export type CallMatch = number | string | ((name: string, n: number) => boolean);

export interface CallHook {
  /** How many times it has fired. */
  readonly fired: number;
  cancel(): void;
}

interface HookState {
  readonly match: CallMatch;
  readonly action: (name: string) => void;
  remaining: number;
  fired: number;
  seen: number;
  readonly perName: Map<string, number>;
}

/** The globals the bundle sees. */
export interface SandboxGlobals {
  readonly SpreadsheetApp: FakeSpreadsheetApp;
  readonly FormApp: FakeFormApp;
  readonly DocumentApp: FakeDocumentApp;
  readonly DriveApp: FakeDriveApp;
  readonly Docs: FakeDocs;
  readonly Drive: FakeDrive;
  readonly Sheets: FakeSheets;
  readonly LockService: FakeLockService;
  readonly PropertiesService: FakePropertiesService;
  readonly CacheService: FakeCacheService;
  readonly ScriptApp: FakeScriptApp;
  readonly Session: FakeSession;
  readonly Utilities: FakeUtilities;
  readonly HtmlService: FakeHtmlService;
  readonly Logger: FakeLogger;
  readonly MimeType: typeof MIME;
  readonly console: ReturnType<typeof makeConsole>;
  readonly Date: DateConstructor;
}

/**
 * A `Date` whose no-argument constructor, `Date()` and `Date.now()` read the world clock; with
 * arguments it is the ordinary Date. It extends the host's Date, so `instanceof Date` holds on
 * both sides of the sandbox.
 */
export function makeWorldDate(now: () => number): DateConstructor {
  const Host = Date;
  function WorldDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new Host(now()).toString();
    return Reflect.construct(Host, args.length === 0 ? [now()] : args, new.target);
  }
  Object.setPrototypeOf(WorldDate, Host);
  WorldDate.prototype = Object.create(Host.prototype, {
    constructor: { value: WorldDate, writable: true, configurable: true },
  });
  Object.defineProperty(WorldDate, 'name', { value: 'Date' });
  Object.defineProperty(WorldDate, 'now', {
    value: () => now(),
    writable: true,
    configurable: true,
  });
  return WorldDate as unknown as DateConstructor;
}

export class World implements CallGate {
  readonly calls = new CallRecorder();
  readonly timeZone: string;
  readonly userEmail: string;
  readonly ownerEmail: string;
  readonly domain: string | null;
  domainForbidsLinkSharing: boolean;
  timeLimitMs: number;
  readonly costs: Record<string, number>;
  defaultCostMs: number;
  dailyDocumentQuota: number;
  readonly userLocale: string;
  readonly scriptId: string;
  /** Who may edit the spreadsheet, the owner first. */
  readonly editors: string[];
  /** The deployed web app's URL; null while it is not deployed. */
  webAppUrl: string | null;
  /** `new Date()` / `Date.now()` of the sandbox: the world clock. */
  readonly Date: DateConstructor;
  nowMs: number;

  /** Every execution so far, oldest first. */
  readonly executions: Execution[] = [];
  /** What the user interface showed (menus, alerts, prompts) and scripted answers. */
  readonly ui = new UiLog();
  readonly toasts: Toast[] = [];
  /** `Logger.log` lines. */
  readonly logs: LogLine[] = [];
  /** `console.*` lines. */
  readonly consoleLines: LogLine[] = [];
  /**
   * The requests of every `Sheets.Spreadsheets.batchUpdate` that was applied, as sent (JSON
   * copies), oldest first: what a job asked of the spreadsheet, for tests to read.
   */
  readonly sheetsBatches: { readonly execution: string | null; readonly requests: unknown[] }[] =
    [];
  /** Locks by key (`script`, `document:<id>`, `user:<email>`). */
  readonly locks = new Map<string, LockState>();

  readonly services: SandboxGlobals;
  /** The spreadsheet the script is bound to (`getActiveSpreadsheet()`). */
  readonly spreadsheet: FakeSpreadsheet;

  readonly _rng: Rng;
  readonly _realm = { Error: Error as ErrorConstructor };
  readonly _spreadsheets = new Map<string, FakeSpreadsheet>();
  readonly _forms = new Map<string, FormState>();
  readonly _formObjects = new Map<string, FakeForm>();
  readonly _drive = new Map<string, DriveFileState>();
  readonly _docs = new Map<string, DocState>();
  readonly _openDocuments = new Map<FakeDocument, string | null>();
  readonly _properties = new Map<string, Map<string, string>>();
  _triggers: TriggerState[] = [];
  readonly _ui: FakeUi;
  readonly _documentsCreated = new Map<string, number>();
  private readonly stack: Execution[] = [];
  private readonly hooks: HookState[] = [];
  private executionCount = 0;

  constructor(options: WorldOptions = {}) {
    this.timeZone = options.timeZone ?? 'Asia/Shanghai';
    this.nowMs = new Date(options.now ?? '2026-09-01T09:00:00+08:00').getTime();
    this.userEmail = options.userEmail ?? 'staff@example.edu';
    this.ownerEmail = options.ownerEmail ?? this.userEmail;
    const emailDomain = this.userEmail.split('@')[1] ?? null;
    this.domain =
      options.domain !== undefined
        ? options.domain
        : emailDomain && !['gmail.com', 'googlemail.com'].includes(emailDomain)
          ? emailDomain
          : null;
    this.domainForbidsLinkSharing = options.domainForbidsLinkSharing ?? false;
    this.timeLimitMs = options.timeLimitMs ?? 360_000;
    this.costs = { ...(options.costs ?? {}) };
    this.defaultCostMs = options.defaultCostMs ?? 0;
    this.dailyDocumentQuota = options.dailyDocumentQuota ?? Infinity;
    this.userLocale = options.userLocale ?? 'zh_CN';
    this._rng = new Rng(options.seed ?? 1);
    this.scriptId = `1${this._rng.chars(56, ID_ALPHABET)}`;
    this.editors = [...new Set([this.ownerEmail, ...(options.editors ?? [this.userEmail])])];
    this.webAppUrl = options.webAppUrl ?? null;
    this.Date = makeWorldDate(() => this.nowMs);
    this.calls.gate = this;
    this.calls.execution = () => this.currentExecution?.id ?? null;

    const advanced = options.advancedServices ?? {};
    this._ui = this.calls.internal(() => new FakeUi(this));
    this.services = this.calls.internal(() => ({
      SpreadsheetApp: new FakeSpreadsheetApp(this),
      FormApp: new FakeFormApp(this),
      DocumentApp: new FakeDocumentApp(this),
      DriveApp: new FakeDriveApp(this),
      Docs: (advanced.docs === false ? undefined : new FakeDocs(this)) as FakeDocs,
      Drive: (advanced.drive === false ? undefined : new FakeDrive(this)) as FakeDrive,
      Sheets: (advanced.sheets === false ? undefined : new FakeSheets(this)) as FakeSheets,
      LockService: new FakeLockService(this),
      PropertiesService: new FakePropertiesService(this),
      CacheService: new FakeCacheService(this),
      ScriptApp: new FakeScriptApp(this),
      Session: new FakeSession(this),
      Utilities: new FakeUtilities(this),
      HtmlService: new FakeHtmlService(this),
      Logger: new FakeLogger(this),
      MimeType: makeMimeType(this),
      console: makeConsole(this, options.echoConsole ?? false),
      Date: this.Date,
    }));
    this.spreadsheet = this.calls.internal(() =>
      this._createSpreadsheet(
        options.spreadsheetName ?? 'StarBranch',
        options.firstSheetName ?? 'Sheet1',
        options.spreadsheetLocale ?? 'zh_CN',
      ),
    );
  }

  // ------------------------------------------------------------------------------------------
  // Clock

  /** The world's current time (a fresh Date). */
  get now(): Date {
    return this._date(this.nowMs);
  }
  /** Moves the clock forward. */
  advance(ms: number): void {
    this.nowMs += ms;
  }
  /** Sets the clock (it may not go back while an execution runs). */
  setNow(date: Date | string | number): void {
    this.nowMs = new Date(date).getTime();
  }
  setCost(name: string, ms: number): void {
    this.costs[name] = ms;
  }

  // ------------------------------------------------------------------------------------------
  // Executions

  get currentExecution(): Execution | null {
    return this.stack[this.stack.length - 1] ?? null;
  }

  /** Runs `fn` as one execution (see the file header). Its error, if any, is rethrown. */
  execute<T>(label: string, fn: () => T, options: ExecuteOptions = {}): T {
    const kind = options.kind ?? 'manual';
    const ex: Execution = {
      id: `${label}#${++this.executionCount}`,
      label,
      kind,
      ui: options.ui ?? (kind === 'manual' || kind === 'simple'),
      authMode: options.authMode ?? (kind === 'simple' ? 'LIMITED' : 'FULL'),
      user: options.user ?? this.userEmail,
      activeUser: options.activeUser ?? options.user ?? this.userEmail,
      triggerUid: options.triggerUid ?? null,
      startMs: this.nowMs,
      endMs: null,
      calls: 0,
      status: 'running',
      error: undefined,
      killed: false,
    };
    this.executions.push(ex);
    this.stack.push(ex);
    try {
      const result = fn();
      ex.status = ex.killed ? 'timedOut' : 'completed';
      return result;
    } catch (error) {
      ex.status = ex.killed ? 'timedOut' : 'failed';
      ex.error = error;
      throw error;
    } finally {
      this.endExecution(ex);
      this.stack.pop();
      ex.endMs = this.nowMs;
    }
  }

  /** What Apps Script does when an execution ends: save open documents, release its locks. */
  private endExecution(ex: Execution): void {
    this.calls.internal(() => {
      for (const [doc, owner] of [...this._openDocuments]) {
        if (owner !== ex.id) continue;
        doc._commit();
        this._openDocuments.delete(doc);
      }
    });
    for (const lock of this.locks.values()) if (lock.holder === ex.id) lock.holder = null;
  }

  /** CallGate: the time limit (a dead execution stays dead). */
  check(name: string): void {
    void name;
    const ex = this.currentExecution;
    if (!ex) return;
    if (ex.killed || this.nowMs - ex.startMs > this.timeLimitMs) {
      ex.killed = true;
      throw this._exception('Exceeded maximum execution time');
    }
  }

  /** CallGate: the call's cost on the clock, then hooks (faults, interleaved executions). */
  enter(name: string, seq: number): void {
    void seq;
    const ex = this.currentExecution;
    if (ex) {
      ex.calls++;
      this.nowMs += this.costs[name] ?? this.defaultCostMs;
    }
    for (const hook of [...this.hooks]) {
      hook.seen++;
      const n = (hook.perName.get(name) ?? 0) + 1;
      hook.perName.set(name, n);
      const m = hook.match;
      const hit =
        typeof m === 'number' ? hook.seen === m : typeof m === 'string' ? name === m : m(name, n);
      if (!hit) continue;
      hook.fired++;
      if (--hook.remaining <= 0) this.hooks.splice(this.hooks.indexOf(hook), 1);
      hook.action(name);
    }
  }

  /**
   * Runs `action` just before a matching service call (after it is counted). `times` (default
   * 1) is how many matches it acts on. For a number, the Nth call from now; for a string, calls
   * of that method; for a function, `(name, n)` with n the how-manieth call of that method from
   * now.
   */
  beforeCall(match: CallMatch, action: (name: string) => void, times = 1): CallHook {
    const state: HookState = {
      match,
      action,
      remaining: times,
      fired: 0,
      seen: 0,
      perName: new Map(),
    };
    this.hooks.push(state);
    return {
      get fired() {
        return state.fired;
      },
      cancel: () => {
        const i = this.hooks.indexOf(state);
        if (i >= 0) this.hooks.splice(i, 1);
      },
    };
  }

  /** The matching call throws `error` once (a string becomes an `Exception: …`). */
  failAt(match: CallMatch, error: Error | string = 'Service error: injected fault'): CallHook {
    return this.beforeCall(match, (name) => {
      throw typeof error === 'string' ? this._exception(`${error} (${name})`) : error;
    });
  }

  /**
   * Runs `action` (typically another execution: `() => bundle.submitForm(…)`) just before the
   * matching call of the current one, as if it happened concurrently at that moment.
   */
  interleave(match: CallMatch, action: () => void): CallHook {
    return this.beforeCall(match, () => action());
  }

  // ------------------------------------------------------------------------------------------
  // Test helpers (none of them is a service call)

  /** Runs `fn` without counting, timing or faulting its calls. */
  peek<T>(fn: () => T): T {
    return this.calls.internal(fn);
  }

  /** A sheet's values (as getValues gives them), or null when there is no such sheet. */
  readSheet(name: string, spreadsheetId = this.spreadsheet._id): CellValue[][] | null {
    return this.peek(() => {
      const sheet = this._spreadsheets.get(spreadsheetId)?.getSheetByName(name);
      return sheet ? sheet.getDataRange().getValues() : null;
    });
  }

  /** A sheet's formulas ('' where a cell holds none), or null when there is no such sheet. */
  readFormulas(name: string, spreadsheetId = this.spreadsheet._id): string[][] | null {
    return this.peek(() => {
      const sheet = this._spreadsheets.get(spreadsheetId)?.getSheetByName(name);
      return sheet ? sheet.getDataRange().getFormulas() : null;
    });
  }

  /** Writes rows into a sheet (created when missing) as a person typing them would. */
  seedSheet(
    name: string,
    rows: readonly (readonly unknown[])[],
    spreadsheetId = this.spreadsheet._id,
  ): void {
    this.peek(() => {
      const ss = this._spreadsheets.get(spreadsheetId)!;
      const sheet = ss.getSheetByName(name) ?? ss.insertSheet(name);
      const width = Math.max(1, ...rows.map((r) => r.length));
      if (rows.length > sheet._maxRows) sheet._maxRows = rows.length;
      if (width > sheet._maxCols) sheet._maxCols = width;
      sheet._write(1, 1, rows, 'user');
    });
  }

  /** A respondent submits a form (see `submitResponse`); returns the trigger's event object. */
  submitForm(
    form: FakeForm | string,
    answers: Readonly<Record<string, string | readonly string[]>>,
    options: SubmitOptions = {},
  ): FormSubmitEvent {
    return submitResponse(this, form, answers, options);
  }

  /** Forms that exist, by id. */
  formIds(): string[] {
    return [...this._forms.keys()];
  }

  describeForm(formOrId: FakeForm | string): ReturnType<typeof describeForm> {
    const id = typeof formOrId === 'string' ? formOrId : formOrId._state.id;
    const state = this._forms.get(id);
    if (!state) throw new Error(`no form ${id}`);
    return describeForm(state);
  }

  /** Drive files (documents, spreadsheets, forms, folders), oldest first. */
  files(): DriveFileState[] {
    return [...this._drive.values()].map((f) => ({
      ...f,
      parents: [...f.parents],
      permissions: f.permissions.map((p) => ({ ...p })),
    }));
  }

  describeFile(id: string): DriveFileState | null {
    return this.files().find((f) => f.id === id) ?? null;
  }

  /** A document's saved text (paragraphs joined by newlines), as Drive and the Docs API see it. */
  documentText(id: string): string {
    return this._docState(id)
      .paragraphs.map((p) => p.text)
      .join('\n');
  }

  /** A document's saved paragraphs (text, heading, alignment, attributes) and page setup. */
  describeDocument(id: string): { paragraphs: ParagraphState[]; page: Record<string, number> } {
    const state = this._docState(id);
    return {
      paragraphs: state.paragraphs.map((p) => ({ ...p, attributes: { ...p.attributes } })),
      page: { ...state.page },
    };
  }

  /**
   * A new folder, for `letterFolder`-style configuration. `byStaff`: made in Drive by a person,
   * so the script's Drive calls (scope `drive.file`) cannot see it.
   */
  createFolder(name: string, options: { byStaff?: boolean } = {}): string {
    const id = this._createDriveFile(name, MIME.FOLDER, ['root']);
    if (options.byStaff) this._driveFile(id)!.outsideApp = true;
    return id;
  }

  /**
   * A Google Doc staff made in Drive: DocumentApp opens it (scope `documents`), the Drive API
   * (scope `drive.file`) answers "File not found".
   */
  createStaffDocument(name: string, paragraphs: readonly string[]): string {
    const id = this._createDocumentFile(name);
    this._driveFile(id)!.outsideApp = true;
    this._docState(id).paragraphs = paragraphs.map((text) => ({ ...emptyParagraph(), text }));
    return id;
  }

  /** Installed triggers, as plain data. */
  triggers(): Readonly<TriggerState>[] {
    return this._triggers.map((t) => ({ ...t }));
  }

  /** A property store's content: `script`, `document`, or `user`. */
  properties(kind: 'script' | 'document' | 'user' = 'script'): Record<string, string> {
    const key =
      kind === 'script'
        ? 'script'
        : kind === 'document'
          ? `document:${this.spreadsheet._id}`
          : `user:${this.userEmail}`;
    return Object.fromEntries(this._propertyStore(key));
  }

  /** Makes another (imaginary) execution hold a lock until `releaseLock`. */
  holdLock(key = 'script', holder = 'another execution'): void {
    this._lock(key).holder = holder;
  }
  releaseLock(key = 'script'): void {
    this._lock(key).holder = null;
  }

  // ------------------------------------------------------------------------------------------
  // Plumbing used by the fakes

  _date(ms: number): Date {
    return new this.Date(ms);
  }
  _user(email: string): FakeUser {
    return this.calls.internal(() => new FakeUser(this, email));
  }
  _activeUserEmail(): string {
    return this.currentExecution?.user ?? this.userEmail;
  }
  _error(name: string, message: string): Error {
    const e = new this._realm.Error(message);
    Object.defineProperty(e, 'name', { value: name, writable: true, configurable: true });
    Object.defineProperty(e, 'toString', {
      value: () => message,
      writable: true,
      configurable: true,
    });
    return e;
  }
  /** An Apps Script service error: message `Exception: …`, name `Exception`. */
  _exception(message: string): Error {
    return this._error('Exception', `Exception: ${message}`);
  }
  /** A sandbox limitation or a test mistake (not something Apps Script would say). */
  _sandboxError(message: string): Error {
    return this._error('Error', message.startsWith('Sandbox:') ? message : `Sandbox: ${message}`);
  }
  /** An advanced-service (Google API) error, as Apps Script wraps it. */
  _googleJsonError(apiMethod: string, message: string, code: number): Error {
    const e = this._error(
      'GoogleJsonResponseException',
      `GoogleJsonResponseException: API call to ${apiMethod} failed with error: ${message}`,
    );
    Object.defineProperty(e, 'details', { value: { code, message }, enumerable: true });
    return e;
  }

  _newId(length = 43): string {
    return `1${this._rng.chars(length, ID_ALPHABET)}`;
  }

  _lock(key: string): LockState {
    let state = this.locks.get(key);
    if (!state) {
      state = { holder: null, acquired: 0, refused: 0 };
      this.locks.set(key, state);
    }
    return state;
  }

  _propertyStore(key: string): Map<string, string> {
    let store = this._properties.get(key);
    if (!store) {
      store = new Map();
      this._properties.set(key, store);
    }
    return store;
  }

  _addTrigger(
    handler: string,
    eventType: EventTypeName,
    source: TriggerSourceName,
    sourceId: string | null,
    clock: ClockSpec | null,
  ): FakeTrigger {
    const owner = this._activeUserEmail();
    if (this._triggers.filter((t) => t.owner === owner).length >= TRIGGER_LIMIT) {
      throw this._exception(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    const state: TriggerState = {
      uid: `${1 + this._rng.int(9)}${this._rng.chars(9, DIGITS)}`,
      handler,
      eventType,
      source,
      sourceId,
      owner,
      createdMs: this.nowMs,
      clock,
      nextRunMs: clock ? nextClockRun(clock, this.nowMs) : null,
      fired: 0,
    };
    this._triggers.push(state);
    return this.calls.internal(() => new FakeTrigger(this, state));
  }

  _registerFile(
    id: string,
    name: string,
    mimeType: string,
    parents: string[] = ['root'],
  ): DriveFileState {
    const owner = this._activeUserEmail();
    const file: DriveFileState = {
      id,
      name,
      mimeType,
      parents,
      owner,
      permissions: [
        { id: this._rng.chars(20, DIGITS), type: 'user', role: 'owner', emailAddress: owner },
      ],
      trashed: false,
      createdMs: this.nowMs,
    };
    this._drive.set(id, file);
    return file;
  }

  _driveFile(id: string): DriveFileState | undefined {
    return this._drive.get(id);
  }

  _isTrashed(id: string): boolean {
    return this._drive.get(id)?.trashed ?? false;
  }

  _renameFile(id: string, name: string): void {
    const file = this._drive.get(id);
    if (file) file.name = name;
    const ss = this._spreadsheets.get(id);
    if (ss) ss._name = name;
  }

  _createSpreadsheet(name: string, firstSheet = 'Sheet1', locale = 'zh_CN'): FakeSpreadsheet {
    const id = this._newId();
    const ss = this.calls.internal(
      () => new FakeSpreadsheet(this, id, name, firstSheet, this.timeZone, locale),
    );
    this._spreadsheets.set(id, ss);
    this._registerFile(id, name, MIME.GOOGLE_SHEETS);
    return ss;
  }

  _createForm(title: string): FakeForm {
    const id = this._newId();
    const state: FormState = {
      id,
      publishedId: `1FAIpQLS${this._rng.chars(48, ID_ALPHABET)}`,
      title,
      description: '',
      collectEmail: false,
      confirmationMessage: '',
      allowResponseEdits: false,
      accepting: true,
      destination: null,
      columns: new Map(),
      items: [],
      responses: [],
    };
    this._forms.set(id, state);
    this._registerFile(id, title, MIME.GOOGLE_FORMS);
    return this._formObject(id)!;
  }

  /** The form's object, or null for an unknown or trashed form. */
  _formObject(id: string): FakeForm | null {
    const state = this._forms.get(id);
    if (!state || this._isTrashed(id)) return null;
    let form = this._formObjects.get(id);
    if (!form) {
      form = this.calls.internal(() => new FakeForm(this, state));
      this._formObjects.set(id, form);
    }
    return form;
  }

  _createDriveFile(name: string, mimeType: string, parents: string[]): string {
    const id = this._newId(mimeType === MIME.FOLDER ? 32 : 43);
    this._registerFile(id, name, mimeType, parents);
    return id;
  }

  _createDocumentFile(name: string, parents: string[] = ['root']): string {
    const id = this._newId();
    this._registerFile(id, name, MIME.GOOGLE_DOCS, parents);
    this._docs.set(id, { paragraphs: [emptyParagraph()], revision: 1 });
    return id;
  }

  _docState(id: string): DocState {
    const state = this._docs.get(id);
    if (!state) throw this._sandboxError(`Sandbox: no document ${id}`);
    return state;
  }

  /** Counts one document created today (world time zone); throws `tooMany()` past the quota. */
  _countDocumentCreated(tooMany: () => Error): void {
    const w = wallTime(this.nowMs, this.timeZone);
    const day = `${w.year}-${w.month}-${w.day}`;
    const used = this._documentsCreated.get(day) ?? 0;
    if (used >= this.dailyDocumentQuota) throw tooMany();
    this._documentsCreated.set(day, used + 1);
  }
}

export function createWorld(options: WorldOptions = {}): World {
  return new World(options);
}
