/**
 * A realistic programme year (2026-09 → 2027-06), as the answers students, staff and judges would
 * submit through the five Google Forms: answer text keyed by the question keys of
 * src/domain/forms.ts, timestamps and dates written the way Google's zh-CN CSV export writes them.
 *
 * Deterministic: every number comes from the seeded PRNG of src/domain/prng.ts (one stream per
 * function, and per branch or month where that keeps outputs independent of one another), so the
 * same year comes out on every run and machine. No clock, no Math.random.
 *
 * The year follows the seed programme: ~50 branches of three tiers apply in early September, staff
 * approve 50; each reports about two activities a month (mostly the seven “七个一” themes), with a
 * handful of branches that fall short of the semester rule; monthly on-site votes; a defense at the
 * end of June with seven judges, one of whom belongs to a branch; ~20 excellent-member nominations.
 * A few bad activity reports are mixed in on purpose (DEMO_ACTIVITY_PROBLEMS).
 */
import {
  addMonths,
  daysInMonth,
  formatDate,
  monthOf,
  monthsBetween,
  pad2,
} from '../../domain/calendar';
import { DEFAULT_CONFIG } from '../../domain/config';
import { branchChoice } from '../../domain/forms';
import { createRng, sample, shuffle, type Rng } from '../../domain/prng';
import {
  ACTIVITY_KINDS,
  isThemeKind,
  THEME_KINDS,
  TIERS,
  YES_NO,
  labelOf,
  type ActivityKind,
  type Tier,
} from '../../domain/vocabulary';
import {
  between,
  chance,
  achievementsText,
  DEFENSE_DAYS,
  DEFENSE_QUALITY,
  fill,
  jitter,
  JUDGE_BIAS,
  markTenths,
  person,
  pick,
  tenths,
  uniqueMail,
} from './draw';
import type { Locale } from '../../domain/vocabulary';
import {
  STAFF_MAIL_DOMAIN,
  STUDENT_MAIL_DOMAIN,
  ZH_VOCABULARY,
  type DemoVocabulary,
} from './demoVocabulary';
import { demoVocabulary } from './vocabularies';

export const DEMO_SEED = 'starbranch-demo-2026-2027';

export interface DemoResponse {
  /** As the Google Forms CSV export writes it: `2026/9/3 下午2:15:00` (zh-CN), `9/3/2026 14:15:00` (en). */
  timestamp: string;
  email?: string;
  answers: Record<string, string>;
}

export type DemoProfile = 'strong' | 'steady' | 'weak' | 'lapsed';

export interface DemoBranch {
  name: string;
  /** The branch's Chinese name, whatever the language: it seeds the branch's draws. */
  key: string;
  tier: Tier;
  unit: string;
  secretary: string;
  email: string;
  members: number;
  /** How the branch behaves over the year: drives activity volume, kinds and scores. */
  profile: DemoProfile;
}

export interface DemoDecision {
  name: string;
  status: 'approved' | 'rejected';
  note: string;
}

export interface DemoJudge {
  name: string;
  email: string;
  /** The branch the judge belongs to (conflict of interest), or null. */
  ownBranchName: string | null;
  note: string;
}

interface BranchRef {
  readonly id: string;
  readonly name: string;
}

// ---------------------------------------------------------------------------------------------
// Small helpers: random choices, calendar steps, Google's zh-CN export format

function weighted<K>(rng: Rng, entries: readonly (readonly [K, number])[]): K {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let x = rng.next() * total;
  for (const [key, w] of entries) {
    if (x < w) return key;
    x -= w;
  }
  return entries[entries.length - 1]![0];
}

const TOKEN_CHARS = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function token(rng: Rng, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += TOKEN_CHARS.charAt(rng.int(TOKEN_CHARS.length));
  return text;
}

function ymd(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

function addDays(date: string, count: number): string {
  let [y, m, d] = ymd(date);
  d += count;
  while (d > daysInMonth(y, m)) {
    d -= daysInMonth(y, m);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  while (d < 1) {
    [y, m] = m === 1 ? [y - 1, 12] : [y, m - 1];
    d += daysInMonth(y, m);
  }
  return formatDate(y, m, d);
}

/** A local moment: a date and the seconds since its midnight (may run past a day; normalised). */
interface Moment {
  readonly date: string;
  readonly seconds: number;
}

const DAY = 86400;
const hm = (hours: number, minutes = 0): number => hours * 3600 + minutes * 60;

function normalise(m: Moment): Moment {
  const days = Math.floor(m.seconds / DAY);
  return { date: addDays(m.date, days), seconds: m.seconds - days * DAY };
}

function later(m: Moment, seconds: number): Moment {
  return normalise({ date: m.date, seconds: m.seconds + seconds });
}

/** Sortable `YYYY-MM-DD HH:mm:ss`. */
function sortKey(m: Moment): string {
  const { date, seconds } = normalise(m);
  const [h, min, s] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  return `${date} ${pad2(h)}:${pad2(min)}:${pad2(s)}`;
}

/**
 * As the export writes a timestamp. zh-CN: `2026/9/3 下午2:15:00`, no padding of month, day or
 * hour, 上午/下午 with a 12-hour clock. en (Google en-US): `9/3/2026 14:15:00`.
 */
function googleTimestamp(m: Moment, locale: Locale): string {
  const { date, seconds } = normalise(m);
  const h = Math.floor(seconds / 3600);
  const minutes = `${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
  if (locale === 'en') return `${googleDate(date, locale)} ${h}:${minutes}`;
  const half = h < 12 ? '上午' : '下午';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${googleDate(date, locale)} ${half}${h12}:${minutes}`;
}

/** A date answer as the export writes it: `2026/10/15` (zh-CN), `10/15/2026` (en). */
function googleDate(date: string, locale: Locale): string {
  const [y, m, d] = ymd(date);
  return locale === 'en' ? `${m}/${d}/${y}` : `${y}/${m}/${d}`;
}

/** Answers with their moment, so that they can be listed in arrival order like a CSV export. */
interface Stamped {
  readonly at: Moment;
  readonly answers: Record<string, string>;
  readonly email?: string;
  /** The day of the activity an activity report is about. */
  readonly day?: string;
}

function stamp(at: Moment, answers: Record<string, string>, email?: string): Stamped {
  return email === undefined ? { at, answers } : { at, answers, email };
}

function inArrivalOrder(list: readonly Stamped[], locale: Locale): DemoResponse[] {
  return list
    .map((s) => ({ key: sortKey(s.at), s }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ s }) => {
      const response: DemoResponse = {
        timestamp: googleTimestamp(s.at, locale),
        answers: s.answers,
      };
      if (s.email !== undefined) response.email = s.email;
      return response;
    });
}

/** The words of the form's choices, as the respondent sees them in the form's language. */
const tierLabel = (tier: Tier, locale: Locale): string =>
  labelOf(
    TIERS.find((t) => t.key === tier)!,
    locale,
  );
const kindLabel = (kind: ActivityKind, locale: Locale): string =>
  labelOf(
    ACTIVITY_KINDS.find((k) => k.key === kind)!,
    locale,
  );
const yesNo = (yes: boolean, locale: Locale): string => labelOf(YES_NO[yes ? 0 : 1]!, locale);

// ---------------------------------------------------------------------------------------------
// People

// ---------------------------------------------------------------------------------------------
// Branches, applications, decisions, judges

interface Cast {
  readonly branches: DemoBranch[];
  /** Names of the two branches staff reject, in REJECTIONS order. */
  readonly rejected: string[];
}

function branchSlots(V: DemoVocabulary): { unit: string; suffix: string; tier: Tier }[] {
  const slots: { unit: string; suffix: string; tier: Tier }[] = [];
  V.UNITS.forEach((unit, u) => {
    for (const plan of V.BRANCH_PLAN) {
      const suffixes = u === 0 ? [...plan.suffixes, ...plan.firstUnitExtra] : plan.suffixes;
      for (const suffix of suffixes) slots.push({ unit, suffix, tier: plan.tier });
    }
  });
  return slots;
}

function conflictBranchName(V: DemoVocabulary): string | null {
  const judge = V.JUDGES.find((j) => j.ownBranch);
  return judge?.ownBranch
    ? V.branchName(V.UNITS[judge.ownBranch.unit]!, judge.ownBranch.suffix)
    : null;
}

const MEMBER_RANGE: Record<Tier, [number, number]> = {
  junior: [5, 16],
  senior: [12, 30],
  graduate: [15, 42],
};

/**
 * Who is who: 2 branches staff reject (new junior branches, poor applications), 10 strong,
 * 2 weak (short of the semester rule all year), 2 lapsed (fine in autumn, quiet in spring), the
 * rest steady. The conflicted judge's branch is always approved and steady or strong.
 */
function cast(V: DemoVocabulary): Cast {
  const rng = createRng(`${DEMO_SEED}/branches`);
  const slots = branchSlots(V);
  const conflict = conflictBranchName(V);
  const names = slots.map((s) => V.branchName(s.unit, s.suffix));
  const keys = branchSlots(ZH_VOCABULARY).map((s) => ZH_VOCABULARY.branchName(s.unit, s.suffix));
  const order = shuffle(
    rng,
    slots.map((_, i) => i),
  ).filter((i) => names[i] !== conflict);
  const rejectable = order.filter((i) => slots[i]!.tier === 'junior').slice(0, 2);
  const rest = order.filter((i) => !rejectable.includes(i));
  const profile = new Map<number, DemoProfile>();
  rejectable.forEach((i) => profile.set(i, 'weak'));
  rest.slice(0, 10).forEach((i) => profile.set(i, 'strong'));
  rest.slice(10, 12).forEach((i) => profile.set(i, 'weak'));
  rest.slice(12, 14).forEach((i) => profile.set(i, 'lapsed'));

  const used = new Set(V.JUDGES.map((j) => j.mail));
  const branches = slots.map((slot, i): DemoBranch => {
    const secretary = person(rng, V);
    const [lo, hi] = MEMBER_RANGE[slot.tier];
    const rejection = rejectable.indexOf(i);
    return {
      name: names[i]!,
      key: keys[i]!,
      tier: slot.tier,
      unit: slot.unit,
      secretary: secretary.name,
      email: uniqueMail(secretary.mail, used, STUDENT_MAIL_DOMAIN),
      members: rejection >= 0 ? V.REJECTIONS[rejection]!.members : between(rng, lo, hi),
      profile: profile.get(i) ?? 'steady',
    };
  });
  return { branches, rejected: rejectable.map((i) => names[i]!) };
}

export function demoBranches(locale: Locale = 'zh-CN'): DemoBranch[] {
  return cast(demoVocabulary(locale)).branches;
}

function branchesByName(locale: Locale): Map<string, DemoBranch> {
  return new Map(demoBranches(locale).map((b) => [b.name, b]));
}

function creationPlan(rng: Rng, branch: DemoBranch, V: DemoVocabulary): string {
  const focus = pick(rng, V.PLAN_FOCUS[branch.tier]);
  // The first action is the “七个一” one: every plan has it.
  const actions = sample(
    rng,
    V.PLAN_ACTIONS.map((_, i) => i),
    between(rng, 2, 3),
  );
  if (!actions.includes(0)) actions.unshift(0);
  return [focus, ...actions.map((i) => V.PLAN_ACTIONS[i]!), pick(rng, V.PLAN_GOALS)].join(
    V.sentenceJoiner,
  );
}

/** One application per branch, 2026-09-01..09-10. */
export function demoApplications(locale: Locale = 'zh-CN'): DemoResponse[] {
  const V = demoVocabulary(locale);
  const rng = createRng(`${DEMO_SEED}/applications`);
  const { branches, rejected } = cast(V);
  const stamped = branches.map((branch) => {
    const at: Moment = {
      date: formatDate(2026, 9, between(rng, 1, 10)),
      seconds: between(rng, hm(8), hm(23, 50)),
    };
    const rejection = rejected.indexOf(branch.name);
    const plan = rejection >= 0 ? V.REJECTIONS[rejection]!.plan : creationPlan(rng, branch, V);
    const planLink =
      rejection < 0 && chance(rng, 0.6) ? `https://docs.example.edu.cn/d/${token(rng, 12)}` : '';
    return stamp(
      at,
      {
        name: branch.name,
        tier: tierLabel(branch.tier, locale),
        unit: branch.unit,
        secretary: branch.secretary,
        email: branch.email,
        members: String(branch.members),
        plan,
        planLink,
      },
      branch.email,
    );
  });
  return inArrivalOrder(stamped, locale);
}

/** Staff decisions on the applications: 50 approved, 2 rejected with the reason. */
export function demoDecisions(locale: Locale = 'zh-CN'): DemoDecision[] {
  const V = demoVocabulary(locale);
  const rng = createRng(`${DEMO_SEED}/decisions`);
  const { branches, rejected } = cast(V);
  return branches.map((b): DemoDecision => {
    const rejection = rejected.indexOf(b.name);
    return rejection >= 0
      ? { name: b.name, status: 'rejected', note: V.REJECTIONS[rejection]!.note }
      : { name: b.name, status: 'approved', note: pick(rng, V.APPROVAL_NOTES) };
  });
}

/** The 7 defense judges; exactly one belongs to a branch (conflict of interest). */
export function demoJudges(locale: Locale = 'zh-CN'): DemoJudge[] {
  const V = demoVocabulary(locale);
  return V.JUDGES.map((j) => ({
    name: j.name,
    email: `${j.mail}@${j.ownBranch ? STUDENT_MAIL_DOMAIN : STAFF_MAIL_DOMAIN}`,
    ownBranchName: j.ownBranch
      ? V.branchName(V.UNITS[j.ownBranch.unit]!, j.ownBranch.suffix)
      : null,
    note: j.note,
  }));
}

// ---------------------------------------------------------------------------------------------
// Activities

const SEMESTERS = DEFAULT_CONFIG.semesters;
const MIN_THEMES = DEFAULT_CONFIG.minThemeActivitiesPerSemester;
/** Branches start reporting once the application round is under way. */
const FIRST_ACTIVITY_DAY = addDays(DEFAULT_CONFIG.programStart, 4);
const PROGRAMME_MONTHS = monthsBetween(
  monthOf(DEFAULT_CONFIG.programStart),
  monthOf(DEFAULT_CONFIG.programEnd),
);

const semesterOf = (date: string) => SEMESTERS.find((s) => date >= s.start && date <= s.end);
const THEME_KEYS = THEME_KINDS.map((t) => t.key);

/** The days of a month on which a branch can hold an activity (term time only). */
function termDays(month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days: string[] = [];
  for (let d = 1; d <= daysInMonth(y, m); d++) {
    const date = formatDate(y, m, d);
    if (date >= FIRST_ACTIVITY_DAY && semesterOf(date)) days.push(date);
  }
  return days;
}

/** The winter break: between the end of one semester and the start of the next. */
function breakDays(): string[] {
  const days: string[] = [];
  for (let i = 0; i + 1 < SEMESTERS.length; i++) {
    for (let d = addDays(SEMESTERS[i]!.end, 1); d < SEMESTERS[i + 1]!.start; d = addDays(d, 1)) {
      days.push(d);
    }
  }
  return days;
}

/** Activities in a full month of term, by profile; lapsed branches fade out in spring. */
function monthlyRange(profile: DemoProfile, month: string): [number, number] {
  const springStart = monthOf(SEMESTERS[SEMESTERS.length - 1]!.start);
  const spring = month >= springStart;
  switch (profile) {
    case 'strong':
      return [2, 4];
    case 'steady':
      return [1, 3];
    case 'weak':
      return [1, 2];
    case 'lapsed':
      if (!spring) return [1, 3];
      return month <= addMonths(springStart, 1) ? [0, 1] : [0, 0];
  }
}

/** Months in which a semester starts (or its first full month): training season. */
function isTrainingSeason(month: string): boolean {
  return SEMESTERS.some((s) => {
    const start = monthOf(s.start);
    return (
      month === start || (Number(s.start.slice(8)) > 15 && month === monthOf(addDays(s.start, 20)))
    );
  });
}

function drawKind(
  rng: Rng,
  profile: DemoProfile,
  month: string,
  themesDone: Set<string>,
): ActivityKind {
  const group = weighted(rng, [
    ['theme', 55],
    ['featured', profile === 'strong' ? 16 : 7],
    ['study', 15],
    ['training', isTrainingSeason(month) ? 35 : 2],
    ['practice', 8],
    ['other', 4],
  ] as const);
  if (group !== 'theme') return group;
  // Branches tend to work through the seven themes rather than repeat one.
  const fresh = THEME_KEYS.filter((k) => !themesDone.has(k));
  return fresh.length > 0 && chance(rng, 0.7) ? pick(rng, fresh) : pick(rng, THEME_KEYS);
}

interface Plan {
  date: string;
  kind: ActivityKind;
}

/** A part-month of term (January, February) keeps each of a month's activities with that share. */
function thin(rng: Rng, count: number, share: number): number {
  let kept = 0;
  for (let i = 0; i < count; i++) if (rng.next() < share) kept++;
  return kept;
}

/** Dates and kinds of one branch's year, before titles and numbers. */
function planYear(rng: Rng, profile: DemoProfile): Plan[] {
  const plans: Plan[] = [];
  for (const month of PROGRAMME_MONTHS) {
    const days = termDays(month);
    if (days.length === 0) continue;
    const [y, m] = month.split('-').map(Number) as [number, number];
    const share = days.length / daysInMonth(y, m);
    const [lo, hi] = monthlyRange(profile, month);
    const count = thin(rng, between(rng, lo, hi), share);
    for (const date of sample(rng, days, count).sort()) {
      const semester = semesterOf(date)!;
      const done = new Set(
        plans
          .filter((p) => semesterOf(p.date) === semester && isThemeKind(p.kind))
          .map((p) => p.kind),
      );
      plans.push({ date, kind: drawKind(rng, profile, month, done) });
    }
  }
  if (profile !== 'weak' && chance(rng, profile === 'strong' ? 0.4 : 0.12)) {
    plans.push({ date: pick(rng, breakDays()), kind: 'practice' });
  }
  enforceSemesterRule(rng, plans, profile);
  return plans.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * How many theme activities a profile ends a semester with: [at least, at most]. Compliant
 * branches get one to spare, so that a single report staff reject does not flip the demo's result.
 */
function themeBounds(profile: DemoProfile, semesterIndex: number): [number, number] {
  if (profile === 'weak') return [0, MIN_THEMES - 1];
  if (profile === 'lapsed' && semesterIndex > 0) return [0, MIN_THEMES - 2];
  return [MIN_THEMES + 1, Infinity];
}

const CONVERTIBLE: readonly ActivityKind[] = ['other', 'study', 'practice', 'training', 'featured'];

/**
 * Makes the semester rule come out as the profile says: compliant branches reach the minimum of
 * theme activities (turning routine activities into themes, or adding one), weak and lapsed ones
 * stay short of it (their surplus themes become routine activities).
 */
function enforceSemesterRule(rng: Rng, plans: Plan[], profile: DemoProfile): void {
  SEMESTERS.forEach((semester, index) => {
    const inSemester = () => plans.filter((p) => semesterOf(p.date) === semester);
    const themes = () => inSemester().filter((p) => isThemeKind(p.kind));
    const [least, most] = themeBounds(profile, index);
    const missing = () => THEME_KEYS.filter((k) => !themes().some((p) => p.kind === k));
    for (const kind of CONVERTIBLE) {
      for (const plan of inSemester().filter((p) => p.kind === kind)) {
        if (themes().length >= least) break;
        plan.kind = pick(rng, missing().length > 0 ? missing() : THEME_KEYS);
      }
    }
    while (themes().length < least) {
      const taken = new Set(plans.map((p) => p.date));
      const free = PROGRAMME_MONTHS.flatMap(termDays).filter(
        (d) => semesterOf(d) === semester && !taken.has(d),
      );
      plans.push({
        date: pick(rng, free),
        kind: pick(rng, missing().length > 0 ? missing() : THEME_KEYS),
      });
    }
    for (const plan of themes().slice(most))
      plan.kind = pick(rng, ['study', 'practice', 'other'] as const);
  });
}

/** A title this branch has not used yet; a series gets `（第N期）`. */
function titleFor(
  rng: Rng,
  kind: ActivityKind,
  inBreak: boolean,
  used: Set<string>,
  V: DemoVocabulary,
): string {
  const templates = inBreak ? V.WINTER_BREAK_TITLES : V.TITLE_TEMPLATES[kind]!;
  let title = '';
  for (let attempt = 0; attempt < 8; attempt++) {
    title = fill(rng, pick(rng, templates), {}, V);
    if (!used.has(title)) break;
  }
  const base = title;
  for (let n = 2; used.has(title); n++) title = V.series(base, n);
  used.add(title);
  return title;
}

function descriptionFor(
  rng: Rng,
  kind: ActivityKind,
  values: Record<string, string | number>,
  V: DemoVocabulary,
): string {
  const group = isThemeKind(kind) ? 'theme' : kind;
  return fill(rng, pick(rng, V.DESCRIPTION_TEMPLATES[group]!), values, V);
}

/** Party members who come, and non-party students reached: themes aim at non-party students. */
function headcount(rng: Rng, kind: ActivityKind, branch: DemoBranch | undefined): [number, number] {
  const members = branch?.members ?? 15;
  const reach = branch?.profile === 'strong' ? 1.5 : branch?.profile === 'weak' ? 0.5 : 1;
  const party =
    kind === 'training'
      ? between(rng, 2, Math.max(2, Math.min(6, members)))
      : Math.max(2, Math.round((members * between(rng, 55, 100)) / 100));
  const nonPartyRange: Record<string, [number, number]> = {
    theme: [4, 40],
    featured: [15, 70],
    practice: [2, 25],
    study: [0, 3],
    training: [0, 1],
    other: [0, 4],
  };
  const [lo, hi] = nonPartyRange[isThemeKind(kind) ? 'theme' : kind]!;
  const quiet = (kind === 'study' || kind === 'other') && chance(rng, 0.6);
  const nonParty = quiet ? 0 : Math.round(between(rng, lo, hi) * reach);
  return [party + nonParty, nonParty];
}

const FUNDS_RANGE: Partial<Record<ActivityKind, [number, number]>> = {
  gift: [200, 1500],
  featured: [100, 800],
  practice: [50, 600],
};

/** Yuan spent, as typed: often left blank, sometimes 0, now and then with a half yuan. */
function fundsFor(rng: Rng, kind: ActivityKind): string {
  if (chance(rng, 0.35)) return '';
  if (chance(rng, 0.12)) return '0';
  const [lo, hi] = FUNDS_RANGE[kind] ?? [0, 200];
  const amount = between(rng, lo, hi);
  return chance(rng, 0.15) ? `${amount}.5` : String(amount);
}

const EVIDENCE_RATE: Record<DemoProfile, number> = {
  strong: 0.93,
  steady: 0.85,
  weak: 0.6,
  lapsed: 0.7,
};

function evidenceLink(rng: Rng): string {
  return `https://pan.example.edu.cn/s/${token(rng, 10)}`;
}

/** How the branch question gets answered: mostly the dropdown, sometimes a typed name or id. */
function branchAnswer(rng: Rng, ref: BranchRef): string {
  return weighted(rng, [
    [branchChoice(ref), 85],
    [ref.name, 10],
    [ref.id, 5],
  ] as const);
}

/** Reports are filed a few days after the activity; weaker branches take longer. */
function submittedAfter(rng: Rng, date: string, profile: DemoProfile): Moment {
  const delay =
    profile === 'strong' || profile === 'steady' ? between(rng, 0, 4) : between(rng, 1, 10);
  const seconds =
    delay === 0 ? between(rng, hm(18), hm(23, 55)) : between(rng, hm(7, 30), hm(23, 55));
  return { date: addDays(date, delay), seconds: seconds + between(rng, 0, 59) };
}

/** The kinds of activity whose titles branches agree to publish on the honour roll. */
const PUBLISHED_KINDS: ReadonlySet<ActivityKind> = new Set(['featured', 'practice', 'deed']);

function activityResponse(
  rng: Rng,
  ref: BranchRef,
  branch: DemoBranch | undefined,
  plan: Plan,
  used: Set<string>,
  locale: Locale,
): Stamped {
  const V = demoVocabulary(locale);
  const profile = branch?.profile ?? 'steady';
  const inBreak = !semesterOf(plan.date);
  const title = titleFor(rng, plan.kind, inBreak, used, V);
  const [participants, nonParty] = headcount(rng, plan.kind, branch);
  const counselorRate: Partial<Record<ActivityKind, number>> = {
    training: 0.6,
    study: 0.45,
    featured: 0.3,
  };
  const answers: Record<string, string> = {
    branch: branchAnswer(rng, ref),
    date: googleDate(plan.date, locale),
    kind: kindLabel(plan.kind, locale),
    title,
    description: descriptionFor(
      rng,
      plan.kind,
      { title: V.quoted(title), n: participants, np: nonParty },
      V,
    ),
    participants: String(participants),
    nonParty: String(nonParty),
    counselorPresent: yesNo(chance(rng, counselorRate[plan.kind] ?? 0.12), locale),
    evidenceLink: chance(rng, EVIDENCE_RATE[profile]) ? evidenceLink(rng) : '',
    funds: fundsFor(rng, plan.kind),
    // Branches agree to show their featured work and service on the honour roll (no draw from
    // the generator, so the rest of the year stays as it was).
    publishable: PUBLISHED_KINDS.has(plan.kind) ? yesNo(true, locale) : '',
  };
  const at = submittedAfter(rng, plan.date, profile);
  return { ...stamp(at, answers, branch?.email), day: plan.date };
}

/**
 * The activity reports of the year for the approved branches: about two per branch per month,
 * plus DEMO_ACTIVITY_PROBLEMS (each exactly once). In arrival order, like a CSV export.
 */
export function demoActivities(
  approved: readonly BranchRef[],
  locale: Locale = 'zh-CN',
): DemoResponse[] {
  const known = branchesByName(locale);
  const regular: Stamped[] = [];
  for (const ref of approved) {
    const branch = known.get(ref.name);
    const rng = createRng(`${DEMO_SEED}/activities/${branch?.key ?? ref.name}`);
    const used = new Set<string>();
    for (const plan of planYear(rng, branch?.profile ?? 'steady')) {
      regular.push(activityResponse(rng, ref, branch, plan, used, locale));
    }
  }
  return inArrivalOrder(
    [...regular, ...problemResponses(approved, known, regular, locale)],
    locale,
  );
}

/** The deliberate bad activity reports, and what the system should do with each. */
export const DEMO_ACTIVITY_PROBLEMS: readonly {
  readonly key: string;
  readonly what: string;
  readonly expected: string;
}[] = [
  {
    key: 'unknown-branch',
    what: 'branch answered as 数学学院第九党支部, which is no approved branch',
    expected:
      'Rejected (unknown branch); staff correct the branch in 待处理 and reprocess, or leave it',
  },
  {
    key: 'no-evidence',
    what: '“红色家书”诵读会 (特色活动) with the evidence link left blank',
    expected: 'accepted; earns half points (noEvidenceFactor 0.5)',
  },
  {
    key: 'duplicate',
    what: 'one report submitted twice, an hour apart, with identical answers',
    expected: 'both kept; the later one marked duplicate (0 points), never deleted',
  },
  {
    key: 'formula-title',
    what: 'title =HYPERLINK("http://evil.example","点我")',
    expected:
      'stored as plain text (escaped), never executed as a formula; otherwise a valid report',
  },
  {
    key: 'impossible-date',
    what: 'activity date 2027/2/30',
    expected: 'Rejected (not a real date)',
  },
  {
    key: 'non-party-exceeds',
    what: '20 participants, 35 of them non-party',
    expected: 'Rejected (non-party participants more than participants)',
  },
  {
    key: 'outside-programme',
    what: 'activity date 2026/8/20, before the programme starts',
    expected: 'Rejected (date outside the programme 2026-09-01..2027-06-30)',
  },
  {
    key: 'negative-participants',
    what: 'participants -12 (non-party 0)',
    expected: 'Rejected (participants must be at least 1)',
  },
  {
    key: 'blank-title',
    what: 'title left empty',
    expected: 'Rejected (required field 活动名称 missing)',
  },
  {
    key: 'unknown-kind',
    what: 'activity kind 聚餐, not in the list',
    expected: 'Rejected (unknown activity kind)',
  },
];

/** One deliberate bad report: what was typed, and the day it arrived. */
interface ProblemSpec {
  readonly key: string;
  /** The activity date as typed, `[year, month, day]` (not always a real date). */
  readonly date: readonly [number, number, number];
  readonly submitted: string;
  readonly kind: string;
  readonly title: string;
  readonly overrides?: Record<string, string>;
}

/** Each a valid report except for its one mistake (see DEMO_ACTIVITY_PROBLEMS for the handling). */
function problemSpecs(locale: Locale): readonly ProblemSpec[] {
  const { PROBLEMS } = demoVocabulary(locale);
  const title = (key: string) => PROBLEMS.titles[key]!;
  const kind = (k: ActivityKind) => kindLabel(k, locale);
  return [
    // Unknown branch: the student typed a branch that does not take part. → Rejected.
    {
      key: 'unknown-branch',
      date: [2026, 11, 12],
      submitted: '2026-11-14',
      kind: kind('book'),
      title: title('unknown-branch'),
      overrides: { branch: PROBLEMS.unknownBranch },
    },
    // No evidence link: valid, but half points.
    {
      key: 'no-evidence',
      date: [2026, 12, 10],
      submitted: '2026-12-11',
      kind: kind('featured'),
      title: title('no-evidence'),
      overrides: { evidenceLink: '', description: PROBLEMS.noEvidenceDescription },
    },
    // Formula-like title: stored as text, never executed; otherwise a valid report.
    {
      key: 'formula-title',
      date: [2026, 12, 3],
      submitted: '2026-12-5',
      kind: kind('other'),
      title: title('formula-title'),
    },
    // Impossible date. → Rejected.
    {
      key: 'impossible-date',
      date: [2027, 2, 30],
      submitted: '2027-03-02',
      kind: kind('film'),
      title: title('impossible-date'),
    },
    // More non-party participants than participants. → Rejected.
    {
      key: 'non-party-exceeds',
      date: [2027, 3, 18],
      submitted: '2027-03-20',
      kind: kind('song'),
      title: title('non-party-exceeds'),
      overrides: { participants: '20', nonParty: '35' },
    },
    // A summer activity before the programme, reported late. → Rejected.
    {
      key: 'outside-programme',
      date: [2026, 8, 20],
      submitted: '2026-09-06',
      kind: kind('practice'),
      title: title('outside-programme'),
    },
    // Negative participants (non-party 0). → Rejected; the range check names participants.
    {
      key: 'negative-participants',
      date: [2027, 4, 15],
      submitted: '2027-04-16',
      kind: kind('alumni'),
      title: title('negative-participants'),
      overrides: { participants: '-12', nonParty: '0' },
    },
    // Required title left blank. → Rejected.
    {
      key: 'blank-title',
      date: [2027, 5, 9],
      submitted: '2027-05-10',
      kind: kind('deed'),
      title: '',
    },
    // A kind that is not in the list. → Rejected.
    {
      key: 'unknown-kind',
      date: [2027, 5, 20],
      submitted: '2027-05-21',
      kind: PROBLEMS.unknownKind,
      title: title('unknown-kind'),
    },
  ];
}

/** A date as the export writes it, even one that does not exist (`2027/2/30`). */
function typedDate([y, m, d]: readonly [number, number, number], locale: Locale): string {
  return locale === 'en' ? `${m}/${d}/${y}` : `${y}/${m}/${d}`;
}

/**
 * Builds DEMO_ACTIVITY_PROBLEMS: reports of steady branches (so that no branch's standing hangs on
 * them), each valid except for its one mistake, plus an exact re-submission of a regular report.
 */
function problemResponses(
  approved: readonly BranchRef[],
  known: Map<string, DemoBranch>,
  regular: readonly Stamped[],
  locale: Locale,
): Stamped[] {
  const { PROBLEMS } = demoVocabulary(locale);
  const specs = problemSpecs(locale);
  if (approved.length === 0) return [];
  const rng = createRng(`${DEMO_SEED}/activity-problems`);
  const steady = approved.filter((b) => known.get(b.name)?.profile === 'steady');
  const hosts = steady.length > 0 ? steady : approved;
  const host = (k: number): BranchRef => hosts[(k * 7) % hosts.length]!;

  const list = specs.map((spec, k) => {
    const ref = host(k);
    const branch = known.get(ref.name);
    const [participants, nonParty] = headcount(rng, 'book', branch);
    const answers: Record<string, string> = {
      branch: branchChoice(ref),
      date: typedDate(spec.date, locale),
      kind: spec.kind,
      title: spec.title,
      description: PROBLEMS.description
        .replace('{title}', spec.title || PROBLEMS.untitled)
        .replace('{n}', String(participants)),
      participants: String(participants),
      nonParty: String(nonParty),
      counselorPresent: yesNo(false, locale),
      evidenceLink: evidenceLink(rng),
      funds: '',
      ...spec.overrides,
    };
    const [y, m, d] = spec.submitted.split('-').map(Number) as [number, number, number];
    const at: Moment = { date: formatDate(y, m, d), seconds: between(rng, hm(9), hm(22)) };
    return stamp(at, answers, branch?.email);
  });

  // Exact duplicate: a regular report submitted again an hour later, every answer the same.
  // → both kept; the later one marked duplicate.
  const twin = host(specs.length);
  const names = [branchChoice(twin), twin.name, twin.id];
  const ofTwin = regular.filter((s) => names.includes(s.answers.branch ?? ''));
  const original = ofTwin.find((s) => s.day?.startsWith('2026-11-')) ?? ofTwin[0];
  if (original) {
    list.push({ ...original, at: later(original.at, 3600), answers: { ...original.answers } });
  }
  return list;
}

// ---------------------------------------------------------------------------------------------
// Monthly on-site votes

const BASE_SCORE: Record<DemoProfile, number> = { strong: 88, steady: 82, weak: 74, lapsed: 75 };

/**
 * The on-site vote at the month's summary meeting (26th–28th): 5–7 voters, staff and student
 * representatives, each score every presenter 60–98; sometimes one voter corrects a score later
 * that day (the later response supersedes).
 */
export function demoVotes(
  month: string,
  presenters: readonly BranchRef[],
  locale: Locale = 'zh-CN',
): DemoResponse[] {
  const V = demoVocabulary(locale);
  const rng = createRng(`${DEMO_SEED}/votes/${month}`);
  const known = branchesByName(locale);
  const total = between(rng, 5, 7);
  const staff = between(rng, Math.max(2, total - V.STUDENT_VOTERS.length), Math.min(4, total - 1));
  const voters = [
    ...sample(rng, V.STAFF_VOTERS, staff),
    ...sample(rng, V.STUDENT_VOTERS, total - staff),
  ];
  const meeting: Moment = { date: `${month}-${between(rng, 26, 28)}`, seconds: hm(14, 30) };

  /** A score in halves (120..196 = 60..98), as voters type 86 or 86.5. */
  const halves = (quality: number): number => Math.min(196, Math.max(120, Math.round(quality * 2)));
  const biases = voters.map(() => jitter(rng, 3));
  const qualities = presenters.map(
    (p) => BASE_SCORE[known.get(p.name)?.profile ?? 'steady'] + jitter(rng, 4),
  );

  const stamped: Stamped[] = [];
  presenters.forEach((presenter, p) => {
    const talkEnds = later(meeting, (p + 1) * 12 * 60);
    voters.forEach((judge, v) => {
      const score = halves(qualities[p]! + biases[v]! + jitter(rng, 3));
      stamped.push(
        stamp(later(talkEnds, between(rng, 20, 240)), {
          month,
          judge,
          branch: branchChoice(presenter),
          score: tenths(score * 5),
        }),
      );
    });
  });
  if (presenters.length > 0 && chance(rng, 0.5)) {
    // A voter notices a typo and submits the corrected score for one presenter after the meeting.
    const presenter = pick(rng, presenters);
    const judge = pick(rng, voters);
    const corrected = halves(qualities[presenters.indexOf(presenter)]! + jitter(rng, 3));
    stamped.push(
      stamp(later(meeting, hm(3) + between(rng, 0, hm(2))), {
        month,
        judge,
        branch: branchChoice(presenter),
        score: tenths(corrected * 5),
      }),
    );
  }
  return inArrivalOrder(stamped, locale);
}

// ---------------------------------------------------------------------------------------------
// The defense at the end of June

/**
 * Each judge's score sheet for every branch, per criterion (keys c1, c2, … in rubric order). The
 * conflicted judge also sends one for their own branch (to be refused); one judge re-sends one
 * branch later in the day (the later sheet supersedes).
 */
export function demoDefense(
  branches: readonly BranchRef[],
  rubricMaxes: readonly number[],
  locale: Locale = 'zh-CN',
): DemoResponse[] {
  const V = demoVocabulary(locale);
  const rng = createRng(`${DEMO_SEED}/defense`);
  const known = branchesByName(locale);
  const judges = demoJudges(locale);
  const styles = judges.map((_, j) => ([10, 5, 1, 10, 5, 1, 10] as const)[j % 7]!);
  const biases = V.JUDGES.map((j) => JUDGE_BIAS[j.bias] + jitter(rng, 0.02));
  const perDay = Math.max(1, Math.ceil(branches.length / DEFENSE_DAYS.length));

  const sheet = (
    judge: number,
    ref: BranchRef,
    quality: number,
    at: Moment,
    comment: string,
  ): Stamped => {
    const answers: Record<string, string> = {
      judge: judges[judge]!.name,
      branch: branchChoice(ref),
    };
    rubricMaxes.forEach((max, c) => {
      answers[`c${c + 1}`] = tenths(markTenths(rng, max, quality + biases[judge]!, styles[judge]!));
    });
    answers.comment = comment;
    return stamp(at, answers, judges[judge]!.email);
  };

  const stamped: Stamped[] = [];
  branches.forEach((ref, i) => {
    const quality = DEFENSE_QUALITY[known.get(ref.name)?.profile ?? 'steady'] + jitter(rng, 0.05);
    const slot = i % perDay;
    const day = DEFENSE_DAYS[Math.min(DEFENSE_DAYS.length - 1, Math.floor(i / perDay))]!;
    const start = slot < 10 ? hm(8, 30) + slot * 15 * 60 : hm(14) + (slot - 10) * 15 * 60;
    const talkEnds = later({ date: day, seconds: start }, 15 * 60);
    judges.forEach((_, j) => {
      const band = quality >= 0.82 ? 'good' : quality >= 0.68 ? 'fair' : 'poor';
      const comment = chance(rng, 0.3) ? pick(rng, V.DEFENSE_COMMENTS[band]) : '';
      stamped.push(sheet(j, ref, quality, later(talkEnds, between(rng, 20, 300)), comment));
    });
  });

  // One judge re-sends one branch after the session with corrected marks (supersedes the first).
  const fair = judges
    .map((_, j) => j)
    .filter((j) => V.JUDGES[j]!.bias === 'fair' && !judges[j]!.ownBranchName);
  if (branches.length > 0 && fair.length > 0) {
    const i = rng.int(branches.length);
    const ref = branches[i]!;
    const day = DEFENSE_DAYS[Math.min(DEFENSE_DAYS.length - 1, Math.floor(i / perDay))]!;
    const quality = DEFENSE_QUALITY[known.get(ref.name)?.profile ?? 'steady'];
    stamped.push(
      sheet(
        pick(rng, fair),
        ref,
        quality,
        { date: day, seconds: hm(17, 20) + between(rng, 0, 1800) },
        V.DEFENSE_CORRECTION,
      ),
    );
  }
  return inArrivalOrder(stamped, locale);
}

// ---------------------------------------------------------------------------------------------
// Excellent-member nominations

function studentId(rng: Rng, branchName: string, tier: Tier | undefined): string {
  const grade =
    /(\d{4})级/.exec(branchName)?.[1] ??
    (tier === 'graduate' ? pick(rng, ['2024', '2025']) : '2023');
  return `${grade}0${between(rng, 1, 9)}${String(rng.int(1000000)).padStart(6, '0')}`;
}

/** About 20 nominations of 优秀学生党员, mostly from strong branches, early June. */
export function demoNominations(
  approved: readonly BranchRef[],
  locale: Locale = 'zh-CN',
): DemoResponse[] {
  const V = demoVocabulary(locale);
  const rng = createRng(`${DEMO_SEED}/nominations`);
  const known = branchesByName(locale);
  const strong = approved.filter((b) => known.get(b.name)?.profile === 'strong');
  const others = shuffle(
    rng,
    approved.filter((b) => !strong.includes(b) && known.get(b.name)?.profile !== 'weak'),
  );
  const nominating = [...strong, ...others].slice(0, 20);
  const used = new Set(demoBranches(locale).map((b) => b.email.split('@')[0]!));

  const stamped = nominating.map((ref) => {
    const branch = known.get(ref.name);
    const nominee = person(rng, V);
    const achievements = achievementsText(rng, V);
    const at: Moment = {
      date: formatDate(2027, 6, between(rng, 1, 12)),
      seconds: between(rng, hm(8), hm(23)),
    };
    return stamp(
      at,
      {
        branch: branchChoice(ref),
        name: nominee.name,
        // The grade is read from the branch's Chinese name (`2024级…`), the same in either language.
        studentId: studentId(rng, branch?.key ?? ref.name, branch?.tier),
        email: uniqueMail(nominee.mail, used, STUDENT_MAIL_DOMAIN),
        achievements,
      },
      branch?.email,
    );
  });
  return inArrivalOrder(stamped, locale);
}
