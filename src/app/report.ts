/**
 * The year at a glance: the report model (for `report.html`) and the `Dashboard` sheet (总览),
 * from one read of each table.
 */
import { toDefenseScore } from '../domain/schema/defenseScores';
import {
  ActivitiesTable,
  AwardsTable,
  DashboardTable,
  DefenseResultsTable,
  MonthlyResultsTable,
  RejectedTable,
} from '../domain/schema/tables';
import { t } from '../domain/messages';
import { readConfig, type Ports } from './context';
import { buildDashboardModel, todoCount, type DashboardModel } from './dashboard';
import { dashboardLayout } from './dashboardLayout';
import { runJob, type JobReport } from './job';
import { lettersDue, readLetterSources } from './letters';
import { readMonthlyInputs } from './monthlyResults';
import { buildReportModel, type ReportModel } from './reportModel';
import { computeStandings } from './standings';
import { staleMonthsOf } from './staleness';
import { readDefenseScores } from './rubric';
import { Table } from './table';

export interface ReportJobReport extends JobReport {
  readonly model: ReportModel;
  readonly dashboard: DashboardModel;
}

export function buildReport(ports: Ports): ReportJobReport {
  const config = readConfig(ports);
  return runJob(ports, t(config.locale, 'jobs.name.report'), config.locale, () => {
    const { store } = ports;
    const locale = config.locale;
    const now = ports.clock.now();
    // The tables month results depend on, read once: the staleness check and the report share them.
    const monthly = readMonthlyInputs(ports, config);
    const { branches, showcase } = monthly;
    const activities = Table.fromValues(ActivitiesTable, monthly.activityCells, locale).records();
    const monthlyResults = Table.fromValues(
      MonthlyResultsTable,
      monthly.resultCells,
      locale,
    ).records();
    const defenseResults = Table.read(store, DefenseResultsTable, locale).records();
    const awards = Table.read(store, AwardsTable, locale).records();
    const standings = computeStandings(
      config,
      branches,
      activities,
      monthlyResults,
      defenseResults,
    );
    const model = buildReportModel({
      config,
      branches: [...branches],
      activities,
      monthlyResults,
      showcase: [...showcase],
      defenseScores: readDefenseScores(store, config)
        .records()
        .map((r) => toDefenseScore(r as Record<string, unknown>, config.defenseRubric)),
      defenseResults,
      awards,
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
      generatedAt: now,
    });
    const letters = lettersDue(awards, readLetterSources(store, locale), config).due;
    const dashboard = buildDashboardModel({
      config,
      now,
      report: model,
      branches,
      rejected: Table.read(store, RejectedTable, locale).records(),
      monthlyResults,
      showcase,
      staleMonths: staleMonthsOf(monthly),
      letters: {
        due: letters.length,
        reissues: letters.filter((d) => d.voidBecause !== null || d.award.voidedLetters !== null)
          .length,
      },
    });
    const layout = dashboardLayout(dashboard);
    store.writeSheet(DashboardTable, layout);
    return {
      job: 'report',
      rowsIn: branches.length + activities.length,
      rowsOut: layout.rows.length,
      model,
      dashboard,
      summary: [
        t(locale, 'dashboard.summary', {
          todo: todoCount(dashboard.attention),
          branches: model.headline.branchesTakingPart,
          activities: model.headline.activitiesCounted,
        }),
      ],
    };
  });
}
