/**
 * Ingesting form responses (DESIGN §3, §6): each response becomes one canonical row, or one
 * `Rejected` row with its reason and raw answers. Nothing is dropped, and a response already seen
 * (in its table or in `Rejected`) is skipped, so re-ingesting a file adds nothing.
 */
import type { Config } from '../domain/config';
import {
  EMAIL_TITLES,
  formDef,
  questionTitle,
  type FormDef,
  type FormName,
  type FormResponse,
  type Question,
} from '../domain/forms';
import type { Cell } from '../domain/schema/column';
import { normaliseHeader } from '../domain/schema/rows';
import {
  defenseScoresTable,
  fromDefenseScore,
  type DefenseScore,
} from '../domain/schema/defenseScores';
import {
  ActivitiesTable,
  BranchesTable,
  JudgesTable,
  NominationsTable,
  OnsiteVotesTable,
} from '../domain/schema/tables';
import { answerKey, fieldText, rejectedTable, type RejectedRow } from '../domain/schema/rejected';
import { answerReason, quoteAnswer } from '../domain/rejectionReasons';
import { recordKey, tabName, type TableDef } from '../domain/schema/table';
import { parseDate } from '../domain/timestamps';
import { joinList, t, type MessageKey } from '../domain/messages';
import type { Locale } from '../domain/vocabulary';
import { rescoreActivities } from './activities';
import { BranchIndex } from './branches';
import { readConfig, type Ports } from './context';
import { runJob, type JobReport } from './job';
import { readDefenseScores } from './rubric';
import { rescreenDefense, rescreenVotes } from './screening';
import { staleMonthsAfterIngest } from './staleness';
import { Table } from './table';

/** The defense score table is declared by the rubric; its name is the same under any rubric. */
const DEFENSE_SCORES = defenseScoresTable([]).name;

export interface IngestReport extends JobReport {
  readonly added: number;
  readonly rejected: number;
  readonly skipped: number;
  /**
   * When every response was rejected for one reason staff fix by finishing a setup step (see
   * `isBlocked`), the summary's line that says so; the CLI then exits 1, so a script notices.
   */
  readonly blocked: string | null;
}

/**
 * What a rejection is, for the summary: rejections of one group are counted on one line that says
 * how to fix them. `setup` groups are fixed by staff finishing a step (listing the judges,
 * approving the branches), not by correcting the response.
 */
export interface RejectionGroup {
  readonly key: IngestGroupKey;
  readonly question?: string;
  readonly setup?: boolean;
}

type IngestGroupKey = Extract<MessageKey, `ingest.group.${string}`>;

/** A response turned away: why, under which summary group, and the questions (keys) at fault. */
type Rejection = {
  ok: false;
  reason: string;
  group: RejectionGroup;
  questions: readonly string[];
};
type Verdict = { ok: true; record: Record<string, unknown> } | Rejection;

const rejection = (
  reason: string,
  group: RejectionGroup,
  questions: readonly string[] = [],
): Rejection => ({ ok: false, reason, group, questions });

/** The tables an ingest may touch, read once per job. */
class Tables {
  readonly branches: Table<typeof BranchesTable>;
  readonly rejected: Table<ReturnType<typeof rejectedTable>>;
  private readonly loaded = new Map<string, Table<TableDef>>();
  private readonly targets = new Map<FormName, TableDef>();
  readonly branchIndex: BranchIndex;
  /** This job's rejections by group, for the summary (key: the group's line). */
  readonly rejections = new Map<string, { readonly group: RejectionGroup; count: number }>();
  /** Per target table, the staff columns answers of questions outside the schema went to. */
  readonly extraColumns = new Map<TableDef, Set<string>>();

  constructor(
    private readonly ports: Ports,
    readonly config: Config,
  ) {
    this.branches = Table.read(ports.store, BranchesTable, config.locale);
    this.rejected = Table.read(ports.store, rejectedTable(config.defenseRubric), config.locale);
    this.branchIndex = new BranchIndex(this.branches.records());
  }

  /** The table a form fills (declared once per job: the defense table depends on the rubric). */
  target(form: FormName): TableDef {
    let def = this.targets.get(form);
    if (!def) {
      def = targetTable(form, this.config);
      this.targets.set(form, def);
    }
    return def;
  }

  get<D extends TableDef>(def: D): Table<D> {
    if (def === (BranchesTable as TableDef)) return this.branches as unknown as Table<D>;
    let table = this.loaded.get(def.name);
    if (!table) {
      table =
        def.name === DEFENSE_SCORES
          ? (readDefenseScores(this.ports.store, this.config) as unknown as Table<TableDef>)
          : Table.read(this.ports.store, def, this.config.locale);
      this.loaded.set(def.name, table);
    }
    return table as Table<D>;
  }

  /** Re-derives statuses and points that depend on more than one row. */
  refresh(forms: ReadonlySet<FormName>): void {
    const { config } = this;
    if (forms.has('activity')) rescoreActivities(this.get(ActivitiesTable), config);
    if (forms.has('vote')) {
      rescreenVotes(this.get(OnsiteVotesTable), this.get(JudgesTable).records(), config.locale);
    }
    if (forms.has('defense')) {
      rescreenDefense(
        this.get(defenseScoresTable(config.defenseRubric)),
        this.get(JudgesTable).records(),
        config.defenseRubric,
        config.locale,
      );
    }
  }

  saveAll(): number {
    const locale = this.config.locale;
    let writes = 0;
    for (const table of [this.branches, this.rejected, ...this.loaded.values()]) {
      if (table.save(this.ports.store, locale)) writes++;
    }
    return writes;
  }
}

export function targetTable(form: FormName, config: Config): TableDef {
  switch (form) {
    case 'application':
      return BranchesTable;
    case 'activity':
      return ActivitiesTable;
    case 'vote':
      return OnsiteVotesTable;
    case 'defense':
      return defenseScoresTable(config.defenseRubric);
    case 'nomination':
      return NominationsTable;
  }
}

/** Parses the form's answers with the target table's column rules. */
function parseAnswers(
  def: TableDef,
  form: FormDef,
  response: FormResponse,
  locale: Locale,
): { ok: true; values: Record<string, unknown> } | Rejection {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  const questions: string[] = [];
  let group: RejectionGroup | undefined;
  for (const question of form.questions) {
    const column = def.columns[question.key];
    const answer = response.answers[question.key] ?? '';
    if (!column) {
      values[question.key] = answer.trim();
      continue;
    }
    const title = questionTitle(question, locale);
    const blank = answer.trim() === '';
    const result = column.read(answer as Cell);
    if (result.ok && !(blank && question.required)) {
      values[question.key] = result.value;
      continue;
    }
    problems.push(answerReason(question, title, column, answer, locale));
    questions.push(question.key);
    group ??= blank
      ? { key: 'ingest.group.required', question: title }
      : { key: 'ingest.group.invalidAnswer', question: title };
  }
  return group ? rejection(problems.join('\n'), group, questions) : { ok: true, values };
}

/** Dates typed in a day order the schema cannot guess are read with the configured order. */
function withIsoDates(response: FormResponse, config: Config): FormResponse {
  const date = response.answers.date;
  if (date === undefined || date.trim() === '') return response;
  const parsed = parseDate(date, { dayOrder: config.dateOrder });
  return parsed.ok
    ? { ...response, answers: { ...response.answers, date: parsed.value } }
    : response;
}

function judge(tables: Tables, response: FormResponse): Verdict {
  const { config } = tables;
  const { locale } = config;
  const form = formDef(response.form, config.defenseRubric);
  const def = tables.target(response.form);
  const parsed = parseAnswers(def, form, withIsoDates(response, config), locale);
  if (!parsed.ok) return parsed;
  const v = parsed.values;
  const base = { responseId: response.responseId, submittedAt: response.submittedAt };
  const branches = tables.branchIndex;
  const label = (key: string) =>
    questionTitle(
      form.questions.find((q) => q.key === key)!,
      locale,
    );
  const submitted = response.submittedAt.slice(0, 10);

  if (response.form === 'application') {
    if (branches.find(String(v.name)) !== undefined) {
      return rejection(
        t(locale, 'ingest.reason.branchExists', {
          question: label('name'),
          answer: quoteAnswer(locale, String(v.name)),
        }),
        { key: 'ingest.group.branchExists' },
        ['name'],
      );
    }
    return {
      ok: true,
      record: {
        ...v,
        id: branches.nextId(),
        status: 'pending',
        reviewNote: null,
        complianceOverride: null,
        responseId: response.responseId,
        appliedAt: response.submittedAt,
      },
    };
  }

  const answered = String(response.answers.branch ?? '');
  const found = branches.findApproved(answered);
  if (!found.ok) {
    const named = found.branch;
    if (named === undefined) {
      return rejection(
        t(locale, 'ingest.reason.branchUnknown', {
          question: label('branch'),
          answer: quoteAnswer(locale, answered.trim()),
        }),
        { key: 'ingest.group.branchUnknown' },
        ['branch'],
      );
    }
    // A pending branch waits for staff's review; a rejected one will not take part.
    const pending = named.status === 'pending';
    return rejection(
      t(locale, pending ? 'ingest.reason.branchPending' : 'ingest.reason.branchRejected', {
        question: label('branch'),
        branch: `${named.id} ${named.name}`,
      }),
      { key: 'ingest.group.branchNotApproved', setup: pending },
      ['branch'],
    );
  }
  const branch = found.branch.id;

  switch (response.form) {
    case 'activity': {
      const date = String(v.date);
      const question = label('date');
      if (date < config.programStart || date > config.programEnd) {
        return rejection(
          t(locale, 'ingest.reason.dateOutside', {
            question,
            value: date,
            from: config.programStart,
            to: config.programEnd,
          }),
          { key: 'ingest.group.outsideProgramme', question },
          ['date'],
        );
      }
      if (date > submitted) {
        return rejection(
          t(locale, 'ingest.reason.dateAfterSubmission', { question, value: date, submitted }),
          { key: 'ingest.group.afterSubmission', question },
          ['date'],
        );
      }
      const nonParty = (v.nonParty as number | null) ?? 0;
      if (nonParty > (v.participants as number)) {
        return rejection(
          t(locale, 'ingest.reason.nonPartyTooMany', {
            question: label('nonParty'),
            value: nonParty,
            participants: v.participants as number,
          }),
          { key: 'ingest.group.nonPartyTooMany', question: label('nonParty') },
          ['nonParty'],
        );
      }
      return {
        ok: true,
        record: { ...base, ...v, branch, status: 'submitted', points: null, note: null },
      };
    }
    case 'vote': {
      const month = String(v.month);
      const question = label('month');
      const [from, to] = [config.programStart.slice(0, 7), config.programEnd.slice(0, 7)];
      if (month < from || month > to) {
        return rejection(
          t(locale, 'ingest.reason.monthOutside', { question, value: month, from, to }),
          { key: 'ingest.group.outsideProgramme', question },
          ['month'],
        );
      }
      // The vote is cast at the month's meeting: a later month is a slip of the keyboard.
      if (month > response.submittedAt.slice(0, 7)) {
        return rejection(
          t(locale, 'ingest.reason.monthAfterSubmission', { question, value: month, submitted }),
          { key: 'ingest.group.afterSubmission', question },
          ['month'],
        );
      }
      return { ok: true, record: { ...base, ...v, branch, status: 'counted', reason: null } };
    }
    case 'defense': {
      const judges = tables.get(JudgesTable).records();
      if (!judges.some((j) => j.name === String(v.judge))) {
        return rejection(
          t(locale, 'ingest.reason.judgeNotListed', {
            question: label('judge'),
            judge: quoteAnswer(locale, String(v.judge)),
          }),
          { key: 'ingest.group.judgeNotListed', setup: true },
          ['judge'],
        );
      }
      const marks: Record<string, number> = {};
      for (const c of config.defenseRubric) marks[c.key] = v[c.key] as number;
      const score: DefenseScore = {
        ...base,
        judge: String(v.judge),
        branch,
        marks,
        total: null,
        comment: (v.comment as string | null) || null,
        status: 'counted',
        reason: null,
      };
      return { ok: true, record: fromDefenseScore(score) };
    }
    case 'nomination':
      return { ok: true, record: { ...base, ...v, branch, status: 'pending', note: null } };
  }
}

/** Longer answers are cut in `Rejected` so the row fits a cell; the cut says how long they were. */
const ANSWER_LIMIT = 2000;

export function clip(answer: string, locale: Locale): string {
  return answer.length <= ANSWER_LIMIT
    ? answer
    : t(locale, 'ingest.answer.clipped', {
        text: answer.slice(0, ANSWER_LIMIT),
        length: answer.length,
      });
}

/** The title Google gives the respondent's email column, in the workbook's language. */
const emailTitle = (locale: Locale) => (locale === 'en' ? EMAIL_TITLES[0]! : EMAIL_TITLES[1]!);

/** The response as it arrived, for `Rejected`'s 原始内容: question title → answer (JSON). */
export function payloadOf(response: FormResponse, config: Config): string {
  const { locale } = config;
  const form = formDef(response.form, config.defenseRubric);
  const payload: Record<string, string> = {};
  for (const question of form.questions) {
    payload[questionTitle(question, locale)] = clip(response.answers[question.key] ?? '', locale);
  }
  // Questions outside the schema keep their answers too, so reprocessing can save them.
  for (const [title, answer] of Object.entries(response.extra ?? {})) {
    if (!(title in payload)) payload[title] = clip(answer, locale);
  }
  if (response.email) payload[emailTitle(locale)] = response.email;
  return JSON.stringify(payload, null, 1);
}

/** The response's answers in `Rejected`'s named columns, where staff correct them. */
function answerCells(response: FormResponse, config: Config): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  for (const question of formDef(response.form, config.defenseRubric).questions) {
    const answer = response.answers[question.key] ?? '';
    cells[answerKey(question)] = answer.trim() === '' ? null : clip(answer, config.locale);
  }
  cells.respondentEmail = response.email;
  return cells;
}

/**
 * A row that could not be read as a response (its time is not one, it has cells past the last
 * column, its sheet matches no form): kept in `Rejected` for staff, with its cells.
 */
export interface UnreadableResponse {
  /** The form's name, or `?` when no form matches. */
  readonly form: FormName | '?';
  readonly responseId: string;
  /** Ids the row may already be filed under in `Rejected` (see FormResponse). */
  readonly previousIds?: readonly string[];
  /** The time as the row gave it. */
  readonly submittedAt: string;
  /** Why, in the workbook's language. */
  readonly reason: string;
  /** The column the reason is about, when it is one: the time, or the form. */
  readonly field?: 'submittedAt' | 'form';
  /** The row's cells by their column titles, as they arrived. */
  readonly raw: Readonly<Record<string, string>>;
}

/** Every question title of every form (both languages) → its answer column; Google's email too. */
function answerColumnsByTitle(config: Config): Map<string, string> {
  const byTitle = new Map<string, string>();
  for (const name of ['activity', 'vote', 'defense', 'nomination', 'application'] as const) {
    for (const question of formDef(name, config.defenseRubric).questions) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const title = normaliseHeader(questionTitle(question, locale));
        if (!byTitle.has(title)) byTitle.set(title, answerKey(question));
      }
    }
  }
  for (const title of EMAIL_TITLES) byTitle.set(normaliseHeader(title), 'respondentEmail');
  return byTitle;
}

/** An unreadable row's cells in `Rejected`'s named columns, by their titles. */
function rawCells(raw: Readonly<Record<string, string>>, config: Config): Record<string, Cell> {
  const byTitle = answerColumnsByTitle(config);
  const cells: Record<string, Cell> = {};
  for (const [title, value] of Object.entries(raw)) {
    const key = byTitle.get(normaliseHeader(title));
    if (key !== undefined && value.trim() !== '') cells[key] ??= clip(value, config.locale);
  }
  return cells;
}

/** The 待改字段 of a rejection: the answer columns of the questions at fault. */
function faultFields(tables: Tables, form: FormName, questions: readonly string[]): string | null {
  const { config } = tables;
  const all = formDef(form, config.defenseRubric).questions;
  const keys = questions
    .map((key) => all.find((q) => q.key === key))
    .filter((q): q is Question => q !== undefined)
    .map(answerKey);
  return fieldText(tables.rejected.def, keys, config.locale);
}

/**
 * Applies one response to the tables. Returns what happened to it. A `retry` (reprocessing a
 * corrected `Rejected` row) judges the response again instead of skipping it as known.
 */
/** Notes a rejection under its group. */
function countRejection(tables: Tables, group: RejectionGroup): void {
  const key = `${group.key}\u0000${group.question ?? ''}`;
  const seen = tables.rejections.get(key);
  if (seen) seen.count++;
  else tables.rejections.set(key, { group, count: 1 });
}

/**
 * The staff column an extra question's answers go to: its title, or when that is already a column
 * of the table, the title marked as the form's.
 */
function extraColumnFor(target: Table<TableDef>, title: string, locale: Locale): string {
  return target.isSchemaColumn(title)
    ? t(locale, 'ingest.extra.column', { title: title.trim() })
    : title.trim();
}

/** Puts the answers to questions outside the schema in same-named staff columns of the row. */
function saveExtras(
  tables: Tables,
  target: Table<TableDef>,
  record: Record<string, unknown>,
  extra: Readonly<Record<string, string>>,
): void {
  const key = recordKey(target.def, record);
  for (const [title, answer] of Object.entries(extra)) {
    if (title.trim() === '') continue;
    const column = extraColumnFor(target, title, tables.config.locale);
    target.setExtra(key, column, answer.trim() === '' ? null : clip(answer, tables.config.locale));
    const columns = tables.extraColumns.get(target.def) ?? new Set<string>();
    columns.add(target.extraColumn(column) ?? column);
    tables.extraColumns.set(target.def, columns);
  }
}

export function ingestOne(
  tables: Tables,
  response: FormResponse,
  { retry = false } = {},
): 'added' | 'rejected' | 'skipped' {
  const target = tables.get(tables.target(response.form));
  const ids = [response.responseId, ...(response.previousIds ?? [])];
  const known = ids.some((id) =>
    response.form === 'application' ? tables.branchIndex.hasApplication(id) : target.has(id),
  );
  if (known || (!retry && ids.some((id) => tables.rejected.has(id)))) return 'skipped';
  const verdict = judge(tables, response);
  if (verdict.ok) {
    target.upsert(verdict.record as never);
    if (response.extra) saveExtras(tables, target, verdict.record, response.extra);
    if (response.form === 'application') tables.branchIndex.add(verdict.record as never);
    return 'added';
  }
  countRejection(tables, verdict.group);
  const previous = tables.rejected.get(response.responseId);
  tables.rejected.upsert({
    responseId: response.responseId,
    form: response.form,
    submittedAt: response.submittedAt,
    reason: verdict.reason,
    field: faultFields(tables, response.form, verdict.questions),
    handling: previous?.handling ?? null,
    // A retried response was read from the row, so these are the answers as staff corrected them.
    ...answerCells(response, tables.config),
    resolved: false,
    handledAt: null,
    // The response as it first arrived stays as it was.
    payload: previous?.payload ?? payloadOf(response, tables.config),
  } as RejectedRow);
  return 'rejected';
}

export function ingestResponses(
  ports: Ports,
  responses: readonly FormResponse[],
  problems: readonly UnreadableResponse[] = [],
): IngestReport {
  const config = readConfig(ports);
  return runJob(ports, t(config.locale, 'jobs.name.ingest'), config.locale, () => {
    const tables = new Tables(ports, config);
    const counts = { added: 0, rejected: 0, skipped: 0 };
    const added: FormResponse[] = [];
    responses.forEach((response, i) => {
      const outcome = ingestOne(tables, response);
      counts[outcome]++;
      if (outcome === 'added') added.push(response);
      ports.progress?.update(i + 1, responses.length, t(config.locale, 'jobs.name.ingest'));
    });
    for (const problem of problems) {
      const ids = [problem.responseId, ...(problem.previousIds ?? [])];
      if (ids.some((id) => tables.rejected.has(id))) {
        counts.skipped++;
        continue;
      }
      const raw = Object.entries(problem.raw).map(([k, v]) => [k, clip(v, config.locale)]);
      tables.rejected.upsert({
        responseId: problem.responseId,
        form: problem.form,
        submittedAt: problem.submittedAt,
        reason: problem.reason,
        field: problem.field
          ? fieldText(tables.rejected.def, [problem.field], config.locale)
          : null,
        handling: null,
        respondentEmail: null,
        ...rawCells(problem.raw, config),
        resolved: false,
        handledAt: null,
        payload: JSON.stringify(Object.fromEntries(raw), null, 1),
      } as RejectedRow);
      countRejection(tables, { key: 'ingest.group.unreadableRow' });
      counts.rejected++;
    }
    tables.refresh(new Set(responses.map((r) => r.form)));
    tables.saveAll();
    const blocked = isBlocked(tables, counts)
      ? t(config.locale, 'ingest.blocked', { count: counts.rejected })
      : null;
    return {
      job: 'ingest',
      rowsIn: responses.length + problems.length,
      rowsOut: counts.added + counts.rejected,
      ...counts,
      blocked,
      summary: [
        t(config.locale, 'jobs.ingest.counts', { ...counts }),
        ...staleMonthsAfterIngest(ports, config, added, tables),
        ...rejectionLines(tables),
        ...extraLines(tables),
        ...(blocked ? [blocked] : []),
      ],
    };
  });
}

/** One line per group of rejections, the largest first: how many, what, and how to fix it. */
function rejectionLines(tables: Tables): string[] {
  const locale = tables.config.locale;
  return [...tables.rejections.values()]
    .sort((a, b) => b.count - a.count)
    .map(({ group, count }) =>
      t(locale, 'ingest.summary.group', {
        count,
        label: t(locale, group.key, { question: group.question ?? '' }),
      }),
    );
}

function extraLines(tables: Tables): string[] {
  const locale = tables.config.locale;
  return [...tables.extraColumns].map(([def, columns]) =>
    t(locale, 'ingest.extra.saved', {
      count: columns.size,
      titles: joinList(locale, [...columns]),
      table: tabName(def, locale),
    }),
  );
}

/**
 * Nothing went in, and every response was turned away for the same step staff have not done yet
 * (judges not listed, branches not reviewed): the job did not do what it was run for.
 */
function isBlocked(tables: Tables, counts: { added: number; rejected: number }): boolean {
  const groups = [...tables.rejections.values()];
  return (
    counts.added === 0 &&
    counts.rejected > 0 &&
    groups.length === 1 &&
    groups[0]!.group.setup === true
  );
}

export { Tables as IngestTables };
