/**
 * Loads the built Apps Script bundle (`dist/Code.js`) into a `node:vm` context whose globals are
 * ONLY the world's fakes — SpreadsheetApp, FormApp, DocumentApp, DriveApp, Docs, Drive, Sheets,
 * LockService, PropertiesService, CacheService, ScriptApp, Session, Utilities, Logger, MimeType — plus
 * `console` (recorded) and the world's `Date` (the world clock). There is no `require`, no
 * `process`, no `setTimeout`, no `Buffer`, no `URL`: like Apps Script's V8, only the language.
 *
 * Errors thrown by the fakes are created in the context's realm once a bundle is loaded, so the
 * bundle's `e instanceof Error` holds. Arrays and objects the fakes return come from the host
 * realm: use `Array.isArray`, not `instanceof Array` (Dates are fine: the sandbox `Date` is
 * shared).
 *
 *   const world = createWorld();
 *   const bundle = loadBundle(world);            // dist/Code.js
 *   bundle.call('setup');                        // a menu run (with a user interface)
 *   bundle.submitForm(formId, { 支部: 'B007 …' }, { email: 'a@b.edu' }); // + its triggers
 *   bundle.runClock('2026-10-02T00:00:00+08:00'); // fires the clock triggers due until then
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as vm from 'node:vm';
import { parse } from 'acorn';
import type { FakeForm, FormSubmitEvent, SubmitOptions } from './forms';
import type { TriggerState } from './services';
import { nextClockRun } from './services';
import { wallTime } from './time';
import type { Execution, ExecuteOptions, World } from './world';

/** The names of the script's top-level `function` declarations: what Apps Script can run. */
export function topLevelFunctions(code: string): string[] {
  let names = functionsBySource.get(code);
  if (!names) {
    names = declaredFunctions(code);
    functionsBySource.set(code, names);
  }
  return [...names];
}

// A test loads the same bundle into many worlds: parse and compile it once per source text.
const functionsBySource = new Map<string, string[]>();
const scriptsBySource = new Map<string, vm.Script>();

function compiled(code: string, filename: string): vm.Script {
  const key = `${filename}\n${code}`;
  let script = scriptsBySource.get(key);
  if (!script) {
    script = new vm.Script(code, { filename });
    scriptsBySource.set(key, script);
  }
  return script;
}

function declaredFunctions(code: string): string[] {
  const program = parse(code, { ecmaVersion: 'latest', sourceType: 'script' });
  const names: string[] = [];
  for (const node of program.body) {
    if (node.type === 'FunctionDeclaration' && node.id) names.push(node.id.name);
  }
  return names;
}

export interface RunResult<T = unknown> {
  readonly execution: Execution;
  readonly ok: boolean;
  readonly value?: T;
  readonly error?: unknown;
}

export interface LoadedBundle {
  readonly world: World;
  readonly context: vm.Context;
  /** The bundle's top-level function declarations. */
  readonly functions: readonly string[];
  /** Runs a top-level function as one execution from the editor or a menu (user interface); rethrows. */
  call<T = unknown>(name: string, ...args: unknown[]): T;
  /** Like `call`, as `kind` (e.g. 'trigger': no user interface), returning instead of throwing. */
  run<T = unknown>(name: string, args: readonly unknown[], options?: ExecuteOptions): RunResult<T>;
  /** Clicks a menu item installed by the bundle (`clickMenu('StarBranch', 'Set up workbook & forms')`). */
  clickMenu<T = unknown>(menuCaption: string, itemCaption: string): T;
  /** Opens the spreadsheet: the simple `onOpen(e)` (if declared), then installable onOpen triggers. */
  open(): RunResult[];
  /**
   * Fires one installed trigger as Google does: its handler in its own execution (no user
   * interface), with the documented event object (`event` overrides it). A failure is recorded
   * and returned, not thrown (Google does not retry).
   */
  fire(trigger: TriggerState | string, event?: unknown): RunResult;
  /** A respondent submits the form, then every matching form-submit trigger fires. */
  submitForm(
    form: FakeForm | string,
    answers: Readonly<Record<string, string | readonly string[]>>,
    options?: SubmitOptions,
  ): { readonly event: FormSubmitEvent; readonly runs: RunResult[] };
  /**
   * Moves the clock to `until` (a Date / ISO string, or a number of ms from now), firing every
   * clock trigger that falls due on the way, in time order. Returns the runs.
   */
  runClock(until: Date | string | number): RunResult[];
  /**
   * Opens the deployed web app as `visitor` (an email, or null when not signed in): Google's own
   * gate first (the deployment's `access`), then `doGet(e)` with the documented event object, as
   * the deploying user, `Session.getActiveUser()` telling the visitor only within the deployer's
   * Workspace domain. Refused by Google: `{ refused: true }` and `doGet` never runs.
   */
  visit(params: Readonly<Record<string, string>>, options?: VisitOptions): VisitResult;
  /** A page's `google.script.run.<name>(...args)`: the function as the web app runs it. */
  runFromPage<T = unknown>(
    name: string,
    args: readonly unknown[],
    options?: VisitOptions,
  ): RunResult<T>;
}

/** Who opens the web app, and who the deployment lets in (`webapp.access`). */
export interface VisitOptions {
  readonly visitor?: string | null;
  readonly access?: 'MYSELF' | 'DOMAIN' | 'ANYONE' | 'ANYONE_ANONYMOUS';
}

export type VisitResult =
  | { readonly refused: true }
  | ({ readonly refused: false } & RunResult<{ getContent(): string; getTitle(): string }>);

function domainOf(email: string | null | undefined): string | null {
  const at = (email ?? '').lastIndexOf('@');
  return at < 0 ? null : email!.slice(at + 1).toLowerCase();
}

/** Whether Google lets `visitor` open a deployment with `access` deployed by the world's owner. */
export function googleLetsIn(
  world: World,
  access: VisitOptions['access'],
  visitor: string | null,
): boolean {
  switch (access ?? 'DOMAIN') {
    case 'ANYONE_ANONYMOUS':
      return true;
    case 'ANYONE':
      return visitor !== null;
    case 'MYSELF':
      return visitor === world.ownerEmail;
    case 'DOMAIN':
      return visitor !== null && world.domain !== null && domainOf(visitor) === world.domain;
  }
}

/** `Session.getActiveUser().getEmail()` in a web app executing as the deployer. */
export function webAppActiveUser(world: World, visitor: string | null): string {
  if (visitor === null) return '';
  if (visitor === world.ownerEmail) return visitor;
  return world.domain !== null && domainOf(visitor) === world.domain ? visitor : '';
}

function timeDrivenEvent(world: World, trigger: TriggerState): Record<string, unknown> {
  const w = wallTime(world.nowMs, 'UTC');
  const start = Date.UTC(w.year, 0, 1);
  const week = Math.ceil(
    ((world.nowMs - start) / 86_400_000 + new Date(start).getUTCDay() + 1) / 7,
  );
  return {
    authMode: 'FULL',
    triggerUid: trigger.uid,
    year: w.year,
    month: w.month,
    'day-of-month': w.day,
    'day-of-week': w.weekday === 0 ? 7 : w.weekday,
    'week-of-year': week,
    hour: w.hour,
    minute: w.minute,
    second: w.second,
    timezone: 'UTC',
  };
}

/** Loads `codePath` (default `dist/Code.js`, relative to the working directory). */
export function loadBundle(world: World, codePath = 'dist/Code.js'): LoadedBundle {
  const file = resolve(codePath);
  return loadBundleSource(world, readFileSync(file, 'utf8'), file);
}

/** Loads script text (a bundle, or a tiny inline script in a test). */
export function loadBundleSource(world: World, code: string, filename = 'Code.js'): LoadedBundle {
  const g = world.services;
  const sandbox: Record<string, unknown> = {
    SpreadsheetApp: g.SpreadsheetApp,
    FormApp: g.FormApp,
    DocumentApp: g.DocumentApp,
    DriveApp: g.DriveApp,
    Docs: g.Docs,
    Drive: g.Drive,
    Sheets: g.Sheets,
    LockService: g.LockService,
    PropertiesService: g.PropertiesService,
    CacheService: g.CacheService,
    ScriptApp: g.ScriptApp,
    Session: g.Session,
    Utilities: g.Utilities,
    HtmlService: g.HtmlService,
    Logger: g.Logger,
    MimeType: g.MimeType,
    console: g.console,
    Date: g.Date,
  };
  const context = vm.createContext(sandbox, { name: 'Apps Script sandbox' });
  world._realm.Error = vm.runInContext('Error', context) as ErrorConstructor;
  const functions = topLevelFunctions(code);
  // Apps Script runs the script's top level at the start of every execution; once is enough here.
  const script = compiled(code, filename);
  world.execute('(load)', () => script.runInContext(context), {
    kind: 'test',
    ui: false,
  });

  const fn = (name: string): ((...a: unknown[]) => unknown) | null => {
    const value = (context as Record<string, unknown>)[name];
    return typeof value === 'function' && functions.includes(name)
      ? (value as (...a: unknown[]) => unknown)
      : null;
  };

  const run = <T>(
    name: string,
    args: readonly unknown[],
    options: ExecuteOptions = {},
  ): RunResult<T> => {
    let value: T | undefined;
    let error: unknown;
    let ok = true;
    const index = world.executions.length;
    try {
      value = world.execute(
        name,
        () => {
          const f = fn(name);
          if (!f) throw world._exception(`Script function not found: ${name}`);
          return f(...args) as T;
        },
        options,
      );
    } catch (e) {
      ok = false;
      error = e;
    }
    return { execution: world.executions[index]!, ok, value, error };
  };

  const call = <T>(name: string, ...args: unknown[]): T => {
    const result = run<T>(name, args, { kind: 'manual' });
    if (!result.ok) throw result.error;
    return result.value as T;
  };

  const fire = (triggerOrUid: TriggerState | string, event?: unknown): RunResult => {
    const uid = typeof triggerOrUid === 'string' ? triggerOrUid : triggerOrUid.uid;
    const trigger = world._triggers.find((t) => t.uid === uid);
    if (!trigger) throw new Error(`Sandbox: no trigger ${uid}`);
    trigger.fired++;
    let e = event;
    if (e === undefined) {
      if (trigger.eventType === 'CLOCK') e = timeDrivenEvent(world, trigger);
      else if (trigger.eventType === 'ON_OPEN')
        e = {
          authMode: 'FULL',
          triggerUid: uid,
          source: world.spreadsheet,
          user: world._user(trigger.owner),
        };
      else throw new Error(`Sandbox: a ${trigger.eventType} trigger needs its event object`);
    }
    return run(trigger.handler, [e], { kind: 'trigger', user: trigger.owner, triggerUid: uid });
  };

  const sheetsFormEvent = (
    formEvent: FormSubmitEvent,
    trigger: TriggerState,
  ): Record<string, unknown> =>
    world.peek(() => {
      const dest = formEvent.source._state.destination!;
      const sheet = dest.sheet;
      const row = sheet._lastRow();
      const width = sheet._lastColumn();
      const range = sheet.getRange(row, 1, 1, width);
      const header = sheet.getRange(1, 1, 1, width).getDisplayValues()[0]!;
      const values = range.getDisplayValues()[0]!;
      const namedValues: Record<string, string[]> = {};
      header.forEach((h, i) => (namedValues[h] = [values[i] ?? '']));
      return {
        authMode: 'FULL',
        triggerUid: trigger.uid,
        range,
        source: sheet._ss,
        values,
        namedValues,
      };
    });

  const asWebApp = (visitor: string | null): ExecuteOptions => ({
    kind: 'webapp',
    ui: false,
    user: world.ownerEmail,
    activeUser: webAppActiveUser(world, visitor),
  });

  return {
    world,
    context,
    functions,
    call,
    run,
    visit(params, options = {}) {
      const visitor = options.visitor === undefined ? world.userEmail : options.visitor;
      if (!googleLetsIn(world, options.access, visitor)) return { refused: true };
      const query = Object.entries(params)
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
        .join('&');
      const e = {
        queryString: query,
        parameter: { ...params },
        parameters: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, [v]])),
        contextPath: '',
        contentLength: -1,
      };
      return {
        refused: false,
        ...run<{ getContent(): string; getTitle(): string }>('doGet', [e], asWebApp(visitor)),
      };
    },
    runFromPage(name, args, options = {}) {
      const visitor = options.visitor === undefined ? world.userEmail : options.visitor;
      return run(name, args, asWebApp(visitor));
    },
    clickMenu<T>(menuCaption: string, itemCaption: string): T {
      const name = world.ui.menuFunction(menuCaption, itemCaption);
      if (!name) throw new Error(`Sandbox: no menu item "${menuCaption}" › "${itemCaption}"`);
      return call<T>(name);
    },
    open(): RunResult[] {
      const runs: RunResult[] = [];
      if (fn('onOpen')) {
        const e = {
          authMode: 'LIMITED',
          source: world.spreadsheet,
          user: world._user(world.userEmail),
        };
        runs.push(run('onOpen', [e], { kind: 'simple' }));
      }
      for (const t of world._triggers.filter(
        (x) =>
          x.eventType === 'ON_OPEN' &&
          x.source === 'SPREADSHEETS' &&
          x.sourceId === world.spreadsheet._id,
      )) {
        runs.push(fire(t));
      }
      return runs;
    },
    fire,
    submitForm(form, answers, options) {
      const event = world.submitForm(form, answers, options);
      const formId = event.source._state.id;
      const runs: RunResult[] = [];
      for (const t of world._triggers) {
        if (t.eventType !== 'ON_FORM_SUBMIT') continue;
        if (t.source === 'FORMS' && t.sourceId === formId) {
          runs.push(fire(t, { ...event, triggerUid: t.uid }));
        } else if (
          t.source === 'SPREADSHEETS' &&
          t.sourceId === event.source._state.destination?.spreadsheetId
        ) {
          runs.push(fire(t, sheetsFormEvent(event, t)));
        }
      }
      return { event, runs };
    },
    runClock(until) {
      const target = typeof until === 'number' ? world.nowMs + until : new Date(until).getTime();
      const runs: RunResult[] = [];
      for (let guard = 0; guard < 100_000; guard++) {
        const due = world._triggers
          .filter((t) => t.clock && t.nextRunMs !== null && t.nextRunMs <= target)
          .sort((a, b) => a.nextRunMs! - b.nextRunMs!)[0];
        if (!due) {
          if (world.nowMs < target) world.nowMs = target;
          return runs;
        }
        const at = due.nextRunMs!;
        if (world.nowMs < at) world.nowMs = at;
        due.nextRunMs =
          due.clock!.kind === 'after' || due.clock!.kind === 'at'
            ? null
            : nextClockRun(due.clock!, at);
        runs.push(fire(due));
      }
      throw new Error(
        'Sandbox: runClock fired 100,000 triggers; is a trigger every minute running for a year?',
      );
    },
  };
}
