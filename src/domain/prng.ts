/**
 * A small seeded pseudo-random generator for draws that must be reproducible and auditable: the
 * same seed string gives the same sequence in Apps Script, Node and any browser.
 * cyrb128 hashes the seed into 128 bits, which seed sfc32 (both public-domain, by bryc and
 * Chris Doty-Humphrey). Only 32-bit integer operations are used (Math.imul, |0, >>>), so no
 * engine-specific float behaviour can change a draw. Not for anything secret.
 */

export interface Rng {
  /** A number in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** An integer in [0, n) for a whole number 1 ≤ n ≤ 2^32. */
  int(n: number): number;
}

const TWO_POW_32 = 4294967296;

/** cyrb128: four 32-bit hashes of the string's UTF-16 code units. */
export function hashSeed(seed: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

export function createRng(seed: string): Rng {
  let [a, b, c, d] = hashSeed(seed);

  // sfc32: one step, returning a 32-bit unsigned integer.
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // The first outputs still show the seed's structure; the usual remedy is to discard a few.
  for (let i = 0; i < 15; i++) nextUint32();

  return {
    next: () => nextUint32() / TWO_POW_32,
    int: (n: number) => {
      if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
        throw new RangeError(`rng.int: n must be a whole number from 1 to 2^32, got ${n}`);
      }
      // Multiply-and-floor: the bias is below n / 2^32, negligible for lists of branches.
      return Math.floor((nextUint32() / TWO_POW_32) * n);
    },
  };
}

/**
 * `count` distinct items drawn without replacement, in draw order (a partial Fisher–Yates
 * shuffle). Asking for more than there are returns them all, shuffled. The input is not changed.
 */
export function sample<T>(rng: Rng, items: readonly T[], count: number): T[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`sample: count must be a whole number ≥ 0, got ${count}`);
  }
  const pool = [...items];
  const take = Math.min(count, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + rng.int(pool.length - i);
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, take);
}

/** A shuffled copy (Fisher–Yates); every order is equally likely. */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  return sample(rng, items, items.length);
}
