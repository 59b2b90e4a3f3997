/**
 * Small helpers shared by the fakes: A1 notation, Google API field masks, a seeded random source
 * for ids, and the Java-ish type names Apps Script prints in "parameters don't match" errors.
 */

// ---------------------------------------------------------------------------------------------
// A1 notation

/** 1 → A, 26 → Z, 27 → AA. */
export function columnLetters(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** One corner of an A1 reference; a missing part means "open" (whole column / whole row). */
interface Corner {
  readonly row?: number;
  readonly col?: number;
}

/** A parsed A1 reference: an optional sheet name and the (possibly open-ended) box. */
export interface A1Ref {
  readonly sheet: string | null;
  /** `null` when the reference names only a sheet (`'Sheet 1'`): the whole sheet. */
  readonly box: {
    readonly row1?: number;
    readonly col1?: number;
    readonly row2?: number;
    readonly col2?: number;
  } | null;
}

function parseCorner(text: string): Corner | null {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  const row = m[2] ? Number(m[2]) : undefined;
  if (row === 0) return null;
  return { ...(m[1] ? { col: columnNumber(m[1]) } : {}), ...(row ? { row } : {}) };
}

/** Splits `'It''s'!A1:B2` / `Sheet1!A:A` / `A1` / `'Sheet'` into sheet name and box. */
export function parseA1(input: string, allowSheetOnly = false): A1Ref | null {
  let sheet: string | null = null;
  let rest = input.trim();
  if (rest.startsWith("'")) {
    let i = 1;
    let name = '';
    for (; i < rest.length; i++) {
      if (rest[i] === "'") {
        if (rest[i + 1] === "'") {
          name += "'";
          i++;
          continue;
        }
        break;
      }
      name += rest[i];
    }
    if (i >= rest.length) return null;
    sheet = name;
    rest = rest.slice(i + 1);
    if (rest === '') return allowSheetOnly ? { sheet, box: null } : null;
    if (!rest.startsWith('!')) return null;
    rest = rest.slice(1);
  } else {
    const bang = rest.lastIndexOf('!');
    if (bang >= 0) {
      sheet = rest.slice(0, bang);
      rest = rest.slice(bang + 1);
    }
  }
  const parts = rest.split(':');
  if (parts.length > 2) return null;
  const a = parseCorner(parts[0] ?? '');
  if (parts.length === 1) {
    if (a && a.row !== undefined && a.col !== undefined) {
      return { sheet, box: { row1: a.row, col1: a.col, row2: a.row, col2: a.col } };
    }
    // A bare name with no '!' is a sheet name when the caller allows it (Sheets API ranges).
    if (allowSheetOnly && sheet === null && rest !== '') return { sheet: rest, box: null };
    return null;
  }
  const b = parseCorner(parts[1] ?? '');
  if (!a || !b) return null;
  // Both corners must agree on openness: A:B (columns), 1:3 (rows), A1:B (open end rows).
  if (a.col === undefined && b.col !== undefined) return null;
  if (a.row === undefined && b.row !== undefined) return null;
  return {
    sheet,
    box: {
      ...(a.row !== undefined ? { row1: a.row } : {}),
      ...(a.col !== undefined ? { col1: a.col } : {}),
      ...(b.row !== undefined ? { row2: b.row } : {}),
      ...(b.col !== undefined ? { col2: b.col } : {}),
    },
  };
}

/** `A1` or `A1:C3`. */
export function a1Of(row: number, col: number, numRows: number, numCols: number): string {
  const start = `${columnLetters(col)}${row}`;
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${columnLetters(col + numCols - 1)}${row + numRows - 1}`;
}

/** Sheet names are quoted in A1 when they hold anything but letters, digits and `_`. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------------------------------------
// Google API partial responses (`fields`)

type MaskTree = Map<string, MaskTree | null>;

/** Parses a field mask: `id,name`, `sheets.properties.title`, `permissions(id,role)`, `*`. */
export function parseFieldMask(mask: string): MaskTree {
  let i = 0;
  const list = (): MaskTree => {
    const tree: MaskTree = new Map();
    for (;;) {
      let name = '';
      while (i < mask.length && !',()'.includes(mask[i]!)) name += mask[i++];
      const path = name
        .trim()
        .split(/[./]/)
        .filter((p) => p !== '');
      let sub: MaskTree | null = null;
      if (mask[i] === '(') {
        i++;
        sub = list();
        i++; // ')'
      }
      if (path.length > 0) {
        let node = tree;
        path.forEach((part, k) => {
          const last = k === path.length - 1;
          const existing = node.get(part);
          if (last) {
            if (sub === null) node.set(part, null);
            else if (existing) for (const [key, v] of sub) existing.set(key, v);
            else if (existing === undefined) node.set(part, sub);
          } else {
            if (existing === null) return; // already whole
            let next = existing;
            if (!next) {
              next = new Map();
              node.set(part, next);
            }
            node = next;
          }
        });
      }
      if (mask[i] === ',') {
        i++;
        continue;
      }
      return tree;
    }
  };
  return list();
}

function applyMask(value: unknown, tree: MaskTree | null): unknown {
  if (tree === null || tree.has('*')) return value;
  if (Array.isArray(value)) return value.map((v) => applyMask(v, tree));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of tree) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = applyMask(v, sub);
  }
  return out;
}

/**
 * What a Google API returns for `fields`: everything the mask names (or `defaults` when no mask
 * is given; `*` is everything).
 */
export function project<T extends object>(full: T, fields: unknown, defaults?: string): T {
  const mask = typeof fields === 'string' && fields.trim() !== '' ? fields : defaults;
  if (mask === undefined) return full;
  return applyMask(full, parseFieldMask(mask)) as T;
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a tiny seeded PRNG, so ids and trigger minutes are the same on every run. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(bound: number): number {
    return Math.floor(this.next() * bound);
  }
  chars(length: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }
}

export const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
export const DIGITS = '0123456789';
export const HEX = '0123456789abcdef';

// ---------------------------------------------------------------------------------------------
// Misc

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** How Apps Script names argument types in "The parameters (…) don't match" errors. */
export function javaTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (Object.prototype.toString.call(value) === '[object Date]') return 'Date';
  if (Array.isArray(value)) {
    const first = value.find((v) => v !== null && v !== undefined);
    return `${first === undefined ? 'Object' : javaTypeName(first)}[]`;
  }
  return 'Object';
}

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
