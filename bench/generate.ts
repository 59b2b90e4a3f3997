/**
 * A programme year at scale k, for `npm run bench`: every form response the college would receive
 * (as `FormResponse` objects, answers typed the way students, judges and staff type them) and the
 * staff actions in between (approving applications, the judges roster, deciding nominations).
 *
 * 1× is the seed's college: 52 applications (50 approved, 2 rejected), about 600 activity reports
 * over the ten months (≈ 1.2 per branch per month, fewer in the part-months of January and
 * February), 7 defense judges (one a member of a branch), on-site votes of 5 voters on the month's
 * 5 presenters, about 20 excellent-member nominations. k× is k such colleges' worth of branches in
 * one programme: branches, activities, defense sheets and nominations grow k-fold, while the judges
 * (7), the voters (5) and the presenters of a month (5) stay as they are.
 *
 * Each block of 52 branches ("group") draws from its own PRNG stream, so group 0 of any scale is
 * the 1× college (only the branch ids differ, since they follow the order applications arrive in).
 * Deterministic: every number comes from `createRng` (src/domain/prng.ts); no clock, no
 * Math.random.
 */
import {
  addMonths,
  daysInMonth,
  formatDate,
  monthOf,
  monthsBetween,
  pad2,
} from '../src/domain/calendar';
import { DEFAULT_CONFIG } from '../src/domain/config';
import { branchChoice, type FormResponse } from '../src/domain/forms';
import { createRng, sample, shuffle, type Rng } from '../src/domain/prng';
import {
  ACTIVITY_KINDS,
  isThemeKind,
  THEME_KINDS,
  TIERS,
  type ActivityKind,
  type Tier,
} from '../src/domain/vocabulary';
import {
  between,
  chance,
  achievementsText,
  DEFENSE_DAYS,
  DEFENSE_QUALITY,
  fill,
  JUDGE_BIAS,
  markTenths,
  person,
  pick,
  tenths,
  uniqueMail,
} from '../src/local/demo/draw';
import * as V from '../src/local/demo/demoVocabulary';

export const BENCH_SEED = 'starbranch-bench-2026-2027';

/** Branches in one group (the seed's college): 20 junior, 16 senior, 16 graduate. */
export const GROUP_SIZE = 52;
/** Applications staff reject in each group. */
export const REJECTED_PER_GROUP = 2;
/** Regular activity reports aimed for per group and year (the bad and repeated ones come on top). */
const ACTIVITIES_PER_GROUP = 588;
/** Nominations per group. */
const NOMINATIONS_PER_GROUP = 20;
/** Voters at every monthly summary meeting. */
export const VOTERS: readonly string[] = ['王建国', '陈志强', '赵敏', '郑雨涵', '胡博文'];

export type Profile = 'strong' | 'steady' | 'weak' | 'lapsed';

export interface BenchBranch {
  /** The id ingest gives it: applications are numbered in the order they arrive. */
  readonly id: string;
  readonly name: string;
  readonly tier: Tier;
  readonly unit: string;
  readonly group: number;
  readonly profile: Profile;
  readonly status: 'approved' | 'rejected';
  readonly secretaryEmail: string;
}

/** Staff's decision on an application, as typed into the Branches sheet. */
export interface BranchDecision {
  readonly branch: string;
  readonly name: string;
  readonly status: 'approved' | 'rejected';
  readonly note: string;
}

/** A row of the Judges sheet. */
export interface JudgeRow {
  readonly name: string;
  readonly email: string;
  /** The id of the branch the judge belongs to, or null. */
  readonly ownBranch: string | null;
  readonly note: string;
}

/** Staff's decision on a nomination, by its response id. */
export interface NominationDecision {
  readonly responseId: string;
  readonly status: 'approved' | 'rejected';
  readonly note: string | null;
}

export interface Presenter {
  readonly branch: string;
  readonly name: string;
}

export interface BenchYear {
  readonly scale: number;
  readonly months: readonly string[];
  readonly branches: readonly BenchBranch[];
  /** In arrival order: ingest numbers them B001, B002, … in this order. */
  readonly applications: readonly FormResponse[];
  readonly decisions: readonly BranchDecision[];
  readonly judges: readonly JudgeRow[];
  /** Every activity report of the year, in arrival order (with a few bad and repeated ones). */
  readonly activities: readonly FormResponse[];
  readonly nominations: readonly FormResponse[];
  readonly nominationDecisions: readonly NominationDecision[];
  /** The June defense: every judge's sheet for every approved branch, in arrival order. */
  readonly defense: readonly FormResponse[];
  /** One more valid activity report, arriving after the year: the marginal ingest. */
  readonly lateActivity: FormResponse;
  /** The on-site vote of a month on its presenters (who depend on the showcase draw). */
  votes(month: string, presenters: readonly Presenter[]): FormResponse[];
}

// ———————————————————————————————————————————————————————————————————— small helpers

const config = DEFAULT_CONFIG;

function addDays(date: string, count: number): string {
  let [y, m, d] = date.split('-').map(Number) as [number, number, number];
  d += count;
  while (d > daysInMonth(y, m)) {
    d -= daysInMonth(y, m);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return formatDate(y, m, d);
}

/** `YYYY-MM-DD HH:mm:ss` from a date and the seconds since its midnight (< one day). */
function at(date: string, seconds: number): string {
  const s = Math.min(Math.max(0, Math.floor(seconds)), 86399);
  return `${date} ${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
}

const hm = (h: number, m = 0) => h * 3600 + m * 60;

/** A date answer as Google's zh-CN export writes it: `2026/10/5`. */
function typedDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}/${m}/${d}`;
}

const TOKEN = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789-_';
/** A Google Forms response id: `2_ABaOnud…`, 52 characters. */
function responseId(rng: Rng): string {
  let id = '2_ABaOnu';
  for (let i = 0; i < 44; i++) id += TOKEN.charAt(rng.int(TOKEN.length));
  return id;
}

const tierLabel = (tier: Tier) => TIERS.find((t) => t.key === tier)!.zh;
const kindLabel = (kind: ActivityKind) => ACTIVITY_KINDS.find((k) => k.key === kind)!.zh;

function byTime(a: FormResponse, b: FormResponse): number {
  if (a.submittedAt !== b.submittedAt) return a.submittedAt < b.submittedAt ? -1 : 1;
  return a.responseId < b.responseId ? -1 : a.responseId > b.responseId ? 1 : 0;
}

// ———————————————————————————————————————————————————————————————————— branches

/** Campus names that tell one group's colleges from another's (group 0 has none). */
const CAMPUSES = [
  '清水河',
  '沙河',
  '九里堤',
  '宜宾',
  '深圳',
  '长三角',
  '重庆',
  '绵阳',
  '成华',
  '天府',
];

function unitName(group: number, unit: number): string {
  const base = V.UNITS[unit]!;
  if (group === 0) return base;
  const campus = CAMPUSES[(group - 1) % CAMPUSES.length]!;
  const round = Math.floor((group - 1) / CAMPUSES.length);
  return `${base}（${campus}校区${round > 0 ? `${round + 1}部` : ''}）`;
}

interface Slot {
  readonly name: string;
  readonly tier: Tier;
  readonly unit: string;
}

function groupSlots(group: number): Slot[] {
  const slots: Slot[] = [];
  V.UNITS.forEach((_, u) => {
    for (const plan of V.BRANCH_PLAN) {
      const suffixes = u === 0 ? [...plan.suffixes, ...plan.firstUnitExtra] : plan.suffixes;
      for (const suffix of suffixes) {
        const unit = unitName(group, u);
        slots.push({ name: unit + suffix, tier: plan.tier, unit });
      }
    }
  });
  if (slots.length !== GROUP_SIZE) throw new Error(`group of ${slots.length}, not ${GROUP_SIZE}`);
  return slots;
}

/** The branch the seventh judge belongs to: group 0's doctoral branch (always approved). */
const CONFLICT_SUFFIX = V.JUDGES.find((j) => j.ownBranch)!.ownBranch!;
const conflictName = V.UNITS[CONFLICT_SUFFIX.unit]! + CONFLICT_SUFFIX.suffix;

interface DraftBranch extends Slot {
  readonly group: number;
  readonly profile: Profile;
  readonly status: 'approved' | 'rejected';
  readonly secretary: string;
  readonly email: string;
  readonly members: number;
  readonly application: Omit<FormResponse, 'answers'> & { answers: Record<string, string> };
}

const MEMBERS: Record<Tier, [number, number]> = {
  junior: [5, 16],
  senior: [12, 30],
  graduate: [15, 42],
};

function draftGroup(group: number, mails: Set<string>): DraftBranch[] {
  const rng = createRng(`${BENCH_SEED}/group/${group}/branches`);
  const slots = groupSlots(group);
  const order = shuffle(
    rng,
    slots.map((_, i) => i),
  ).filter((i) => slots[i]!.name !== conflictName);
  const rejected = order.filter((i) => slots[i]!.tier === 'junior').slice(0, REJECTED_PER_GROUP);
  const rest = order.filter((i) => !rejected.includes(i));
  const profile = new Map<number, Profile>();
  rest.slice(0, 10).forEach((i) => profile.set(i, 'strong'));
  rest.slice(10, 12).forEach((i) => profile.set(i, 'weak'));
  rest.slice(12, 14).forEach((i) => profile.set(i, 'lapsed'));
  rejected.forEach((i) => profile.set(i, 'weak'));

  return slots.map((slot, i) => {
    const secretary = person(rng);
    const email = uniqueMail(secretary.mail, mails, V.STUDENT_MAIL_DOMAIN);
    const rejection = rejected.indexOf(i);
    const [lo, hi] = MEMBERS[slot.tier];
    const members = rejection >= 0 ? V.REJECTIONS[rejection]!.members : between(rng, lo, hi);
    const plan =
      rejection >= 0
        ? V.REJECTIONS[rejection]!.plan
        : [
            pick(rng, V.PLAN_FOCUS[slot.tier]),
            ...sample(rng, V.PLAN_ACTIONS, between(rng, 2, 3)),
            pick(rng, V.PLAN_GOALS),
          ].join('');
    const submittedAt = at(
      formatDate(2026, 9, between(rng, 1, 10)),
      between(rng, hm(8), hm(23, 50)),
    );
    return {
      ...slot,
      group,
      profile: profile.get(i) ?? 'steady',
      status: rejection >= 0 ? 'rejected' : 'approved',
      secretary: secretary.name,
      email,
      members,
      application: {
        form: 'application',
        responseId: responseId(rng),
        submittedAt,
        email,
        answers: {
          name: slot.name,
          tier: tierLabel(slot.tier),
          unit: slot.unit,
          secretary: secretary.name,
          email,
          members: String(members),
          plan,
          planLink:
            rejection < 0 && chance(rng, 0.6)
              ? `https://docs.example.edu.cn/d/${responseId(rng).slice(8, 20)}`
              : '',
        },
      },
    };
  });
}

// ———————————————————————————————————————————————————————————————————— activities

const SEMESTERS = config.semesters;
const FIRST_ACTIVITY_DAY = addDays(config.programStart, 4);
const MONTHS = monthsBetween(monthOf(config.programStart), monthOf(config.programEnd));
const THEME_KEYS = THEME_KINDS.map((t) => t.key);
const semesterOf = (date: string) => SEMESTERS.findIndex((s) => date >= s.start && date <= s.end);

/** The days of a month on which a branch can hold an activity (term time only). */
const TERM_DAYS: ReadonlyMap<string, readonly string[]> = new Map(
  MONTHS.map((month) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const days: string[] = [];
    for (let d = 1; d <= daysInMonth(y, m); d++) {
      const date = formatDate(y, m, d);
      if (date >= FIRST_ACTIVITY_DAY && semesterOf(date) >= 0) days.push(date);
    }
    return [month, days];
  }),
);

/** A month's share of term days: 1 for a full month of term, less in September, January, February. */
function termShare(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return TERM_DAYS.get(month)!.length / daysInMonth(y, m);
}

const SPRING = monthOf(SEMESTERS[SEMESTERS.length - 1]!.start);

/** How active a profile is in a month, relative to a steady branch. */
function activity(profile: Profile, month: string): number {
  switch (profile) {
    case 'strong':
      return 1.5;
    case 'steady':
      return 1;
    case 'weak':
      return 0.6;
    case 'lapsed':
      return month < SPRING ? 1 : month <= addMonths(SPRING, 1) ? 0.3 : 0;
  }
}

/** Activities a steady branch holds in a full month of term, so that a group totals its target. */
const BASE_RATE = (() => {
  const profiles: Profile[] = [
    ...Array<Profile>(10).fill('strong'),
    ...Array<Profile>(2).fill('weak'),
    ...Array<Profile>(2).fill('lapsed'),
    ...Array<Profile>(GROUP_SIZE - REJECTED_PER_GROUP - 14).fill('steady'),
  ];
  const weight = profiles.reduce(
    (sum, p) => sum + MONTHS.reduce((s, m) => s + activity(p, m) * termShare(m), 0),
    0,
  );
  return ACTIVITIES_PER_GROUP / weight;
})();

const NON_PARTY: Record<string, [number, number]> = {
  theme: [4, 40],
  featured: [15, 70],
  practice: [2, 25],
  study: [0, 3],
  training: [0, 1],
  other: [0, 4],
};

function drawKind(rng: Rng, profile: Profile, month: string): ActivityKind {
  const training = month === MONTHS[0] || month === SPRING || month === addMonths(SPRING, 1);
  const weights: readonly (readonly [ActivityKind | 'theme', number])[] = [
    ['theme', 55],
    ['featured', profile === 'strong' ? 16 : 7],
    ['study', 15],
    ['training', training ? 30 : 2],
    ['practice', 8],
    ['other', 4],
  ];
  let x = rng.next() * weights.reduce((s, [, w]) => s + w, 0);
  for (const [kind, w] of weights) {
    if (x < w) return kind === 'theme' ? pick(rng, THEME_KEYS) : kind;
    x -= w;
  }
  return 'other';
}

interface Planned {
  date: string;
  kind: ActivityKind;
}

/**
 * A branch's year of activities: dates (distinct, in term time) and kinds. Compliant profiles
 * reach one more theme activity per semester than the rule asks when they hold enough activities;
 * weak branches stay short of it; lapsed ones fade out in spring.
 */
function planYear(rng: Rng, profile: Profile): Planned[] {
  const plans: Planned[] = [];
  for (const month of MONTHS) {
    const days = TERM_DAYS.get(month)!;
    if (days.length === 0) continue;
    const expected = BASE_RATE * activity(profile, month) * termShare(month);
    const count = Math.floor(expected) + (rng.next() < expected % 1 ? 1 : 0);
    for (const date of sample(rng, days, count).sort()) {
      plans.push({ date, kind: drawKind(rng, profile, month) });
    }
  }
  SEMESTERS.forEach((_, s) => {
    const inSemester = plans.filter((p) => semesterOf(p.date) === s);
    const least =
      profile === 'weak' || (profile === 'lapsed' && s > 0)
        ? 0
        : Math.min(inSemester.length, config.minThemeActivitiesPerSemester + 1);
    const most =
      profile === 'weak' || (profile === 'lapsed' && s > 0)
        ? config.minThemeActivitiesPerSemester - 1
        : Infinity;
    let themes = inSemester.filter((p) => isThemeKind(p.kind)).length;
    for (const plan of inSemester) {
      if (themes >= least) break;
      if (!isThemeKind(plan.kind)) {
        plan.kind = pick(rng, THEME_KEYS);
        themes++;
      }
    }
    for (const plan of inSemester.filter((p) => isThemeKind(p.kind)).slice(most)) {
      plan.kind = pick(rng, ['study', 'practice', 'other'] as const);
    }
  });
  return plans;
}

const REACH: Record<Profile, number> = { strong: 1.5, steady: 1, weak: 0.5, lapsed: 1 };
const EVIDENCE: Record<Profile, number> = { strong: 0.95, steady: 0.85, weak: 0.6, lapsed: 0.7 };

function activityAnswers(
  rng: Rng,
  branch: BenchBranch,
  members: number,
  plan: Planned,
  used: Set<string>,
): Record<string, string> {
  let title = fill(rng, pick(rng, V.TITLE_TEMPLATES[plan.kind]!));
  const base = title;
  for (let n = 2; used.has(title); n++) title = `${base}（第${n}期）`;
  used.add(title);
  const group = isThemeKind(plan.kind) ? 'theme' : plan.kind;
  const party =
    plan.kind === 'training'
      ? between(rng, 2, Math.max(2, Math.min(6, members)))
      : Math.max(2, Math.round((members * between(rng, 55, 100)) / 100));
  const [lo, hi] = NON_PARTY[group]!;
  const quiet = (plan.kind === 'study' || plan.kind === 'other') && chance(rng, 0.6);
  const nonParty = quiet ? 0 : Math.round(between(rng, lo, hi) * REACH[branch.profile]);
  const description = fill(rng, pick(rng, V.DESCRIPTION_TEMPLATES[group]!), {
    title,
    n: party + nonParty,
    np: nonParty,
  });
  const funds = chance(rng, 0.35)
    ? ''
    : chance(rng, 0.12)
      ? '0'
      : `${between(rng, 0, plan.kind === 'gift' ? 1500 : 400)}${chance(rng, 0.15) ? '.5' : ''}`;
  return {
    branch: branchChoice(branch),
    date: typedDate(plan.date),
    kind: kindLabel(plan.kind),
    title,
    description,
    participants: String(party + nonParty),
    nonParty: String(nonParty),
    counselorPresent: chance(rng, plan.kind === 'study' ? 0.5 : 0.2) ? '是' : '否',
    evidenceLink: chance(rng, EVIDENCE[branch.profile])
      ? `https://pan.example.edu.cn/s/${responseId(rng).slice(8, 22)}`
      : '',
    funds,
  };
}

/** Reported 0–4 days after the activity, in the evening, never after the programme's last day. */
function reportedAt(rng: Rng, date: string): string {
  let day = addDays(date, pick(rng, [0, 0, 1, 1, 1, 2, 2, 3, 4]));
  if (day > config.programEnd) day = config.programEnd;
  const earliest = day === date ? hm(19) : hm(8);
  return at(day, between(rng, earliest, hm(23, 58)));
}

/** The deliberate mistakes of a group's year: each rejected by ingest with its reason. */
const MISTAKES: readonly { date: string; kind: string; change: Record<string, string> }[] = [
  { date: '2026-11-12', kind: '聚餐', change: {} },
  { date: '2027-03-18', kind: '唱一首老歌', change: { participants: '20', nonParty: '35' } },
  { date: '2027-05-09', kind: '做一件实事', change: { title: '' } },
  { date: '2026-09-06', kind: '社会实践', change: { date: '2026/8/20' } },
  { date: '2027-03-02', kind: '看一部老片', change: { date: '2027/2/30' } },
  { date: '2027-04-15', kind: '访一位学长', change: { participants: '-12', nonParty: '0' } },
];

/** Reports submitted twice, an hour apart, with identical answers (the later one a duplicate). */
const REPEATS_PER_GROUP = 4;

function groupActivities(
  group: number,
  branches: readonly BenchBranch[],
  members: ReadonlyMap<string, number>,
): FormResponse[] {
  const out: FormResponse[] = [];
  for (const branch of branches) {
    if (branch.status !== 'approved') continue;
    const rng = createRng(`${BENCH_SEED}/group/${group}/activities/${branch.name}`);
    const used = new Set<string>();
    for (const plan of planYear(rng, branch.profile)) {
      out.push({
        form: 'activity',
        responseId: responseId(rng),
        submittedAt: reportedAt(rng, plan.date),
        email: branch.secretaryEmail,
        answers: activityAnswers(rng, branch, members.get(branch.id)!, plan, used),
      });
    }
  }
  const rng = createRng(`${BENCH_SEED}/group/${group}/activity-problems`);
  const approved = branches.filter((b) => b.status === 'approved');
  for (const mistake of MISTAKES) {
    const branch = pick(rng, approved);
    const answers = activityAnswers(
      rng,
      branch,
      members.get(branch.id)!,
      {
        date: mistake.date,
        kind: 'book',
      },
      new Set(),
    );
    out.push({
      form: 'activity',
      responseId: responseId(rng),
      submittedAt: reportedAt(rng, mistake.date),
      email: branch.secretaryEmail,
      answers: { ...answers, kind: mistake.kind, ...mistake.change },
    });
  }
  const regular = out.slice(0, out.length - MISTAKES.length);
  for (let i = 0; i < REPEATS_PER_GROUP && regular.length > 0; i++) {
    const original = pick(rng, regular);
    const [date, time] = original.submittedAt.split(' ') as [string, string];
    const hour = Math.min(23, Number(time.slice(0, 2)) + 1);
    out.push({
      ...original,
      responseId: responseId(rng),
      submittedAt: `${date} ${pad2(hour)}${time.slice(2)}`,
      answers: { ...original.answers },
    });
  }
  return out;
}

// ———————————————————————————————————————————————————————————————————— votes, defense, nominations

const VOTE_BASE: Record<Profile, number> = { strong: 88, steady: 82, weak: 74, lapsed: 75 };

/** A score in halves from 60 to 98, as voters type it: `86` or `86.5`. */
function halves(value: number): string {
  const h = Math.min(196, Math.max(120, Math.round(value * 2)));
  return h % 2 === 0 ? String(h / 2) : `${(h - 1) / 2}.5`;
}

function makeVotes(
  month: string,
  presenters: readonly Presenter[],
  profiles: ReadonlyMap<string, Profile>,
): FormResponse[] {
  const rng = createRng(`${BENCH_SEED}/votes/${month}`);
  const meeting = `${month}-${between(rng, 26, 28)}`;
  const bias = VOTERS.map(() => (rng.next() * 2 - 1) * 3);
  const out: FormResponse[] = [];
  presenters.forEach((presenter, p) => {
    const quality =
      VOTE_BASE[profiles.get(presenter.branch) ?? 'steady'] + (rng.next() * 2 - 1) * 4;
    VOTERS.forEach((voter, v) => {
      out.push({
        form: 'vote',
        responseId: responseId(rng),
        submittedAt: at(meeting, hm(14, 30) + (p + 1) * 720 + between(rng, 20, 240)),
        email: null,
        answers: {
          month,
          judge: voter,
          branch: branchChoice({ id: presenter.branch, name: presenter.name }),
          score: halves(quality + bias[v]! + (rng.next() * 2 - 1) * 3),
        },
      });
    });
  });
  if (presenters.length > 0 && chance(rng, 0.5)) {
    // A voter corrects a typo after the meeting: the later score supersedes the first.
    const presenter = pick(rng, presenters);
    out.push({
      form: 'vote',
      responseId: responseId(rng),
      submittedAt: at(meeting, hm(18) + between(rng, 0, hm(2))),
      email: null,
      answers: {
        month,
        judge: pick(rng, VOTERS),
        branch: branchChoice({ id: presenter.branch, name: presenter.name }),
        score: halves(VOTE_BASE[profiles.get(presenter.branch) ?? 'steady']),
      },
    });
  }
  return out.sort(byTime);
}

/** A mark as the judge types it (see markTenths). */
function mark(rng: Rng, max: number, quality: number, style: 1 | 5 | 10): string {
  return tenths(markTenths(rng, max, quality, style));
}

function groupDefense(
  group: number,
  branches: readonly BenchBranch[],
  judges: readonly JudgeRow[],
): FormResponse[] {
  const rng = createRng(`${BENCH_SEED}/group/${group}/defense`);
  const rubric = config.defenseRubric;
  const styles = [10, 5, 1, 10, 5, 1, 10] as const;
  const approved = branches.filter((b) => b.status === 'approved');
  const perDay = Math.ceil(approved.length / DEFENSE_DAYS.length);
  const sheet = (j: number, branch: BenchBranch, quality: number, when: string, note: string) => {
    const answers: Record<string, string> = {
      judge: judges[j]!.name,
      branch: branchChoice(branch),
    };
    const bias = JUDGE_BIAS[V.JUDGES[j]!.bias];
    for (const c of rubric) answers[c.key] = mark(rng, c.max, quality + bias, styles[j % 7]!);
    answers.comment = note;
    return {
      form: 'defense' as const,
      responseId: responseId(rng),
      submittedAt: when,
      email: judges[j]!.email,
      answers,
    };
  };
  const out: FormResponse[] = [];
  approved.forEach((branch, i) => {
    const quality = DEFENSE_QUALITY[branch.profile] + (rng.next() * 2 - 1) * 0.05;
    const day = DEFENSE_DAYS[Math.min(DEFENSE_DAYS.length - 1, Math.floor(i / perDay))]!;
    const slot = i % perDay;
    const talkEnds = (slot < 5 ? hm(8, 30) : hm(14)) + ((slot % 5) + 1) * 15 * 60;
    const band = quality >= 0.82 ? 'good' : quality >= 0.68 ? 'fair' : 'poor';
    judges.forEach((_, j) => {
      const note = chance(rng, 0.3) ? pick(rng, V.DEFENSE_COMMENTS[band]) : '';
      out.push(sheet(j, branch, quality, at(day, talkEnds + between(rng, 20, 300)), note));
    });
  });
  // One judge re-sends a sheet with corrected marks after the session (it supersedes the first).
  const again = pick(rng, approved);
  const day = DEFENSE_DAYS[Math.min(4, Math.floor(approved.indexOf(again) / perDay))]!;
  out.push(
    sheet(
      0,
      again,
      DEFENSE_QUALITY[again.profile],
      at(day, hm(17, 20) + between(rng, 0, 1800)),
      '更正：以此次为准。',
    ),
  );
  return out;
}

function groupNominations(
  group: number,
  branches: readonly BenchBranch[],
  mails: Set<string>,
): FormResponse[] {
  const rng = createRng(`${BENCH_SEED}/group/${group}/nominations`);
  const approved = branches.filter((b) => b.status === 'approved');
  const strong = approved.filter((b) => b.profile === 'strong');
  const others = shuffle(
    rng,
    approved.filter((b) => b.profile === 'steady'),
  );
  return [...strong, ...others].slice(0, NOMINATIONS_PER_GROUP).map((branch) => {
    const nominee = person(rng);
    const grade = /(\d{4})级/.exec(branch.name)?.[1] ?? pick(rng, ['2024', '2025']);
    const achievements = achievementsText(rng);
    return {
      form: 'nomination' as const,
      responseId: responseId(rng),
      submittedAt: at(formatDate(2027, 6, between(rng, 1, 12)), between(rng, hm(8), hm(23))),
      email: branch.secretaryEmail,
      answers: {
        branch: branchChoice(branch),
        name: nominee.name,
        studentId: `${grade}0${between(rng, 1, 9)}${String(rng.int(1000000)).padStart(6, '0')}`,
        email: uniqueMail(nominee.mail, mails, V.STUDENT_MAIL_DOMAIN),
        achievements,
      },
    };
  });
}

// ———————————————————————————————————————————————————————————————————— the year

/** The id ingest gives the n-th application (0-based): `B001`, …, `B999`, `B1000`, … */
export function branchIdAt(index: number): string {
  return `B${String(index + 1).padStart(3, '0')}`;
}

export function generateYear(scale: number): BenchYear {
  if (!Number.isInteger(scale) || scale < 1)
    throw new RangeError(`scale ${scale}: expected 1, 2, …`);
  const mails = new Set<string>(V.JUDGES.map((j) => j.mail));
  const drafts = Array.from({ length: scale }, (_, g) => draftGroup(g, mails)).flat();

  // Ingest numbers applications in arrival order, so the ids follow that order.
  const arrival = [...drafts].sort((a, b) => byTime(a.application, b.application));
  const idOf = new Map(arrival.map((d, i) => [d.name, branchIdAt(i)]));
  const branches: BenchBranch[] = drafts.map((d) => ({
    id: idOf.get(d.name)!,
    name: d.name,
    tier: d.tier,
    unit: d.unit,
    group: d.group,
    profile: d.profile,
    status: d.status,
    secretaryEmail: d.email,
  }));
  const members = new Map(drafts.map((d) => [idOf.get(d.name)!, d.members]));
  const byGroup = Array.from({ length: scale }, (_, g) => branches.filter((b) => b.group === g));

  const decisionRng = createRng(`${BENCH_SEED}/decisions`);
  const decisions: BranchDecision[] = [...branches]
    .sort((a, b) => (idOf.get(a.name)! < idOf.get(b.name)! ? -1 : 1))
    .map((b) => ({
      branch: b.id,
      name: b.name,
      status: b.status,
      note:
        b.status === 'approved'
          ? pick(decisionRng, V.APPROVAL_NOTES)
          : V.REJECTIONS[decisionRng.int(V.REJECTIONS.length)]!.note,
    }));

  const judges: JudgeRow[] = V.JUDGES.map((j) => ({
    name: j.name,
    email: `${j.mail}@${j.ownBranch ? V.STUDENT_MAIL_DOMAIN : V.STAFF_MAIL_DOMAIN}`,
    ownBranch: j.ownBranch ? idOf.get(conflictName)! : null,
    note: j.note,
  }));

  const activities = byGroup.flatMap((list, g) => groupActivities(g, list, members)).sort(byTime);
  const defense = byGroup.flatMap((list, g) => groupDefense(g, list, judges)).sort(byTime);
  const nominations = byGroup.flatMap((list, g) => groupNominations(g, list, mails)).sort(byTime);
  const nominationDecisions: NominationDecision[] = nominations.map((n, i) => {
    // Staff approve all but about one in ten, whose achievements lack detail.
    const approve = i % 10 !== 9;
    return {
      responseId: n.responseId,
      status: approve ? 'approved' : 'rejected',
      note: approve ? null : '事迹材料不够具体，请补充后下年度再推荐',
    };
  });

  const lateRng = createRng(`${BENCH_SEED}/late/${scale}`);
  const first = branches.find((b) => b.status === 'approved')!;
  const lateActivity: FormResponse = {
    form: 'activity',
    responseId: responseId(lateRng),
    submittedAt: '2027-06-30 21:40:12',
    email: first.secretaryEmail,
    answers: {
      ...activityAnswers(
        lateRng,
        first,
        members.get(first.id)!,
        { date: '2027-06-29', kind: 'deed' },
        new Set(),
      ),
      title: '毕业季“爱心书屋”旧书捐赠',
    },
  };

  const profiles = new Map(branches.map((b) => [b.id, b.profile]));
  const applications = arrival.map((d) => d.application as FormResponse);
  const ids = new Set<string>();
  for (const r of [...applications, ...activities, ...defense, ...nominations, lateActivity]) {
    if (ids.has(r.responseId)) throw new Error(`generator: response id ${r.responseId} twice`);
    ids.add(r.responseId);
  }
  return {
    scale,
    months: MONTHS,
    branches,
    applications,
    decisions,
    judges,
    activities,
    nominations,
    nominationDecisions,
    defense,
    lateActivity,
    votes: (month, presenters) => makeVotes(month, presenters, profiles),
  };
}
