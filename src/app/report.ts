/**
 * The year at a glance: the report model (for `report.html`) and the `Dashboard` sheet's figures,
 * from one read of each table.
 */
import { t } from '../domain/messages';
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
  const zh = model.locale !== 'en';
  const row = (section: string, label: string, value: string | number): DashboardRow => ({
    section,
    label,
    value: String(value),
  });
  const h = model.headline;
  const kindTotals = model.activities.kindTotals;
  return [
    row(zh ? '概况' : 'Overview', zh ? '创建年度' : 'Programme year', model.programYear),
    row(zh ? '概况' : 'Overview', zh ? '申报支部' : 'Branches applied', h.branchesApplied),
    row(
      zh ? '概况' : 'Overview',
      zh ? '参与创建支部' : 'Branches taking part',
      h.branchesTakingPart,
    ),
    row(zh ? '概况' : 'Overview', zh ? '有效活动' : 'Activities counted', h.activitiesCounted),
    row(zh ? '概况' : 'Overview', zh ? '示范汇报次数' : 'Showcase presentations', h.showcasePicks),
    row(
      zh ? '概况' : 'Overview',
      zh ? '当月星级支部次数' : 'Star branch titles',
      h.starBranchTitles,
    ),
    row(zh ? '概况' : 'Overview', zh ? '先进党支部' : 'Advanced branches', h.advancedBranches),
    ...(h.nonCompliant === null
      ? []
      : [
          row(
            zh ? '概况' : 'Overview',
            zh ? '未达标支部' : 'Non-compliant branches',
            h.nonCompliant,
          ),
        ]),
    ...h.byTier.map((t) =>
      row(
        zh ? '分层次' : 'By tier',
        labelOf(
          TIERS.find((x) => x.key === t.tier)!,
          model.locale,
        ),
        `${t.branches} / ${t.activities}`,
      ),
    ),
    ...ACTIVITY_KINDS.map((k) =>
      row(zh ? '活动类型' : 'Activities by kind', labelOf(k, model.locale), kindTotals[k.key] ?? 0),
    ),
    ...h.starBranchesByMonth.map((m) =>
      row(
        zh ? '当月星级支部' : 'Star branch of the month',
        m.month,
        m.branches.map((b) => b.name).join('、'),
      ),
    ),
    ...h.awardsByKind.map((a) =>
      row(
        zh ? '表彰' : 'Awards',
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
