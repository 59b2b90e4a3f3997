/**
 * Commendation letters: one per final award, made from the template, its link written back to
 * `Awards` with the number and the fields it printed. An award whose letter still says what the
 * award says is never given a second one; a letter that no longer does (or every letter, on
 * `reissue`) is voided and a new one with a new number is made. Provisional awards get none.
 *
 * Each letter's id is also kept in `Markers` the moment its document exists, so a job cut off
 * before it saved `Awards` (or before the document was filled) resumes with that document instead
 * of making another.
 */
import { letterFileName } from '../domain/letterFields';
import { printedRecord } from '../domain/letterRecord';
import { t } from '../domain/messages';
import { AwardsTable, type Award } from '../domain/schema/tables';
import type { MadeDocument } from '../ports';
import { readConfig, type Ports } from './context';
import { runJob, type JobReport } from './job';
import type { Config } from '../domain/config';
import {
  fieldsFor,
  letterMismatch,
  markerKey,
  nextLetterNumber,
  readLetterSources,
  voidLetter,
  type LetterSources,
} from './letterCheck';
import { Table } from './table';

export { letterInput, readLetterSources, type LetterSources } from './letterCheck';

export interface LettersReport extends JobReport {
  /** Letters made in this run, reissued ones included. */
  readonly made: number;
  /** Of those, letters that replace a voided one. */
  readonly reissued: number;
  readonly voided: number;
  /** Letters that still say what their award says, left as they are. */
  readonly kept: number;
  /** Provisional awards, which get no letter. */
  readonly provisional: number;
  readonly remaining: number;
  readonly files: readonly { awardId: string; name: string; link: string; letterNo: string }[];
}

export interface LetterOptions {
  /** Asked before each letter: stop now (time budget or daily quota) and resume later. */
  readonly shouldStop?: (made: number) => boolean;
  /** Void every letter and make it again (e.g. after the template changed). */
  readonly reissue?: boolean;
}

export function issueLetters(ports: Ports, options: LetterOptions = {}): LettersReport {
  const config = readConfig(ports);
  const { locale } = config;
  const documents = ports.documents;
  if (!documents) throw new Error(t(locale, 'jobs.noDocumentMaker'));
  return runJob(ports, t(locale, 'jobs.name.letters'), locale, () => {
    const { store } = ports;
    const awards = Table.read(store, AwardsTable, locale);
    const sources = readLetterSources(store, locale);
    const { due, kept, provisional } = lettersDue(awards.records(), sources, config, options);
    const files: { awardId: string; name: string; link: string; letterNo: string }[] = [];
    const lines: string[] = [];
    let made = 0;
    let reissued = 0;
    let voided = 0;
    for (const { award: current, voidBecause, letterNo, key, name, fields } of due) {
      if (options.shouldStop?.(made)) break;
      let award = current;
      if (voidBecause !== null) {
        award = voidLetter(ports, award, voidBecause, config);
        awards.upsert(award);
        voided++;
        reissued++;
        lines.push(
          t(locale, 'awards.letterVoided', {
            letterNo: current.letterNo ?? current.awardId,
            recipient: current.recipient,
            reason: voidBecause,
          }),
        );
      }
      // A document made by a run that was cut off before it finished is filled, not made again.
      const remembered = ports.markers?.get(key);
      const doc: MadeDocument = remembered
        ? (JSON.parse(remembered) as MadeDocument)
        : documents.create(name);
      if (!remembered) ports.markers?.set(key, JSON.stringify(doc));
      documents.fill(doc, fields);
      awards.upsert({
        ...award,
        letterId: doc.id,
        link: doc.link,
        generatedAt: ports.clock.now(),
        letterNo,
        printed: printedRecord(fields),
      });
      files.push({ awardId: award.awardId, name, link: doc.link, letterNo });
      made++;
      ports.progress?.update(made, due.length, t(locale, 'jobs.name.letters'));
    }
    awards.save(store, locale);
    const remaining = due.length - made;
    return {
      job: 'letters',
      rowsIn: due.length,
      rowsOut: made,
      made,
      reissued,
      voided,
      kept,
      provisional,
      remaining,
      files,
      summary: [
        t(locale, 'awards.lettersMade', { made, reissued, voided }),
        ...(remaining > 0 ? [t(locale, 'awards.lettersLeft', { remaining })] : []),
        ...(provisional > 0
          ? [t(locale, 'awards.lettersProvisional', { count: provisional })]
          : []),
        ...lines,
      ],
    };
  });
}

/** One letter the run makes: for which award, under which number, and whether its old one is voided. */
export interface LetterDue {
  /** The award as it stands before the run. */
  readonly award: Award;
  /** Why the award's letter is voided first; null when it has none. */
  readonly voidBecause: string | null;
  /** The n-th letter of the award, and the number it prints (never an earlier letter's). */
  readonly issue: number;
  readonly letterNo: string;
  /** The Markers key remembering the document made for it. */
  readonly key: string;
  /** The new document's file name. */
  readonly name: string;
  /** What the new letter prints, by placeholder. */
  readonly fields: Readonly<Record<string, string>>;
}

export interface LettersPlan {
  /** In the order the run makes them. */
  readonly due: readonly LetterDue[];
  /** Letters that still say what their award says. */
  readonly kept: number;
  /** Provisional awards, which get no letter. */
  readonly provisional: number;
}

/**
 * The letters a run makes, and nothing else decides it: `issueLetters` follows this plan, and an
 * adapter that must prepare documents before the run (Drive copies from Node) prepares exactly
 * these, under these keys.
 */
export function lettersDue(
  awards: readonly Award[],
  sources: LetterSources,
  config: Config,
  options: Pick<LetterOptions, 'reissue'> = {},
): LettersPlan {
  const { locale } = config;
  const due: LetterDue[] = [];
  let kept = 0;
  let provisional = 0;
  for (const award of awards) {
    if (award.state === 'provisional') {
      provisional++;
      continue;
    }
    const voidBecause = options.reissue
      ? award.letterId
        ? t(locale, 'awards.reason.reissue')
        : null
      : letterMismatch(award, sources.branches.get(award.branch), config, locale);
    if (award.letterId && voidBecause === null) {
      kept++;
      continue;
    }
    const { letterNo, issue } = nextLetterNumber(award, config, voidBecause !== null);
    due.push({
      award,
      voidBecause,
      issue,
      letterNo,
      key: markerKey(award.awardId, issue),
      name: letterFileName({ ...award, awardTitle: award.title }),
      fields: fieldsFor(
        award,
        sources.branches.get(award.branch),
        config,
        letterNo,
        sources.achievements.get(award.awardId),
      ),
    });
  }
  return { due, kept, provisional };
}
