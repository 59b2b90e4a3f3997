/**
 * A month's on-site vote (现场评选, DESIGN §2): which votes count and each presenter's trimmed
 * mean. One definition serves the month's finalisation, the digest that tells when a finalised
 * month went stale, and the meeting board, so the result the board shows when staff close the vote
 * is the one `finalize` records.
 *
 * Closing the vote (the board's button, `starbranch board --close`) writes the time on the month's
 * `Showcase` rows; a vote submitted after it does not count. Without a close every counted vote of
 * the month counts, as before closing existed.
 */
import { aggregate, type ScoreSheet } from './aggregate';
import type { Config } from './config';
import type { Dec } from './decimal';
import type { OnsiteVote, ShowcasePick } from './schema/tables';

/** When the month's vote was closed (the earliest close on its showcase rows), or null. */
export function voteClosedAt(showcase: readonly ShowcasePick[], month: string): string | null {
  let closed: string | null = null;
  for (const pick of showcase) {
    if (pick.month !== month || !pick.voteClosedAt) continue;
    if (closed === null || pick.voteClosedAt < closed) closed = pick.voteClosedAt;
  }
  return closed;
}

/**
 * The votes that count toward the month: status 有效 / counted (a judge's later vote for the same
 * branch supersedes the earlier one; a judge never scores their own branch), submitted no later
 * than the close. Times are local `YYYY-MM-DD HH:mm:ss`, so text order is time order.
 */
export function countedVotes(
  votes: readonly OnsiteVote[],
  month: string,
  closedAt: string | null,
): OnsiteVote[] {
  return votes.filter(
    (v) =>
      v.month === month &&
      v.status === 'counted' &&
      (closedAt === null || v.submittedAt <= closedAt),
  );
}

/**
 * Each voted branch's on-site score: the trimmed mean of its counted votes (drop the highest and
 * lowest from `trimFrom` judges up), null while fewer than `minJudges` voted for it.
 */
export function onsiteScores(
  votes: readonly OnsiteVote[],
  month: string,
  closedAt: string | null,
  config: Pick<Config, 'trimFrom' | 'trimCount' | 'minJudges'>,
): Map<string, Dec | null> {
  const sheets: ScoreSheet[] = countedVotes(votes, month, closedAt).map((v) => ({
    judge: v.judge,
    subject: v.branch,
    marks: { score: v.score },
  }));
  const results = aggregate(sheets, [{ key: 'score', label: '综合评分', max: 100 }], {
    mode: 'total',
    trimFrom: config.trimFrom,
    trimCount: config.trimCount,
    minJudges: config.minJudges,
    normalizeJudges: false,
  });
  return new Map(results.map((r) => [r.subject, r.incomplete ? null : r.score]));
}
