/**
 * The CLI on Google: `--google SPREADSHEET_ID` in place of a workbook file, `--credentials FILE`
 * (or GOOGLE_APPLICATION_CREDENTIALS), and the `pull` / `push` commands. `src/local/cli.ts`
 * asks `googleTarget()` whether a command runs on Google, and hands its work to `onGoogle`.
 */
import type { Command } from 'commander';
import type { Ports } from '../app/context';
import { selectAwards, type AwardsReport } from '../app/awards';
import { t, type MessageKey } from '../domain/messages';
import type { Locale } from '../domain/vocabulary';
import { SystemClock } from '../local/clock';
import { cliLocale, noteWorkbookLocale } from '../local/cliLanguage';
import { terminalProgress } from '../local/terminal';
import { openWorkbook, UsageError } from '../local/workbookFile';
import { authorise, CredentialsError } from './auth';
import { apiRootFromEnv, googleApi, type GoogleApi } from './clients';
import { explainGoogleError } from './explain';
import { issueGoogleLetters, type GoogleLettersReport } from './letters';
import { runOnSpreadsheet } from './session';
import { reconcileOnGoogle } from './reconcile';
import { pullWorkbook, pushWorkbook } from './transfer';
import { FORM_NAMES, type FormName } from '../domain/forms';

export interface GoogleTarget {
  readonly spreadsheetId: string;
  readonly credentials?: string;
}

type Say = (line: string) => void;

let target: GoogleTarget | null = null;
let connected: GoogleApi | null = null;

/** The spreadsheet the running command works on, or null for a workbook file. */
export function googleTarget(): GoogleTarget | null {
  return target;
}

function retryBaseMs(): number | undefined {
  const value = Number(process.env.STARBRANCH_GOOGLE_RETRY_BASE_MS);
  return Number.isFinite(value) && value >= 0 && process.env.STARBRANCH_GOOGLE_RETRY_BASE_MS
    ? value
    : undefined;
}

/** Signs in with the credentials file and makes the clients (once per command). */
export async function connect(say: Say): Promise<GoogleApi> {
  if (connected) return connected;
  const file = target?.credentials ?? process.env.GOOGLE_APPLICATION_CREDENTIALS;
  if (!file) throw new CredentialsError(t(cliLocale(), 'server.noCredentials'));
  const { client, principal } = await authorise(file, { locale: cliLocale(), say });
  const base = retryBaseMs();
  connected = googleApi(client, principal, {
    ...(apiRootFromEnv() ? { apiRoot: apiRootFromEnv()! } : {}),
    retry: {
      onRetry: ({ label, status, attempt, ms }) =>
        say(
          t(cliLocale(), 'server.retrying', {
            label,
            status,
            attempt,
            seconds: (ms / 1000).toFixed(1),
          }),
        ),
      ...(base !== undefined ? { baseMs: base, maxMs: Math.max(base * 32, 1) } : {}),
    },
  });
  return connected;
}

/** Runs a synchronous job on the spreadsheet: load, work, write back. */
export async function onGoogle<T>(work: (ports: Ports) => T, say: Say): Promise<T> {
  const api = await connect(say);
  const progress = terminalProgress();
  try {
    return await runOnSpreadsheet(
      api,
      target!.spreadsheetId,
      { clock: (zone) => new SystemClock(zone), progress },
      ({ ports }) => {
        noteWorkbookLocale(readLocale(ports));
        return work(ports);
      },
    );
  } finally {
    progress.stop();
  }
}

function readLocale(ports: Ports): Locale {
  return (ports.store as { locale?: Locale }).locale ?? 'zh-CN';
}

/** Awards, and with `letters` the Google Docs letters, in one load and one write. */
export async function awardsOnGoogle(
  options: { letters: boolean; provisional: boolean; reissue: boolean },
  say: Say,
): Promise<{ awards: AwardsReport; letters: GoogleLettersReport | null }> {
  const api = await connect(say);
  const spreadsheetId = target!.spreadsheetId;
  return runOnSpreadsheet(
    api,
    spreadsheetId,
    { clock: (zone) => new SystemClock(zone) },
    async ({ ports }) => {
      noteWorkbookLocale(readLocale(ports));
      const awards = selectAwards(ports, { provisional: options.provisional });
      const made = options.letters
        ? await issueGoogleLetters(api, spreadsheetId, ports, {
            domain: workspaceDomain(api),
            reissue: options.reissue,
          })
        : null;
      return { awards, letters: made };
    },
  );
}

/** A service account has no Workspace domain: `domain` sharing then keeps letters private. */
function workspaceDomain(api: GoogleApi): string | null {
  const domain = api.principal.split('@')[1] ?? null;
  return domain && !/(gserviceaccount\.com|gmail\.com|googlemail\.com)$/.test(domain)
    ? domain
    : null;
}

/** The one line for a Google failure (and its exit code), or null when it is not one. */
export function googleFailure(error: unknown): { line: string; code: number } | null {
  const line = explainGoogleError(error, {
    locale: cliLocale(),
    spreadsheetId: target?.spreadsheetId ?? '',
    principal: connected?.principal ?? '',
  });
  if (line === null) return null;
  return { line, code: error instanceof CredentialsError ? 2 : 1 };
}

/** `--google` and `--credentials` on every command, and the pull / push commands. */
export function addGoogleCommands(
  program: Command,
  out: Say,
  err: Say,
  helpLocale: Locale = 'zh-CN',
): void {
  const help = (key: MessageKey) => t(helpLocale, key);
  program
    .option('--google <spreadsheetId>', help('cli.help.google'))
    .option('--credentials <file>', help('cli.help.credentials'))
    .hook('preAction', (_root, action) => {
      const options = action.optsWithGlobals<{ google?: string; credentials?: string }>();
      connected = null;
      target = options.google
        ? {
            spreadsheetId: options.google,
            ...(options.credentials ? { credentials: options.credentials } : {}),
          }
        : null;
    });

  program
    .command('pull')
    .description(help('cli.help.pull'))
    .argument('<workbook>', help('cli.help.pull.workbook'))
    .action(async (file: string) => {
      if (!target) throw new UsageError(t(cliLocale(), 'server.needsGoogle', { command: 'pull' }));
      const api = await connect(err);
      out((await pullWorkbook(api, target.spreadsheetId, file)).message);
    });

  program
    .command('reconcile')
    .description(help('cli.help.reconcile'))
    .option('--form <form=id>', help('cli.help.reconcile.form'), formOption)
    .action(async (options: { form?: Map<FormName, string> }) => {
      if (!target)
        throw new UsageError(t(cliLocale(), 'server.needsGoogle', { command: 'reconcile' }));
      if (!options.form) throw new UsageError(t(cliLocale(), 'server.needsForms'));
      const forms = options.form;
      const api = await connect(err);
      const report = await runOnSpreadsheet(
        api,
        target.spreadsheetId,
        { clock: (zone) => new SystemClock(zone) },
        ({ ports }) => {
          noteWorkbookLocale(readLocale(ports));
          return reconcileOnGoogle(api, ports, forms);
        },
      );
      const { read, added, rejected, skipped } = report;
      out(t(cliLocale(), 'server.reconciled', { read, added, rejected, skipped }));
      // The first line of an ingest summary is its counts; the rest say what needs attention.
      report.summary.slice(1).forEach((line) => out(line));
    });

  program
    .command('push')
    .description(help('cli.help.push'))
    .argument('<workbook>', help('cli.help.push.workbook'))
    .option('--force', help('cli.help.push.force'))
    .action(async (file: string, options: { force?: boolean }) => {
      if (!target) throw new UsageError(t(cliLocale(), 'server.needsGoogle', { command: 'push' }));
      const local = await openWorkbook(file);
      const api = await connect(err);
      out((await pushWorkbook(api, target.spreadsheetId, local, Boolean(options.force))).message);
    });
}

/** `--form application=1FAIp…`, repeatable: which form is which, by its id. */
function formOption(value: string, previous: Map<FormName, string> = new Map()) {
  const match = /^([a-z]+)=(\S+)$/.exec(value.trim());
  const name = match?.[1] as FormName | undefined;
  if (!match || !name || !FORM_NAMES.includes(name)) {
    throw new UsageError(
      t(cliLocale(), 'server.formOption', { names: FORM_NAMES.join(', '), value }),
    );
  }
  return new Map(previous).set(name, match[2]!);
}

/** Exactly one of a workbook file and `--google`. */
export function checkTarget(path: string | undefined): void {
  if ((path === undefined) === (target === null)) {
    throw new UsageError(t(cliLocale(), 'server.workbookOrGoogle'));
  }
}
