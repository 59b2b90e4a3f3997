/**
 * The year at a glance: the report model (for `report.html`) and the `Dashboard` sheet's figures,
 * from one read of each table.
 */
import { joinList, t, type MessageKey } from '../domain/messages';
import { toDefenseScore } from '../domain/schema/defenseScores';
import {
  ActivitiesTable,
  AwardsTable,
  BranchesTable,
  DashboardTable,
  DefenseResultsTable,
  MonthlyResultsTable,
  ShowcaseTable,
  type DashboardRow,
} from '../domain/schema/tables';
import { ACTIVITY_KINDS, AWARD_KINDS, labelOf, TIERS } from '../domain/vocabulary';
import { readConfig, type Ports } from './context';
import { runJob, type JobReport } from './job';
import { buildReportModel, type ReportModel } from './reportModel';
import { computeStandings } from './standings';
import { readDefenseScores } from './rubric';
import { Table } from './table';

export interface ReportJobReport extends JobReport {
  readonly model: ReportModel;
}

function dashboardRows(model: ReportModel): DashboardRow[] {
  const say = (key: MessageKey) => t(model.locale, key);
  const row = (section: MessageKey, label: string, value: string | number): DashboardRow => ({
    section: say(section),
    label,
    value: String(value),
  });
  const overview = (label: MessageKey, value: string | number) =>
    row('report.dashboard.overview', say(label), value);
  const h = model.headline;
  const kindTotals = model.activities.kindTotals;
  return [
    overview('report.dashboard.programYear', model.programYear),
    overview('report.dashboard.branchesApplied', h.branchesApplied),
    overview('report.dashboard.branchesTakingPart', h.branchesTakingPart),
    overview('report.dashboard.activitiesCounted', h.activitiesCounted),
    overview('report.dashboard.showcasePicks', h.showcasePicks),
    overview('report.dashboard.starBranchTitles', h.starBranchTitles),
    overview('report.dashboard.advancedBranches', h.advancedBranches),
    ...(h.nonCompliant === null ? [] : [overview('report.dashboard.nonCompliant', h.nonCompliant)]),
    ...h.byTier.map((t) =>
      row(
        'report.dashboard.byTier',
        labelOf(
          TIERS.find((x) => x.key === t.tier)!,
          model.locale,
        ),
        `${t.branches} / ${t.activities}`,
      ),
    ),
    ...ACTIVITY_KINDS.map((k) =>
      row('report.dashboard.byKind', labelOf(k, model.locale), kindTotals[k.key] ?? 0),
    ),
    ...h.starBranchesByMonth.map((m) =>
      row(
        'report.dashboard.starBranch',
        m.month,
        joinList(
          model.locale,
          m.branches.map((b) => b.name),
        ),
      ),
    ),
    ...h.awardsByKind.map((a) =>
      row(
        'report.dashboard.awards',
        labelOf(
          AWARD_KINDS.find((k) => k.key === a.kind)!,
          model.locale,
        ),
        a.count,
      ),
    ),
  ];
}

export function buildReport(ports: Ports): ReportJobReport {
  const config = readConfig(ports);
  return runJob(ports, t(config.locale, 'jobs.name.report'), config.locale, () => {
    const { store } = ports;
    const locale = config.locale;
    const branches = Table.read(store, BranchesTable, locale).records();
    const activities = Table.read(store, ActivitiesTable, locale).records();
    const monthlyResults = Table.read(store, MonthlyResultsTable, locale).records();
    const defenseResults = Table.read(store, DefenseResultsTable, locale).records();
    const standings = computeStandings(
      config,
      branches,
      activities,
      monthlyResults,
      defenseResults,
    );
    const model = buildReportModel({
      config,
      branches,
      activities,
      monthlyResults,
      showcase: Table.read(store, ShowcaseTable, locale).records(),
      defenseScores: readDefenseScores(store, config)
        .records()
        .map((r) => toDefenseScore(r as Record<string, unknown>, config.defenseRubric)),
      defenseResults,
      awards: Table.read(store, AwardsTable, locale).records(),
      finalRanking: standings.map((s) => ({
        branch: s.branch,
        rank: s.rank,
        total: s.total.toNumber(),
        process: s.score.process.toNumber(),
        defense: s.score.defense.toNumber(),
        advanced: s.advanced,
        eligible: s.eligible,
        ineligibleReason: s.ineligibleReason,
      })),
      generatedAt: ports.clock.now(),
    });
    const dashboard = Table.read(store, DashboardTable, locale);
    const rows = dashboardRows(model);
    for (const r of rows) dashboard.upsert(r);
    dashboard.save(store, locale);
    return {
      job: 'report',
      rowsIn: branches.length + activities.length,
      rowsOut: rows.length,
      model,
      summary: [
        t(config.locale, 'jobs.report.summary', {
          branches: model.headline.branchesTakingPart,
          activities: model.headline.activitiesCounted,
        }),
      ],
    };
  });
}
