/**
 * A letter always says what its `Awards` row says. Each letter records the fields it printed; these
 * helpers tell when an award has moved on from its letter, and void such a letter: the file is
 * kept (renamed 作废-…, unshared), its link leaves `Awards`, and the row keeps a line saying which
 * letter was voided, when and why. The next letter of the award gets a new number.
 */
import type { Config } from '../domain/config';
import { letterFields } from '../domain/letterFields';
import { letterNumber, nextIssue, printedChanges } from '../domain/letterRecord';
import { t, type MessageKey } from '../domain/messages';
import { memberAwardId } from '../domain/awards';
import type { TableStore } from '../ports';
import {
  BranchesTable,
  NominationsTable,
  type Award,
  type Branch,
  type Nomination,
} from '../domain/schema/tables';
import { labelOf, TIERS, type Locale } from '../domain/vocabulary';
import type { Ports } from './context';
import { Table } from './table';

/** What letters say besides their awards: the branches, and each member's achievements. */
export interface LetterSources {
  readonly branches: ReadonlyMap<string, Branch>;
  /** 主要事迹 of the approved nomination behind each member award, by award id. */
  readonly achievements: ReadonlyMap<string, string>;
}

/**
 * The achievements each member award's letter cites: those of its approved nomination (of the
 * latest, when a member was nominated and approved twice).
 */
export function achievementsByAward(nominations: readonly Nomination[]): Map<string, string> {
  const approved = nominations
    .filter((n) => n.status === 'approved')
    .sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0));
  return new Map(approved.map((n) => [memberAwardId(n.branch, n.studentId), n.achievements]));
}

/** Reads what letters are made from, besides the awards (one read of each table). */
export function readLetterSources(store: TableStore, locale: Locale): LetterSources {
  return {
    branches: new Map(
      Table.read(store, BranchesTable, locale)
        .records()
        .map((b) => [b.id, b]),
    ),
    achievements: achievementsByAward(Table.read(store, NominationsTable, locale).records()),
  };
}

export function letterInput(
  award: Award,
  branch: Branch | undefined,
  config: Config,
  achievements?: string,
) {
  const tier = TIERS.find((t) => t.key === branch?.tier);
  return {
    awardId: award.awardId,
    kind: award.kind,
    recipient: award.recipient,
    branchName: branch?.name ?? '',
    unit: branch?.unit ?? '',
    tierLabel: tier ? labelOf(tier, config.locale) : '',
    awardTitle: award.title,
    programYear: config.programYear,
    rank: award.rank ?? 0,
    score: award.score === null ? '' : award.score.toFixed(2),
    commendationDate: config.commendationDate,
    college: config.collegeName,
    locale: config.locale,
    ...(award.kind === 'member' && achievements ? { achievements } : {}),
  };
}

/** The award's letter number: the one it holds, else its first number (letters made before it was recorded). */
function heldNumber(award: Award, config: Config): string {
  return award.letterNo ?? letterNumber(config.programYear, award.awardId, 1);
}

/**
 * The number the award's next letter gets: never one of its earlier letters' numbers, nor the
 * one it holds when that letter is being voided (`voiding`; a letter made before numbers were
 * recorded holds the first).
 */
export function nextLetterNumber(
  award: Award,
  config: Config,
  voiding = false,
): { letterNo: string; issue: number } {
  const held = voiding && award.letterId ? heldNumber(award, config) : award.letterNo;
  const issue = nextIssue(config.programYear, award.awardId, [held, award.voidedLetters]);
  return { letterNo: letterNumber(config.programYear, award.awardId, issue), issue };
}

/**
 * The fields the award's letter prints, under the given number; a member's letter cites the
 * achievements given (a generic citation without them).
 */
export function fieldsFor(
  award: Award,
  branch: Branch | undefined,
  config: Config,
  letterNo: string,
  achievements?: string,
): Record<string, string> {
  return letterFields({ ...letterInput(award, branch, config, achievements), letterNo });
}

/**
 * Why the award's letter no longer stands, in staff's words; null when it still prints exactly
 * what the award says (or the award has no letter).
 */
export function letterMismatch(
  award: Award,
  branch: Branch | undefined,
  config: Config,
  locale: Locale,
): string | null {
  if (!award.letterId) return null;
  const changes = printedChanges(
    award.printed,
    fieldsFor(award, branch, config, heldNumber(award, config)),
  );
  if (changes === null) return t(locale, 'awards.reason.unrecorded');
  if (changes.length === 0) return null;
  return changes
    .map((c) =>
      t(locale, 'awards.change', {
        field: t(locale, `awards.field.${c.field}` as MessageKey),
        was: c.was || '—',
        now: c.now || '—',
      }),
    )
    .join(locale === 'en' ? '; ' : '；');
}

/** The Markers key remembering the document made for an award's n-th letter (see issueLetters). */
export function markerKey(awardId: string, issue: number): string {
  return issue <= 1 ? `letter:${awardId}` : `letter:${awardId}:${issue}`;
}

/**
 * Voids the award's letter and returns the award without it: no link, no number, and one more line
 * in its record of voided letters. The file is renamed and unshared by the document maker.
 */
export function voidLetter(ports: Ports, award: Award, reason: string, config: Config): Award {
  if (!award.letterId) return award;
  const documents = ports.documents;
  if (!documents) {
    throw new Error(`${award.awardId}: ${t(config.locale, 'jobs.noDocumentMaker')}`);
  }
  const letterNo = heldNumber(award, config);
  const voided = documents.void({ id: award.letterId, link: award.link ?? '' }, reason);
  // The document is no longer this award's letter: a resumed run must never fill it again.
  const issue = nextIssue(config.programYear, award.awardId, [letterNo]) - 1;
  ports.markers?.set(markerKey(award.awardId, issue), '');
  const entry = t(config.locale, 'awards.voidedEntry', {
    letterNo,
    at: ports.clock.now(),
    reason,
    file: voided.link || voided.id,
  });
  return {
    ...award,
    letterId: null,
    link: null,
    generatedAt: null,
    letterNo: null,
    printed: null,
    voidedLetters: [award.voidedLetters, entry].filter((s) => s).join('\n'),
  };
}
