/**
 * The demo year, end to end, through the same paths a college uses: Google Forms CSV exports are
 * ingested as they grow through the year, staff decisions are made in the workbook, and every
 * month's showcase and finalisation runs on its day. Writes the workbook, the letters, the forms'
 * exports and the report into one folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectAwards, type AwardsReport } from '../../app/awards';
import type { Ports } from '../../app/context';
import { closeVote, readBoard } from '../../app/board';
import { aggregateDefense } from '../../app/defense';
import { finaliseMonth, prepareShowcase } from '../../app/monthly';
import { buildReport } from '../../app/report';
import { issueLetters, type LettersReport } from '../../app/letters';
import { Table } from '../../app/table';
import { addMonths, monthsBetween } from '../../domain/calendar';
import { DEFAULT_CONFIG, defaultConfigRows, type Config } from '../../domain/config';
import { formDef, type FormName } from '../../domain/forms';
import { joinClauses, t } from '../../domain/messages';
import {
  BranchesTable,
  ConfigTable,
  JudgesTable,
  NominationsTable,
  RejectedTable,
} from '../../domain/schema/tables';
import { parseLocalTimestamp } from '../../domain/timestamps';
import type { Locale } from '../../domain/vocabulary';
import type { Progress } from '../../ports';
import { SettableClock } from '../clock';
import { DocxMaker } from '../docxMaker';
import { writeFormsCsv } from '../formsCsv';
import { ingestCsv } from '../ingestCsv';
import { loadDefaultTemplate } from '../letters';
import { writeBoardPage, writeHonoursSite } from '../publicPages';
import { renderReportHtml } from '../reportHtml';
import { newWorkbook } from '../workbookFile';
import {
  demoApplications,
  demoDecisions,
  demoDefense,
  demoJudges,
  demoNominations,
  demoVotes,
  demoActivities,
  type DemoResponse,
} from './demoYear';
import { demoVocabulary } from './vocabularies';

/** A step of the year, as the demo's summary table lists it. */
export type DemoStepKind =
  | 'ingest'
  | 'review'
  | 'showcase'
  | 'finalise'
  | 'defense'
  | 'awards'
  | 'letters'
  | 'report'
  | 'closeVote'
  | 'honours'
  | 'board';

export interface DemoStep {
  /** Local time the step ran. */
  readonly when: string;
  readonly kind: DemoStepKind;
  /** The form an `ingest` step read. */
  readonly form?: FormName;
  /** What the step's job said, in the workbook's language. */
  readonly detail: string;
  /** Responses the step turned away to 待处理 (Rejected). */
  readonly rejected: number;
}

export interface DemoResult {
  readonly workbook: string;
  readonly lettersDir: string;
  readonly report: string;
  /** The honour roll as a static site (index.html, honours.json). */
  readonly site: string;
  /** One month's meeting board, as it stood when its vote was closed. */
  readonly board: string;
  readonly formsDir: string;
  readonly steps: readonly DemoStep[];
  /** The language of the demo's workbook. */
  readonly locale: Locale;
  readonly awards: AwardsReport;
  readonly letters: LettersReport;
  readonly rejected: number;
}

/** The on-site vote form's link, for the board's QR code (a college sets its own in 设置). */
const VOTE_FORM_URL = 'https://vote.example.edu.cn/xianchang';
/** The month whose meeting board the demo writes. */
const BOARD_MONTH = '2026-10';

function localTime(response: DemoResponse): string {
  const parsed = parseLocalTimestamp(response.timestamp);
  if (!parsed.ok) throw new Error(`demo data: ${parsed.error}`);
  return parsed.value;
}

/**
 * Plays the year into `outDir`. `locale` is the language of everything: the workbook, the forms'
 * answers (English names and activities in `en`), the letters and the report.
 */
export async function runDemo(
  outDir: string,
  progress?: Progress,
  locale: Locale = 'zh-CN',
): Promise<DemoResult> {
  const words = demoVocabulary(locale);
  const paths = {
    workbook: join(outDir, 'starbranch-demo.xlsx'),
    lettersDir: join(outDir, 'letters'),
    report: join(outDir, 'report.html'),
    formsDir: join(outDir, 'forms'),
    site: join(outDir, 'site'),
    board: join(outDir, `board-${BOARD_MONTH}.html`),
  };
  mkdirSync(paths.formsDir, { recursive: true });
  const store = newWorkbook(locale);
  const clock = new SettableClock('2026-09-01 08:00:00');
  const ports: Ports = {
    store,
    clock,
    documents: new DocxMaker({
      workbookDir: outDir,
      folder: paths.lettersDir,
      template: loadDefaultTemplate(locale),
    }),
    ...(progress ? { progress } : {}),
  };
  const config: Config = { ...DEFAULT_CONFIG, locale };
  const steps: DemoStep[] = [];
  const note = (kind: DemoStepKind, lines: readonly string[], more: Partial<DemoStep> = {}) =>
    steps.push({
      when: clock.now(),
      kind,
      detail: joinClauses(config.locale, lines),
      rejected: 0,
      ...more,
    });

  // Staff name their college on the Config sheet.
  const configTable = Table.read(store, ConfigTable, config.locale);
  for (const row of defaultConfigRows(config.locale)) {
    const value =
      row.key === 'collegeName'
        ? words.COLLEGE
        : row.key === 'voteFormUrl'
          ? VOTE_FORM_URL
          : row.value;
    configTable.upsert({ ...row, value });
  }
  configTable.save(store, config.locale, true);

  const exported = new Map<FormName, DemoResponse[]>();
  /** Ingests the form's export as it stood at the clock's time: re-reading old rows adds nothing. */
  const ingestExport = (form: FormName, responses: DemoResponse[]) => {
    const all = [...(exported.get(form) ?? []), ...responses];
    exported.set(form, all);
    const now = clock.now();
    const visible = all.filter((r) => localTime(r) <= now);
    const csv = writeFormsCsv(formDef(form, config.defenseRubric), visible, locale);
    const report = ingestCsv(ports, form, csv, `${form}-responses.csv`);
    note('ingest', report.summary, { form, rejected: report.rejected });
  };

  // Stage 1 (申报审核): applications, then staff review them in the Branches sheet.
  clock.set('2026-09-12 09:00:00');
  ingestExport('application', demoApplications(locale));
  const branches = Table.read(store, BranchesTable, config.locale);
  const decisions = new Map(demoDecisions(locale).map((d) => [d.name, d]));
  for (const branch of branches.records()) {
    const decision = decisions.get(branch.name);
    if (decision)
      branches.upsert({ ...branch, status: decision.status, reviewNote: decision.note });
  }
  branches.save(store, config.locale);
  const approved = branches.records().filter((b) => b.status === 'approved');
  const idOf = new Map(branches.records().map((b) => [b.name, b.id]));
  note('review', [
    t(config.locale, 'cli.demo.reviewed', {
      approved: approved.length,
      rejected: branches.size - approved.length,
    }),
  ]);

  const judges = Table.read(store, JudgesTable, config.locale);
  for (const j of demoJudges(locale)) {
    judges.upsert({
      name: j.name,
      email: j.email,
      ownBranch: j.ownBranchName ? (idOf.get(j.ownBranchName) ?? null) : null,
      note: j.note,
    });
  }
  judges.save(store, config.locale);

  // Stage 2 (定期抽查): every month, reports come in; showcase on the 25th; results on the 1st.
  const activities = demoActivities(approved, locale);
  exported.set('activity', []);
  let pending = activities;
  const feedActivities = () => {
    const now = clock.now();
    const due = pending.filter((r) => localTime(r) <= now);
    pending = pending.filter((r) => localTime(r) > now);
    ingestExport('activity', due);
  };
  const months = monthsBetween(config.programStart.slice(0, 7), config.programEnd.slice(0, 7));
  for (const month of months) {
    clock.set(`${month}-${String(config.showcaseDay).padStart(2, '0')} 18:00:00`);
    feedActivities();
    const showcase = prepareShowcase(ports, month);
    note('showcase', showcase.summary);
    clock.set(`${month}-28 23:59:00`);
    ingestExport(
      'vote',
      demoVotes(
        month,
        showcase.picks.map((p) => ({ id: p.branch, name: p.name })),
        locale,
      ),
    );
    // At October's meeting staff close the vote on the board once the votes are in (the board
    // then shows the result); the other months' votes stay open, as a college without the board
    // leaves them, and count until the month is finalised.
    if (month === BOARD_MONTH) note('closeVote', closeVote(ports, month).summary);
    if (month === '2027-06') {
      // Nominations close on June 12; staff review them before the defense.
      ingestExport('nomination', demoNominations(approved, locale));
      approveNominations(ports, config.locale, words.NOMINATION_NOTE);
      clock.set('2027-06-29 20:00:00');
      ingestExport(
        'defense',
        demoDefense(
          approved,
          config.defenseRubric.map((c) => c.max),
          locale,
        ),
      );
    }
    clock.set(`${addMonths(month, 1)}-01 02:00:00`);
    feedActivities();
    const finalised = finaliseMonth(ports, month);
    note('finalise', finalised.summary);
  }

  // Stage 3 (汇报答辩) and 4 (表彰展示).
  const defense = aggregateDefense(ports);
  note('defense', defense.summary);
  clock.set(`${config.commendationDate} 09:00:00`);
  const awards = selectAwards(ports);
  note('awards', awards.summary.slice(0, 1));
  const letters = issueLetters(ports);
  note('letters', letters.summary);
  const report = buildReport(ports);
  writeFileSync(paths.report, renderReportHtml(report.model, locale));
  note('report', report.summary);
  const site = await writeHonoursSite(ports, paths.workbook, paths.site);
  const year = site.roll.years[0];
  note('honours', [
    t(config.locale, 'honours.written', {
      dir: paths.site,
      years: site.roll.years.length,
      branches: year?.branches.length ?? 0,
      members: year?.members.length ?? 0,
    }),
  ]);
  writeBoardPage(readBoard(ports, BOARD_MONTH), paths.board, { voteUrl: VOTE_FORM_URL, clock });
  note('board', [`${BOARD_MONTH}: ${paths.board}`]);

  for (const [form, responses] of exported) {
    const csv = writeFormsCsv(formDef(form, config.defenseRubric), responses, locale);
    writeFileSync(join(paths.formsDir, `${form}-responses.csv`), csv);
  }
  await store.save(paths.workbook);
  const rejected = Table.read(store, RejectedTable, config.locale).size;
  return { ...paths, steps, awards, letters, rejected, locale: config.locale };
}

/** Staff's decision on the nominations: all approved but the last two, which lack detail. */
function approveNominations(ports: Ports, locale: Locale, note: string): void {
  const nominations = Table.read(ports.store, NominationsTable, locale);
  const records = nominations.records();
  records.forEach((n, i) => {
    const approve = i < records.length - 2;
    nominations.upsert({
      ...n,
      status: approve ? 'approved' : 'rejected',
      note: approve ? null : note,
    });
  });
  nominations.save(ports.store, locale);
}
