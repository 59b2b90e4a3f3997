/**
 * The Apps Script entry points (DESIGN §5, §8). The build turns each export into a real top-level
 * function, which is all Apps Script can see: menu items, triggers and the setup.
 */
import { selectAwards } from '../app/awards';
import { aggregateDefense } from '../app/defense';
import { ingestResponses } from '../app/ingest';
import { issueLetters } from '../app/letters';
import { dueMonthlyJobs, finaliseMonth, prepareShowcase } from '../app/monthly';
import { buildReport } from '../app/report';
import { reprocessRejected } from '../app/reprocess';
import { Table } from '../app/table';
import { addMonths, isValidMonth } from '../domain/calendar';
import { DEFAULT_CONFIG } from '../domain/config';
import { t } from '../domain/messages';
import type { FormResponse } from '../domain/forms';
import { defenseScoresTable } from '../domain/schema/defenseScores';
import {
  ActivitiesTable,
  AwardsTable,
  BranchesTable,
  ConfigTable,
  DashboardTable,
  DefenseResultsTable,
  JudgesTable,
  LogTable,
  MonthlyResultsTable,
  NominationsTable,
  OnsiteVotesTable,
  RejectedTable,
  ShowcaseTable,
} from '../domain/schema/tables';
import { workbookTables } from '../domain/schema/workbook';
import { DocsMaker } from './docsMaker';
import { ensureForms, knownFormIds, refreshBranchChoices, toFormResponse } from './forms';
import { foldInbox, inboxHasRows, type FoldReport } from './fold';
import { runLocked, type GasJob } from './job';
import { buildMenu } from './menu';
import { ensureLetterTemplate, setUpSheets } from './setup';
import { installTriggers, removeTrigger, scheduleLetterContinuation } from './triggers';

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

function tell(job: Pick<GasJob, 'spreadsheet'>, title: string, lines: readonly string[]): void {
  job.spreadsheet.toast(lines.join('\n'), `StarBranch · ${title}`, 10);
}

export function onOpen(): void {
  buildMenu(SpreadsheetApp.getActiveSpreadsheet());
}

export function setup(): string {
  return runLocked([BranchesTable], (job) => {
    const { spreadsheet, config, store } = job;
    const sheets = setUpSheets(spreadsheet, workbookTables(config.defenseRubric), config.locale);
    store.forgetSheets();
    const properties = PropertiesService.getScriptProperties();
    const approved = Table.read(store, BranchesTable, config.locale)
      .records()
      .filter((b) => b.status === 'approved');
    const forms = ensureForms(spreadsheet.getId(), config, approved, properties);
    refreshBranchChoices(forms.values(), approved);
    if (!config.letterTemplate) {
      const configTable = Table.read(store, ConfigTable, config.locale);
      const row = configTable.get('letterTemplate');
      configTable.upsert({
        key: 'letterTemplate',
        value: ensureLetterTemplate(properties),
        note: row?.note ?? null,
      });
      configTable.save(store, config.locale);
    }
    const triggers = installTriggers(spreadsheet.getId());
    const lines = [
      `sheets created: ${sheets.created.length}, kept: ${sheets.kept.length}`,
      `forms: ${forms.size}`,
      `triggers created: ${triggers.created}, removed: ${triggers.removed}, kept: ${triggers.kept}`,
    ];
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

function runDueMonthlyJobs(): string[] {
  return runLocked(
    [
      BranchesTable,
      ActivitiesTable,
      OnsiteVotesTable,
      ShowcaseTable,
      MonthlyResultsTable,
      LogTable,
    ],
    (job) => {
      const { ports, config } = job;
      const markers = ports.markers!;
      const lines: string[] = [];
      const due = dueMonthlyJobs(ports.clock.now().slice(0, 10), config);
      if (due.showcase && markers.get(`done:showcase:${due.showcase}`) === null) {
        lines.push(...prepareShowcase(ports, due.showcase).summary);
        markers.set(`done:showcase:${due.showcase}`, ports.clock.now());
      }
      if (due.finalise && markers.get(`done:finalise:${due.finalise}`) === null) {
        lines.push(...finaliseMonth(ports, due.finalise).summary);
        markers.set(`done:finalise:${due.finalise}`, ports.clock.now());
      }
      return lines;
    },
  );
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
  const answer = ui.prompt(
    'StarBranch',
    '结算哪个月？ Month to finalise (YYYY-MM)',
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return 'cancelled';
  const month = answer.getResponseText().trim();
  if (!isValidMonth(month)) {
    ui.alert(`"${month}" 不是月份，请按 YYYY-MM 填写，例如 2026-10`);
    return 'bad month';
  }
  return finaliseMonthNow(month);
}

export function finaliseMonthNow(month?: string): string {
  return runLocked(
    [
      BranchesTable,
      ActivitiesTable,
      OnsiteVotesTable,
      ShowcaseTable,
      MonthlyResultsTable,
      LogTable,
    ],
    (job) => {
      const target = month ?? addMonths(job.ports.clock.now().slice(0, 7), -1);
      const report = finaliseMonth(job.ports, target);
      tell(job, 'finalise', report.summary);
      return report.summary.join('\n');
    },
  );
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

export function selectAwardsNow(): string {
  return runLocked(
    [
      BranchesTable,
      ActivitiesTable,
      MonthlyResultsTable,
      DefenseResultsTable,
      NominationsTable,
      AwardsTable,
      LogTable,
    ],
    (job) => {
      const report = selectAwards(job.ports);
      tell(job, 'awards', report.summary);
      return report.summary.join('\n');
    },
  );
}

function emailDomain(): string | null {
  const email = Session.getEffectiveUser().getEmail();
  const domain = email.split('@')[1] ?? null;
  // Consumer accounts have no domain to share within: their letters stay private.
  return domain && !['gmail.com', 'googlemail.com'].includes(domain) ? domain : null;
}

const QUOTA_KEY = (day: string) => `letters:${day}`;

/** Makes the letters that are due; stops before the time limit or the day's quota and continues itself. */
export function generateLetters(): string {
  return runLocked(
    [BranchesTable, AwardsTable, LogTable],
    (job) => {
      // The Config this job read already (one read of each sheet, under the lock) says how.
      if (!job.config.letterTemplate) return 'no letter template: run Setup first';
      const documents = new DocsMaker({
        templateId: job.config.letterTemplate,
        folderId: job.config.letterFolder,
        sharing: job.config.letterSharing,
        domain: emailDomain(),
      });
      const ports = { ...job.ports, documents };
      const day = ports.clock.now().slice(0, 10);
      const usedToday = Number(ports.markers!.get(QUOTA_KEY(day)) ?? '0');
      const report = issueLetters(ports, {
        shouldStop: (made) =>
          ports.clock.elapsedMs() > LETTER_TIME_BUDGET_MS ||
          usedToday + made >= DAILY_DOCUMENT_QUOTA,
      });
      ports.markers!.set(QUOTA_KEY(day), String(usedToday + report.made));
      const lines = [...report.summary, ...(documents.sharingNote ? [documents.sharingNote] : [])];
      if (report.remaining > 0) {
        const quotaReached = usedToday + report.made >= DAILY_DOCUMENT_QUOTA;
        if (!quotaReached) scheduleLetterContinuation();
        lines.push(
          quotaReached
            ? 'daily document quota reached: run again tomorrow'
            : 'continuing in a minute',
        );
      }
      tell(job, 'letters', lines);
      return lines.join('\n');
    },
    { toasts: true },
  );
}

export function continueLetters(e?: { triggerUid?: string }): string {
  removeTrigger(e?.triggerUid);
  return generateLetters();
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
    const added = reconcile(job, null);
    tell(job, 'rebuild', [`${added} responses added`]);
    return `${added} responses added`;
  });
}

export function refreshFormChoices(): string {
  return runLocked([BranchesTable], (job) => {
    const approved = Table.read(job.store, BranchesTable, job.config.locale)
      .records()
      .filter((b) => b.status === 'approved');
    const forms = [...knownFormIds(PropertiesService.getScriptProperties()).keys()].map((id) =>
      FormApp.openById(id),
    );
    const updated = refreshBranchChoices(forms, approved);
    tell(job, 'forms', [`${approved.length} branches in ${updated} dropdowns`]);
    return `${approved.length} branches in ${updated} dropdowns`;
  });
}

export function installTriggersNow(): string {
  const result = installTriggers(SpreadsheetApp.getActiveSpreadsheet().getId());
  return `triggers created: ${result.created}, removed: ${result.removed}, kept: ${result.kept}`;
}

export function buildDashboard(): string {
  return runLocked(
    [
      DEFENSE_SHEET,
      BranchesTable,
      ActivitiesTable,
      MonthlyResultsTable,
      ShowcaseTable,
      DefenseResultsTable,
      AwardsTable,
      DashboardTable,
      LogTable,
    ],
    (job) => {
      const report = buildReport(job.ports);
      tell(job, 'dashboard', report.summary);
      return report.summary.join('\n');
    },
  );
}
