/**
 * Exact decimal arithmetic for scores. Marks have at most two decimal places; sums and means are
 * kept at full precision and rounded half-up to two places only where the rules say so.
 * Binary floats are never used for a score: 0.1 + 0.2 is not 0.3 for a judge.
 */
import Decimal from 'decimal.js';

/** A private Decimal constructor, so the library's global settings stay untouched. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

export type DecimalInput = Dec | number | string;

export const ZERO = new Dec(0);

export function dec(value: DecimalInput): Dec {
  return value instanceof Dec ? value : new Dec(value);
}

export function sum(values: readonly DecimalInput[]): Dec {
  return values.reduce<Dec>((acc, v) => acc.plus(dec(v)), ZERO);
}

export function mean(values: readonly DecimalInput[]): Dec {
  if (values.length === 0) throw new RangeError('mean of no values');
  return sum(values).div(values.length);
}

/** Half-up rounding to `places` decimals (9.005 → 9.01, -2.5 → -3). */
export function roundHalfUp(value: DecimalInput, places = 2): Dec {
  return dec(value).toDecimalPlaces(places, Dec.ROUND_HALF_UP);
}

/** The value as shown to people: rounded half-up, always `places` decimals ("7.50"). */
export function formatFixed(value: DecimalInput, places = 2): string {
  return roundHalfUp(value, places).toFixed(places);
}

/** A number for a spreadsheet cell, rounded half-up first so the cell shows the exact figure. */
export function toCellNumber(value: DecimalInput, places = 2): number {
  return roundHalfUp(value, places).toNumber();
}

export function min(values: readonly Dec[]): Dec {
  return Dec.min(...values);
}

export function max(values: readonly Dec[]): Dec {
  return Dec.max(...values);
}

export function compare(a: Dec, b: Dec): number {
  return a.comparedTo(b);
}
