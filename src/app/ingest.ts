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
import type { TableDef } from '../domain/schema/table';
import { parseDate } from '../domain/timestamps';
import type { Locale } from '../domain/vocabulary';
import { rescoreActivities } from './activities';
import { BranchIndex } from './branches';
import { readConfig, type Ports } from './context';
import { runJob, type JobReport } from './job';
import { rescreenDefense, rescreenVotes } from './screening';
import { Table } from './table';

export interface IngestReport extends JobReport {
  readonly added: number;
  readonly rejected: number;
  readonly skipped: number;
}

type Verdict = { ok: true; record: Record<string, unknown> } | { ok: false; reason: string };

/** The tables an ingest may touch, read once per job. */
class Tables {
  readonly branches: Table<typeof BranchesTable>;
  readonly rejected: Table<typeof RejectedTable>;
  private readonly loaded = new Map<string, Table<TableDef>>();
  private readonly targets = new Map<FormName, TableDef>();
  readonly branchIndex: BranchIndex;

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
      table = Table.read(this.ports.store, def, this.config.locale);
      this.loaded.set(def.name, table);
    }
    return table as Table<D>;
  }

  /** Re-derives statuses and points that depend on more than one row. */
  refresh(forms: ReadonlySet<FormName>): void {
    const { config } = this;
    if (forms.has('activity')) rescoreActivities(this.get(ActivitiesTable), config);
    if (forms.has('vote')) {
      rescreenVotes(this.get(OnsiteVotesTable), this.get(JudgesTable).records());
    }
    if (forms.has('defense')) {
      rescreenDefense(
        this.get(defenseScoresTable(config.defenseRubric)),
        this.get(JudgesTable).records(),
        config.defenseRubric,
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
): { ok: true; values: Record<string, unknown> } | { ok: false; reason: string } {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const question of form.questions) {
    const column = def.columns[question.key];
    const answer = response.answers[question.key] ?? '';
    if (!column) {
      values[question.key] = answer.trim();
      continue;
    }
    if (question.required && answer.trim() === '') {
      problems.push(`${questionTitle(question, locale)}: is required`);
      continue;
    }
    const result = column.read(answer as Cell);
    if (result.ok) values[question.key] = result.value;
    else problems.push(`${questionTitle(question, locale)}: ${result.message}`);
  }
  return problems.length > 0 ? { ok: false, reason: problems.join(' | ') } : { ok: true, values };
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
      return { ok: false, reason: `${label('name')}: a branch named "${v.name}" already exists` };
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
  if (!found.ok) return { ok: false, reason: `${label('branch')}: ${found.reason}` };
  const branch = found.branch.id;

  switch (response.form) {
    case 'activity': {
      const date = String(v.date);
      if (date < config.programStart || date > config.programEnd) {
        return {
          ok: false,
          reason: `${label('date')}: ${date} is outside the programme; expected a date from ${config.programStart} to ${config.programEnd}`,
        };
      }
      if (date > response.submittedAt.slice(0, 10)) {
        return {
          ok: false,
          reason: `${label('date')}: ${date} is after the report was submitted; expected a past date`,
        };
      }
      const nonParty = (v.nonParty as number | null) ?? 0;
      if (nonParty > (v.participants as number)) {
        return {
          ok: false,
          reason: `${label('nonParty')}: ${nonParty} is more than the ${v.participants} participants`,
        };
      }
      return {
        ok: true,
        record: { ...base, ...v, branch, status: 'submitted', points: null, note: null },
      };
    }
    case 'vote': {
      const month = String(v.month);
      if (month < config.programStart.slice(0, 7) || month > config.programEnd.slice(0, 7)) {
        return {
          ok: false,
          reason: `${label('month')}: ${month} is outside the programme; expected a month from ${config.programStart.slice(0, 7)} to ${config.programEnd.slice(0, 7)}`,
        };
      }
      // The vote is cast at the month's meeting: a later month is a slip of the keyboard.
      if (month > response.submittedAt.slice(0, 7)) {
        return {
          ok: false,
          reason: `${label('month')}: ${month} is after the vote was submitted (${response.submittedAt.slice(0, 10)}); expected the month of the meeting`,
        };
      }
      return { ok: true, record: { ...base, ...v, branch, status: 'counted', reason: null } };
    }
    case 'defense': {
      const judges = tables.get(JudgesTable).records();
      if (!judges.some((j) => j.name === String(v.judge))) {
        return {
          ok: false,
          reason: `${label('judge')}: "${v.judge}" is not in the Judges sheet; expected a registered judge`,
        };
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
  if (response.email) payload['电子邮件地址'] = response.email;
  return JSON.stringify(payload, null, 1);
}

/**
 * Applies one response to the tables. Returns what happened to it. A `retry` (reprocessing a
 * corrected `Rejected` row) judges the response again instead of skipping it as known.
 */
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
    if (response.form === 'application') tables.branchIndex.add(verdict.record as never);
    return 'added';
  }
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
  return runJob(ports, 'ingest', config.locale, () => {
    const tables = new Tables(ports, config);
    const counts = { added: 0, rejected: 0, skipped: 0 };
    responses.forEach((response, i) => {
      counts[ingestOne(tables, response)]++;
      ports.progress?.update(i + 1, responses.length, 'ingest');
    });
    for (const { previousIds = [], ...problem } of problems) {
      if ([problem.responseId, ...previousIds].some((id) => tables.rejected.has(id))) {
        counts.skipped++;
        continue;
      }
      tables.rejected.upsert({ ...problem, resolved: false });
      counts.rejected++;
    }
    tables.refresh(new Set(responses.map((r) => r.form)));
    tables.saveAll();
    return {
      job: 'ingest',
      rowsIn: responses.length + problems.length,
      rowsOut: counts.added + counts.rejected,
      ...counts,
      summary: [
        `${counts.added} added, ${counts.rejected} rejected, ${counts.skipped} already known`,
      ],
    };
  });
}

export { Tables as IngestTables };
