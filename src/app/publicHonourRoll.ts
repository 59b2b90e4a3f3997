/**
 * What of the honour roll leaves the spreadsheet: an explicit allow-list. `publicHonourRoll` builds
 * the payload field by field from the model, naming every field it copies, so a field added to the
 * model (or a record spread into it by mistake) is published only once it is added here too. The
 * pages render this payload and nothing else, and `PUBLIC_HONOUR_FIELDS` lists every key the
 * payload may hold (a test walks the payload against it).
 */
import type { HonourRoll } from './honourRoll';

export interface PublicHonourRoll {
  readonly kind: 'starbranch-honour-roll';
  readonly version: 1;
  readonly locale: string;
  readonly college: string;
  readonly years: readonly {
    readonly programYear: string;
    readonly college: string;
    readonly commendationDate: string;
    readonly announced: boolean;
    readonly starMonths: readonly {
      readonly month: string;
      readonly branches: readonly { readonly branch: string; readonly name: string }[];
    }[];
    readonly branches: readonly {
      readonly branch: string;
      readonly name: string;
      readonly tier: string | null;
      readonly unit: string;
      readonly title: string;
      readonly rank: number | null;
      readonly score: string | null;
      readonly months: readonly { readonly month: string; readonly stars: number | null }[];
      readonly starBranchMonths: readonly string[];
      readonly activities: readonly {
        readonly date: string;
        readonly kind: string;
        readonly title: string;
      }[];
      readonly citation: string;
    }[];
    readonly members: readonly {
      readonly name: string;
      readonly branch: string;
      readonly branchName: string;
      readonly title: string;
      readonly citation: string;
    }[];
  }[];
}

/** Every key the payload may hold, at any depth. */
export const PUBLIC_HONOUR_FIELDS: ReadonlySet<string> = new Set([
  'kind',
  'version',
  'locale',
  'college',
  'years',
  'programYear',
  'commendationDate',
  'announced',
  'starMonths',
  'month',
  'branches',
  'branch',
  'name',
  'tier',
  'unit',
  'title',
  'rank',
  'score',
  'months',
  'stars',
  'starBranchMonths',
  'activities',
  'date',
  'citation',
  'members',
  'branchName',
]);

export function publicHonourRoll(roll: HonourRoll): PublicHonourRoll {
  return {
    kind: 'starbranch-honour-roll',
    version: 1,
    locale: roll.locale,
    college: roll.college,
    years: roll.years.map((y) => ({
      programYear: y.programYear,
      college: y.college,
      commendationDate: y.commendationDate,
      announced: y.announced,
      starMonths: y.starMonths.map((m) => ({
        month: m.month,
        branches: m.branches.map((b) => ({ branch: b.branch, name: b.name })),
      })),
      branches: y.branches.map((b) => ({
        branch: b.branch,
        name: b.name,
        tier: b.tier,
        unit: b.unit,
        title: b.title,
        rank: b.rank,
        score: b.score,
        months: b.months.map((m) => ({ month: m.month, stars: m.stars })),
        starBranchMonths: [...b.starBranchMonths],
        activities: b.activities.map((a) => ({ date: a.date, kind: a.kind, title: a.title })),
        citation: b.citation,
      })),
      members: y.members.map((m) => ({
        name: m.name,
        branch: m.branch,
        branchName: m.branchName,
        title: m.title,
        citation: m.citation,
      })),
    })),
  };
}
