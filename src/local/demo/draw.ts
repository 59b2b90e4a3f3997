/**
 * Drawing realistic answers with a seeded PRNG: choices, chances, the activity title templates'
 * blanks, people's names and addresses. Shared by the demo year and the benchmark's generator.
 */
import { sample, type Rng } from '../../domain/prng';
import { ZH_VOCABULARY, type DemoVocabulary } from './demoVocabulary';

export const pick = <T>(rng: Rng, list: readonly T[]): T => list[rng.int(list.length)] as T;
export const chance = (rng: Rng, p: number): boolean => rng.next() < p;
/** A whole number from lo to hi inclusive. */
export const between = (rng: Rng, lo: number, hi: number): number => lo + rng.int(hi - lo + 1);

/** Fills a title template's blanks (`{book}`, `{film}`, …) with drawn or given values. */
export function fill(
  rng: Rng,
  template: string,
  values: Record<string, string | number> = {},
  V: DemoVocabulary = ZH_VOCABULARY,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (key in values) return String(values[key]);
    switch (key) {
      case 'book':
        return pick(rng, V.BOOKS);
      case 'film':
        return pick(rng, V.FILMS);
      case 'song':
        return pick(rng, V.SONGS);
      case 'alumnus':
        return pick(rng, V.ALUMNI);
      case 'grade':
        return String(between(rng, 2012, 2021));
      case 'place':
        return pick(rng, V.PLACES);
      case 'hours':
        return String(between(rng, 2, 8) * 5);
      default:
        return whole;
    }
  });
}

export interface Person {
  readonly name: string;
  /** The pinyin of the name, for an email address. */
  readonly mail: string;
}

export function person(rng: Rng, V: DemoVocabulary = ZH_VOCABULARY): Person {
  const [surname, surnamePinyin] = pick(rng, V.SURNAMES);
  const chars = sample(rng, V.GIVEN_CHARS, chance(rng, 0.65) ? 2 : 1);
  return {
    name: V.personName(
      surname,
      chars.map(([c]) => c),
    ),
    mail: surnamePinyin + chars.map(([, p]) => p).join(''),
  };
}

/** `zhangwei`, then `zhangwei2`, `zhangwei3`… when the address is taken. */
export function uniqueMail(base: string, used: Set<string>, domain: string): string {
  let local = base;
  for (let n = 2; used.has(local); n++) local = `${base}${n}`;
  used.add(local);
  return `${local}@${domain}`;
}

/** A number in [-spread, spread). */
export const jitter = (rng: Rng, spread: number): number => (rng.next() * 2 - 1) * spread;

/** Formats a count of tenths with at most one decimal: 345 → '34.5', 340 → '34'. */
export function tenths(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  return abs % 10 === 0 ? `${sign}${abs / 10}` : `${sign}${Math.floor(abs / 10)}.${abs % 10}`;
}

// The June defense: how good a branch's defense is, how strict a judge is, and the days it runs.
export const DEFENSE_QUALITY: Record<'strong' | 'steady' | 'weak' | 'lapsed', number> = {
  strong: 0.88,
  steady: 0.78,
  weak: 0.62,
  lapsed: 0.6,
};
export const JUDGE_BIAS = { harsh: -0.1, lenient: 0.06, fair: 0 } as const;
export const DEFENSE_DAYS = ['2027-06-24', '2027-06-25', '2027-06-26', '2027-06-27', '2027-06-28'];

/** A mark in tenths within [0, max], as the judge types it: whole, halves or one decimal. */
export function markTenths(rng: Rng, max: number, quality: number, style: 1 | 5 | 10): number {
  const top = Math.round(max * 10);
  const raw = Math.round(top * Math.min(1, Math.max(0.2, quality + jitter(rng, 0.05))));
  const rounded = Math.round(raw / style) * style;
  return rounded > top ? rounded - style : rounded;
}

/** A nominee's main achievements, two or three sentences in the seed's words. */
export function achievementsText(rng: Rng, V: DemoVocabulary = ZH_VOCABULARY): string {
  return sample(rng, V.ACHIEVEMENTS, between(rng, 2, 3))
    .map((s) =>
      fill(
        rng,
        s,
        {
          rank: between(rng, 1, 10),
          hours: between(rng, 30, 160),
          help: between(rng, 2, 6),
        },
        V,
      ),
    )
    .join(V.sentenceJoiner);
}
