/**
 * "Reprocess rejected": staff correct a response's raw answers in `Rejected`, then this moves every
 * row that now passes into its table (the `Rejected` row stays, marked resolved, as the audit
 * trail). A row that still fails gets its new reason.
 */
import {
  EMAIL_TITLES,
  formDef,
  FORM_NAMES,
  TIMESTAMP_TITLES,
  questionTitle,
  type FormName,
  type FormResponse,
} from '../domain/forms';
import { normaliseHeader } from '../domain/schema/rows';
import type { RejectedRow } from '../domain/schema/tables';
import type { Config } from '../domain/config';
import { t } from '../domain/messages';
import { readConfig, type Ports } from './context';
import { ingestOne, IngestTables } from './ingest';
import { runJob, type JobReport } from './job';
import { staleMonthsAfterIngest } from './staleness';

export interface ReprocessReport extends JobReport {
  readonly moved: number;
  readonly stillRejected: number;
}

/** Turns an edited `Rejected` row back into the response it was, or says why it cannot. */
export function responseFromRejected(row: RejectedRow, config: Config): FormResponse | string {
  if (!FORM_NAMES.includes(row.form as FormName)) return `unknown form "${row.form}"`;
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(row.payload) as Record<string, unknown>;
  } catch {
    return 'the raw payload is not valid JSON any more; fix its quotes and braces';
  }
  const form = formDef(row.form as FormName, config.defenseRubric);
  const byTitle = new Map(
    Object.entries(payload).map(([k, v]) => [normaliseHeader(k), String(v ?? '')]),
  );
  const answers: Record<string, string> = {};
  const matched = new Set<string>();
  for (const question of form.questions) {
    for (const title of [questionTitle(question, 'zh-CN'), questionTitle(question, 'en')]) {
      const answer = byTitle.get(normaliseHeader(title));
      if (answer === undefined) continue;
      answers[question.key] ??= answer;
      matched.add(normaliseHeader(title));
    }
  }
  // Every other entry but Google's own columns answers a question outside the schema.
  const googleColumns = new Set([...TIMESTAMP_TITLES, ...EMAIL_TITLES].map(normaliseHeader));
  const extra: Record<string, string> = {};
  for (const [title, answer] of Object.entries(payload)) {
    const name = normaliseHeader(title);
    if (matched.has(name) || googleColumns.has(name) || /^column \d+$/.test(name)) continue;
    extra[title] = String(answer ?? '');
  }
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(row.submittedAt ?? '')) {
    return `submitted at "${row.submittedAt ?? ''}" is not a time written YYYY-MM-DD HH:mm:ss`;
  }
  return {
    form: row.form as FormName,
    responseId: row.responseId,
    submittedAt: row.submittedAt!,
    email: String(byTitle.get(normaliseHeader('电子邮件地址')) ?? '') || null,
    answers,
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  };
}

export function reprocessRejected(ports: Ports): ReprocessReport {
  const config = readConfig(ports);
  return runJob(ports, t(config.locale, 'jobs.name.reprocess'), config.locale, () => {
    const tables = new IngestTables(ports, config);
    const open = tables.rejected.records().filter((r) => r.resolved !== true);
    let moved = 0;
    for (const row of open) {
      const response = responseFromRejected(row, config);
      if (typeof response === 'string') {
        tables.rejected.upsert({ ...row, reason: response });
        continue;
      }
      const outcome = ingestOne(tables, response, { retry: true });
      if (outcome === 'added') {
        tables.rejected.upsert({ ...tables.rejected.get(row.responseId)!, resolved: true });
        moved++;
      }
    }
    tables.refresh(new Set(open.map((r) => r.form as FormName)));
    tables.saveAll();
    return {
      job: 'reprocess',
      rowsIn: open.length,
      rowsOut: moved,
      moved,
      stillRejected: open.length - moved,
      summary: [
        t(config.locale, 'jobs.reprocess.summary', { moved, left: open.length - moved }),
        ...staleMonthsAfterIngest(
          ports,
          config,
          open.filter((r) => tables.rejected.get(r.responseId)?.resolved === true),
          tables,
        ),
      ],
    };
  });
}
