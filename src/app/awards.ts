/**
 * Stage 4 (表彰展示): the advanced branches from the final standings and the excellent members
 * staff approved, written to `Awards`. Award ids come from what is awarded, so re-running updates
 * rows and never adds a second award.
 *
 * The table never contradicts the standings. Until every eligible branch has its defense result
 * the selection is refused, or made `provisional` when staff ask for it (and provisional awards
 * get no letter). A branch that no longer qualifies loses its row (the Log keeps its old rank and
 * score) and its letter is voided; an award whose printed fields changed has its letter voided
 * here too, so `Awards` never links to a letter that says something else.
 */
import { branchAwardId, memberAwardId } from '../domain/awards';
import type { Config } from '../domain/config';
import { formatFixed, toCellNumber } from '../domain/decimal';
import { letterNumber, nextIssue } from '../domain/letterRecord';
import { joinList, t } from '../domain/messages';
import {
  ActivitiesTable,
  AwardsTable,
  BranchesTable,
  DefenseResultsTable,
  LogTable,
  MonthlyResultsTable,
  NominationsTable,
  type Award,
  type Branch,
  type DefenseResult,
} from '../domain/schema/tables';
import {
  AWARD_KINDS,
  labelOf,
  type AwardKind,
  type AwardState,
  type Locale,
} from '../domain/vocabulary';
import { readConfig, type Ports } from './context';
import { runJob, type JobReport } from './job';
import { letterMismatch, voidLetter } from './letterCheck';
import { aggregateDefense } from './defense';
import { defenseScoresTable } from '../domain/schema/defenseScores';
import { refreshStaleMonths } from './staleness';
import { computeStandings, type Standing } from './standings';
import { Table } from './table';

export interface AwardsReport extends JobReport {
  readonly standings: readonly Standing[];
  readonly awards: readonly Award[];
  /** Eligible branches still without a defense result (the awards are then provisional). */
  readonly awaitingDefense: readonly string[];
  readonly removed: number;
  readonly voided: number;
}

export interface AwardsOptions {
  /** Select although some eligible branch has no defense result yet; the rows say 暂定. */
  readonly provisional?: boolean;
}

/** Thrown when the defense is not complete and staff did not ask for a provisional list. */
export class DefenseIncompleteError extends Error {
  constructor(
    message: string,
    readonly branches: readonly string[],
  ) {
    super(message);
    this.name = 'DefenseIncompleteError';
  }
}

function hasDefenseResult(result: DefenseResult | undefined): boolean {
  return result !== undefined && !result.incomplete && result.score !== null;
}

function branchLabel(branch: string, branches: ReadonlyMap<string, Branch>): string {
  const name = branches.get(branch)?.name;
  return name ? `${branch} ${name}` : branch;
}

export function selectAwards(ports: Ports, options: AwardsOptions = {}): AwardsReport {
  const refreshed = refreshInputs(ports);
  const config = readConfig(ports);
  const { locale } = config;
  const report = runJob(ports, t(locale, 'jobs.name.awards'), locale, () => {
    const { store } = ports;
    // Branches are read once, for the standings and for the members' branches alike.
    const branchList = Table.read(store, BranchesTable, locale).records();
    const defense = Table.read(store, DefenseResultsTable, locale).records();
    const standings = computeStandings(
      config,
      branchList,
      Table.read(store, ActivitiesTable, locale).records(),
      Table.read(store, MonthlyResultsTable, locale).records(),
      defense,
    );
    const branches = new Map(branchList.map((b) => [b.id, b]));
    const defenseOf = new Map(defense.map((d) => [d.branch, d]));
    const awaitingDefense = standings
      .filter((s) => s.eligible && !hasDefenseResult(defenseOf.get(s.branch)))
      .map((s) => s.branch);
    const awaitingText = () =>
      joinList(
        locale,
        awaitingDefense.map((b) => branchLabel(b, branches)),
      );
    if (awaitingDefense.length > 0 && !options.provisional) {
      throw new DefenseIncompleteError(
        t(locale, 'awards.defenseMissing', {
          count: awaitingDefense.length,
          branches: awaitingText(),
        }),
        awaitingDefense,
      );
    }
    const branchState: AwardState = awaitingDefense.length > 0 ? 'provisional' : 'final';

    const nominations = Table.read(store, NominationsTable, locale).records();
    const awards = Table.read(store, AwardsTable, locale);
    const wanted = withEarlierLetters(
      ports,
      config,
      wantedAwards(standings, nominations, branches, branchState, locale, (id) => awards.get(id)),
      (id) => awards.has(id),
    );
    const lines: string[] = [];
    let voided = 0;
    const voidOld = (award: Award, reason: string): Award => {
      if (!award.letterId) return award;
      const after = voidLetter(ports, award, reason, config);
      voided++;
      lines.push(
        t(locale, 'awards.letterVoided', {
          letterNo: award.letterNo ?? award.awardId,
          recipient: award.recipient,
          reason,
        }),
      );
      return after;
    };

    // Awards that no longer stand: out of the table, into the Log, their letters voided.
    const wantedIds = new Set(wanted.map((a) => a.awardId));
    const gone = awards.records().filter((a) => !wantedIds.has(a.awardId));
    for (const old of gone) {
      lines.push(
        t(locale, 'awards.removed', {
          award: old.awardId,
          recipient: old.recipient,
          rank: old.rank ?? '—',
          score: old.score?.toFixed(2) ?? '—',
        }),
      );
      voidOld(old, t(locale, 'awards.reason.removed'));
      awards.remove(old.awardId);
    }

    // Awards whose letter says something else now: voided (or, with no document maker at hand,
    // unlinked at once and voided by the letters job).
    for (const award of wanted) {
      const reason = letterMismatch(award, branches.get(award.branch), config, locale);
      if (reason === null) {
        awards.upsert(award);
      } else if (ports.documents) {
        awards.upsert(voidOld(award, reason));
      } else {
        awards.upsert({ ...award, link: null });
        lines.push(
          t(locale, 'awards.letterOutdated', {
            award: award.awardId,
            letterNo: award.letterNo ?? award.awardId,
            reason,
          }),
        );
      }
    }
    awards.save(store, locale);

    const ineligible = standings.filter((s) => !s.eligible);
    const branchCount = wanted.filter((a) => a.kind === 'branch').length;
    return {
      job: 'awards',
      rowsIn: standings.length + nominations.length,
      rowsOut: wanted.length,
      standings,
      awards: awards.records(),
      awaitingDefense,
      removed: gone.length,
      voided,
      summary: [
        t(locale, 'awards.selected', {
          branches: branchCount,
          members: wanted.length - branchCount,
        }),
        ...(branchState === 'provisional'
          ? [
              t(locale, 'awards.provisional', {
                count: awaitingDefense.length,
                branches: awaitingText(),
              }),
            ]
          : []),
        ...(ineligible.length > 0
          ? [
              t(locale, 'awards.ineligible', {
                count: ineligible.length,
                branches: joinList(
                  locale,
                  ineligible.map((s) => `${s.branch} ${s.name}`),
                ),
              }),
            ]
          : []),
        ...lines,
        ...standings
          .filter((s) => s.advanced)
          .slice(0, 3)
          .map((s) =>
            t(locale, 'jobs.awards.top', {
              rank: s.rank,
              name: s.name,
              score: formatFixed(s.total),
            }),
          ),
      ],
    };
  });
  return { ...report, summary: [...refreshed, ...report.summary] };
}

/** The Log's names of the jobs that void letters, in either language (a workbook may switch). */
const AWARD_JOB_NAMES = new Set(
  (['zh-CN', 'en'] as const).flatMap((l) => [t(l, 'jobs.name.awards'), t(l, 'jobs.name.letters')]),
);

/**
 * An award that comes back after it was removed (a branch that qualifies again) starts a fresh row;
 * the Log still names the letters voided with the old row, so the new row says so, and its next
 * letter never reuses one of their numbers.
 */
function withEarlierLetters(
  ports: Ports,
  config: Config,
  wanted: Award[],
  exists: (awardId: string) => boolean,
): Award[] {
  const fresh = wanted.filter((a) => !exists(a.awardId));
  if (fresh.length === 0) return wanted;
  const logged = Table.read(ports.store, LogTable, config.locale)
    .records()
    .filter((l) => AWARD_JOB_NAMES.has(l.job))
    .map((l) => l.message);
  return wanted.map((award) => {
    if (exists(award.awardId)) return award;
    const issue = nextIssue(config.programYear, award.awardId, logged);
    if (issue <= 1) return award;
    const earlier = letterNumber(config.programYear, award.awardId, issue - 1);
    return {
      ...award,
      voidedLetters: t(config.locale, 'awards.voidedEarlier', { letterNo: earlier }),
    };
  });
}

/** The awards the standings and the approved nominations call for, each with its letter so far. */
function wantedAwards(
  standings: readonly Standing[],
  nominations: ReturnType<Table<typeof NominationsTable>['records']>,
  branches: ReadonlyMap<string, Branch>,
  branchState: AwardState,
  locale: Locale,
  existing: (awardId: string) => Award | undefined,
): Award[] {
  const title = (kind: AwardKind) =>
    labelOf(
      AWARD_KINDS.find((k) => k.key === kind)!,
      locale,
    );
  const letterSoFar = (id: string) => {
    const old = existing(id);
    return {
      letterId: old?.letterId ?? null,
      link: old?.link ?? null,
      generatedAt: old?.generatedAt ?? null,
      letterNo: old?.letterNo ?? null,
      printed: old?.printed ?? null,
      voidedLetters: old?.voidedLetters ?? null,
    };
  };
  return [
    ...standings
      .filter((s) => s.advanced)
      .map((s) => ({
        awardId: branchAwardId(s.branch),
        kind: 'branch' as const,
        branch: s.branch,
        recipient: s.name,
        title: title('branch'),
        score: toCellNumber(s.total),
        rank: s.rank,
        state: branchState,
        ...letterSoFar(branchAwardId(s.branch)),
      })),
    ...nominations
      .filter((n) => n.status === 'approved' && branches.get(n.branch)?.status === 'approved')
      .map((n) => ({
        awardId: memberAwardId(n.branch, n.studentId),
        kind: 'member' as const,
        branch: n.branch,
        recipient: n.name,
        title: title('member'),
        score: null,
        rank: null,
        // An excellent member is chosen by staff, not by the standings: never provisional.
        state: 'final' as const,
        ...letterSoFar(memberAwardId(n.branch, n.studentId)),
      })),
  ];
}

/**
 * What the standings are computed from is brought up to date first: stale months are recomputed,
 * and the defense results are aggregated again from the judges' sheets whenever any exist, so an
 * award never rests on a month or a defense score that has since changed. Returns what changed.
 */
function refreshInputs(ports: Ports): string[] {
  const months = refreshStaleMonths(ports).recomputed.map((r) => r.line);
  const config = readConfig(ports);
  const scores = ports.store.read(defenseScoresTable(config.defenseRubric));
  if (scores.length <= 1) return months;
  const defense = aggregateDefense(ports);
  return [...months, ...(defense.changed ? defense.summary : [])];
}
