/**
 * The Apps Script entry points (DESIGN §5, §8). The build turns each export into a real top-level
 * function, which is all Apps Script can see: menu items, triggers and the setup.
 */
import { selectAwards } from '../app/awards';
import { aggregateDefense } from '../app/defense';
import { ingestResponses } from '../app/ingest';
import { issueLetters } from '../app/letters';
import { dueMonthlyJobs, finaliseMonth, isFinalised, prepareShowcase } from '../app/monthly';
import { buildReport } from '../app/report';
import { reprocessRejected } from '../app/reprocess';
import { archiveRubricScores } from '../app/rubric';
import { refreshStaleMonths } from '../app/staleness';
import { t, type MessageKey } from '../domain/messages';
import { Table } from '../app/table';
import { addMonths, isValidMonth } from '../domain/calendar';
import { DEFAULT_CONFIG } from '../domain/config';
import type { FormResponse } from '../domain/forms';
import { defenseScoresTable } from '../domain/schema/defenseScores';
import {
  ActivitiesTable,
  AwardsTable,
  BranchesTable,
  DefenseResultsTable,
  JudgesTable,
  LogTable,
  MonthlyResultsTable,
  NominationsTable,
  OnsiteVotesTable,
  RejectedTable,
  ShowcaseTable,
} from '../domain/schema/tables';
import { DocsMaker } from './docsMaker';
import { followRubric, knownFormIds, refreshBranchChoices, toFormResponse } from './forms';
import { foldInbox, inboxHasRows, type FoldReport } from './fold';
import { runLocked, type GasJob } from './job';
import { buildMenu, spreadsheetLocale } from './menu';
import { runSetup } from './setupRun';
import { finishUnfinishedWork } from './unfinished';
import {
  armLetterWatchdog,
  readLettersState,
  removeLetterContinuations,
  RETRY_MS,
  scheduleLetterContinuation,
  untilTomorrow,
  writeLettersState,
} from './continuation';
import { checkLetterSources, LetterSourceError } from './letterSources';
export { createLettersFolder, importLetterTemplate } from './letterSourcesMenu';
export { boardTally, closeVote, closeVoteNow, doGet, showWebAppLinks } from './webApp';
import { installTriggers } from './triggers';

/**
 * The defense-score sheet's name does not depend on the rubric, so this declaration is enough to
 * prefetch it before Config (and with it the rubric) has been read.
 */
const DEFENSE_SHEET = defenseScoresTable(DEFAULT_CONFIG.defenseRubric);

const INGEST_TABLES = [
  DEFENSE_SHEET,
  BranchesTable,
  JudgesTable,
  RejectedTable,
  LogTable,
  ActivitiesTable,
  OnsiteVotesTable,
  NominationsTable,
];

/** A submit run waits this long for a fold in progress, then leaves its row to it or the sweep. */
const SUBMIT_FOLD = {
  waitMs: 20_000,
  budgetMs: 60_000,
  batchRows: 500,
  ingestTables: INGEST_TABLES,
};
const SWEEP_FOLD = { ...SUBMIT_FOLD, waitMs: 1_000, budgetMs: 120_000 };
/** The daily run's fold stops starting batches after two minutes: the monthly jobs follow it. */
const DAILY_FOLD = { ...SUBMIT_FOLD, waitMs: 60_000, budgetMs: 120_000 };

function describeFold(fold: FoldReport): string {
  if (fold.busy) return t(fold.locale, 'gas.ingest.busy');
  return t(fold.locale, 'gas.ingest.folded', {
    added: fold.added,
    rejected: fold.rejected,
    batches: fold.batches,
  });
}

/** Letters stop well before Apps Script's 6-minute limit, leaving time to save. */
const LETTER_TIME_BUDGET_MS = 270_000;
/** Documents a consumer account may create a day; Workspace allows 1,500. */
const DAILY_DOCUMENT_QUOTA = 250;

type ToastJob = Extract<MessageKey, `menu.job.${string}`> extends `menu.job.${infer J}` ? J : never;

/** The job's summary as a toast, titled in the workbook's language. */
function tell(
  job: Pick<GasJob, 'spreadsheet' | 'config'>,
  title: ToastJob,
  lines: readonly string[],
): void {
  const { locale } = job.config;
  const name = t(locale, `menu.job.${title}` satisfies MessageKey);
  job.spreadsheet.toast(lines.join('\n'), t(locale, 'menu.toastTitle', { job: name }), 10);
}

export function onOpen(): void {
  buildMenu(SpreadsheetApp.getActiveSpreadsheet());
}

/** Sets the workbook, forms and triggers up; run again, it finishes what a cut-off run left. */
export function setup(): string {
  return runLocked([BranchesTable], (job) => {
    const lines = runSetup(job);
    tell(job, 'setup', lines);
    return lines.join('\n');
  });
}

/**
 * The spreadsheet's form-submit trigger: Google has already appended the response to its form's
 * response sheet (the inbox), so this only folds the inbox into the tables. A run that cannot have
 * the lock soon returns: the fold holding it, the next one or the ten-minute sweep takes the row.
 */
export function onFormSubmitTrigger(): string {
  return describeFold(foldInbox(SUBMIT_FOLD));
}

/** Every ten minutes: folds what submit runs that gave up on the lock left in the inbox. */
export function sweepInbox(): string {
  if (!inboxHasRows()) return t('zh-CN', 'gas.ingest.inboxEmpty');
  return describeFold(foldInbox(SWEEP_FOLD));
}

/** Every response the forms hold since `since` that no table knows yet goes through ingest. */
function reconcile(job: GasJob, since: Date | null): number {
  const properties = PropertiesService.getScriptProperties();
  const responses: FormResponse[] = [];
  for (const [id, name] of knownFormIds(properties)) {
    const form = FormApp.openById(id);
    const found = since ? form.getResponses(since) : form.getResponses();
    for (const response of found) {
      const converted = toFormResponse(response, job.config, name);
      if (!('error' in converted)) responses.push(converted);
    }
  }
  return ingestResponses(job.ports, responses).added;
}

/**
 * Daily clock trigger: the inbox folded within its own time budget (each batch saves its progress,
 * so a heavy day continues tomorrow where it stopped), then the showcase on its day and the
 * month's results on the 1st, each in its own locked run: neither waits on the other, and a
 * failure of one never keeps the others from running.
 */
export function dailyTrigger(): string {
  const lines: string[] = [];
  const failures: unknown[] = [];
  try {
    const fold = foldInbox(DAILY_FOLD);
    lines.push(t(fold.locale, 'gas.ingest.reconciled', { count: fold.added + fold.rejected }));
    if (fold.busy || fold.remaining) lines.push(t(fold.locale, 'gas.ingest.moreWaiting'));
  } catch (error) {
    failures.push(error);
  }
  try {
    lines.push(...runDueMonthlyJobs());
  } catch (error) {
    failures.push(error);
  }

  if (failures.length > 0) throw failures[0];
  return lines.join('\n');
}

/** What the monthly jobs (the showcase draw, finalising a month) read and write. */
const MONTH_JOB_TABLES = [
  BranchesTable,
  ActivitiesTable,
  OnsiteVotesTable,
  ShowcaseTable,
  MonthlyResultsTable,
  LogTable,
];

function runDueMonthlyJobs(): string[] {
  return runLocked(MONTH_JOB_TABLES, (job) => {
    const { ports, config } = job;
    const markers = ports.markers!;
    const lines: string[] = [];
    const due = dueMonthlyJobs(ports.clock.now().slice(0, 10), config);
    // A job is marked done only once what it wrote is in the sheets: a run cut off before
    // then leaves it due, and the next day's run does it.
    const doneOnceWritten = (key: string) => {
      job.store.flush();
      markers.set(key, ports.clock.now());
    };
    // A month drawn or finalised from the menu is done too: it is not redone, only marked.
    if (due.showcase && markers.get(`done:showcase:${due.showcase}`) === null) {
      const showcase = prepareShowcase(ports, due.showcase);
      if (!showcase.alreadyDrawn) lines.push(...showcase.summary);
      doneOnceWritten(`done:showcase:${due.showcase}`);
    }
    if (due.finalise && markers.get(`done:finalise:${due.finalise}`) === null) {
      if (!isFinalised(ports, due.finalise, config)) {
        lines.push(...finaliseMonth(ports, due.finalise).summary);
      }
      doneOnceWritten(`done:finalise:${due.finalise}`);
    }
    // Months whose inputs changed after they were finalised (a late or reprocessed report, an
    // edited row, a corrected vote): recomputed every day, each change in its own Log row.
    lines.push(...refreshStaleMonths(ports).recomputed.map((r) => r.line));
    // Work started and cut off (a setup, letters whose continuation was lost) is finished here.
    lines.push(...finishUnfinishedWork(job));
    return lines;
  });
}

export function prepareShowcaseNow(): string {
  return runLocked([BranchesTable, ActivitiesTable, ShowcaseTable, LogTable], (job) => {
    const report = prepareShowcase(job.ports, job.ports.clock.now().slice(0, 7));
    tell(job, 'showcase', report.summary);
    return report.summary.join('\n');
  });
}

export function finaliseMonthPrompt(): string {
  const ui = SpreadsheetApp.getUi();
  const locale = spreadsheetLocale(SpreadsheetApp.getActiveSpreadsheet());
  const answer = ui.prompt(
    t(locale, 'menu.title'),
    t(locale, 'menu.monthPrompt'),
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return t(locale, 'menu.cancelled');
  const month = answer.getResponseText().trim();
  if (!isValidMonth(month)) {
    const message = t(locale, 'menu.notAMonth', { input: month });
    ui.alert(message);
    return message;
  }
  return finaliseMonthNow(month);
}

export function finaliseMonthNow(month?: string): string {
  return runLocked(MONTH_JOB_TABLES, (job) => {
    const target = month ?? addMonths(job.ports.clock.now().slice(0, 7), -1);
    const report = finaliseMonth(job.ports, target);
    tell(job, 'finalise', report.summary);
    return report.summary.join('\n');
  });
}

export function aggregateDefenseNow(): string {
  return runLocked(
    [DEFENSE_SHEET, BranchesTable, JudgesTable, DefenseResultsTable, LogTable],
    (job) => {
      const report = aggregateDefense(job.ports);
      tell(job, 'defense', report.summary);
      return report.summary.join('\n');
    },
  );
}

/** Moves defense scores given under an old rubric to a dated sheet (the way out of a rubric change). */
export function archiveRubricScoresNow(): string {
  return runLocked([DEFENSE_SHEET, LogTable], (job) => {
    const report = archiveRubricScores(job.ports);
    tell(job, 'rubric', report.summary);
    return report.summary.join('\n');
  });
}

/** Awards first bring stale months and the defense up to date, so they read those inputs too. */
const AWARDS_TABLES = [
  BranchesTable,
  ActivitiesTable,
  OnsiteVotesTable,
  ShowcaseTable,
  MonthlyResultsTable,
  DEFENSE_SHEET,
  JudgesTable,
  DefenseResultsTable,
  NominationsTable,
  AwardsTable,
  LogTable,
];

/** The letters' document maker as the Config says: making, sharing and voiding letters. */
function letterMaker(job: GasJob, domain: string | null): DocsMaker {
  return new DocsMaker({
    templateId: job.config.letterTemplate ?? '',
    folderId: job.config.letterFolder,
    sharing: job.config.letterSharing,
    domain,
    locale: job.config.locale,
  });
}

/**
 * Menu: select the awards. Refused (with the branches named) while the defense is not complete;
 * a letter that no longer says what its award says is voided on the spot.
 */
export function selectAwardsNow(): string {
  return selectAwardsWith(false);
}

/** Menu: a provisional list before the defense is complete (rows marked 暂定, no letters). */
export function selectProvisionalAwardsNow(): string {
  return selectAwardsWith(true);
}

function selectAwardsWith(provisional: boolean): string {
  return runLocked(AWARDS_TABLES, (job) => {
    // Awards only ever void letters, which needs no sharing domain (and no Session call).
    const ports = { ...job.ports, documents: letterMaker(job, null) };
    const report = selectAwards(ports, { provisional });
    tell(job, 'awards', report.summary);
    return report.summary.join('\n');
  });
}

function emailDomain(): string | null {
  const email = Session.getEffectiveUser().getEmail();
  const domain = email.split('@')[1] ?? null;
  // Consumer accounts have no domain to share within: their letters stay private.
  return domain && !['gmail.com', 'googlemail.com'].includes(domain) ? domain : null;
}

/** Makes the letters that are due; stops before the time limit or the day's quota and continues itself. */
export function generateLetters(): string {
  return makeLetters(null);
}

/** A continuation of the letters job (a one-off clock trigger; see continuation.ts). */
export function continueLetters(e?: { triggerUid?: string }): string {
  try {
    return makeLetters(e?.triggerUid ?? null);
  } catch (error) {
    // The lock was busy or a call failed: the letters are still due, so try again soon. A
    // template or folder the app cannot open waits for staff (the error says what to do).
    if (error instanceof LetterSourceError) removeLetterContinuations();
    else scheduleLetterContinuation(RETRY_MS);
    throw error;
  }
}

/** `spentTrigger`: the continuation that started this run, if one did. */
function makeLetters(spentTrigger: string | null): string {
  return runLocked(
    // Nominations: a member's letter cites the achievements of the nomination behind it.
    [BranchesTable, NominationsTable, AwardsTable, LogTable],
    (job) => {
      // The Config this job read already (one read of each sheet, under the lock) says how.
      if (!job.config.letterTemplate) {
        // Nothing can be made until staff run Setup: no continuation waits for it.
        removeLetterContinuations();
        return t(job.config.locale, 'menu.noTemplate');
      }
      const documents = letterMaker(job, emailDomain());
      const ports = { ...job.ports, documents };
      const day = ports.clock.now().slice(0, 10);
      const before = readLettersState(ports.markers!, day);
      const usedToday = before.used;
      let armed = false;
      const report = issueLetters(ports, {
        shouldStop: (made) => {
          if (!armed) {
            // Before the first letter: the template and folder must be the app's to use, and
            // whatever stops this run, a continuation will finish it.
            checkLetterSources(job.config);
            armLetterWatchdog(spentTrigger);
            armed = true;
          }
          return (
            ports.clock.elapsedMs() > LETTER_TIME_BUDGET_MS ||
            usedToday + made >= DAILY_DOCUMENT_QUOTA
          );
        },
      });
      writeLettersState(ports.markers!, {
        day,
        used: usedToday + report.made,
        due: report.remaining > 0,
      });
      const lines = [...report.summary, ...(documents.sharingNote ? [documents.sharingNote] : [])];
      if (report.remaining === 0) {
        // Only a run that had letters to make (or was started by a continuation) has any to remove.
        if (armed || spentTrigger !== null || before.due) removeLetterContinuations();
      } else if (usedToday + report.made >= DAILY_DOCUMENT_QUOTA) {
        scheduleLetterContinuation(untilTomorrow(ports.clock.now()));
        lines.push(t(job.config.locale, 'gas.jobs.lettersQuotaReached'));
      } else {
        scheduleLetterContinuation();
        lines.push(t(job.config.locale, 'menu.lettersContinue'));
      }
      tell(job, 'letters', lines);
      return lines.join('\n');
    },
    { toasts: true },
  );
}

export function reprocessRejectedNow(): string {
  return runLocked(INGEST_TABLES, (job) => {
    const report = reprocessRejected(job.ports);
    tell(job, 'reprocess', report.summary);
    return report.summary.join('\n');
  });
}

export function rebuildFromResponses(): string {
  return runLocked(INGEST_TABLES, (job) => {
    const line = t(job.config.locale, 'menu.rebuilt', { count: reconcile(job, null) });
    tell(job, 'rebuild', [line]);
    return line;
  });
}

export function refreshFormChoices(): string {
  return runLocked([BranchesTable], (job) => {
    const approved = Table.read(job.store, BranchesTable, job.config.locale)
      .records()
      .filter((b) => b.status === 'approved');
    const properties = PropertiesService.getScriptProperties();
    const known = [...knownFormIds(properties)];
    const forms = known.map(([id]) => FormApp.openById(id));
    // The defense form's questions follow the rubric in Config.
    const defense = forms[known.findIndex(([, name]) => name === 'defense')];
    if (defense) followRubric(defense, job.spreadsheet.getId(), job.config, approved, properties);
    const updated = refreshBranchChoices(forms, approved);
    const line = t(job.config.locale, 'menu.formChoices', {
      branches: approved.length,
      dropdowns: updated,
    });
    tell(job, 'forms', [line]);
    return line;
  });
}

export function installTriggersNow(): string {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const result = installTriggers(spreadsheet.getId());
  return t(spreadsheetLocale(spreadsheet), 'menu.triggers', { ...result });
}

/** The report job's tables (the dashboard is laid out whole, never read), in one read. */
export function buildDashboard(): string {
  return runLocked(
    [
      DEFENSE_SHEET,
      BranchesTable,
      ActivitiesTable,
      OnsiteVotesTable,
      MonthlyResultsTable,
      ShowcaseTable,
      DefenseResultsTable,
      AwardsTable,
      NominationsTable,
      RejectedTable,
      LogTable,
    ],
    (job) => {
      const report = buildReport(job.ports);
      tell(job, 'dashboard', report.summary);
      return report.summary.join('\n');
    },
  );
}
