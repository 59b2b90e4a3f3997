/**
 * The one aggregator for monthly on-site votes and June defense scores (DESIGN §2).
 *
 * A judge's total is Σ weight × mark. Across the judges of one subject (a branch), when there are at
 * least `trimFrom` judges, the `trimCount` highest and lowest figures are dropped
 * (去掉一个最高分、一个最低分) and the rest averaged, in one of two modes:
 *  - `total` (the Chinese convention): trim and average the judges' totals, at full precision;
 *  - `criterion` (the ISU convention): per criterion, trim and average the marks, round half-up to
 *    2 places, multiply by the weight, round again, and sum.
 * Everything is exact decimal arithmetic; only the optional judge normalisation needs a square root.
 */
import { Dec, DecimalInput, dec, formatFixed, mean, roundHalfUp, sum, ZERO } from './decimal';

export interface Criterion {
  key: string;
  label: string;
  /** Highest mark a judge may give for this criterion (before weighting). */
  max: number;
  /** Multiplier of the mark in the judge's total; 1 when absent. */
  weight?: number;
}

export interface ScoreSheet {
  judge: string;
  /** The branch id being scored. */
  subject: string;
  /** One mark per criterion key, at most 2 decimal places. */
  marks: Readonly<Record<string, DecimalInput>>;
}

export type AggregateMode = 'total' | 'criterion';

export interface AggregateOptions {
  mode: AggregateMode;
  /** Trimming starts at this many judges. */
  trimFrom: number;
  /** How many highest and how many lowest figures are dropped. */
  trimCount: number;
  /** Fewer judges than this → the result is `incomplete`. */
  minJudges: number;
  /** Per-judge z-score normalisation of totals; `total` mode only. */
  normalizeJudges: boolean;
}

/** The defaults of DESIGN §7 (`aggregateBy`, `trimFrom`, `trimCount`, `minJudges`, `normalizeJudges`). */
export const DEFAULT_AGGREGATE_OPTIONS: Readonly<AggregateOptions> = {
  mode: 'total',
  trimFrom: 5,
  trimCount: 1,
  minJudges: 3,
  normalizeJudges: false,
};

export type TrimSide = 'high' | 'low';

export interface JudgeTotal {
  judge: string;
  /** Σ weight × mark, exact. */
  total: Dec;
  /** The figure that was trimmed and averaged: the normalised total, or `total` itself. */
  adjusted: Dec;
  /** Which end this judge's total was dropped from (`total` mode); always null in `criterion` mode. */
  dropped: TrimSide | null;
}

export interface DroppedMark {
  judge: string;
  /** The criterion key in `criterion` mode; null when a whole total was dropped. */
  criterion: string | null;
  value: Dec;
  side: TrimSide;
}

export interface SubjectResult {
  subject: string;
  /** Judges whose sheets were aggregated, dropped ones included: the figure `minJudges` is checked against. */
  judgesCounted: number;
  incomplete: boolean;
  /** Full precision. */
  score: Dec;
  /** `score` rounded half-up to 2 places, e.g. "7.50". */
  display: string;
  /** One per judge, sorted by judge. */
  totals: JudgeTotal[];
  /**
   * Per criterion key: in `total` mode the mean mark of the judges that were kept (full precision,
   * raw marks), so that without normalisation score = Σ weight × mean; in `criterion` mode the
   * trimmed mean rounded to 2 places, i.e. the figure that entered the score.
   */
  criterionMeans: Record<string, Dec>;
  /** Low ends first, then high ends; per criterion in rubric order in `criterion` mode. */
  dropped: DroppedMark[];
}

interface RubricEntry {
  key: string;
  label: string;
  max: Dec;
  weight: Dec;
}

interface ParsedSheet {
  judge: string;
  subject: string;
  marks: ReadonlyMap<string, Dec>;
  total: Dec;
  adjusted: Dec;
}

/** Aggregates screened score sheets into one result per subject, sorted by subject id. */
export function aggregate(
  sheets: readonly ScoreSheet[],
  rubric: readonly Criterion[],
  options: AggregateOptions = DEFAULT_AGGREGATE_OPTIONS,
): SubjectResult[] {
  checkOptions(options);
  const entries = parseRubric(rubric);
  if (sheets.length === 0) return [];
  // A canonical order first, so that the result (even the last digit of a division) never depends
  // on the order in which sheets arrived.
  let parsed = checkUnique(sheets.map((s) => parseSheet(s, entries))).sort(
    (a, b) => byText(a.subject, b.subject) || byText(a.judge, b.judge),
  );
  if (options.normalizeJudges) parsed = normalizeTotals(parsed);

  return groupBy(parsed, (s) => s.subject).map(([subject, group]) =>
    options.mode === 'total'
      ? scoreByTotals(subject, group, entries, options)
      : scoreByCriteria(subject, group, entries, options),
  );
}

// ——— trimming ———

interface Trimmed<T> {
  kept: T[];
  low: T[];
  high: T[];
}

/**
 * Drops `trimCount` lowest and highest values when there are at least `trimFrom`. Among equal
 * values the judge whose name sorts first is dropped, so that exactly `trimCount` copies go and
 * the choice is reproducible.
 */
function trimExtremes<T extends { judge: string }>(
  items: readonly T[],
  valueOf: (item: T) => Dec,
  options: AggregateOptions,
): Trimmed<T> {
  const k = options.trimCount;
  if (items.length < options.trimFrom || k === 0) return { kept: [...items], low: [], high: [] };
  const ascending = [...items].sort(
    (a, b) => valueOf(a).comparedTo(valueOf(b)) || byText(a.judge, b.judge),
  );
  const low = ascending.slice(0, k);
  const descending = ascending
    .slice(k)
    .sort((a, b) => valueOf(b).comparedTo(valueOf(a)) || byText(a.judge, b.judge));
  const high = descending.slice(0, k);
  const kept = descending.slice(k).sort((a, b) => byText(a.judge, b.judge));
  return { kept, low, high };
}

function droppedMarks<T extends { judge: string }>(
  trimmed: Trimmed<T>,
  valueOf: (item: T) => Dec,
  criterion: string | null,
): DroppedMark[] {
  const mark = (side: TrimSide) => (item: T) => ({
    judge: item.judge,
    criterion,
    value: valueOf(item),
    side,
  });
  return [...trimmed.low.map(mark('low')), ...trimmed.high.map(mark('high'))];
}

// ——— the two modes ———

function scoreByTotals(
  subject: string,
  sheets: readonly ParsedSheet[],
  rubric: readonly RubricEntry[],
  options: AggregateOptions,
): SubjectResult {
  const trimmed = trimExtremes(sheets, (s) => s.adjusted, options);
  const dropped = droppedMarks(trimmed, (s) => s.adjusted, null);
  const sideOf = new Map(dropped.map((d) => [d.judge, d.side]));
  const score = mean(trimmed.kept.map((s) => s.adjusted));
  return {
    ...summary(subject, sheets, score, options),
    totals: sheets.map((s) => judgeTotal(s, sideOf.get(s.judge) ?? null)),
    criterionMeans: Object.fromEntries(
      rubric.map((c) => [c.key, mean(trimmed.kept.map((s) => markOf(s, c.key)))]),
    ),
    dropped,
  };
}

function scoreByCriteria(
  subject: string,
  sheets: readonly ParsedSheet[],
  rubric: readonly RubricEntry[],
  options: AggregateOptions,
): SubjectResult {
  const criterionMeans: Record<string, Dec> = {};
  const dropped: DroppedMark[] = [];
  let score = ZERO;
  for (const c of rubric) {
    const marks = sheets.map((s) => ({ judge: s.judge, mark: markOf(s, c.key) }));
    const trimmed = trimExtremes(marks, (m) => m.mark, options);
    // ISU: the panel's mark is rounded, then the weighted mark is rounded again.
    const panelMark = roundHalfUp(mean(trimmed.kept.map((m) => m.mark)));
    criterionMeans[c.key] = panelMark;
    score = score.plus(roundHalfUp(panelMark.times(c.weight)));
    dropped.push(...droppedMarks(trimmed, (m) => m.mark, c.key));
  }
  return {
    ...summary(subject, sheets, score, options),
    totals: sheets.map((s) => judgeTotal(s, null)),
    criterionMeans,
    dropped,
  };
}

function summary(
  subject: string,
  sheets: readonly ParsedSheet[],
  score: Dec,
  options: AggregateOptions,
): Pick<SubjectResult, 'subject' | 'judgesCounted' | 'incomplete' | 'score' | 'display'> {
  return {
    subject,
    judgesCounted: sheets.length,
    incomplete: sheets.length < options.minJudges,
    score,
    display: formatFixed(score),
  };
}

function judgeTotal(sheet: ParsedSheet, dropped: TrimSide | null): JudgeTotal {
  return { judge: sheet.judge, total: sheet.total, adjusted: sheet.adjusted, dropped };
}

// ——— normalisation ———

// A square root is not exact anyway; at 12 places the normalised totals stay far below display
// precision while every later sum stays exact, so a mean never strays outside its inputs.
const NORMALISED_PLACES = 12;

/**
 * Judges are not equally strict and not every judge scores every subject, so each judge's totals
 * are turned into z-scores over the subjects that judge scored, then mapped back onto the scale of
 * all totals pooled together (pooled mean + z × pooled sd). Both standard deviations are population
 * ones (÷ n): the same definition on both sides, so a judge whose totals already look like the pool
 * is left unchanged. A judge with a single sheet or no spread has no scale to correct and keeps raw
 * totals. The pool is the sheets passed in (one month's vote, or the defense).
 */
function normalizeTotals(sheets: readonly ParsedSheet[]): ParsedSheet[] {
  const pooled = spreadOf(sheets.map((s) => s.total));
  const judges = new Map(
    groupBy(sheets, (s) => s.judge).map(([judge, own]) => [
      judge,
      spreadOf(own.map((s) => s.total)),
    ]),
  );
  return sheets.map((s) => {
    const own = judges.get(s.judge);
    if (own === undefined || own.sd.isZero()) return s;
    const z = s.total.minus(own.mean).div(own.sd);
    const adjusted = pooled.mean.plus(z.times(pooled.sd));
    return { ...s, adjusted: roundHalfUp(adjusted, NORMALISED_PLACES) };
  });
}

function spreadOf(values: readonly Dec[]): { mean: Dec; sd: Dec } {
  const centre = mean(values);
  const variance = mean(values.map((v) => v.minus(centre).pow(2)));
  return { mean: centre, sd: variance.sqrt() };
}

// ——— validation (callers validate earlier; these are guards) ———

function checkOptions(options: AggregateOptions): void {
  const { mode, trimFrom, trimCount, minJudges, normalizeJudges } = options;
  if (mode !== 'total' && mode !== 'criterion') {
    throw new RangeError(`aggregate mode must be "total" or "criterion", not "${String(mode)}"`);
  }
  checkInteger('trimCount', trimCount, 0);
  // At least one figure must survive trimming.
  checkInteger('trimFrom', trimFrom, 2 * trimCount + 1);
  checkInteger('minJudges', minJudges, 1);
  if (normalizeJudges && mode === 'criterion') {
    // Normalisation rescales judges' totals; criterion mode never averages totals.
    throw new RangeError('normalizeJudges applies to judge totals: use it with mode "total"');
  }
}

function checkInteger(name: string, value: number, least: number): void {
  if (!Number.isInteger(value) || value < least) {
    throw new RangeError(`${name} must be a whole number ≥ ${least}, not ${value}`);
  }
}

function parseRubric(rubric: readonly Criterion[]): RubricEntry[] {
  if (rubric.length === 0) throw new RangeError('the rubric has no criteria');
  const seen = new Set<string>();
  return rubric.map((c) => {
    if (c.key === '' || seen.has(c.key)) {
      throw new RangeError(`rubric criterion key "${c.key}" is empty or repeated`);
    }
    seen.add(c.key);
    const max = positive(c.max, `max of criterion ${c.key}`);
    const weight = positive(c.weight ?? 1, `weight of criterion ${c.key}`);
    return { key: c.key, label: c.label, max, weight };
  });
}

function positive(value: number, what: string): Dec {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${what} must be a positive number, not ${value}`);
  }
  return dec(value);
}

function parseSheet(sheet: ScoreSheet, rubric: readonly RubricEntry[]): ParsedSheet {
  const where = (key: string) =>
    `judge "${sheet.judge}", subject "${sheet.subject}", criterion "${key}"`;
  for (const key of Object.keys(sheet.marks)) {
    if (!rubric.some((c) => c.key === key)) {
      throw new RangeError(`${where(key)}: not a criterion of the rubric`);
    }
  }
  const marks = new Map(
    rubric.map((c) => [c.key, parseMark(sheet.marks[c.key], c, where(c.key))] as const),
  );
  const total = sum(rubric.map((c) => c.weight.times(markOf({ marks }, c.key))));
  return { judge: sheet.judge, subject: sheet.subject, marks, total, adjusted: total };
}

function parseMark(raw: DecimalInput | undefined, criterion: RubricEntry, where: string): Dec {
  if (raw === undefined || raw === null || raw === '') {
    throw new RangeError(`${where}: mark is missing`);
  }
  let mark: Dec;
  try {
    mark = dec(raw);
  } catch {
    throw new RangeError(`${where}: "${String(raw)}" is not a number`);
  }
  if (!mark.isFinite() || mark.decimalPlaces() > 2) {
    throw new RangeError(`${where}: ${String(raw)} is not a mark with at most 2 decimals`);
  }
  if (mark.lt(0) || mark.gt(criterion.max)) {
    throw new RangeError(`${where}: ${mark.toString()} is outside 0..${criterion.max.toString()}`);
  }
  return mark;
}

function checkUnique(sheets: ParsedSheet[]): ParsedSheet[] {
  const seen = new Set<string>();
  for (const s of sheets) {
    const id = JSON.stringify([s.judge, s.subject]);
    if (seen.has(id)) {
      // Screening (judgeRules) keeps one sheet per judge and subject; two here would count twice.
      throw new RangeError(`judge "${s.judge}" has more than one sheet for subject "${s.subject}"`);
    }
    seen.add(id);
  }
  return sheets;
}

// ——— small helpers ———

function markOf(sheet: Pick<ParsedSheet, 'marks'>, key: string): Dec {
  const mark = sheet.marks.get(key);
  if (mark === undefined) throw new RangeError(`no mark for criterion "${key}"`); // parseSheet fills every key
  return mark;
}

/** Code-unit order: the same on every host, unlike localeCompare. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Groups items by key; groups come in order of first appearance. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups];
}
