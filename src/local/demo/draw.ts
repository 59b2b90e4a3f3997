/**
 * Drawing realistic answers with a seeded PRNG: choices, chances, the activity title templates'
 * blanks, people's names and addresses. Shared by the demo year and the benchmark's generator.
 */
import { sample, type Rng } from '../../domain/prng';
import * as V from './demoVocabulary';

export const pick = <T>(rng: Rng, list: readonly T[]): T => list[rng.int(list.length)] as T;
export const chance = (rng: Rng, p: number): boolean => rng.next() < p;
/** A whole number from lo to hi inclusive. */
export const between = (rng: Rng, lo: number, hi: number): number => lo + rng.int(hi - lo + 1);

/** Fills a title template's blanks (`{book}`, `{film}`, …) with drawn or given values. */
export function fill(
  rng: Rng,
  template: string,
  values: Record<string, string | number> = {},
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

export function person(rng: Rng): Person {
  const [surname, surnamePinyin] = pick(rng, V.SURNAMES);
  const chars = sample(rng, V.GIVEN_CHARS, chance(rng, 0.65) ? 2 : 1);
  return {
    name: surname + chars.map(([c]) => c).join(''),
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
