/**
 * The monthly cycle (DESIGN §1 stage 2): on the showcase day, pick the branches that present at
 * the month's summary meeting; on the 1st of the next month, finalise the month's results.
 */
import { groupBy } from '../domain/groupBy';
import { aggregate, type ScoreSheet } from '../domain/aggregate';
import { addMonths, monthOf } from '../domain/calendar';
import type { Config } from '../domain/config';
import { sum, toCellNumber, ZERO, type Dec } from '../domain/decimal';
import { finaliseMonth as computeMonth, monthlyScore } from '../domain/monthly';
import { drawShowcase } from '../domain/showcase';
import { pickStarBranches } from '../domain/starBranch';
import {
  ActivitiesTable,
  BranchesTable,
  MonthlyResultsTable,
  OnsiteVotesTable,
  ShowcaseTable,
  type Activity,
  type MonthlyResult,
} from '../domain/schema/tables';
import type { RowFilter } from '../domain/schema/rows';
import { isThemeKind } from '../domain/vocabulary';
import { rescoreActivities } from './activities';
import { readConfig, type Ports } from './context';
import { runJob, type JobReport } from './job';
import { Table } from './table';

const countsTowardScore = (a: Activity) => a.status !== 'rejected' && a.status !== 'duplicate';

/**
 * Only the month's reports are parsed: duplicates are the same branch, date and title, so they
 * never span months, and the other months' rows pass through the job untouched.
 */
function inThisMonth(month: string): RowFilter {
  return { column: 'date', keep: (date) => monthOf(date as string) === month };
}

/** The month's counted activities by branch, in one pass over the table. */
function activitiesByBranch(
  activities: readonly Activity[],
  month: string,
): Map<string, Activity[]> {
  return groupBy(
    activities.filter((a) => monthOf(a.date) === month && countsTowardScore(a)),
    (a) => a.branch,
  );
}

function pointsOf(activities: readonly Activity[]): Dec {
  return sum(activities.map((a) => a.points ?? 0));
}

function checkMonth(month: string, config: Config): void {
  if (month < config.programStart.slice(0, 7) || month > config.programEnd.slice(0, 7)) {
    throw new Error(
      `month ${month} is outside the programme ${config.programStart}..${config.programEnd}`,
    );
  }
}

export interface ShowcaseReport extends JobReport {
  readonly picks: readonly { branch: string; name: string; reason: string; note: string }[];
  readonly alreadyDrawn: boolean;
}

/**
 * Draws the month's showcase. A month is drawn once: re-running returns the recorded draw, so a
 * trigger that fires twice cannot change who presents. Staff delete a month's rows to redraw.
 */
export function prepareShowcase(ports: Ports, month: string): ShowcaseReport {
  const config = readConfig(ports);
  checkMonth(month, config);
  return runJob(ports, `showcase ${month}`, config.locale, () => {
    const { store } = ports;
    const showcase = Table.read(store, ShowcaseTable, config.locale);
    const branches = Table.read(store, BranchesTable, config.locale).records();
    const names = new Map(branches.map((b) => [b.id, b.name]));
    const recorded = showcase.records().filter((s) => s.month === month);
    if (recorded.length > 0) {
      return {
        job: 'showcase',
        rowsIn: recorded.length,
        rowsOut: 0,
        alreadyDrawn: true,
        picks: recorded.map((s) => ({
          branch: s.branch,
          name: s.branchName ?? '',
          reason: s.reason,
          note: s.note ?? '',
        })),
        summary: [
          `${month} was already drawn on ${recorded[0]!.drawnAt}; delete its rows to redraw`,
        ],
      };
    }
    const activities = Table.read(store, ActivitiesTable, config.locale, inThisMonth(month));
    rescoreActivities(activities, config);
    const records = activities.records();
    const inMonth = activitiesByBranch(records, month);
    const approved = branches.filter((b) => b.status === 'approved');
    const scores = approved.map((b) => ({
      branch: b.id,
      score: monthlyScore(pointsOf(inMonth.get(b.id) ?? []), config.monthlyTarget),
    }));
    const picks = drawShowcase({
      programYear: config.programYear,
      month,
      scores,
      recentPresenters: showcase.records().map((s) => ({ branch: s.branch, month: s.month })),
      topK: config.showcaseTopK,
      cooldownMonths: config.showcaseCooldownMonths,
      spotCheckCount: config.spotCheckCount,
    });
    const drawnAt = ports.clock.now();
    const scoreOf = new Map(scores.map((s) => [s.branch, s.score]));
    for (const pick of picks) {
      showcase.upsert({
        month,
        branch: pick.branch,
        branchName: names.get(pick.branch) ?? null,
        reason: pick.reason,
        note: pick.note,
        score: toCellNumber(scoreOf.get(pick.branch) ?? ZERO),
        drawnAt,
      });
    }
    showcase.save(store, config.locale);
    activities.save(store, config.locale);
    return {
      job: 'showcase',
      rowsIn: records.length,
      rowsOut: picks.length,
      alreadyDrawn: false,
      picks: picks.map((p) => ({ ...p, name: names.get(p.branch) ?? '' })),
      summary: [`${month}: ${picks.length} branches picked to present`],
    };
  });
}

/** The aggregate of each presenter's on-site votes in the month (null when there are none). */
function onsiteScores(
  votes: Table<typeof OnsiteVotesTable>,
  month: string,
  config: Config,
): Map<string, Dec | null> {
  const sheets: ScoreSheet[] = votes
    .records()
    .filter((v) => v.month === month && v.status === 'counted')
    .map((v) => ({ judge: v.judge, subject: v.branch, marks: { score: v.score } }));
  const results = aggregate(sheets, [{ key: 'score', label: '综合评分', max: 100 }], {
    mode: 'total',
    trimFrom: config.trimFrom,
    trimCount: config.trimCount,
    minJudges: config.minJudges,
    normalizeJudges: false,
  });
  return new Map(results.map((r) => [r.subject, r.incomplete ? null : r.score]));
}

export interface FinaliseReport extends JobReport {
  readonly month: string;
  readonly starBranches: readonly string[];
  readonly results: readonly MonthlyResult[];
}

const STARS = ['', '★', '★★', '★★★', '★★★★', '★★★★★'];

/**
 * Finalises a month: every approved branch's points, score, stars and rank, who presented, their
 * on-site score, and the star branch of the month. Re-running updates the same rows; staff's
 * veto column is read and respected.
 */
export function finaliseMonth(ports: Ports, month: string): FinaliseReport {
  const config = readConfig(ports);
  checkMonth(month, config);
  return runJob(ports, `finalise ${month}`, config.locale, () => {
    const { store } = ports;
    const branches = Table.read(store, BranchesTable, config.locale).records();
    const activities = Table.read(store, ActivitiesTable, config.locale, inThisMonth(month));
    const votes = Table.read(store, OnsiteVotesTable, config.locale);
    const showcase = Table.read(store, ShowcaseTable, config.locale).records();
    const results = Table.read(store, MonthlyResultsTable, config.locale, {
      column: 'month',
      keep: (m) => m === month,
    });
    rescoreActivities(activities, config);
    const records = activities.records();
    const inMonth = activitiesByBranch(records, month);
    const approved = branches.filter((b) => b.status === 'approved');
    const previous = new Map(
      results
        .records()
        .filter((r) => r.month === month)
        .map((r) => [r.branch, r]),
    );

    const computed = computeMonth({
      month,
      branches: approved.map((b) => {
        const done = inMonth.get(b.id) ?? [];
        const veto = previous.get(b.id)?.veto ?? undefined;
        return {
          branch: b.id,
          points: pointsOf(done),
          distinctThemes: new Set(done.filter((a) => isThemeKind(a.kind)).map((a) => a.kind)).size,
          lastSubmittedAt: done.reduce<string | null>(
            (l, a) => (l === null || a.submittedAt > l ? a.submittedAt : l),
            null,
          ),
          ...(veto ? { veto } : {}),
        };
      }),
      monthlyTarget: config.monthlyTarget,
      thresholds: config.starThresholds,
      quota5: config.starQuota5,
      quota4: config.starQuota4,
    });

    const presenters = new Set(showcase.filter((s) => s.month === month).map((s) => s.branch));
    const onsite = onsiteScores(votes, month, config);
    const starBranches = pickStarBranches({
      // A veto (一票否决) also rules a branch out of the month's title.
      presenters: computed
        .filter((r) => presenters.has(r.branch) && !r.veto)
        .map((r) => ({
          branch: r.branch,
          onsiteScore: onsite.get(r.branch) ?? null,
          monthlyScore: r.score,
        })),
      count: config.starBranchesPerMonth,
    });

    const names = new Map(branches.map((b) => [b.id, b.name]));
    const now = ports.clock.now();
    const written: MonthlyResult[] = [];
    for (const r of computed) {
      const onsiteScore = onsite.get(r.branch);
      const row: MonthlyResult = {
        month,
        branch: r.branch,
        branchName: names.get(r.branch) ?? null,
        points: toCellNumber(r.points),
        score: toCellNumber(r.score),
        stars: r.stars,
        starsText: STARS[r.stars] ?? '',
        rank: r.rank,
        presented: presenters.has(r.branch),
        onsiteScore: onsiteScore ? toCellNumber(onsiteScore) : null,
        starBranch: starBranches.includes(r.branch),
        veto: r.veto ?? null,
        finalisedAt: previous.get(r.branch)?.finalisedAt ?? now,
      };
      // A re-run that changes nothing keeps the original time, so it leaves the sheet as it was.
      const outcome = results.upsert(row);
      if (outcome === 'updated') results.upsert({ ...row, finalisedAt: now });
      written.push(row);
    }
    activities.save(store, config.locale);
    results.save(store, config.locale);
    const starNames = starBranches.map((b) => `${b} ${names.get(b) ?? ''}`.trim());
    return {
      job: 'finalise',
      month,
      rowsIn: records.length,
      rowsOut: written.length,
      starBranches,
      results: written,
      summary: [
        `${month}: ${written.length} branches ranked; star branch: ${starNames.join(', ') || 'none'}`,
      ],
    };
  });
}

/** Months the daily trigger should act on, given today's local date. */
export function dueMonthlyJobs(
  today: string,
  config: Config,
): { showcase?: string; finalise?: string } {
  const day = Number(today.slice(8, 10));
  const month = today.slice(0, 7);
  const due: { showcase?: string; finalise?: string } = {};
  const inProgramme = (m: string) =>
    m >= config.programStart.slice(0, 7) && m <= config.programEnd.slice(0, 7);
  if (day === config.showcaseDay && inProgramme(month)) due.showcase = month;
  const previous = addMonths(month, -1);
  if (day === 1 && inProgramme(previous)) due.finalise = previous;
  return due;
}
