/** Every sheet of the workbook, in the order staff see the tabs. */
import type { RubricCriterion } from './defenseScores';
import { defenseScoresTable } from './defenseScores';
import { rejectedTable } from './rejected';
import type { TableDef } from './table';
import {
  ActivitiesTable,
  AwardsTable,
  BranchesTable,
  ConfigTable,
  DashboardTable,
  DefenseResultsTable,
  JudgesTable,
  LogTable,
  MonthlyResultsTable,
  NominationsTable,
  OnsiteVotesTable,
  ShowcaseTable,
} from './tables';

export function workbookTables(rubric: readonly RubricCriterion[]): TableDef[] {
  return [
    DashboardTable,
    ConfigTable,
    BranchesTable,
    ActivitiesTable,
    ShowcaseTable,
    OnsiteVotesTable,
    MonthlyResultsTable,
    JudgesTable,
    defenseScoresTable(rubric),
    DefenseResultsTable,
    NominationsTable,
    AwardsTable,
    rejectedTable(rubric),
    LogTable,
  ];
}
