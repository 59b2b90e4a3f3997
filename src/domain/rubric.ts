/**
 * The defense rubric as a scale and as the header of the score sheet. Staff may change the rubric
 * in Config; the score sheet's header says which rubric its scores were given under, so the two
 * can be compared before any score is read under the wrong criteria.
 */
import type { Cell } from './schema/column';
import { criterionTitle, type RubricCriterion } from './schema/defenseScores';
import { normaliseHeader } from './schema/rows';
import { dec, sum, type Dec } from './decimal';

/** The highest defense score the rubric allows: Σ weight × max (100 for the default rubric). */
export function rubricMax(rubric: readonly RubricCriterion[]): Dec {
  return sum(rubric.map((c) => dec(c.max).times(c.weight)));
}

/** A criterion as a score-sheet header names it: `创建成效（40分）` or `Results (40)`. */
export interface HeaderCriterion {
  readonly name: string;
  readonly max: number;
  readonly title: string;
}

const ZH_TITLE = /^(.+?)（(\d+(?:\.\d+)?)分）$/;
const EN_TITLE = /^(.+?) \((\d+(?:\.\d+)?)\)$/;

/** The header cells that are criterion titles, in sheet order. */
export function headerCriteria(header: readonly Cell[]): HeaderCriterion[] {
  const found: HeaderCriterion[] = [];
  for (const cell of header) {
    const title = cell === null ? '' : String(cell).trim();
    const m = ZH_TITLE.exec(title) ?? EN_TITLE.exec(title);
    if (m) found.push({ name: m[1]!.trim(), max: Number(m[2]), title });
  }
  return found;
}

/**
 * Whether the header's criterion columns are exactly the rubric's (in either language). A header
 * without any criterion column, or one missing a criterion or holding one the rubric no longer
 * has, was written under another rubric.
 */
export function headerMatchesRubric(
  header: readonly Cell[],
  rubric: readonly RubricCriterion[],
): boolean {
  const inHeader = new Set(headerCriteria(header).map((c) => normaliseHeader(c.title)));
  const expected = rubric.map((c) =>
    [criterionTitle(c, 'zh-CN'), criterionTitle(c, 'en')].map(normaliseHeader),
  );
  const allIn = expected.every((titles) => titles.some((title) => inHeader.has(title)));
  const known = new Set(expected.flat());
  return allIn && [...inHeader].every((title) => known.has(title));
}
