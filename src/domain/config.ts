/**
 * The `Config` sheet: every setting of DESIGN §7 with its default, a note for staff, and a parser
 * that says what is allowed. An unknown key is an error (a typo must not silently fall back to a
 * default), and so is a bad value.
 */
import { isValidDate } from './calendar';
import { t, type MessageKey } from './messages';
import type { RubricCriterion } from './schema/defenseScores';
import type { DayOrder } from './timestamps';
import { labelOf, TIERS, YES_NO, type Locale, type Term, type Tier } from './vocabulary';

export interface Semester {
  readonly name: string;
  readonly start: string;
  readonly end: string;
}

export type LetterSharing = 'private' | 'domain' | 'anyone';

/** Who may see the honour roll and the meeting board (the web app; see docs/deploy.md). */
export type WebAccess = 'domain' | 'anyone';

export interface Config {
  readonly locale: Locale;
  readonly programYear: string;
  readonly programStart: string;
  readonly programEnd: string;
  readonly semesters: readonly Semester[];
  readonly timeZone: string;
  readonly dateOrder: DayOrder;
  readonly collegeName: string;
  readonly minThemeActivitiesPerSemester: number;
  readonly points: {
    readonly theme: number;
    readonly featured: number;
    readonly study: number;
    readonly practice: number;
    readonly training: number;
    readonly other: number;
  };
  readonly reachBonusPer: number;
  readonly reachBonusCap: number;
  readonly noEvidenceFactor: number;
  readonly monthlyTarget: number;
  readonly starThresholds: readonly number[];
  readonly starQuota5: number | null;
  readonly starQuota4: number | null;
  readonly showcaseDay: number;
  readonly showcaseTopK: number;
  readonly showcaseCooldownMonths: number;
  readonly spotCheckCount: number;
  readonly starBranchesPerMonth: number;
  readonly aggregateBy: 'total' | 'criterion';
  readonly trimFrom: number;
  readonly trimCount: number;
  readonly minJudges: number;
  readonly normalizeJudges: boolean;
  readonly defenseRubric: readonly RubricCriterion[];
  readonly weightProcess: number;
  readonly weightDefense: number;
  readonly starBranchBonus: number;
  readonly starBranchBonusCap: number;
  readonly advancedBranchCount: number;
  readonly tierQuotas: Readonly<Record<Tier, number>> | null;
  readonly requireCompliance: boolean;
  readonly letterTemplate: string | null;
  readonly letterFolder: string | null;
  readonly letterSharing: LetterSharing;
  readonly commendationDate: string;
  /** Who the web pages show their content to: the college's domain (default) or anyone. */
  readonly webAccess: WebAccess;
  /** The on-site vote form the board's QR code points to; null: the form setup made. */
  readonly voteFormUrl: string | null;
  /** Earlier programme years for the honour roll: workbook paths or spreadsheet ids. */
  readonly earlierYears: readonly string[];
}

type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string };

/** The sections of the 设置 sheet, in its order. */
export const SETTING_GROUPS = ['dates', 'points', 'stars', 'defense', 'awards', 'letters'] as const;
export type SettingGroup = (typeof SETTING_GROUPS)[number];

/**
 * What a setting's value may be, for the sheet's validation: a number in a range, one of a list
 * (the locale's labels in a dropdown), a date, or text the parser checks.
 */
export type SettingRule =
  | {
      readonly kind: 'number';
      readonly min: number;
      readonly max: number;
      readonly integer: boolean;
      /** Blank is allowed (and means "no limit"). */
      readonly optional: boolean;
    }
  | { readonly kind: 'choice'; readonly choices: readonly Term[] }
  | { readonly kind: 'date' }
  | { readonly kind: 'text' };

interface Setting<T> {
  readonly defaultText: string;
  /** The default an English workbook starts with, when it reads differently (names). */
  readonly defaultEn?: string;
  readonly group: SettingGroup;
  readonly rule: SettingRule;
  readonly parse: (text: string) => Parsed<T>;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(expected: string): Parsed<T> => ({ ok: false, expected });

const pattern =
  (re: RegExp, expected: string) =>
  (text: string): Parsed<string> =>
    re.test(text) ? ok(text) : bad(expected);

/** A plain decimal number in a range: no hex, no exponents, nothing a person would not type. */
const numberIn =
  (min: number, max: number, integer: boolean) =>
  (text: string): Parsed<number> => {
    const value = Number(text);
    const valid =
      /^-?(\d+\.?\d*|\.\d+)$/.test(text) &&
      value >= min &&
      value <= max &&
      (!integer || Number.isInteger(value));
    return valid
      ? ok(value)
      : bad(`${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`);
  };

const isoDate = (text: string): Parsed<string> =>
  isValidDate(text) ? ok(text) : bad('a date written YYYY-MM-DD, e.g. 2026-09-01');

/** One of a list, by its key or its label in either language (any case). */
const oneOfTerms =
  <K extends string>(terms: readonly Term<K>[]) =>
  (text: string): Parsed<K> => {
    const wanted = text.trim().toLowerCase();
    const term = terms.find((t) =>
      [t.key, t.zh, t.en].some((name) => name.toLowerCase() === wanted),
    );
    return term
      ? ok(term.key)
      : bad(`one of: ${terms.map((t) => `${t.key} (${t.zh} / ${t.en})`).join(', ')}`);
  };

const yesNo = (text: string): Parsed<boolean> => {
  const word = text.toLowerCase();
  if (['true', 'yes', '是', '1'].includes(word)) return ok(true);
  if (['false', 'no', '否', '0'].includes(word)) return ok(false);
  return bad('true or false (是 / 否, Yes / No)');
};

const optional =
  <T>(parse: (text: string) => Parsed<T>) =>
  (text: string): Parsed<T | null> =>
    text === '' ? ok(null) : parse(text);

const anyText = (text: string): Parsed<string> => ok(text);

const webLink = pattern(/^https?:\/\/\S+$/i, 'a web address starting with https://');

/** A list separated by commas or line breaks (full-width commas too), blanks dropped. */
const list = (text: string): Parsed<string[]> =>
  ok(
    text
      .split(/[,，\n]/)
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  );

function semesters(text: string): Parsed<Semester[]> {
  const expected =
    'name:YYYY-MM-DD..YYYY-MM-DD, separated by commas, e.g. 2026秋:2026-09-01..2027-01-20';
  const list: Semester[] = [];
  for (const part of text.split(/[,，]/).map((p) => p.trim())) {
    const m = /^(.+?)[:：](\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(part);
    if (!m || !isValidDate(m[2]!) || !isValidDate(m[3]!) || m[2]! > m[3]!) return bad(expected);
    list.push({ name: m[1]!.trim(), start: m[2]!, end: m[3]! });
  }
  return list.length > 0 ? ok(list) : bad(expected);
}

function thresholds(text: string): Parsed<number[]> {
  const values = text.split(/[,，]/).map((p) => Number(p.trim()));
  const descending = values.every((v, i) => i === 0 || v < values[i - 1]!);
  return values.length === 4 && values.every((v) => v > 0 && v <= 100) && descending
    ? ok(values)
    : bad('four falling scores for 5, 4, 3 and 2 stars, e.g. 90,75,60,40');
}

function rubric(text: string): Parsed<RubricCriterion[]> {
  const expected =
    'criteria as 中文/English:max[:weight], separated by commas, e.g. 创建成效/Results:40, 特色创新/Innovation:25';
  const list: RubricCriterion[] = [];
  for (const [i, part] of text
    .split(/[,，]/)
    .map((p) => p.trim())
    .entries()) {
    const m = /^([^/:]+)\/([^:]+):(\d+(?:\.\d+)?)(?::(\d+(?:\.\d+)?))?$/.exec(part);
    if (!m) return bad(expected);
    const max = Number(m[3]);
    const weight = m[4] === undefined ? 1 : Number(m[4]);
    if (max <= 0 || weight <= 0) return bad(expected);
    list.push({ key: `c${i + 1}`, zh: m[1]!.trim(), en: m[2]!.trim(), max, weight });
  }
  return list.length > 0 ? ok(list) : bad(expected);
}

/** `junior:6, senior:5, graduate:3`, each tier by its key or its label in either language. */
function tierQuotas(text: string): Parsed<Record<Tier, number> | null> {
  if (text === '') return ok(null);
  const expected = 'junior:N, senior:N, graduate:N (every tier, whole numbers)';
  const quotas: Partial<Record<Tier, number>> = {};
  for (const part of text.split(/[,，]/).map((p) => p.trim())) {
    const m = /^(.+?)\s*[:：]\s*(\d+)$/.exec(part);
    const name = m?.[1]?.trim().toLowerCase();
    const tier = TIERS.find((t) => [t.key, t.zh, t.en.toLowerCase()].includes(name ?? ''));
    if (!m || !tier) return bad(expected);
    quotas[tier.key] = Number(m[2]);
  }
  return TIERS.every((t) => t.key in quotas) ? ok(quotas as Record<Tier, number>) : bad(expected);
}

/** The choices of a setting with a fixed list, labelled from the catalogue. */
function choices<K extends string>(setting: string, keys: readonly K[]): readonly Term<K>[] {
  return keys.map((key) => {
    const message = `settings.choice.${setting}.${key}` as MessageKey;
    return { key, zh: t('zh-CN', message), en: t('en', message) };
  });
}

const LOCALES = choices<Locale>('locale', ['zh-CN', 'en']);
const DATE_ORDERS = choices<DayOrder>('dateOrder', ['ymd', 'mdy', 'dmy']);
const AGGREGATIONS = choices<'total' | 'criterion'>('aggregateBy', ['total', 'criterion']);
const SHARINGS = choices<LetterSharing>('letterSharing', ['private', 'domain', 'anyone']);
const WEB_ACCESS = choices<WebAccess>('webAccess', ['domain', 'anyone']);

const TEXT: SettingRule = { kind: 'text' };

function setting<T>(
  defaultText: string,
  group: SettingGroup,
  rule: SettingRule,
  parse: (text: string) => Parsed<T>,
): Setting<T> {
  return { defaultText, group, rule, parse };
}

function numberSetting(
  defaultText: string,
  group: SettingGroup,
  min: number,
  max: number,
  integer = false,
): Setting<number> {
  const rule = { kind: 'number', min, max, integer, optional: false } as const;
  return setting(defaultText, group, rule, numberIn(min, max, integer));
}

function quotaSetting(group: SettingGroup): Setting<number | null> {
  const rule = { kind: 'number', min: 0, max: 100, integer: false, optional: true } as const;
  return setting('', group, rule, optional(numberIn(0, 100, false)));
}

function choiceSetting<K extends string>(
  defaultText: K,
  group: SettingGroup,
  terms: readonly Term<K>[],
): Setting<K> {
  return setting(defaultText, group, { kind: 'choice', choices: terms }, oneOfTerms(terms));
}

function yesNoSetting(defaultText: 'true' | 'false', group: SettingGroup): Setting<boolean> {
  return setting(defaultText, group, { kind: 'choice', choices: YES_NO }, yesNo);
}

/** Every Config key, in the order the sheet lists them (grouped as `SETTING_GROUPS`). */
export const SETTINGS = {
  locale: choiceSetting<Locale>('zh-CN', 'dates', LOCALES),
  programYear: setting(
    '2026-2027',
    'dates',
    TEXT,
    pattern(/^\d{4}-\d{4}$/, 'a year span such as 2026-2027'),
  ),
  programStart: setting('2026-09-01', 'dates', { kind: 'date' }, isoDate),
  programEnd: setting('2027-06-30', 'dates', { kind: 'date' }, isoDate),
  semesters: {
    ...setting(
      '2026秋:2026-09-01..2027-01-20, 2027春:2027-02-20..2027-06-30',
      'dates',
      TEXT,
      semesters,
    ),
    defaultEn: 'Fall 2026:2026-09-01..2027-01-20, Spring 2027:2027-02-20..2027-06-30',
  },
  timeZone: setting(
    'Asia/Shanghai',
    'dates',
    TEXT,
    pattern(/^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/, 'a time zone such as Asia/Shanghai'),
  ),
  dateOrder: choiceSetting<DayOrder>('mdy', 'dates', DATE_ORDERS),
  'points.theme': numberSetting('10', 'points', 0, 100),
  'points.featured': numberSetting('15', 'points', 0, 100),
  'points.study': numberSetting('8', 'points', 0, 100),
  'points.practice': numberSetting('10', 'points', 0, 100),
  'points.training': numberSetting('5', 'points', 0, 100),
  'points.other': numberSetting('3', 'points', 0, 100),
  reachBonusPer: numberSetting('10', 'points', 1, 1000, true),
  reachBonusCap: numberSetting('5', 'points', 0, 100),
  noEvidenceFactor: numberSetting('0.5', 'points', 0, 1),
  monthlyTarget: numberSetting('30', 'points', 1, 1000),
  starThresholds: setting('90,75,60,40', 'stars', TEXT, thresholds),
  starQuota5: quotaSetting('stars'),
  starQuota4: quotaSetting('stars'),
  showcaseDay: numberSetting('25', 'stars', 1, 28, true),
  showcaseTopK: numberSetting('3', 'stars', 0, 50, true),
  showcaseCooldownMonths: numberSetting('2', 'stars', 0, 12, true),
  spotCheckCount: numberSetting('2', 'stars', 0, 50, true),
  starBranchesPerMonth: numberSetting('1', 'stars', 0, 20, true),
  aggregateBy: choiceSetting<'total' | 'criterion'>('total', 'defense', AGGREGATIONS),
  trimFrom: numberSetting('5', 'defense', 3, 100, true),
  trimCount: numberSetting('1', 'defense', 0, 10, true),
  minJudges: numberSetting('3', 'defense', 1, 100, true),
  normalizeJudges: yesNoSetting('false', 'defense'),
  defenseRubric: setting(
    '创建成效/Results:40, 特色创新/Innovation:25, 材料与PPT/Materials:15, 现场陈述/Presentation:10, 答辩表现/Q&A:10',
    'defense',
    TEXT,
    rubric,
  ),
  minThemeActivitiesPerSemester: numberSetting('4', 'awards', 0, 50, true),
  requireCompliance: yesNoSetting('true', 'awards'),
  weightProcess: numberSetting('0.4', 'awards', 0, 1),
  weightDefense: numberSetting('0.6', 'awards', 0, 1),
  starBranchBonus: numberSetting('2', 'awards', 0, 100),
  starBranchBonusCap: numberSetting('10', 'awards', 0, 100),
  advancedBranchCount: numberSetting('14', 'awards', 0, 1000, true),
  tierQuotas: setting('', 'awards', TEXT, tierQuotas),
  commendationDate: setting('2027-07-01', 'awards', { kind: 'date' }, isoDate),
  webAccess: choiceSetting<WebAccess>('domain', 'awards', WEB_ACCESS),
  voteFormUrl: setting('', 'awards', TEXT, optional(webLink)),
  earlierYears: setting('', 'awards', TEXT, list),
  collegeName: {
    ...setting('学院党委', 'letters', TEXT, anyText),
    defaultEn: 'College Party Committee',
  },
  letterTemplate: setting('', 'letters', TEXT, optional(anyText)),
  letterFolder: setting('', 'letters', TEXT, optional(anyText)),
  letterSharing: choiceSetting<LetterSharing>('domain', 'letters', SHARINGS),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export interface ConfigIssue {
  readonly key: string;
  readonly message: string;
}

export class ConfigError extends Error {
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(issues.map((i) => `Config ${i.key}: ${i.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

type Values = { [K in SettingKey]: (typeof SETTINGS)[K] extends Setting<infer T> ? T : never };

/** One row of the sheet as read: its key, or only its name (a row staff typed without one). */
export interface SettingEntry {
  readonly key: string | null;
  readonly label?: string | null;
  readonly value: string | null;
}

/**
 * Reads the settings (key → text). A row names its setting by key, or by its name in either
 * language; a row with neither and no value is a note, not a setting. Missing or blank keys take
 * their default; unknown keys and bad values are collected and thrown together, each naming its
 * key and what is allowed.
 */
export function parseConfig(entries: readonly SettingEntry[]): Config {
  const issues: ConfigIssue[] = [];
  const texts = new Map<string, string>();
  for (const { key, label = null, value } of entries) {
    const known = settingKeyOf(key, label);
    const name = known ?? (key ?? '').trim();
    if (name === '' && (label ?? '').trim() === '' && (value ?? '').trim() === '') continue;
    if (known === null) {
      issues.push({
        key: name === '' ? (label ?? '').trim() : name,
        message: `unknown setting; known settings are ${SETTING_KEYS.join(', ')}`,
      });
    } else if (texts.has(known)) {
      issues.push({ key: known, message: 'appears twice; keep one row per setting' });
    } else {
      texts.set(known, (value ?? '').trim());
    }
  }
  const values: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const definition = SETTINGS[key] as Setting<unknown>;
    const given = texts.get(key);
    const text = given === undefined || given === '' ? definition.defaultText : given;
    const parsed = definition.parse(text);
    if (parsed.ok) values[key] = parsed.value;
    else issues.push({ key, message: `"${text}" is not allowed; expected ${parsed.expected}` });
  }
  // Cross-checks run on whatever parsed, so every problem is reported in one go.
  issues.push(...crossCheck(values as Partial<Values>));
  if (issues.length > 0) throw new ConfigError(issues);
  return toConfig(values as Values);
}

/** Rules that tie two settings together. */
function crossCheck(v: Partial<Values>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const { programStart, programEnd } = v;
  if (programStart !== undefined && programEnd !== undefined && programStart >= programEnd) {
    issues.push({ key: 'programEnd', message: 'must be after programStart' });
  }
  if (v.trimFrom !== undefined && v.trimCount !== undefined && v.trimFrom <= 2 * v.trimCount) {
    issues.push({
      key: 'trimFrom',
      message: `must be more than twice trimCount (${v.trimCount}), or every mark would be dropped`,
    });
  }
  return issues;
}

function toConfig(v: Values): Config {
  return {
    locale: v.locale,
    programYear: v.programYear,
    programStart: v.programStart,
    programEnd: v.programEnd,
    semesters: v.semesters,
    timeZone: v.timeZone,
    dateOrder: v.dateOrder,
    collegeName: v.collegeName,
    minThemeActivitiesPerSemester: v.minThemeActivitiesPerSemester,
    points: {
      theme: v['points.theme'],
      featured: v['points.featured'],
      study: v['points.study'],
      practice: v['points.practice'],
      training: v['points.training'],
      other: v['points.other'],
    },
    reachBonusPer: v.reachBonusPer,
    reachBonusCap: v.reachBonusCap,
    noEvidenceFactor: v.noEvidenceFactor,
    monthlyTarget: v.monthlyTarget,
    starThresholds: v.starThresholds,
    starQuota5: v.starQuota5,
    starQuota4: v.starQuota4,
    showcaseDay: v.showcaseDay,
    showcaseTopK: v.showcaseTopK,
    showcaseCooldownMonths: v.showcaseCooldownMonths,
    spotCheckCount: v.spotCheckCount,
    starBranchesPerMonth: v.starBranchesPerMonth,
    aggregateBy: v.aggregateBy,
    trimFrom: v.trimFrom,
    trimCount: v.trimCount,
    minJudges: v.minJudges,
    normalizeJudges: v.normalizeJudges,
    defenseRubric: v.defenseRubric,
    weightProcess: v.weightProcess,
    weightDefense: v.weightDefense,
    starBranchBonus: v.starBranchBonus,
    starBranchBonusCap: v.starBranchBonusCap,
    advancedBranchCount: v.advancedBranchCount,
    tierQuotas: v.tierQuotas,
    requireCompliance: v.requireCompliance,
    letterTemplate: v.letterTemplate,
    letterFolder: v.letterFolder,
    letterSharing: v.letterSharing,
    commendationDate: v.commendationDate,
    webAccess: v.webAccess,
    voteFormUrl: v.voteFormUrl,
    earlierYears: v.earlierYears,
  };
}

/** A setting's row of the 设置 sheet: group, name, value, what it does, key (`ConfigRow`). */
export type SettingRow = {
  group: string | null;
  label: string | null;
  value: string | null;
  note: string | null;
  key: string;
};

/** The setting a sheet row names: by its key, else by its name in either language. */
export function settingKeyOf(key: string | null, label: string | null = null): SettingKey | null {
  const name = (key ?? '').trim();
  if (name in SETTINGS) return name as SettingKey;
  if (name !== '') return null;
  const wanted = (label ?? '').trim();
  if (wanted === '') return null;
  return (
    SETTING_KEYS.find((k) =>
      (['zh-CN', 'en'] as const).some((locale) => settingLabel(k, locale) === wanted),
    ) ?? null
  );
}

export function settingLabel(key: SettingKey, locale: Locale): string {
  return t(locale, `settings.label.${key}` as MessageKey);
}

export function settingGroupLabel(group: SettingGroup, locale: Locale): string {
  return t(locale, `settings.group.${group}` as MessageKey);
}

export function settingRule(key: SettingKey): SettingRule {
  return (SETTINGS[key] as Setting<unknown>).rule;
}

export function settingGroup(key: SettingKey): SettingGroup {
  return (SETTINGS[key] as Setting<unknown>).group;
}

/** Catalogue text without its backticks, as a cell shows it. */
function plain<T extends string | null>(text: T): T {
  return (text === null ? null : text.replace(/`([^`]*)`/g, '$1')) as T;
}

/** What a value of the setting may be, in words (`0 至 100 的整数`). */
export function allowedText(key: SettingKey, locale: Locale): string | null {
  const rule = settingRule(key);
  switch (rule.kind) {
    case 'number': {
      const range = t(locale, rule.integer ? 'settings.allowed.int' : 'settings.allowed.number', {
        min: rule.min,
        max: rule.max,
      });
      return rule.optional
        ? `${range}${locale === 'en' ? '; ' : '；'}${t(locale, 'settings.allowed.blank')}`
        : range;
    }
    case 'choice':
      return t(locale, 'settings.allowed.choice');
    case 'date':
      return t(locale, 'settings.allowed.date');
    case 'text':
      return null;
  }
}

/**
 * The note of a setting: what it does, then what it may be. The catalogue marks literal text
 * (`2026-2027`, `YYYY-MM-DD`) with backticks; a sheet shows it plain.
 */
export function settingNote(key: SettingKey, locale: Locale): string {
  const what = plain(t(locale, `settings.note.${key}` as MessageKey));
  const allowed = plain(allowedText(key, locale));
  if (allowed === null) return what;
  return locale === 'en'
    ? `${what}. ${allowed[0]!.toUpperCase()}${allowed.slice(1)}.`
    : `${what}。${allowed}。`;
}

/**
 * A value as the sheet shows it: a choice as its label in the locale (so the dropdown holds it),
 * anything else as typed. A value that does not parse stays as typed, for staff to correct.
 */
export function settingDisplay(key: SettingKey, text: string, locale: Locale): string {
  const setting = SETTINGS[key] as Setting<unknown>;
  const rule = setting.rule;
  if (rule.kind !== 'choice' || text.trim() === '') return text;
  const parsed = setting.parse(text.trim());
  if (!parsed.ok) return text;
  const wanted = typeof parsed.value === 'boolean' ? (parsed.value ? 'yes' : 'no') : parsed.value;
  const term = rule.choices.find((c) => c.key === wanted);
  return term ? labelOf(term, locale) : text;
}

/** A setting's full row in the locale, holding `value` (a key's text or a label). */
export function settingRow(key: SettingKey, value: string | null, locale: Locale): SettingRow {
  return {
    group: settingGroupLabel(settingGroup(key), locale),
    label: settingLabel(key, locale),
    value: value === null ? null : settingDisplay(key, value, locale),
    note: settingNote(key, locale),
    key,
  };
}

/** The defaults, as the rows a new `Config` sheet starts with. */
export function defaultConfigRows(locale: Locale): SettingRow[] {
  return SETTING_KEYS.map((key) => {
    const definition = SETTINGS[key] as Setting<unknown>;
    const value =
      key === 'locale'
        ? locale
        : locale === 'en'
          ? (definition.defaultEn ?? definition.defaultText)
          : definition.defaultText;
    return settingRow(key, value, locale);
  });
}

export const DEFAULT_CONFIG: Config = parseConfig([]);
