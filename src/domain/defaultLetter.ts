/**
 * What the default letter template says, in the workbook's language: one description that both
 * builders follow, the `.docx` template of local mode and the Google Docs template Apps Script
 * makes at setup. A 荣誉证书 is dated the formal way (二〇二七年七月一日) and signed at the bottom
 * right by the issuing body, with the date under its name and blank room above for the seal (盖章).
 * Pure: no host APIs.
 */
import { placeholderToken } from './letterFields';
import { t } from './messages';
import type { Locale } from './vocabulary';

export interface DefaultLetter {
  /** 荣誉证书 / Certificate of Honour. */
  readonly title: string;
  readonly salutation: string;
  readonly citation: string;
  /** The issuing body's name, then the date: bottom right, under the seal. */
  readonly signature: readonly [college: string, date: string];
  /** The letter number's label and placeholder, small, at the foot of the page. */
  readonly letterNo: readonly [label: string, value: string];
}

/** The date a letter prints under the issuing body's name: formal Chinese, or English. */
export function signatureDateKey(
  locale: Locale,
): 'commendationDateZhFormal' | 'commendationDateEn' {
  return locale === 'en' ? 'commendationDateEn' : 'commendationDateZhFormal';
}

export function defaultLetter(locale: Locale): DefaultLetter {
  return {
    title: t(locale, 'letters.title'),
    salutation: placeholderToken('salutation'),
    citation: placeholderToken('citation'),
    signature: [placeholderToken('college'), placeholderToken(signatureDateKey(locale))],
    letterNo: [t(locale, 'letters.letterNoLabel'), placeholderToken('letterNo')],
  };
}
