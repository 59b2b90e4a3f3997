/**
 * "Reprocess rejected": staff correct a response's answers in the named columns of `Rejected`,
 * then this moves every row that now passes into its table (the `Rejected` row stays, marked
 * resolved, as the audit trail). A row that still fails gets its new reason. A row staff
 * dismissed (处理方式 忽略…) is closed and stamped, never reprocessed again.
 */
import type { Config } from '../domain/config';
import {
  EMAIL_TITLES,
  formDef,
  FORM_NAMES,
  FORM_TERMS,
  TIMESTAMP_TITLES,
  questionTitle,
  type FormName,
  type FormResponse,
} from '../domain/forms';
import { joinList, t } from '../domain/messages';
import { quoteAnswer } from '../domain/rejectionReasons';
import {
  answerKey,
  answerOf,
  fieldText,
  isDismissed,
  type RejectedRow,
} from '../domain/schema/rejected';
import { normaliseHeader } from '../domain/schema/rows';
import type { TableDef } from '../domain/schema/table';
import { parseLocalTimestamp } from '../domain/timestamps';
import { labelOf } from '../domain/vocabulary';
import { readConfig, type Ports } from './context';
import { ingestOne, IngestTables } from './ingest';
import { runJob, type JobReport } from './job';
import { staleMonthsAfterIngest } from './staleness';

export interface ReprocessReport extends JobReport {
  readonly moved: number;
  readonly stillRejected: number;
  /** Rows staff dismissed since the last run, now closed. */
  readonly dismissed: number;
}

/** Why a row cannot be turned back into a response, and the column at fault. */
export interface Unreadable {
  readonly reason: string;
  readonly field: string;
}

/** The row's 原始内容 as question title → answer, or null when it is not JSON any more. */
function payloadEntries(row: RejectedRow): Map<string, string> | null {
  if (row.payload === null) return new Map();
  try {
    const parsed = JSON.parse(row.payload) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    return new Map(Object.entries(parsed).map(([k, v]) => [k, String(v ?? '')]));
  } catch {
    return null;
  }
}

/**
 * Turns an edited `Rejected` row back into the response it was, or says why it cannot. The
 * answers are the named columns; a row filed before they existed (all of them blank) is read from
 * its 原始内容 instead. Answers to questions outside the schema always come from 原始内容.
 */
export function responseFromRejected(
  row: RejectedRow,
  config: Config,
  def: TableDef,
): FormResponse | Unreadable {
  const { locale } = config;
  const column = (key: string) => {
    const c = def.columns[key]!;
    return locale === 'en' ? c.en : c.zh;
  };
  if (!FORM_NAMES.includes(row.form as FormName)) {
    return {
      reason: t(locale, 'ingest.reason.unknownForm', {
        question: column('form'),
        answer: quoteAnswer(
          locale,
          labelOf(
            FORM_TERMS.find((f) => f.key === row.form)!,
            locale,
          ),
        ),
        choices: joinList(
          locale,
          FORM_TERMS.filter((f) => f.key !== '?').map((f) => labelOf(f, locale)),
        ),
      }),
      field: 'form',
    };
  }
  const form = formDef(row.form as FormName, config.defenseRubric);
  const named = form.questions.some((q) => answerOf(row, answerKey(q)).trim() !== '');
  const payload = payloadEntries(row);
  if (!named && payload === null) {
    return {
      reason: t(locale, 'ingest.reason.payloadUnreadable', { question: column('payload') }),
      field: 'payload',
    };
  }
  const byTitle = new Map([...(payload ?? [])].map(([k, v]) => [normaliseHeader(k), v]));
  const answers: Record<string, string> = {};
  const titles = new Set<string>();
  for (const question of form.questions) {
    for (const title of [questionTitle(question, 'zh-CN'), questionTitle(question, 'en')]) {
      titles.add(normaliseHeader(title));
      const answer = byTitle.get(normaliseHeader(title));
      if (!named && answer !== undefined) answers[question.key] ??= answer;
    }
    if (named) answers[question.key] = answerOf(row, answerKey(question));
  }
  // Every other entry but Google's own columns answers a question outside the schema.
  const google = new Set([...TIMESTAMP_TITLES, ...EMAIL_TITLES].map(normaliseHeader));
  const extra: Record<string, string> = {};
  for (const [title, answer] of payload ?? []) {
    const name = normaliseHeader(title);
    if (titles.has(name) || google.has(name) || /^column \d+$/.test(name)) continue;
    extra[title] = answer;
  }
  const emailInPayload = EMAIL_TITLES.map((title) => byTitle.get(normaliseHeader(title))).find(
    (e) => e !== undefined && e.trim() !== '',
  );
  const email = named || row.respondentEmail ? row.respondentEmail : (emailInPayload ?? null);
  const submittedAt = parseLocalTimestamp(row.submittedAt ?? '', { dayOrder: config.dateOrder });
  if (!submittedAt.ok) {
    const text = (row.submittedAt ?? '').trim();
    return {
      reason:
        text === ''
          ? t(locale, 'ingest.reason.timestampBlank', { question: column('submittedAt') })
          : t(locale, 'ingest.reason.timestampUnreadable', {
              question: column('submittedAt'),
              answer: quoteAnswer(locale, text),
            }),
      field: 'submittedAt',
    };
  }
  return {
    form: row.form as FormName,
    responseId: row.responseId,
    submittedAt: submittedAt.value,
    email: email?.trim() || null,
    answers,
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  };
}

export function reprocessRejected(ports: Ports): ReprocessReport {
  const config = readConfig(ports);
  return runJob(ports, t(config.locale, 'jobs.name.reprocess'), config.locale, () => {
    const tables = new IngestTables(ports, config);
    const { rejected } = tables;
    const now = ports.clock.now();
    let dismissed = 0;
    const open: RejectedRow[] = [];
    for (const row of rejected.records()) {
      if (row.resolved === true) continue;
      if (!isDismissed(row)) {
        open.push(row);
        continue;
      }
      // Dismissed by staff: closed, with the time it was seen, and never looked at again.
      rejected.upsert({ ...row, resolved: true, handledAt: row.handledAt ?? now });
      dismissed++;
    }
    let moved = 0;
    for (const row of open) {
      const response = responseFromRejected(row, config, rejected.def);
      if ('reason' in response) {
        rejected.upsert({
          ...row,
          reason: response.reason,
          field: fieldText(rejected.def, [response.field], config.locale),
        });
        continue;
      }
      const outcome = ingestOne(tables, response, { retry: true });
      if (outcome === 'added') {
        rejected.upsert({ ...rejected.get(row.responseId)!, resolved: true, handledAt: now });
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
      dismissed,
      summary: [
        t(config.locale, 'jobs.reprocess.summary', { moved, left: open.length - moved }),
        ...(dismissed > 0
          ? [t(config.locale, 'ingest.reprocess.dismissed', { count: dismissed })]
          : []),
        ...staleMonthsAfterIngest(
          ports,
          config,
          open.filter((r) => rejected.get(r.responseId)?.resolved === true),
          tables,
        ),
      ],
    };
  });
}
