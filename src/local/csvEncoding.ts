/**
 * The bytes of a CSV file as text, whatever program saved it (DESIGN §6):
 * - UTF-8, with or without BOM: Google Forms' download, Excel's "CSV UTF-8";
 * - UTF-16 LE or BE with BOM: Excel's "Unicode text" (TAB-separated; the CSV reader handles that);
 *   without BOM too, told by the zero bytes of its ASCII characters;
 * - GB18030 (and its subsets GBK, GB2312): Excel's plain "CSV" on Chinese Windows.
 *
 * Decided by validity, never by guessing first: a file that decodes as UTF-8 without a single
 * error is UTF-8. Otherwise GB18030 is tried, and kept only when the text is plausible Chinese:
 * GB18030 gives a character to almost any byte sequence, so a Big5, Shift_JIS or Latin-1 file
 * would "decode" too, into garbage. Plausible means: every multi-byte character is a Chinese
 * character or punctuation (no kana, no private-use or unassigned code), and most byte pairs lie
 * in the GB2312 area where everyday Chinese is. Anything else is refused with a message naming what
 * it looks like and how to export UTF-8: nothing is ever stored garbled.
 */
import { t } from '../domain/messages';
import type { Locale } from '../domain/vocabulary';

export type CsvEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

export interface DecodedCsv {
  readonly text: string;
  readonly encoding: CsvEncoding;
}

function decode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without BOM: ASCII text has a zero byte in every other place. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 2000) & ~1);
  if (sample.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.3 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros === 0) return 'utf-16be';
  return null;
}

/** Chinese characters, CJK and full-width punctuation, and the general punctuation (“”—…·). */
const CHINESE_TEXT = /^[\u4e00-\u9fff\u3400-\u4dbf\u3000-\u303f\uff00-\uffef\u2000-\u206f\u00b7]$/u;

/** Whether GB18030 bytes read as everyday Chinese (see the file's comment). */
function plausibleChinese(bytes: Uint8Array, text: string): boolean {
  const wide = [...text].filter((c) => c.charCodeAt(0) > 0x7f);
  if (wide.length === 0) return false;
  if (!wide.every((c) => CHINESE_TEXT.test(c))) return false;
  let pairs = 0;
  let gb2312 = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x81) continue;
    const trail = bytes[i + 1] ?? 0;
    if (trail >= 0x30 && trail <= 0x39) {
      i += 3; // a four-byte sequence: rare characters
      pairs++;
      continue;
    }
    pairs++;
    if (lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) gb2312++;
    i++;
  }
  return gb2312 >= pairs * 0.8;
}

/** What a refused file looks like, for the message: the first encoding it reads plausibly in. */
function lookalike(bytes: Uint8Array, locale: Locale): string {
  const japanese = decode('shift_jis', bytes);
  if (japanese !== null && /[\u3040-\u30ff]/.test(japanese)) return 'Shift_JIS';
  const big5 = decode('big5', bytes);
  if (big5 !== null && /[\u4e00-\u9fff]/.test(big5)) return 'Big5';
  const wide = [...bytes].filter((b) => b > 0x7f);
  if (wide.length > 0 && wide.every((b) => b >= 0xa0)) return 'Latin-1 (Windows-1252)';
  return t(locale, 'ingest.encoding.unknown');
}

/**
 * The file's text and the encoding it was read in. Throws, naming the file, when the bytes are in
 * none of the encodings above.
 */
export function decodeCsv(bytes: Uint8Array, fileName: string, locale: Locale): DecodedCsv {
  const [b0, b1, b2] = bytes;
  const bom16 =
    b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : null;
  const utf16 =
    bom16 ?? (b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? null : utf16WithoutBom(bytes));
  if (utf16 !== null) {
    const text = decode(utf16, bytes);
    if (text === null) {
      throw new Error(t(locale, 'ingest.encoding.broken', { file: fileName, encoding: 'UTF-16' }));
    }
    return { text, encoding: utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE' };
  }
  const utf8 = decode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'UTF-8' };
  const gb = decode('gb18030', bytes);
  if (gb !== null && plausibleChinese(bytes, gb)) return { text: gb, encoding: 'GB18030' };
  throw new Error(
    t(locale, 'ingest.encoding.refused', { file: fileName, encoding: lookalike(bytes, locale) }),
  );
}
