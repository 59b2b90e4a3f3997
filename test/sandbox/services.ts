/// <reference types="google-apps-script" />
/**
 * The script-level services: LockService, PropertiesService, ScriptApp (triggers), Session,
 * Utilities, Logger, console and MimeType.
 *
 * Documented limits enforced: a property value of at most 9 KB and a property store of at most
 * 500 KB; 20 triggers per user per script; `everyMinutes` 1/5/10/15/30 and `everyHours`
 * 1/2/4/6/8/12. The script lock is shared by all executions of one world: while execution A
 * holds it, B's `tryLock` returns false at once (the fake's time does not pass while waiting) and
 * B's `waitLock` throws Apps Script's "Lock timeout" exception. A lock is released when its
 * execution ends, as in Apps Script.
 */
import { enumOf, Fake, type Assert, type OnlyApi } from './calls';
import { FakeService } from './html';
import { formatSimpleDate, wallTime, zonedToUtc } from './time';
import { HEX, isDate, javaTypeName, utf8Bytes } from './util';
import type { World } from './world';

type Script = typeof GoogleAppsScript.Script;

export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;
export const TRIGGER_LIMIT = 20;

// =============================================================================================
// User

export class FakeUser extends Fake<World> {
  constructor(
    world: World,
    readonly _email: string,
  ) {
    super(world, 'User');
  }
  getEmail(): string {
    return this._email;
  }
}

// =============================================================================================
// LockService

/** One lock of the world (`script`, `document:<id>`, `user:<email>`) and what happened to it. */
export interface LockState {
  holder: string | null;
  /** Successful tryLock/waitLock calls. */
  acquired: number;
  /** tryLock calls that returned false and waitLock calls that timed out. */
  refused: number;
}

export class FakeLock extends Fake<World> {
  constructor(
    world: World,
    readonly _key: string,
  ) {
    super(world, 'Lock');
  }
  _state(): LockState {
    return this._world._lock(this._key);
  }
  _me(): string {
    return this._world.currentExecution?.id ?? '(outside)';
  }
  hasLock(): boolean {
    return this._state().holder === this._me();
  }
  releaseLock(): void {
    const state = this._state();
    if (state.holder === this._me()) state.holder = null;
  }
  /** True at once when free (or already ours); false at once when another execution holds it. */
  tryLock(timeoutInMillis: number): boolean {
    if (typeof timeoutInMillis !== 'number') {
      throw this._world._exception(
        `The parameters (${javaTypeName(timeoutInMillis)}) don't match the method signature for LockService.Lock.tryLock.`,
      );
    }
    const state = this._state();
    const me = this._me();
    if (state.holder === null || state.holder === me) {
      state.holder = me;
      state.acquired++;
      return true;
    }
    state.refused++;
    return false;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) {
      throw this._world._exception(
        'Lock timeout: another process was holding the lock for too long.',
      );
    }
  }
}

export class FakeLockService extends Fake<World> {
  constructor(world: World) {
    super(world, 'LockService');
  }
  /** Bound to the container spreadsheet (the script is bound to it). */
  getDocumentLock(): FakeLock {
    return new FakeLock(this._world, `document:${this._world.spreadsheet._id}`);
  }
  getScriptLock(): FakeLock {
    return new FakeLock(this._world, 'script');
  }
  getUserLock(): FakeLock {
    return new FakeLock(this._world, `user:${this._world._activeUserEmail()}`);
  }
}

// =============================================================================================
// PropertiesService

export class FakeProperties extends Fake<World> {
  constructor(
    world: World,
    readonly _key: string,
  ) {
    super(world, 'Properties');
  }
  _store(): Map<string, string> {
    return this._world._propertyStore(this._key);
  }
  /** Checks Apps Script's limits on what the store would become, then installs it. */
  _commit(next: Map<string, string>): void {
    let total = 0;
    for (const [k, v] of next) {
      if (utf8Bytes(v) > PROPERTY_VALUE_LIMIT)
        throw this._world._exception('Argument too large: value');
      total += utf8Bytes(k) + utf8Bytes(v);
    }
    if (total > PROPERTY_STORE_LIMIT) {
      throw this._world._exception(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    const store = this._store();
    store.clear();
    for (const [k, v] of next) store.set(k, v);
  }
  _text(value: unknown, what: string): string {
    if (value === null || value === undefined)
      throw this._world._exception(`Invalid argument: ${what}`);
    return String(value);
  }
  deleteAllProperties(): this {
    this._store().clear();
    return this;
  }
  deleteProperty(key: string): this {
    this._store().delete(this._text(key, 'key'));
    return this;
  }
  getKeys(): string[] {
    return [...this._store().keys()];
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this._store());
  }
  getProperty(key: string): string | null {
    return this._store().get(this._text(key, 'key')) ?? null;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this._store());
    for (const [k, v] of Object.entries(properties)) next.set(k, this._text(v, 'value'));
    this._commit(next);
    return this;
  }
  setProperty(key: string, value: unknown): this {
    const next = new Map(this._store());
    next.set(this._text(key, 'key'), this._text(value, 'value'));
    this._commit(next);
    return this;
  }
}

export class FakePropertiesService extends Fake<World> {
  constructor(world: World) {
    super(world, 'PropertiesService');
  }
  getDocumentProperties(): FakeProperties {
    return new FakeProperties(this._world, `document:${this._world.spreadsheet._id}`);
  }
  getScriptProperties(): FakeProperties {
    return new FakeProperties(this._world, 'script');
  }
  getUserProperties(): FakeProperties {
    return new FakeProperties(this._world, `user:${this._world._activeUserEmail()}`);
  }
}

// =============================================================================================
// ScriptApp and triggers

export type EventTypeName = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_FORM_SUBMIT' | 'ON_CHANGE';
export type TriggerSourceName = 'SPREADSHEETS' | 'CLOCK' | 'FORMS' | 'DOCUMENTS';

export interface ClockSpec {
  readonly kind: 'after' | 'at' | 'minutes' | 'hours' | 'days' | 'weeks' | 'monthDay';
  readonly n: number;
  readonly hour: number | null;
  readonly minute: number;
  /** 0 = Sunday … 6 = Saturday */
  readonly weekDay: number | null;
  readonly monthDay: number | null;
  readonly atMs: number | null;
  readonly timeZone: string;
  readonly anchorMs: number;
}

export interface TriggerState {
  readonly uid: string;
  readonly handler: string;
  readonly eventType: EventTypeName;
  readonly source: TriggerSourceName;
  readonly sourceId: string | null;
  readonly owner: string;
  readonly createdMs: number;
  readonly clock: ClockSpec | null;
  /** When a clock trigger fires next; null once a one-off has fired (it stays listed). */
  nextRunMs: number | null;
  fired: number;
}

const WEEKDAYS = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
] as const;

function wallDayNumber(ms: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  return Math.floor(Date.UTC(w.year, w.month - 1, w.day) / 86_400_000);
}

/**
 * When a clock trigger fires next, strictly after `afterMs`. Daily/weekly/monthly triggers fire
 * at `hour:minute` in their time zone (the minute is drawn once, deterministically, like Google's
 * "somewhere in that hour"; `nearMinute` fixes it); `everyDays(n)` counts days from creation.
 */
export function nextClockRun(spec: ClockSpec, afterMs: number): number | null {
  switch (spec.kind) {
    case 'after':
    case 'at':
      return spec.atMs !== null && spec.atMs > afterMs ? spec.atMs : null;
    case 'minutes':
    case 'hours': {
      const period = spec.n * (spec.kind === 'minutes' ? 60_000 : 3_600_000);
      const k = Math.floor((afterMs - spec.anchorMs) / period) + 1;
      return spec.anchorMs + Math.max(1, k) * period;
    }
    default: {
      const tz = spec.timeZone;
      const anchorDay = wallDayNumber(spec.anchorMs, tz);
      const hour = spec.hour ?? wallTime(spec.anchorMs, tz).hour;
      const start = wallTime(afterMs, tz);
      for (let k = 0; k < 800; k++) {
        const dayMs = Date.UTC(start.year, start.month - 1, start.day + k);
        const day = new Date(dayMs);
        const dayNumber = Math.floor(dayMs / 86_400_000);
        const since = dayNumber - anchorDay;
        let ok: boolean;
        if (spec.kind === 'days') ok = since % spec.n === 0;
        else if (spec.kind === 'weeks')
          ok = day.getUTCDay() === spec.weekDay && Math.floor(since / 7) % spec.n === 0;
        else ok = day.getUTCDate() === spec.monthDay;
        if (!ok) continue;
        const t = zonedToUtc(
          tz,
          day.getUTCFullYear(),
          day.getUTCMonth() + 1,
          day.getUTCDate(),
          hour,
          spec.minute,
        );
        if (t > afterMs) return t;
      }
      return null;
    }
  }
}

export class FakeTrigger extends Fake<World> {
  constructor(
    world: World,
    readonly _state: TriggerState,
  ) {
    super(world, 'Trigger');
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    return this._state.eventType as unknown as GoogleAppsScript.Script.EventType;
  }
  getHandlerFunction(): string {
    return this._state.handler;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this._state.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }
  /** The form's or spreadsheet's id; null for a clock trigger. */
  getTriggerSourceId(): string {
    return this._state.sourceId as string;
  }
  getUniqueId(): string {
    return this._state.uid;
  }
}

type SourceKey = string | { getId(): string };

function sourceIdOf(world: World, key: SourceKey, what: string): string {
  if (typeof key === 'string') return key;
  if (key && typeof (key as { getId?: unknown }).getId === 'function') return key.getId();
  throw world._exception(
    `The parameters (${javaTypeName(key)}) don't match the method signature for ScriptApp.TriggerBuilder.${what}.`,
  );
}

export class FakeFormTriggerBuilder extends Fake<World> {
  _event: EventTypeName | null = null;
  constructor(
    world: World,
    readonly _handler: string,
    readonly _formId: string,
  ) {
    super(world, 'FormTriggerBuilder');
  }
  create(): FakeTrigger {
    if (!this._event)
      throw this._world._exception('Missing trigger event type: call onFormSubmit() or onOpen().');
    return this._world._addTrigger(this._handler, this._event, 'FORMS', this._formId, null);
  }
  onFormSubmit(): this {
    this._event = 'ON_FORM_SUBMIT';
    return this;
  }
  onOpen(): this {
    this._event = 'ON_OPEN';
    return this;
  }
}

export class FakeSpreadsheetTriggerBuilder extends Fake<World> {
  _event: EventTypeName | null = null;
  constructor(
    world: World,
    readonly _handler: string,
    readonly _spreadsheetId: string,
  ) {
    super(world, 'SpreadsheetTriggerBuilder');
  }
  create(): FakeTrigger {
    if (!this._event) {
      throw this._world._exception(
        'Missing trigger event type: call onOpen(), onEdit(), onChange() or onFormSubmit().',
      );
    }
    return this._world._addTrigger(
      this._handler,
      this._event,
      'SPREADSHEETS',
      this._spreadsheetId,
      null,
    );
  }
  onChange(): this {
    this._event = 'ON_CHANGE';
    return this;
  }
  onEdit(): this {
    this._event = 'ON_EDIT';
    return this;
  }
  onFormSubmit(): this {
    this._event = 'ON_FORM_SUBMIT';
    return this;
  }
  onOpen(): this {
    this._event = 'ON_OPEN';
    return this;
  }
}

export class FakeClockTriggerBuilder extends Fake<World> {
  _kind: ClockSpec['kind'] | null = null;
  _n = 1;
  _hour: number | null = null;
  _minute: number | null = null;
  _weekDay: number | null = null;
  _monthDay: number | null = null;
  _atMs: number | null = null;
  _timeZone: string | null = null;
  constructor(
    world: World,
    readonly _handler: string,
  ) {
    super(world, 'ClockTriggerBuilder');
  }
  _schedule(kind: ClockSpec['kind']): void {
    if (this._kind !== null && this._kind !== kind) {
      throw this._world._exception(
        `Already chose a ${this._kind} schedule for this trigger; it cannot also be ${kind}.`,
      );
    }
    this._kind = kind;
  }
  after(durationMilliseconds: number): this {
    this._schedule('after');
    this._atMs = this._world.nowMs + Math.max(0, Number(durationMilliseconds));
    return this;
  }
  at(date: Date): this {
    if (!isDate(date)) {
      throw this._world._exception(
        `The parameters (${javaTypeName(date)}) don't match the method signature for ScriptApp.ClockTriggerBuilder.at.`,
      );
    }
    this._schedule('at');
    this._atMs = date.getTime();
    return this;
  }
  atHour(hour: number): this {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23)
      throw this._world._exception('Invalid argument: hour');
    this._hour = hour;
    return this;
  }
  create(): FakeTrigger {
    const kind = this._kind ?? (this._monthDay !== null ? 'monthDay' : null);
    if (kind === null) {
      throw this._world._exception(
        'The clock trigger has no schedule: call after(), at(), everyMinutes(), everyHours(), everyDays(), everyWeeks() or onMonthDay().',
      );
    }
    if (this._hour !== null && !['days', 'weeks', 'monthDay'].includes(kind)) {
      throw this._world._exception('atHour() needs everyDays(), everyWeeks() or onMonthDay().');
    }
    if (kind === 'weeks' && this._weekDay === null) {
      throw this._world._exception('everyWeeks() needs onWeekDay().');
    }
    const spec: ClockSpec = {
      kind,
      n: this._n,
      hour: this._hour,
      minute: this._minute ?? this._world._rng.int(60),
      weekDay: this._weekDay,
      monthDay: this._monthDay,
      atMs: this._atMs,
      timeZone: this._timeZone ?? this._world.timeZone,
      anchorMs: this._world.nowMs,
    };
    return this._world._addTrigger(this._handler, 'CLOCK', 'CLOCK', null, spec);
  }
  everyDays(n: number): this {
    if (!Number.isInteger(n) || n < 1) throw this._world._exception('Invalid argument: n');
    this._schedule('days');
    this._n = n;
    return this;
  }
  everyHours(n: number): this {
    if (![1, 2, 4, 6, 8, 12].includes(n)) {
      throw this._world._exception('Invalid argument: everyHours accepts 1, 2, 4, 6, 8 or 12.');
    }
    this._schedule('hours');
    this._n = n;
    return this;
  }
  everyMinutes(n: number): this {
    if (![1, 5, 10, 15, 30].includes(n)) {
      throw this._world._exception('Invalid argument: everyMinutes accepts 1, 5, 10, 15 or 30.');
    }
    this._schedule('minutes');
    this._n = n;
    return this;
  }
  everyWeeks(n: number): this {
    if (!Number.isInteger(n) || n < 1) throw this._world._exception('Invalid argument: n');
    this._schedule('weeks');
    this._n = n;
    return this;
  }
  inTimezone(timezone: string): this {
    try {
      wallTime(0, String(timezone));
    } catch {
      throw this._world._exception(`Invalid argument: timezone`);
    }
    this._timeZone = String(timezone);
    return this;
  }
  nearMinute(minute: number): this {
    if (!Number.isInteger(minute) || minute < 0 || minute > 59)
      throw this._world._exception('Invalid argument: minute');
    this._minute = minute;
    return this;
  }
  onMonthDay(day: number): this {
    if (!Number.isInteger(day) || day < 1 || day > 31)
      throw this._world._exception('Invalid argument: day');
    this._schedule('monthDay');
    this._monthDay = day;
    return this;
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday): this {
    const index = WEEKDAYS.indexOf(String(day) as (typeof WEEKDAYS)[number]);
    if (index < 0) throw this._world._exception('Invalid argument: day');
    this._weekDay = index;
    if (this._kind === null) this._kind = 'weeks';
    return this;
  }
}

export class FakeTriggerBuilder extends Fake<World> {
  constructor(
    world: World,
    readonly _handler: string,
  ) {
    super(world, 'TriggerBuilder');
  }
  /** A form by object or id; an unknown id throws like FormApp.openById. */
  forForm(key: SourceKey): FakeFormTriggerBuilder {
    const id = sourceIdOf(this._world, key, 'forForm');
    if (!this._world._forms.has(id)) {
      throw this._world._exception(
        'No item with the given ID could be found, or you do not have permission to access it.',
      );
    }
    return new FakeFormTriggerBuilder(this._world, this._handler, id);
  }
  forSpreadsheet(key: SourceKey): FakeSpreadsheetTriggerBuilder {
    const id = sourceIdOf(this._world, key, 'forSpreadsheet');
    if (!this._world._spreadsheets.has(id)) {
      throw this._world._exception(
        'No item with the given ID could be found, or you do not have permission to access it.',
      );
    }
    return new FakeSpreadsheetTriggerBuilder(this._world, this._handler, id);
  }
  timeBased(): FakeClockTriggerBuilder {
    return new FakeClockTriggerBuilder(this._world, this._handler);
  }
}

export class FakeScriptApp extends Fake<World> {
  readonly AuthMode: Script['AuthMode'];
  readonly EventType: Script['EventType'];
  readonly TriggerSource: Script['TriggerSource'];
  readonly WeekDay: typeof GoogleAppsScript.Base.Weekday;
  constructor(world: World) {
    super(world, 'ScriptApp');
    this.AuthMode = enumOf(
      'AuthMode',
      ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'],
      world,
    ) as unknown as Script['AuthMode'];
    this.EventType = enumOf(
      'EventType',
      ['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'],
      world,
    ) as unknown as Script['EventType'];
    this.TriggerSource = enumOf(
      'TriggerSource',
      ['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'],
      world,
    ) as unknown as Script['TriggerSource'];
    this.WeekDay = enumOf(
      'Weekday',
      WEEKDAYS,
      world,
    ) as unknown as typeof GoogleAppsScript.Base.Weekday;
  }
  /** Removes the trigger (by unique id); an unknown trigger is ignored. */
  deleteTrigger(trigger: FakeTrigger): void {
    const uid = trigger && typeof trigger.getUniqueId === 'function' ? trigger.getUniqueId() : null;
    if (uid === null) {
      throw this._world._exception(
        `The parameters (${javaTypeName(trigger)}) don't match the method signature for ScriptApp.deleteTrigger.`,
      );
    }
    this._world._triggers = this._world._triggers.filter((t) => t.uid !== uid);
  }
  /** The current user's triggers of this script (fresh objects every call, as in Apps Script). */
  getProjectTriggers(): FakeTrigger[] {
    const me = this._world._activeUserEmail();
    return this._world._triggers
      .filter((t) => t.owner === me)
      .map((t) => new FakeTrigger(this._world, t));
  }
  getService(): FakeService {
    return new FakeService(this._world);
  }
  getScriptId(): string {
    return this._world.scriptId;
  }
  getUserTriggers(source: { getId(): string }): FakeTrigger[] {
    const id = source.getId();
    const me = this._world._activeUserEmail();
    return this._world._triggers
      .filter((t) => t.owner === me && t.sourceId === id)
      .map((t) => new FakeTrigger(this._world, t));
  }
  newTrigger(functionName: string): FakeTriggerBuilder {
    if (typeof functionName !== 'string' || functionName === '') {
      throw this._world._exception(
        `The parameters (${javaTypeName(functionName)}) don't match the method signature for ScriptApp.newTrigger.`,
      );
    }
    return new FakeTriggerBuilder(this._world, functionName);
  }
}

// =============================================================================================
// Session

export class FakeSession extends Fake<World> {
  constructor(world: World) {
    super(world, 'Session');
  }
  /** The visitor of a web app is known only within the deployer's domain (see Execution). */
  getActiveUser(): FakeUser {
    const execution = this._world.currentExecution;
    return new FakeUser(this._world, execution ? execution.activeUser : this._world.userEmail);
  }
  getActiveUserLocale(): string {
    return this._world.userLocale;
  }
  getEffectiveUser(): FakeUser {
    return new FakeUser(this._world, this._world._activeUserEmail());
  }
  getScriptTimeZone(): string {
    return this._world.timeZone;
  }
  getTemporaryActiveUserKey(): string {
    return `temp-${this._world._activeUserEmail().replace(/[^a-z0-9]/gi, '')}`;
  }
}

// =============================================================================================
// Utilities

export class FakeUtilities extends Fake<World> {
  constructor(world: World) {
    super(world, 'Utilities');
  }
  /** SimpleDateFormat letters y M d H h k K m s S a E u Z X and 'quoted' text, via Intl. */
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw this._world._exception(
        `The parameters (${[date, timeZone, format].map(javaTypeName).join(',')}) don't match the method signature for Utilities.formatDate.`,
      );
    }
    if (Number.isNaN(date.getTime())) throw this._world._exception('Invalid argument: date');
    try {
      wallTime(0, timeZone);
    } catch {
      throw this._world._exception('Invalid argument: timeZone');
    }
    return formatSimpleDate(date.getTime(), timeZone, format, (letters) =>
      this._world._sandboxError(
        `Sandbox: Utilities.formatDate pattern letters "${letters}" are not implemented`,
      ),
    );
  }
  /** printf-style `%s %d %i %f %%`. */
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return String(template).replace(/%(%|s|d|i|f|\.\d+f)/g, (m, spec: string) => {
      if (spec === '%') return '%';
      const v = args[i++];
      if (spec === 's') return String(v);
      if (spec === 'd' || spec === 'i') return String(Math.trunc(Number(v)));
      const digits = /\.(\d+)f/.exec(spec)?.[1];
      return digits ? Number(v).toFixed(Number(digits)) : String(Number(v));
    });
  }
  /** A v4-shaped UUID from the world's seeded random source: the same on every run. */
  getUuid(): string {
    const r = this._world._rng;
    const h = (n: number) => r.chars(n, HEX);
    return `${h(8)}-${h(4)}-4${h(3)}-${'89ab'[r.int(4)]}${h(3)}-${h(12)}`;
  }
  /** Advances the world clock (counts against the execution's time limit). */
  sleep(milliseconds: number): void {
    if (typeof milliseconds !== 'number' || milliseconds < 0)
      throw this._world._exception('Invalid argument: milliseconds');
    if (milliseconds > 300_000)
      throw this._world._exception('Invalid argument: milliseconds (at most 300000).');
    this._world.advance(milliseconds);
  }
}

// =============================================================================================
// Logger, console, MimeType

export interface LogLine {
  readonly level: string;
  readonly message: string;
  readonly execution: string | null;
}

function logText(args: readonly unknown[]): string {
  const [first, ...rest] = args;
  if (typeof first === 'string' && /%s/.test(first) && rest.length > 0) {
    let i = 0;
    return first.replace(/%s/g, () => String(rest[i++]));
  }
  return args.map((a) => (typeof a === 'string' ? a : (JSON.stringify(a) ?? String(a)))).join(' ');
}

export class FakeLogger extends Fake<World> {
  constructor(world: World) {
    super(world, 'Logger');
  }
  clear(): void {
    this._world.logs.length = 0;
  }
  getLog(): string {
    return this._world.logs.map((l) => `${l.message}\n`).join('');
  }
  log(data: unknown, ...values: unknown[]): this {
    this._world.logs.push({
      level: 'log',
      message: logText([data, ...values]),
      execution: this._world.currentExecution?.id ?? null,
    });
    return this;
  }
}

/** `console` inside the sandbox: recorded in `world.consoleLines`; echoed when asked. */
export function makeConsole(
  world: World,
  echo: boolean,
): Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug' | 'time' | 'timeEnd'> {
  const timers = new Map<string, number>();
  const write =
    (level: string) =>
    (...args: unknown[]) => {
      const line = { level, message: logText(args), execution: world.currentExecution?.id ?? null };
      world.consoleLines.push(line);
      if (echo) console.log(`[sandbox ${level}] ${line.message}`);
    };
  return {
    log: write('log'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    debug: write('debug'),
    time: (label = 'default') => void timers.set(label, world.nowMs),
    timeEnd: (label = 'default') => {
      const start = timers.get(label);
      timers.delete(label);
      write('log')(`${label}: ${start === undefined ? 0 : world.nowMs - start}ms`);
    },
  };
}

export const MIME = {
  GOOGLE_DOCS: 'application/vnd.google-apps.document',
  GOOGLE_SHEETS: 'application/vnd.google-apps.spreadsheet',
  GOOGLE_FORMS: 'application/vnd.google-apps.form',
  FOLDER: 'application/vnd.google-apps.folder',
  PDF: 'application/pdf',
  PLAIN_TEXT: 'text/plain',
  CSV: 'text/csv',
  MICROSOFT_WORD: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  MICROSOFT_EXCEL: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** `MimeType.GOOGLE_DOCS` etc.: the MIME strings themselves, as in Apps Script. */
export function makeMimeType(world: World): typeof MIME {
  return new Proxy(MIME, {
    get(target, prop, receiver) {
      if (typeof prop === 'symbol' || prop in target || prop in Object.prototype)
        return Reflect.get(target, prop, receiver);
      if (prop === 'then' || prop === 'toJSON') return undefined;
      throw world._sandboxError(`Sandbox: MimeType.${prop} is not implemented`);
    },
  });
}

export type ServicesApiChecks = [
  Assert<OnlyApi<FakeUser, keyof GoogleAppsScript.Base.User>>,
  Assert<OnlyApi<FakeLock, keyof GoogleAppsScript.Lock.Lock>>,
  Assert<OnlyApi<FakeLockService, keyof GoogleAppsScript.Lock.LockService>>,
  Assert<OnlyApi<FakeProperties, keyof GoogleAppsScript.Properties.Properties>>,
  Assert<OnlyApi<FakePropertiesService, keyof GoogleAppsScript.Properties.PropertiesService>>,
  Assert<OnlyApi<FakeTrigger, keyof GoogleAppsScript.Script.Trigger>>,
  Assert<OnlyApi<FakeTriggerBuilder, keyof GoogleAppsScript.Script.TriggerBuilder>>,
  Assert<OnlyApi<FakeFormTriggerBuilder, keyof GoogleAppsScript.Script.FormTriggerBuilder>>,
  Assert<
    OnlyApi<FakeSpreadsheetTriggerBuilder, keyof GoogleAppsScript.Script.SpreadsheetTriggerBuilder>
  >,
  Assert<OnlyApi<FakeClockTriggerBuilder, keyof GoogleAppsScript.Script.ClockTriggerBuilder>>,
  Assert<OnlyApi<FakeScriptApp, keyof GoogleAppsScript.Script.ScriptApp>>,
  Assert<OnlyApi<FakeSession, keyof GoogleAppsScript.Base.Session>>,
  Assert<OnlyApi<FakeUtilities, keyof GoogleAppsScript.Utilities.Utilities>>,
  Assert<OnlyApi<FakeLogger, keyof GoogleAppsScript.Base.Logger>>,
];
