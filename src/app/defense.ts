/**
 * The June defense (DESIGN §1 stage 3): judges' rubric sheets, screened for conflicts and
 * resubmissions, aggregated per branch with the trimmed mean, ranked.
 */
import { aggregate, type SubjectResult } from '../domain/aggregate';
import { formatFixed, toCellNumber } from '../domain/decimal';
import { joinClauses, t } from '../domain/messages';
import { compareIds, rankBy } from '../domain/ranking';
import { rubricMax } from '../domain/rubric';
import { toDefenseScore } from '../domain/schema/defenseScores';
import {
  BranchesTable,
  DefenseResultsTable,
  JudgesTable,
  type DefenseResult,
} from '../domain/schema/tables';
import { readConfig, type Ports } from './context';
import { runJob, type JobReport } from './job';
import { describeRubric, formatScale, readDefenseScores } from './rubric';
import { rescreenDefense } from './screening';
import { Table } from './table';
import { labelOf, type Locale } from '../domain/vocabulary';

export interface DefenseReport extends JobReport {
  readonly results: readonly DefenseResult[];
  /** Some result differs from what the sheet held before. */
  readonly changed: boolean;
  readonly details: readonly SubjectResult[];
}

function droppedText(
  locale: Locale,
  result: SubjectResult,
  rubricLabels: Map<string, string>,
): string | null {
  if (result.dropped.length === 0) return null;
  return joinClauses(
    locale,
    result.dropped.map((d) =>
      t(locale, 'jobs.defense.dropped', {
        criterion: d.criterion ? `${rubricLabels.get(d.criterion) ?? d.criterion} ` : '',
        judge: d.judge,
        value: formatFixed(d.value),
        side: t(locale, d.side === 'high' ? 'jobs.defense.high' : 'jobs.defense.low'),
      }),
    ),
  );
}

export function aggregateDefense(ports: Ports): DefenseReport {
  const config = readConfig(ports);
  const { locale } = config;
  return runJob(ports, t(locale, 'jobs.name.defense'), locale, () => {
    const { store } = ports;
    const rubric = config.defenseRubric;
    const scores = readDefenseScores(store, config);
    const judges = Table.read(store, JudgesTable, config.locale).records();
    const branches = Table.read(store, BranchesTable, config.locale).records();
    const results = Table.read(store, DefenseResultsTable, config.locale);
    rescreenDefense(scores, judges, rubric, config.locale);

    const sheets = scores
      .records()
      .map((r) => toDefenseScore(r as Record<string, unknown>, rubric))
      .filter((s) => s.status === 'counted')
      .map((s) => ({ judge: s.judge, subject: s.branch, marks: s.marks }));
    const details = aggregate(
      sheets,
      rubric.map((c) => ({ key: c.key, label: labelOf(c, locale), max: c.max, weight: c.weight })),
      {
        mode: config.aggregateBy,
        trimFrom: config.trimFrom,
        trimCount: config.trimCount,
        minJudges: config.minJudges,
        normalizeJudges: config.normalizeJudges,
      },
    );
    const complete = details.filter((d) => !d.incomplete);
    const ranks = new Map(
      rankBy(complete, (d) => d.score, [(a, b) => compareIds(a.subject, b.subject)]).map((r) => [
        r.item.subject,
        r.rank,
      ]),
    );
    const names = new Map(branches.map((b) => [b.id, b.name]));
    const label = (c: (typeof rubric)[number]) => labelOf(c, locale);
    const labels = new Map(rubric.map((c) => [c.key, label(c)]));
    const outOf = rubricMax(rubric);
    const now = ports.clock.now();
    const written: DefenseResult[] = [];
    for (const d of details) {
      const previous = results.get(d.subject);
      const row: DefenseResult = {
        branch: d.subject,
        branchName: names.get(d.subject) ?? null,
        judgesCounted: d.judgesCounted,
        dropped: droppedText(locale, d, labels),
        score: toCellNumber(d.score),
        outOf: toCellNumber(outOf),
        criterionMeans: joinClauses(
          locale,
          rubric.map((c) =>
            t(locale, 'jobs.defense.mean', {
              criterion: label(c),
              value: formatFixed(d.criterionMeans[c.key] ?? 0),
            }),
          ),
        ),
        rank: ranks.get(d.subject) ?? null,
        incomplete: d.incomplete,
        computedAt: previous?.computedAt ?? now,
      };
      if (results.upsert(row) === 'updated') results.upsert({ ...row, computedAt: now });
      written.push(row);
    }
    // A branch whose sheets no longer count (all superseded or conflicts) keeps its row, but its
    // old figures no longer stand: left as they were, they would still rank and score it.
    const aggregated = new Set(details.map((d) => d.subject));
    for (const old of results.records()) {
      if (aggregated.has(old.branch)) continue;
      const row: DefenseResult = {
        ...old,
        judgesCounted: 0,
        dropped: null,
        score: null,
        criterionMeans: null,
        rank: null,
        incomplete: true,
      };
      if (results.upsert(row) === 'updated') results.upsert({ ...row, computedAt: now });
    }
    scores.save(store, config.locale);
    const changed = results.save(store, config.locale);
    const incomplete = details.length - complete.length;
    return {
      job: 'defense',
      rowsIn: sheets.length,
      rowsOut: written.length,
      changed,
      results: written,
      details,
      summary: [
        t(locale, 'jobs.defense.aggregated', { count: written.length, sheets: sheets.length }),
        ...(incomplete > 0
          ? [t(locale, 'jobs.defense.incomplete', { count: incomplete, min: config.minJudges })]
          : []),
        t(locale, 'rubric.scale', {
          max: formatScale(outOf),
          rubric: describeRubric(locale, rubric),
        }),
      ],
    };
  });
}
