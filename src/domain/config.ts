/**
 * The `Config` sheet: every setting of DESIGN §7 with its default, a note for staff, and a parser
 * that says what is allowed. An unknown key is an error (a typo must not silently fall back to a
 * default), and so is a bad value.
 */
import { isValidDate } from './calendar';
import type { RubricCriterion } from './schema/defenseScores';
import type { DayOrder } from './timestamps';
import { TIERS, type Locale, type Tier } from './vocabulary';

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

interface Setting<T> {
  readonly defaultText: string;
  readonly zh: string;
  readonly en: string;
  readonly parse: (text: string) => Parsed<T>;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(expected: string): Parsed<T> => ({ ok: false, expected });

const pattern =
  (re: RegExp, expected: string) =>
  (text: string): Parsed<string> =>
    re.test(text) ? ok(text) : bad(expected);

/** A plain decimal number in a range: no hex, no exponents, nothing a person would not type. */
const number =
  (min: number, max: number, integer = false) =>
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

const choice =
  <K extends string>(...allowed: K[]) =>
  (text: string): Parsed<K> =>
    (allowed as string[]).includes(text) ? ok(text as K) : bad(`one of: ${allowed.join(', ')}`);

const yesNo = (text: string): Parsed<boolean> => {
  const word = text.toLowerCase();
  if (['true', 'yes', '是', '1'].includes(word)) return ok(true);
  if (['false', 'no', '否', '0'].includes(word)) return ok(false);
  return bad('true or false');
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

function tierQuotas(text: string): Parsed<Record<Tier, number> | null> {
  if (text === '') return ok(null);
  const expected = 'junior:N, senior:N, graduate:N (every tier, whole numbers)';
  const quotas: Partial<Record<Tier, number>> = {};
  for (const part of text.split(/[,，]/).map((p) => p.trim())) {
    const m = /^(\w+)\s*[:：]\s*(\d+)$/.exec(part);
    const tier = TIERS.find((t) => t.key === m?.[1]);
    if (!m || !tier) return bad(expected);
    quotas[tier.key] = Number(m[2]);
  }
  return TIERS.every((t) => t.key in quotas) ? ok(quotas as Record<Tier, number>) : bad(expected);
}

function setting<T>(
  defaultText: string,
  zh: string,
  en: string,
  parse: (text: string) => Parsed<T>,
): Setting<T> {
  return { defaultText, zh, en, parse };
}

/** Every Config key, in the order the sheet lists them. */
export const SETTINGS = {
  locale: setting('zh-CN', '界面语言', 'Workbook language', choice<Locale>('zh-CN', 'en')),
  programYear: setting(
    '2026-2027',
    '创建年度',
    'Programme year',
    pattern(/^\d{4}-\d{4}$/, 'a year span such as 2026-2027'),
  ),
  programStart: setting('2026-09-01', '创建开始日期', 'Programme start', isoDate),
  programEnd: setting('2027-06-30', '创建结束日期', 'Programme end', isoDate),
  semesters: setting(
    '2026秋:2026-09-01..2027-01-20, 2027春:2027-02-20..2027-06-30',
    '学期划分',
    'Semesters',
    semesters,
  ),
  timeZone: setting(
    'Asia/Shanghai',
    '时区',
    'Time zone',
    pattern(/^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/, 'a time zone such as Asia/Shanghai'),
  ),
  dateOrder: setting(
    'mdy',
    '日期顺序（无法判断时）',
    'Day order of ambiguous dates',
    choice<DayOrder>('ymd', 'mdy', 'dmy'),
  ),
  collegeName: setting('学院党委', '表彰单位', 'Commending body', anyText),
  minThemeActivitiesPerSemester: setting(
    '4',
    '每学期“七个一”组织生活最少次数',
    'Theme activities required per semester',
    number(0, 50, true),
  ),
  'points.theme': setting('10', '“七个一”主题活动基础分', 'Points: theme', number(0, 100)),
  'points.featured': setting('15', '特色活动基础分', 'Points: featured', number(0, 100)),
  'points.study': setting('8', '专题学习会基础分', 'Points: study', number(0, 100)),
  'points.practice': setting('10', '社会实践基础分', 'Points: practice', number(0, 100)),
  'points.training': setting('5', '专题培训基础分', 'Points: training', number(0, 100)),
  'points.other': setting('3', '其他活动基础分', 'Points: other', number(0, 100)),
  reachBonusPer: setting(
    '10',
    '每多少名党外群众加1分',
    'Non-party participants per bonus point',
    number(1, 1000, true),
  ),
  reachBonusCap: setting('5', '参与加分上限', 'Reach bonus cap', number(0, 100)),
  noEvidenceFactor: setting('0.5', '无佐证材料得分系数', 'Factor without evidence', number(0, 1)),
  monthlyTarget: setting('30', '月度满分所需积分', 'Monthly target points', number(1, 1000)),
  starThresholds: setting(
    '90,75,60,40',
    '五/四/三/二星分数线',
    'Star thresholds (5,4,3,2)',
    thresholds,
  ),
  starQuota5: setting(
    '',
    '五星比例上限（%，空=不限）',
    'Five-star quota %',
    optional(number(0, 100)),
  ),
  starQuota4: setting(
    '',
    '四星比例上限（%，空=不限）',
    'Four-star quota %',
    optional(number(0, 100)),
  ),
  showcaseDay: setting('25', '每月抽选示范支部日期', 'Showcase draw day', number(1, 28, true)),
  showcaseTopK: setting('3', '按得分入选数', 'Showcase: top K', number(0, 50, true)),
  showcaseCooldownMonths: setting(
    '2',
    '汇报后间隔月数',
    'Showcase cooldown (months)',
    number(0, 12, true),
  ),
  spotCheckCount: setting('2', '随机抽查数', 'Spot checks', number(0, 50, true)),
  starBranchesPerMonth: setting(
    '1',
    '每月星级支部数',
    'Star branches per month',
    number(0, 20, true),
  ),
  aggregateBy: setting(
    'total',
    '评分汇总方式（total 总分 / criterion 分项）',
    'Aggregate by',
    choice('total', 'criterion'),
  ),
  trimFrom: setting(
    '5',
    '评委数达到多少时去掉最高最低分',
    'Trim from this many judges',
    number(3, 100, true),
  ),
  trimCount: setting('1', '去掉最高/最低分各几个', 'Marks trimmed each side', number(0, 10, true)),
  minJudges: setting('3', '最少有效评委数', 'Minimum judges', number(1, 100, true)),
  normalizeJudges: setting('false', '评委标准化（z分数）', 'Normalise judges (z-score)', yesNo),
  defenseRubric: setting(
    '创建成效/Results:40, 特色创新/Innovation:25, 材料与PPT/Materials:15, 现场陈述/Presentation:10, 答辩表现/Q&A:10',
    '答辩评分细则（名称/英文:满分[:权重]）',
    'Defense rubric',
    rubric,
  ),
  weightProcess: setting('0.4', '过程考核权重', 'Weight: process', number(0, 1)),
  weightDefense: setting('0.6', '答辩权重', 'Weight: defense', number(0, 1)),
  starBranchBonus: setting('2', '每次当月星级支部加分', 'Star branch bonus', number(0, 100)),
  starBranchBonusCap: setting('10', '星级支部加分上限', 'Star branch bonus cap', number(0, 100)),
  advancedBranchCount: setting('14', '先进党支部名额', 'Advanced branches', number(0, 1000, true)),
  tierQuotas: setting('', '分层次名额（空=不分层次）', 'Per-tier quotas', tierQuotas),
  requireCompliance: setting('true', '未达标支部不得评先', 'Require semester compliance', yesNo),
  letterTemplate: setting(
    '',
    '证书模板（文档ID或.docx路径）',
    'Letter template',
    optional(anyText),
  ),
  letterFolder: setting('', '证书保存文件夹', 'Letter folder', optional(anyText)),
  letterSharing: setting(
    'domain',
    '证书分享范围（private/domain/anyone）',
    'Letter sharing',
    choice<LetterSharing>('private', 'domain', 'anyone'),
  ),
  commendationDate: setting('2027-07-01', '表彰日期', 'Commendation date', isoDate),
  webAccess: setting(
    'domain',
    '荣誉榜与现场大屏向谁开放（domain 本校/anyone 所有人）',
    'Web pages open to (domain/anyone)',
    choice<WebAccess>('domain', 'anyone'),
  ),
  voteFormUrl: setting(
    '',
    '现场评选表链接（大屏二维码；空=系统创建的表单）',
    'On-site vote form link (board QR code)',
    optional(webLink),
  ),
  earlierYears: setting(
    '',
    '往年荣誉榜（往年工作簿路径或表格编号，逗号分隔）',
    'Earlier years on the honour roll',
    list,
  ),
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

/**
 * Reads the settings (key → text). Missing or blank keys take their default; unknown keys and
 * bad values are collected and thrown together, each naming its key and what is allowed.
 */
export function parseConfig(entries: readonly { key: string; value: string | null }[]): Config {
  const issues: ConfigIssue[] = [];
  const texts = new Map<string, string>();
  for (const { key, value } of entries) {
    const name = key.trim();
    if (!(name in SETTINGS)) {
      issues.push({
        key: name,
        message: `unknown setting; known settings are ${SETTING_KEYS.join(', ')}`,
      });
    } else if (texts.has(name)) {
      issues.push({ key: name, message: 'appears twice; keep one row per setting' });
    } else {
      texts.set(name, (value ?? '').trim());
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

/** The defaults, as the rows a new `Config` sheet starts with. */
export function defaultConfigRows(locale: Locale): { key: string; value: string; note: string }[] {
  return SETTING_KEYS.map((key) => {
    const definition = SETTINGS[key] as Setting<unknown>;
    return {
      key,
      value: key === 'locale' ? locale : definition.defaultText,
      note: locale === 'en' ? definition.en : definition.zh,
    };
  });
}

export const DEFAULT_CONFIG: Config = parseConfig([]);
