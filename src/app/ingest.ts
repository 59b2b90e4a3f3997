/**
 * Ingesting form responses (DESIGN §3, §6): each response becomes one canonical row, or one
 * `Rejected` row with its reason and raw answers. Nothing is dropped, and a response already seen
 * (in its table or in `Rejected`) is skipped, so re-ingesting a file adds nothing.
 */
import type { Config } from '../domain/config';
import {
  formDef,
  questionTitle,
  type FormDef,
  type FormName,
  type FormResponse,
} from '../domain/forms';
import type { Cell } from '../domain/schema/column';
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
  RejectedTable,
} from '../domain/schema/tables';
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

type Rejection = { ok: false; reason: string; group: RejectionGroup };
type Verdict = { ok: true; record: Record<string, unknown> } | Rejection;

const rejection = (reason: string, group: RejectionGroup): Rejection => ({
  ok: false,
  reason,
  group,
});

/** The tables an ingest may touch, read once per job. */
class Tables {
  readonly branches: Table<typeof BranchesTable>;
  readonly rejected: Table<typeof RejectedTable>;
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
    this.rejected = Table.read(ports.store, RejectedTable, config.locale);
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

/** Parses the answers named by `keys` with the target table's column rules. */
function parseAnswers(
  def: TableDef,
  form: FormDef,
  response: FormResponse,
  locale: Locale,
): { ok: true; values: Record<string, unknown> } | Rejection {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  let group: RejectionGroup | undefined;
  for (const question of form.questions) {
    const column = def.columns[question.key];
    const answer = response.answers[question.key] ?? '';
    if (!column) {
      values[question.key] = answer.trim();
      continue;
    }
    const title = questionTitle(question, locale);
    if (question.required && answer.trim() === '') {
      problems.push(`${title}: is required`);
      group ??= { key: 'ingest.group.required', question: title };
      continue;
    }
    const result = column.read(answer as Cell);
    if (result.ok) values[question.key] = result.value;
    else {
      problems.push(`${title}: ${result.message}`);
      group ??= { key: 'ingest.group.invalidAnswer', question: title };
    }
  }
  return group ? rejection(problems.join(' | '), group) : { ok: true, values };
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
  const form = formDef(response.form, config.defenseRubric);
  const def = tables.target(response.form);
  const parsed = parseAnswers(def, form, withIsoDates(response, config), config.locale);
  if (!parsed.ok) return parsed;
  const v = parsed.values;
  const base = { responseId: response.responseId, submittedAt: response.submittedAt };
  const branches = tables.branchIndex;
  const label = (key: string) =>
    questionTitle(
      form.questions.find((q) => q.key === key)!,
      config.locale,
    );

  if (response.form === 'application') {
    if (branches.find(String(v.name)) !== undefined) {
      return rejection(`${label('name')}: a branch named "${v.name}" already exists`, {
        key: 'ingest.group.branchExists',
      });
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

  const found = branches.findApproved(String(response.answers.branch ?? ''));
  if (!found.ok) {
    const named = branches.find(String(response.answers.branch ?? ''));
    return rejection(
      `${label('branch')}: ${found.reason}`,
      named === undefined
        ? { key: 'ingest.group.branchUnknown' }
        : // A pending branch waits for staff's review; a rejected one will not take part.
          { key: 'ingest.group.branchNotApproved', setup: named.status === 'pending' },
    );
  }
  const branch = found.branch.id;

  switch (response.form) {
    case 'activity': {
      const date = String(v.date);
      if (date < config.programStart || date > config.programEnd) {
        return rejection(
          `${label('date')}: ${date} is outside the programme; expected a date from ${config.programStart} to ${config.programEnd}`,
          {
            key: 'ingest.group.outsideProgramme',
            question: label('date'),
          },
        );
      }
      if (date > response.submittedAt.slice(0, 10)) {
        return rejection(
          `${label('date')}: ${date} is after the report was submitted; expected a past date`,
          {
            key: 'ingest.group.afterSubmission',
            question: label('date'),
          },
        );
      }
      const nonParty = (v.nonParty as number | null) ?? 0;
      if (nonParty > (v.participants as number)) {
        return rejection(
          `${label('nonParty')}: ${nonParty} is more than the ${v.participants} participants`,
          {
            key: 'ingest.group.nonPartyTooMany',
            question: label('nonParty'),
          },
        );
      }
      return {
        ok: true,
        record: { ...base, ...v, branch, status: 'submitted', points: null, note: null },
      };
    }
    case 'vote': {
      const month = String(v.month);
      if (month < config.programStart.slice(0, 7) || month > config.programEnd.slice(0, 7)) {
        return rejection(
          `${label('month')}: ${month} is outside the programme; expected a month from ${config.programStart.slice(0, 7)} to ${config.programEnd.slice(0, 7)}`,
          {
            key: 'ingest.group.outsideProgramme',
            question: label('month'),
          },
        );
      }
      // The vote is cast at the month's meeting: a later month is a slip of the keyboard.
      if (month > response.submittedAt.slice(0, 7)) {
        return rejection(
          `${label('month')}: ${month} is after the vote was submitted (${response.submittedAt.slice(0, 10)}); expected the month of the meeting`,
          {
            key: 'ingest.group.afterSubmission',
            question: label('month'),
          },
        );
      }
      return { ok: true, record: { ...base, ...v, branch, status: 'counted', reason: null } };
    }
    case 'defense': {
      const judges = tables.get(JudgesTable).records();
      if (!judges.some((j) => j.name === String(v.judge))) {
        return rejection(
          t(config.locale, 'ingest.reason.judgeNotListed', {
            question: label('judge'),
            judge: String(v.judge),
          }),
          { key: 'ingest.group.judgeNotListed', setup: true },
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

/** Longer answers are cut in `Rejected` so the row fits a cell; the reason says how long they were. */
const PAYLOAD_ANSWER_LIMIT = 2000;

export function clip(answer: string): string {
  return answer.length <= PAYLOAD_ANSWER_LIMIT
    ? answer
    : `${answer.slice(0, PAYLOAD_ANSWER_LIMIT)}…（已截断，原文 ${answer.length} 字 / truncated）`;
}

/** The raw answers as staff can read and correct them: question title → answer. */
export function payloadOf(response: FormResponse, config: Config): string {
  const form = formDef(response.form, config.defenseRubric);
  const payload: Record<string, string> = {};
  for (const question of form.questions) {
    payload[questionTitle(question, 'zh-CN')] = clip(response.answers[question.key] ?? '');
  }
  // Questions outside the schema keep their answers too, so reprocessing can save them.
  for (const [title, answer] of Object.entries(response.extra ?? {})) {
    if (!(title in payload)) payload[title] = clip(answer);
  }
  if (response.email) payload['电子邮件地址'] = response.email;
  return JSON.stringify(payload, null, 1);
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
    target.setExtra(key, column, answer.trim() === '' ? null : clip(answer));
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
    // A retried row keeps the payload staff edited, so their corrections are not overwritten.
    payload: previous?.payload ?? payloadOf(response, tables.config),
    resolved: false,
  });
  return 'rejected';
}

export function ingestResponses(
  ports: Ports,
  responses: readonly FormResponse[],
  problems: readonly {
    /** The form's name, or `?` when it is not known. */
    form: string;
    responseId: string;
    /** Ids the row may already be filed under in `Rejected` (see FormResponse). */
    previousIds?: readonly string[];
    submittedAt: string;
    reason: string;
    payload: string;
  }[] = [],
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
    for (const { previousIds = [], ...problem } of problems) {
      if ([problem.responseId, ...previousIds].some((id) => tables.rejected.has(id))) {
        counts.skipped++;
        continue;
      }
      tables.rejected.upsert({ ...problem, resolved: false });
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
