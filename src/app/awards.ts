/**
 * Stage 4 (表彰展示): the advanced branches from the final standings and the excellent members
 * staff approved, written to `Awards`. Award ids come from what is awarded, so re-running updates
 * rows and never adds a second award, and a letter already made stays attached to its award.
 */
import { branchAwardId, memberAwardId } from '../domain/awards';
import { formatFixed, toCellNumber } from '../domain/decimal';
import {
  ActivitiesTable,
  AwardsTable,
  BranchesTable,
  DefenseResultsTable,
  MonthlyResultsTable,
  NominationsTable,
  type Award,
} from '../domain/schema/tables';
import { readConfig, type Ports } from './context';
import { runJob, type JobReport } from './job';
import { computeStandings, type Standing } from './standings';
import { Table } from './table';

export interface AwardsReport extends JobReport {
  readonly standings: readonly Standing[];
  readonly awards: readonly Award[];
}

export function selectAwards(ports: Ports): AwardsReport {
  const config = readConfig(ports);
  return runJob(ports, 'awards', config.locale, () => {
    const { store } = ports;
    // Branches are read once, for the standings and for the members' branches alike.
    const branchList = Table.read(store, BranchesTable, config.locale).records();
    const standings = computeStandings(
      config,
      branchList,
      Table.read(store, ActivitiesTable, config.locale).records(),
      Table.read(store, MonthlyResultsTable, config.locale).records(),
      Table.read(store, DefenseResultsTable, config.locale).records(),
    );
    const branches = new Map(branchList.map((b) => [b.id, b]));
    const nominations = Table.read(store, NominationsTable, config.locale).records();
    const awards = Table.read(store, AwardsTable, config.locale);
    const keepLetter = (id: string) => {
      const old = awards.get(id);
      return {
        letterId: old?.letterId ?? null,
        link: old?.link ?? null,
        generatedAt: old?.generatedAt ?? null,
      };
    };
    const wanted: Award[] = [
      ...standings
        .filter((s) => s.advanced)
        .map((s) => ({
          awardId: branchAwardId(s.branch),
          kind: 'branch' as const,
          branch: s.branch,
          recipient: s.name,
          title: '先进党支部',
          score: toCellNumber(s.total),
          rank: s.rank,
          ...keepLetter(branchAwardId(s.branch)),
        })),
      ...nominations
        .filter((n) => n.status === 'approved' && branches.get(n.branch)?.status === 'approved')
        .map((n) => ({
          awardId: memberAwardId(n.branch, n.studentId),
          kind: 'member' as const,
          branch: n.branch,
          recipient: n.name,
          title: '优秀学生党员',
          score: null,
          rank: null,
          ...keepLetter(memberAwardId(n.branch, n.studentId)),
        })),
    ];
    for (const award of wanted) awards.upsert(award);
    awards.save(store, config.locale);
    const wantedIds = new Set(wanted.map((a) => a.awardId));
    const stale = awards.records().filter((a) => !wantedIds.has(a.awardId));
    const ineligible = standings.filter((s) => !s.eligible).length;
    const branchCount = wanted.filter((a) => a.kind === 'branch').length;
    return {
      job: 'awards',
      rowsIn: standings.length + nominations.length,
      rowsOut: wanted.length,
      standings,
      awards: wanted,
      summary: [
        `${branchCount} advanced branches, ${wanted.length - branchCount} excellent members`,
        ...(ineligible > 0 ? [`${ineligible} branches not eligible (semester rule)`] : []),
        ...stale.map(
          (a) =>
            `${a.awardId} no longer qualifies; it is kept — delete its row by hand if intended`,
        ),
        ...standings
          .filter((s) => s.advanced)
          .slice(0, 3)
          .map((s) => `#${s.rank} ${s.name} ${formatFixed(s.total)}`),
      ],
    };
  });
}
