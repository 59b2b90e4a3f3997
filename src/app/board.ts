/**
 * The monthly meeting's board (DESIGN §13): who presents and why, how the on-site vote is going,
 * and, once staff close the vote, the star branch of the month.
 *
 * The tally counts, per presenter, the votes that count (one per judge: a judge's later vote for
 * the same branch supersedes the earlier one) and how many judges have voted; never who voted what
 * or with which score. The result is `finalize`'s own computation over the same inputs
 * (`previewMonth`), so the star branch and its trimmed mean are what `finalize` records: a veto
 * staff enter later, or a report arriving before the month ends that breaks a tie between equal
 * on-site scores, changes the result exactly as it changes the finalised month (which then goes
 * 需重算 / stale as any month does).
 *
 * Reading the board writes nothing (it is polled every few seconds); closing the vote is a job.
 */
import type { Config } from '../domain/config';
import { formatFixed } from '../domain/decimal';
import { t } from '../domain/messages';
import { countedVotes, voteClosedAt } from '../domain/onsiteVotes';
import {
  BranchesTable,
  OnsiteVotesTable,
  ShowcaseTable,
  type Branch,
  type OnsiteVote,
  type ShowcasePick,
} from '../domain/schema/tables';
import type { Locale, ShowcaseReason, Tier } from '../domain/vocabulary';
import { readConfig, type Ports } from './context';
import { runJob, type JobReport } from './job';
import { previewMonth, readMonthlyInputs } from './monthlyResults';
import { Table } from './table';

export interface BoardPresenter {
  readonly branch: string;
  readonly name: string;
  readonly unit: string;
  readonly tier: Tier | null;
  readonly reason: ShowcaseReason;
  /** Counted votes for the branch (one per judge). */
  readonly votes: number;
}

export interface BoardResult {
  /** The star branches of the month, best first (usually one), with their on-site scores. */
  readonly starBranches: readonly { readonly branch: string; readonly score: string }[];
  /** Every presenter's on-site score as `finalize` records it; null when too few voted. */
  readonly scores: readonly { readonly branch: string; readonly score: string | null }[];
}

export interface BoardModel {
  readonly locale: Locale;
  readonly college: string;
  readonly programYear: string;
  readonly month: string;
  readonly presenters: readonly BoardPresenter[];
  /** Judges with at least one counted vote this month. */
  readonly voters: number;
  readonly votes: number;
  /** When staff closed the vote; null while it is open. */
  readonly closedAt: string | null;
  /** Votes submitted after the close: kept in the sheet, not counted. */
  readonly lateVotes: number;
  readonly result: BoardResult | null;
  /** Votes from `minJudges` judges make a presenter's score; `trimFrom` judges trim it. */
  readonly minJudges: number;
  readonly trimFrom: number;
}

export interface BoardInputs {
  readonly config: Config;
  readonly branches: readonly Branch[];
  readonly showcase: readonly ShowcasePick[];
  readonly votes: readonly OnsiteVote[];
}

/** The board without its result: presenters and tally (what the page polls). */
export function boardTally(inputs: BoardInputs, month: string): BoardModel {
  const { config } = inputs;
  const branchOf = new Map(inputs.branches.map((b) => [b.id, b]));
  const picks = inputs.showcase.filter((s) => s.month === month);
  const closedAt = voteClosedAt(inputs.showcase, month);
  const counted = countedVotes(inputs.votes, month, closedAt);
  const open = countedVotes(inputs.votes, month, null);
  const votesFor = new Map<string, number>();
  for (const vote of counted) votesFor.set(vote.branch, (votesFor.get(vote.branch) ?? 0) + 1);
  // Top picks first, then the spot checks, each in the order they were drawn.
  const ordered = [
    ...picks.filter((p) => p.reason === 'top'),
    ...picks.filter((p) => p.reason !== 'top'),
  ];
  return {
    locale: config.locale,
    college: config.collegeName,
    programYear: config.programYear,
    month,
    presenters: ordered.map((p) => {
      const branch = branchOf.get(p.branch);
      return {
        branch: p.branch,
        name: branch?.name ?? p.branchName ?? p.branch,
        unit: branch?.unit ?? '',
        tier: branch?.tier ?? null,
        reason: p.reason,
        votes: votesFor.get(p.branch) ?? 0,
      };
    }),
    voters: new Set(counted.map((v) => v.judge)).size,
    votes: counted.length,
    closedAt,
    lateVotes: open.length - counted.length,
    result: null,
    minJudges: config.minJudges,
    trimFrom: config.trimFrom,
  };
}

/** The board as it stands: the tally, and the result once the vote is closed. Writes nothing. */
export function readBoard(ports: Ports, month: string): BoardModel {
  const config = readConfig(ports);
  const { store } = ports;
  const inputs: BoardInputs = {
    config,
    branches: Table.read(store, BranchesTable, config.locale).records(),
    showcase: Table.read(store, ShowcaseTable, config.locale).records(),
    votes: Table.read(store, OnsiteVotesTable, config.locale).records(),
  };
  const tally = boardTally(inputs, month);
  if (tally.closedAt === null) return tally;
  return { ...tally, result: boardResult(ports, config, month) };
}

/** The month's star branch and on-site scores, computed as `finalize` computes them. */
function boardResult(ports: Ports, config: Config, month: string): BoardResult {
  const outcome = previewMonth(readMonthlyInputs(ports, config), month, ports.clock.now());
  const rowOf = new Map(outcome.results.map((r) => [r.branch, r]));
  const score = (value: number | null | undefined) =>
    value === null || value === undefined ? null : formatFixed(value);
  return {
    starBranches: outcome.starBranches.map((branch) => ({
      branch,
      score: score(rowOf.get(branch)?.onsiteScore)!,
    })),
    scores: outcome.results
      .filter((r) => r.presented)
      .map((r) => ({ branch: r.branch, score: score(r.onsiteScore) })),
  };
}

export interface CloseVoteReport extends JobReport {
  readonly board: BoardModel;
  /** The vote had been closed before: the earlier close stands. */
  readonly alreadyClosed: boolean;
}

/**
 * Closes the month's on-site vote: the time goes on the month's `Showcase` rows (投票截止时间), and
 * votes submitted after it no longer count. Closing again keeps the first close. Refused when the
 * month has no showcase (there is no vote to close).
 */
export function closeVote(ports: Ports, month: string): CloseVoteReport {
  const config = readConfig(ports);
  return runJob(ports, t(config.locale, 'jobs.name.closeVote', { month }), config.locale, () => {
    const showcase = Table.read(ports.store, ShowcaseTable, config.locale);
    const picks = showcase.records().filter((s) => s.month === month);
    if (picks.length === 0) throw new Error(t(config.locale, 'board.noShowcase', { month }));
    const before = voteClosedAt(picks, month);
    const closedAt = before ?? ports.clock.now();
    for (const pick of picks) {
      if (pick.voteClosedAt !== closedAt) showcase.upsert({ ...pick, voteClosedAt: closedAt });
    }
    showcase.save(ports.store, config.locale);
    const board = readBoard(ports, month);
    const names = new Map(board.presenters.map((p) => [p.branch, p.name]));
    const stars = (board.result?.starBranches ?? []).map(
      (s) => `${names.get(s.branch) ?? s.branch} ${s.score}`,
    );
    return {
      job: t(config.locale, 'jobs.name.closeVote', { month }),
      rowsIn: board.votes,
      rowsOut: before === null ? picks.length : 0,
      board,
      alreadyClosed: before !== null,
      summary: [
        t(config.locale, before === null ? 'board.closedNow' : 'board.alreadyClosed', {
          month,
          time: closedAt,
          votes: board.votes,
          voters: board.voters,
          star: stars.join(', ') || t(config.locale, 'board.noStarShort'),
        }),
      ],
    };
  });
}
