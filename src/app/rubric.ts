/**
 * A rubric changed in Config after `init` (DESIGN §7). The score sheet's header records the rubric
 * its scores were given under. While the sheet holds no score, it simply takes the new rubric's
 * header, on whichever job reads it first. Once scores are recorded, reading them under other
 * criteria would be wrong, so every job that needs them stops with one message naming both rubrics
 * and the way out: archive the old scores to a dated sheet, or set Config back.
 */
import type { Config } from '../domain/config';
import { joinList, t } from '../domain/messages';
import type { Dec } from '../domain/decimal';
import { headerCriteria, headerMatchesRubric, type HeaderCriterion } from '../domain/rubric';
import type { Cell } from '../domain/schema/column';
import { defenseScoresTable, type RubricCriterion } from '../domain/schema/defenseScores';
import { normaliseHeader } from '../domain/schema/rows';
import { headerRow, type TableDef } from '../domain/schema/table';
import type { Locale } from '../domain/vocabulary';
import type { TableStore } from '../ports';
import type { Ports } from './context';
import { readConfig } from './context';
import { runJob, type JobReport } from './job';
import { Table } from './table';

/** Scores recorded under another rubric than Config's. */
export class RubricChangedError extends Error {
  constructor(
    readonly locale: Locale,
    readonly facts: { old: string; new: string; count: number },
    wayOut: string = t(locale, 'rubric.wayOutMenu', { menu: t(locale, 'rubric.menuItem') }),
  ) {
    super(t(locale, 'rubric.changed', { ...facts, wayOut }));
    this.name = 'RubricChangedError';
  }

  /** The same error, with the way out the caller's interface offers (a command, a menu item). */
  withWayOut(wayOut: string): RubricChangedError {
    return new RubricChangedError(this.locale, this.facts, wayOut);
  }
}

/** `创建成效40、特色创新25` / `Results 40, Innovation 25`. */
export function describeRubric(locale: Locale, rubric: readonly RubricCriterion[]): string {
  return describe(
    locale,
    rubric.map((c) => ({ name: locale === 'en' ? c.en : c.zh, max: c.max })),
  );
}

function describe(locale: Locale, criteria: readonly Pick<HeaderCriterion, 'name' | 'max'>[]) {
  return joinList(
    locale,
    criteria.map((c) => (locale === 'en' ? `${c.name} ${c.max}` : `${c.name}${c.max}`)),
  );
}

/** A scale as people write it: `150`, `92.5`. */
export function formatScale(max: Dec): string {
  return max.toDecimalPlaces(2).toString();
}

function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every((c) => c === null || String(c).trim() === '');
}

/**
 * The header for a score sheet under `rubric`: the schema's columns, then staff's own columns of
 * the old header (old criterion columns are not staff's: they go with the old rubric).
 */
function renewedHeader(def: TableDef, old: readonly Cell[], locale: Locale): Cell[] {
  const schema = new Set(
    Object.entries(def.columns).flatMap(([key, c]) => [key, c.zh, c.en].map(normaliseHeader)),
  );
  const criteria = new Set(headerCriteria(old).map((c) => normaliseHeader(c.title)));
  const staff = old.filter((cell) => {
    const text = cell === null ? '' : normaliseHeader(String(cell));
    return text !== '' && !schema.has(text) && !criteria.has(text);
  });
  return [...headerRow(def, locale), ...staff];
}

/**
 * The defense scores under Config's rubric. An empty sheet written under another rubric gets the
 * new header (written at once); a sheet with scores under another rubric stops the job.
 */
export function readDefenseScores(
  store: TableStore,
  config: Config,
): Table<ReturnType<typeof defenseScoresTable>> {
  const def = defenseScoresTable(config.defenseRubric);
  const values = store.read(def);
  const header = values[0] ?? [];
  if (values.length > 0 && !headerMatchesRubric(header, config.defenseRubric)) {
    const scores = values.slice(1).filter((cells) => !isBlankRow(cells)).length;
    if (scores > 0) {
      throw new RubricChangedError(config.locale, {
        old: describe(config.locale, headerCriteria(header)),
        new: describeRubric(config.locale, config.defenseRubric),
        count: scores,
      });
    }
    const renewed = [renewedHeader(def, header, config.locale)];
    store.write(def, renewed);
    return Table.fromValues(def, renewed, config.locale);
  }
  return Table.fromValues(def, values, config.locale);
}

export interface ArchiveReport extends JobReport {
  /** The sheet the old scores were moved to, or null when there was nothing to move. */
  readonly sheet: string | null;
}

/**
 * Moves the scores recorded under an old rubric to a new sheet named with today's date, and
 * leaves the score sheet empty under the rubric in Config. Nothing is deleted: the archive holds
 * every row as it was. With the sheet already under Config's rubric it does nothing.
 */
export function archiveRubricScores(ports: Ports): ArchiveReport {
  const config = readConfig(ports);
  const { locale } = config;
  return runJob(ports, t(locale, 'jobs.name.rubricArchive'), locale, () => {
    const { store } = ports;
    const def = defenseScoresTable(config.defenseRubric);
    const values = store.read(def);
    const header = values[0] ?? [];
    const rubric = describeRubric(locale, config.defenseRubric);
    if (values.length === 0 || headerMatchesRubric(header, config.defenseRubric)) {
      return {
        job: 'rubricArchive',
        rowsIn: 0,
        rowsOut: 0,
        sheet: null,
        summary: [t(locale, 'rubric.nothingToArchive', { rubric })],
      };
    }
    const count = values.slice(1).filter((cells) => !isBlankRow(cells)).length;
    const date = ports.clock.now().slice(0, 10);
    const sheet = store.addSheet(t(locale, 'rubric.archiveSheet', { date }), values);
    store.write(def, [renewedHeader(def, header, locale)]);
    return {
      job: 'rubricArchive',
      rowsIn: count,
      rowsOut: count,
      sheet,
      summary: [
        t(locale, 'rubric.archived', {
          count,
          old: describe(locale, headerCriteria(header)),
          sheet,
          new: rubric,
        }),
      ],
    };
  });
}
