/**
 * Every job runs the same way: time it, do it, append one `Log` row whatever the outcome.
 * The Log row holds counts and the error message, never personal data.
 */
import { joinClauses, t } from '../domain/messages';
import { LogTable } from '../domain/schema/tables';
import type { Locale } from '../domain/vocabulary';
import type { Ports } from './context';
import { takeProblems } from './problems';
import { Table } from './table';

export interface JobReport {
  readonly job: string;
  readonly rowsIn: number;
  readonly rowsOut: number;
  /** Short lines for the person who ran it: what happened, what needs their attention. */
  readonly summary: readonly string[];
}

export function runJob<R extends JobReport>(
  ports: Ports,
  job: string,
  locale: Locale,
  work: () => R,
): R {
  const startedAt = ports.clock.now();
  const started = ports.clock.elapsedMs();
  takeProblems(locale); // problems of an earlier job are not this job's
  try {
    const done = work();
    const problems = takeProblems(locale);
    const shown =
      problems.length > 10
        ? [...problems.slice(0, 10), t(locale, 'common.more', { count: problems.length - 10 })]
        : problems;
    const report = { ...done, summary: [...done.summary, ...shown] };
    // The Log keeps how many cells were unreadable, not what was in them (it may be personal).
    const logged =
      problems.length > 0 ? [t(locale, 'jobs.log.unreadCells', { count: problems.length })] : [];
    appendLog(ports, locale, {
      startedAt,
      job,
      durationMs: Math.round(ports.clock.elapsedMs() - started),
      rowsIn: report.rowsIn,
      rowsOut: report.rowsOut,
      outcome: 'ok',
      message: joinClauses(locale, [...done.summary, ...logged]).slice(0, 1000) || null,
    });
    return report;
  } catch (error) {
    appendLog(ports, locale, {
      startedAt,
      job,
      durationMs: Math.round(ports.clock.elapsedMs() - started),
      rowsIn: 0,
      rowsOut: 0,
      outcome: 'failed',
      message: error instanceof Error ? error.message.slice(0, 1000) : String(error),
    });
    throw error;
  }
}

function appendLog(
  ports: Ports,
  locale: Locale,
  row: Parameters<Table<typeof LogTable>['append']>[0],
): void {
  const log = Table.read(ports.store, LogTable, locale);
  log.append(row);
  log.save(ports.store, locale);
}
