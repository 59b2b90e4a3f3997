/**
 * What of the meeting board leaves the spreadsheet: an explicit allow-list, as for the honour roll
 * (`publicHonourRoll`). Presenters, counts and, once the vote is closed, the scores `finalize`
 * records; never a judge's name or a single vote.
 */
import type { BoardModel } from './board';

export interface PublicBoard {
  readonly kind: 'starbranch-board';
  readonly version: 1;
  readonly locale: string;
  readonly college: string;
  readonly programYear: string;
  readonly month: string;
  readonly presenters: readonly {
    readonly branch: string;
    readonly name: string;
    readonly unit: string;
    readonly reason: string;
    readonly votes: number;
  }[];
  readonly voters: number;
  readonly votes: number;
  readonly closedAt: string | null;
  readonly lateVotes: number;
  readonly minJudges: number;
  readonly trimFrom: number;
  readonly result: {
    readonly starBranches: readonly { readonly branch: string; readonly score: string }[];
    readonly scores: readonly { readonly branch: string; readonly score: string | null }[];
  } | null;
}

/** Every key the payload may hold, at any depth. */
export const PUBLIC_BOARD_FIELDS: ReadonlySet<string> = new Set([
  'kind',
  'version',
  'locale',
  'college',
  'programYear',
  'month',
  'presenters',
  'branch',
  'name',
  'unit',
  'reason',
  'votes',
  'voters',
  'closedAt',
  'lateVotes',
  'minJudges',
  'trimFrom',
  'result',
  'starBranches',
  'score',
  'scores',
]);

export function publicBoard(board: BoardModel): PublicBoard {
  return {
    kind: 'starbranch-board',
    version: 1,
    locale: board.locale,
    college: board.college,
    programYear: board.programYear,
    month: board.month,
    presenters: board.presenters.map((p) => ({
      branch: p.branch,
      name: p.name,
      unit: p.unit,
      reason: p.reason,
      votes: p.votes,
    })),
    voters: board.voters,
    votes: board.votes,
    closedAt: board.closedAt,
    lateVotes: board.lateVotes,
    minJudges: board.minJudges,
    trimFrom: board.trimFrom,
    result: board.result && {
      starBranches: board.result.starBranches.map((s) => ({ branch: s.branch, score: s.score })),
      scores: board.result.scores.map((s) => ({ branch: s.branch, score: s.score })),
    },
  };
}
