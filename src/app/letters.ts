/**
 * Commendation letters: one per award, made from the template, its link written back to `Awards`.
 * An award that has a letter is never given a second one. Each letter's id is also kept in
 * `Markers` the moment its document exists, so a job cut off before it saved `Awards` (or before
 * the document was filled) resumes with that document instead of making another.
 */
import { letterFields, letterFileName } from '../domain/letterFields';
import { AwardsTable, BranchesTable, type Award, type Branch } from '../domain/schema/tables';
import { labelOf, TIERS } from '../domain/vocabulary';
import type { Config } from '../domain/config';
import { readConfig, type Ports } from './context';
import { runJob, type JobReport } from './job';
import { Table } from './table';

export interface LettersReport extends JobReport {
  readonly made: number;
  readonly remaining: number;
  readonly files: readonly { awardId: string; name: string; link: string }[];
}

export interface LetterOptions {
  /** Asked before each letter: stop now (time budget or daily quota) and resume later. */
  readonly shouldStop?: (made: number) => boolean;
}

function markerKey(awardId: string): string {
  return `letter:${awardId}`;
}

export function letterInput(award: Award, branch: Branch | undefined, config: Config) {
  const tier = TIERS.find((t) => t.key === branch?.tier);
  return {
    awardId: award.awardId,
    kind: award.kind,
    recipient: award.recipient,
    branchName: branch?.name ?? '',
    unit: branch?.unit ?? '',
    tierLabel: tier ? labelOf(tier, 'zh-CN') : '',
    awardTitle: award.title,
    programYear: config.programYear,
    rank: award.rank ?? 0,
    score: award.score === null ? '' : award.score.toFixed(2),
    commendationDate: config.commendationDate,
    college: config.collegeName,
  };
}

export function issueLetters(ports: Ports, options: LetterOptions = {}): LettersReport {
  const config = readConfig(ports);
  const documents = ports.documents;
  if (!documents) throw new Error('issueLetters: no document maker configured');
  return runJob(ports, 'letters', config.locale, () => {
    const { store } = ports;
    const awards = Table.read(store, AwardsTable, config.locale);
    const branches = new Map(
      Table.read(store, BranchesTable, config.locale)
        .records()
        .map((b) => [b.id, b]),
    );
    const todo = awards.records().filter((a) => !a.letterId);
    const files: { awardId: string; name: string; link: string }[] = [];
    let made = 0;
    for (const award of todo) {
      if (options.shouldStop?.(made)) break;
      const name = letterFileName({ ...award, awardTitle: award.title });
      // A document made by a run that was cut off before it finished is filled, not made again.
      const remembered = ports.markers?.get(markerKey(award.awardId));
      const doc = remembered
        ? (JSON.parse(remembered) as { id: string; link: string })
        : documents.create(name);
      if (!remembered) ports.markers?.set(markerKey(award.awardId), JSON.stringify(doc));
      documents.fill(doc, letterFields(letterInput(award, branches.get(award.branch), config)));
      awards.upsert({ ...award, letterId: doc.id, link: doc.link, generatedAt: ports.clock.now() });
      files.push({ awardId: award.awardId, name, link: doc.link });
      made++;
      ports.progress?.update(made, todo.length, 'letters');
    }
    awards.save(store, config.locale);
    const remaining = todo.length - made;
    return {
      job: 'letters',
      rowsIn: todo.length,
      rowsOut: made,
      made,
      remaining,
      files,
      summary: [
        `${made} letters made` + (remaining > 0 ? `, ${remaining} left for the next run` : ''),
      ],
    };
  });
}
