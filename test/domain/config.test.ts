import {
  ConfigError,
  DEFAULT_CONFIG,
  defaultConfigRows,
  parseConfig,
  SETTING_KEYS,
  type Config,
  type SettingEntry,
} from '../../src/domain/config';

function configError(entries: SettingEntry[]): ConfigError {
  try {
    parseConfig(entries);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

const one = (key: string, value: string | null) => [{ key, value }];

describe('DEFAULT_CONFIG: the defaults of DESIGN §7', () => {
  // Every value below is read off DESIGN.md §7 (and §2), not off the code.
  it.each<[keyof Config, unknown]>([
    ['locale', 'zh-CN'],
    ['programYear', '2026-2027'],
    ['programStart', '2026-09-01'],
    ['programEnd', '2027-06-30'],
    ['timeZone', 'Asia/Shanghai'],
    ['minThemeActivitiesPerSemester', 4],
    ['reachBonusPer', 10],
    ['reachBonusCap', 5],
    ['noEvidenceFactor', 0.5],
    ['monthlyTarget', 30],
    ['starThresholds', [90, 75, 60, 40]],
    ['starQuota5', null],
    ['starQuota4', null],
    ['showcaseDay', 25],
    ['showcaseTopK', 3],
    ['showcaseCooldownMonths', 2],
    ['spotCheckCount', 2],
    ['starBranchesPerMonth', 1],
    ['aggregateBy', 'total'],
    ['trimFrom', 5],
    ['trimCount', 1],
    ['minJudges', 3],
    ['normalizeJudges', false],
    ['weightProcess', 0.4],
    ['weightDefense', 0.6],
    ['starBranchBonus', 2],
    ['starBranchBonusCap', 10],
    ['advancedBranchCount', 14],
    ['tierQuotas', null],
    ['requireCompliance', true],
    ['letterTemplate', null],
    ['letterFolder', null],
    ['commendationDate', '2027-07-01'],
  ])('%s', (key, expected) => {
    expect(DEFAULT_CONFIG[key]).toEqual(expected);
  });

  it('points per kind: theme 10, featured 15, study 8, practice 10, training 5, other 3', () => {
    expect(DEFAULT_CONFIG.points).toEqual({
      theme: 10,
      featured: 15,
      study: 8,
      practice: 10,
      training: 5,
      other: 3,
    });
  });

  it('two semesters: 2026秋 2026-09-01..2027-01-20 and 2027春 2027-02-20..2027-06-30', () => {
    expect(DEFAULT_CONFIG.semesters).toEqual([
      { name: '2026秋', start: '2026-09-01', end: '2027-01-20' },
      { name: '2027春', start: '2027-02-20', end: '2027-06-30' },
    ]);
  });

  it('defense rubric: five criteria 40, 25, 15, 10, 10, weight 1, summing to 100', () => {
    const rubric = DEFAULT_CONFIG.defenseRubric;
    expect(rubric).toEqual([
      { key: 'c1', zh: '创建成效', en: 'Results', max: 40, weight: 1 },
      { key: 'c2', zh: '特色创新', en: 'Innovation', max: 25, weight: 1 },
      { key: 'c3', zh: '材料与PPT', en: 'Materials', max: 15, weight: 1 },
      { key: 'c4', zh: '现场陈述', en: 'Presentation', max: 10, weight: 1 },
      { key: 'c5', zh: '答辩表现', en: 'Q&A', max: 10, weight: 1 },
    ]);
    // 40 + 25 + 15 + 10 + 10 = 100
    expect(rubric.reduce((s, c) => s + c.max * c.weight, 0)).toBe(100);
  });

  it('letter sharing is one of private | domain | anyone, by default the narrowest link (domain)', () => {
    // §7 lists the three values without marking one; §1 says letters are "shared by link" and §4
    // says "the narrowest link access the config allows (domain before anyone)", so the default
    // is the domain link: `private` would share no link at all.
    expect(DEFAULT_CONFIG.letterSharing).toBe('domain');
    for (const value of ['private', 'domain', 'anyone'] as const) {
      expect(parseConfig(one('letterSharing', value)).letterSharing).toBe(value);
    }
    expect(configError(one('letterSharing', 'public')).message).toBe(
      'Config letterSharing: "public" is not allowed; expected one of: private (仅本人 / Only me), domain (本单位内知道链接的人 / Anyone in the domain with the link), anyone (任何知道链接的人 / Anyone with the link)',
    );
  });

  it('the weights sum to 1', () => {
    expect(DEFAULT_CONFIG.weightProcess + DEFAULT_CONFIG.weightDefense).toBeCloseTo(1, 12);
  });

  it('has nothing besides the §7 keys except the documented extras: dateOrder, collegeName, and the public pages’ three', () => {
    const section7 = [
      'locale',
      'programYear',
      'programStart',
      'programEnd',
      'semesters',
      'timeZone',
      'minThemeActivitiesPerSemester',
      'points.theme',
      'points.featured',
      'points.study',
      'points.practice',
      'points.training',
      'points.other',
      'reachBonusPer',
      'reachBonusCap',
      'noEvidenceFactor',
      'monthlyTarget',
      'starThresholds',
      'starQuota5',
      'starQuota4',
      'showcaseDay',
      'showcaseTopK',
      'showcaseCooldownMonths',
      'spotCheckCount',
      'starBranchesPerMonth',
      'aggregateBy',
      'trimFrom',
      'trimCount',
      'minJudges',
      'normalizeJudges',
      'defenseRubric',
      'weightProcess',
      'weightDefense',
      'starBranchBonus',
      'starBranchBonusCap',
      'advancedBranchCount',
      'tierQuotas',
      'requireCompliance',
      'letterTemplate',
      'letterFolder',
      'letterSharing',
      'commendationDate',
    ];
    const publicPages = ['webAccess', 'voteFormUrl', 'earlierYears'];
    expect([...SETTING_KEYS].sort()).toEqual(
      [...section7, 'dateOrder', 'collegeName', ...publicPages].sort(),
    );
    // §6: ambiguous a/b/yyyy dates read month-first (Google en-US) unless configured
    expect(DEFAULT_CONFIG.dateOrder).toBe('mdy');
    expect(DEFAULT_CONFIG.collegeName).toBe('学院党委');
  });
});

describe('parseConfig: overriding values', () => {
  it('reads each kind of value', () => {
    const config = parseConfig([
      { key: 'locale', value: 'en' },
      { key: 'monthlyTarget', value: '40' },
      { key: 'points.featured', value: '20' },
      { key: 'noEvidenceFactor', value: '0.25' },
      { key: 'starThresholds', value: '95，80,65, 45' },
      { key: 'starQuota5', value: '10' },
      { key: 'aggregateBy', value: 'criterion' },
      { key: 'normalizeJudges', value: 'TRUE' },
      { key: 'requireCompliance', value: '否' },
      { key: 'letterTemplate', value: 'templates/letter.docx' },
      { key: 'semesters', value: '秋季：2026-09-01..2027-01-15，春季:2027-02-25..2027-07-01' },
      { key: 'defenseRubric', value: '成效/Results:60:1.5, 创新/Innovation:40' },
      { key: 'tierQuotas', value: 'junior:5, senior：4, graduate:5' },
      { key: 'dateOrder', value: 'dmy' },
    ]);
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      locale: 'en',
      monthlyTarget: 40,
      points: { ...DEFAULT_CONFIG.points, featured: 20 },
      noEvidenceFactor: 0.25,
      starThresholds: [95, 80, 65, 45],
      starQuota5: 10,
      aggregateBy: 'criterion',
      normalizeJudges: true,
      requireCompliance: false,
      letterTemplate: 'templates/letter.docx',
      semesters: [
        { name: '秋季', start: '2026-09-01', end: '2027-01-15' },
        { name: '春季', start: '2027-02-25', end: '2027-07-01' },
      ],
      defenseRubric: [
        { key: 'c1', zh: '成效', en: 'Results', max: 60, weight: 1.5 },
        { key: 'c2', zh: '创新', en: 'Innovation', max: 40, weight: 1 },
      ],
      tierQuotas: { junior: 5, senior: 4, graduate: 5 },
      dateOrder: 'dmy',
    });
  });

  it('trims keys and values', () => {
    expect(parseConfig([{ key: ' monthlyTarget ', value: ' 45 ' }]).monthlyTarget).toBe(45);
  });

  it('a blank or null value takes the default', () => {
    expect(parseConfig(one('monthlyTarget', '')).monthlyTarget).toBe(30);
    expect(parseConfig(one('monthlyTarget', '   ')).monthlyTarget).toBe(30);
    expect(parseConfig(one('starThresholds', null)).starThresholds).toEqual([90, 75, 60, 40]);
    expect(parseConfig(one('tierQuotas', '')).tierQuotas).toBeNull();
  });

  it('accepts the boundaries of a range', () => {
    expect(parseConfig(one('noEvidenceFactor', '0')).noEvidenceFactor).toBe(0);
    expect(parseConfig(one('noEvidenceFactor', '1')).noEvidenceFactor).toBe(1);
    expect(parseConfig(one('showcaseDay', '28')).showcaseDay).toBe(28);
  });
});

describe('parseConfig: errors name the key and say what is allowed', () => {
  it('an unknown key is an error, not ignored', () => {
    const error = configError(one('monthlyTargt', '30'));
    expect(error.name).toBe('ConfigError');
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.key).toBe('monthlyTargt');
    expect(error.message).toMatch(
      /^Config monthlyTargt: unknown setting; known settings are locale, /,
    );
    expect(error.message).toContain('monthlyTarget');
  });

  it.each([
    ['monthlyTarget', 'abc', 'expected a number from 1 to 1000'],
    ['monthlyTarget', '0', 'expected a number from 1 to 1000'],
    ['minThemeActivitiesPerSemester', '3.5', 'expected a whole number from 0 to 50'],
    ['showcaseDay', '29', 'expected a whole number from 1 to 28'],
    ['noEvidenceFactor', '1.5', 'expected a number from 0 to 1'],
    ['aggregateBy', 'median', 'expected one of: total (按总分 / By total), criterion'],
    ['locale', 'fr', 'expected one of: zh-CN (简体中文 / Chinese (Simplified)), en'],
    ['dateOrder', 'ydm', 'expected one of: ymd (年-月-日 / Year-month-day), mdy'],
    ['normalizeJudges', 'maybe', 'expected true or false'],
    ['programYear', '2026', 'expected a year span such as 2026-2027'],
    ['programStart', '2026/09/01', 'expected a date written YYYY-MM-DD'],
    ['commendationDate', '2027-02-30', 'expected a date written YYYY-MM-DD'],
    ['timeZone', 'Asia Shanghai', 'expected a time zone such as Asia/Shanghai'],
    ['starThresholds', '90,75', 'expected four falling scores for 5, 4, 3 and 2 stars'],
    ['starThresholds', '90,75,80,40', 'expected four falling scores'],
    ['starThresholds', '120,75,60,40', 'expected four falling scores'],
    ['starThresholds', '90,75,60,0', 'expected four falling scores'],
    ['starQuota4', 'half', 'expected a number from 0 to 100'],
    ['semesters', 'bad', 'expected name:YYYY-MM-DD..YYYY-MM-DD'],
    ['semesters', '秋:2027-01-20..2026-09-01', 'expected name:YYYY-MM-DD..YYYY-MM-DD'],
    ['semesters', '秋:2026-09-01..2027-02-30', 'expected name:YYYY-MM-DD..YYYY-MM-DD'],
    ['defenseRubric', 'Results:40', 'expected criteria as 中文/English:max[:weight]'],
    ['defenseRubric', '成效/Results:0', 'expected criteria as 中文/English:max[:weight]'],
    ['defenseRubric', '成效/Results:40:0', 'expected criteria as 中文/English:max[:weight]'],
    ['tierQuotas', 'junior:5', 'expected junior:N, senior:N, graduate:N (every tier'],
    ['tierQuotas', 'junior:5, senior:4, postdoc:1', 'expected junior:N, senior:N, graduate:N'],
    ['tierQuotas', 'junior:5, senior:4, graduate:x', 'expected junior:N, senior:N, graduate:N'],
    ['letterSharing', 'everyone', 'expected one of: private (仅本人 / Only me), domain'],
  ])('%s = %p', (key, value, expected) => {
    const error = configError(one(key, value));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.key).toBe(key);
    expect(error.message.startsWith(`Config ${key}: "${value}" is not allowed; `)).toBe(true);
    expect(error.message).toContain(expected);
  });

  it('programEnd before programStart', () => {
    const error = configError([
      { key: 'programStart', value: '2026-09-01' },
      { key: 'programEnd', value: '2026-08-31' },
    ]);
    expect(error.issues).toEqual([{ key: 'programEnd', message: 'must be after programStart' }]);
    expect(error.message).toBe('Config programEnd: must be after programStart');
    // the same day is not after either
    expect(() => parseConfig(one('programEnd', '2026-09-01'))).toThrow(ConfigError);
  });

  it('trimFrom must be more than twice trimCount', () => {
    // trimCount 2 drops 2 highest + 2 lowest = 4 marks: with trimFrom 4 nothing would be left.
    const error = configError([
      { key: 'trimFrom', value: '4' },
      { key: 'trimCount', value: '2' },
    ]);
    expect(error.issues.map((i) => i.key)).toEqual(['trimFrom']);
    expect(error.message).toContain('must be more than twice trimCount (2)');
    // 5 > 2 × 2: allowed
    expect(
      parseConfig([
        { key: 'trimFrom', value: '5' },
        { key: 'trimCount', value: '2' },
      ]),
    ).toMatchObject({ trimFrom: 5, trimCount: 2 });
  });

  it('reports several bad keys together', () => {
    const error = configError([
      { key: 'monthlyTarget', value: 'abc' },
      { key: 'aggregateBy', value: 'median' },
      { key: 'colour', value: 'red' },
      { key: 'starThresholds', value: '90,75' },
    ]);
    expect(error.issues.map((i) => i.key).sort()).toEqual(
      ['aggregateBy', 'colour', 'monthlyTarget', 'starThresholds'].sort(),
    );
    expect(error.message.split('\n')).toHaveLength(4);
  });

  it('reports a cross-key problem together with the other bad keys', () => {
    const error = configError([
      { key: 'monthlyTarget', value: 'abc' },
      { key: 'programEnd', value: '2026-08-31' }, // before programStart 2026-09-01
      { key: 'trimCount', value: '3' }, // trimFrom 5 ≤ 2 × 3
    ]);
    expect(error.issues.map((i) => i.key)).toEqual(['monthlyTarget', 'programEnd', 'trimFrom']);
  });

  it('does not cross-check a key whose own value is bad', () => {
    const error = configError([{ key: 'programEnd', value: 'soon' }]);
    expect(error.issues.map((i) => i.key)).toEqual(['programEnd']);
  });

  it('a key that appears twice is an error', () => {
    const error = configError([
      { key: 'monthlyTarget', value: '30' },
      { key: 'monthlyTarget ', value: '40' },
    ]);
    expect(error.issues).toEqual([
      { key: 'monthlyTarget', message: 'appears twice; keep one row per setting' },
    ]);
  });
});

describe('defaultConfigRows', () => {
  it('lists every key once, grouped, named and explained in the locale, key last', () => {
    const zh = defaultConfigRows('zh-CN');
    const en = defaultConfigRows('en');
    expect(zh.map((r) => r.key)).toEqual(SETTING_KEYS);
    expect(new Set(zh.map((r) => r.key)).size).toBe(zh.length);
    expect(en.map((r) => r.key)).toEqual(SETTING_KEYS);
    for (const row of [...zh, ...en]) {
      expect(row.note?.trim()).toBeTruthy();
      expect(row.label?.trim()).toBeTruthy();
    }
    const row = (rows: typeof zh, key: string) => rows.find((r) => r.key === key)!;
    expect(row(zh, 'monthlyTarget')).toMatchObject({ group: '积分', label: '月度满分所需积分' });
    expect(row(zh, 'monthlyTarget').note).toContain('1 至 1000 的数');
    expect(row(en, 'monthlyTarget')).toMatchObject({
      group: 'Points',
      label: 'Monthly target points',
    });
    expect(row(zh, 'showcaseDay').note).toContain('1 至 28 的整数');
    // zh names and notes are Chinese; en ones are not
    expect(zh.every((r) => /[\u4e00-\u9fff]/.test(`${r.label}${r.note}${r.group}`))).toBe(true);
    expect(en.filter((r) => /[\u4e00-\u9fff]/.test(`${r.label}${r.note}${r.group}`))).toEqual([]);
    expect(row(zh, 'starThresholds').value).toBe('90,75,60,40');
  });

  it('groups the settings in the order of the sheet: 年度与日期, 积分, 星级, 答辩, 表彰, 函件', () => {
    const groups = defaultConfigRows('zh-CN').map((r) => r.group);
    const order = groups.filter((g, i) => g !== groups[i - 1]);
    expect(order).toEqual(['年度与日期', '积分', '星级', '答辩', '表彰', '函件']);
  });

  it('shows choices and yes/no as labels of the locale, which read back as the defaults', () => {
    const zh = defaultConfigRows('zh-CN');
    const value = (rows: typeof zh, key: string) => rows.find((r) => r.key === key)!.value;
    expect(value(zh, 'aggregateBy')).toBe('按总分');
    expect(value(zh, 'normalizeJudges')).toBe('否');
    expect(value(zh, 'requireCompliance')).toBe('是');
    expect(value(zh, 'locale')).toBe('简体中文');
    expect(value(zh, 'letterSharing')).toBe('本单位内知道链接的人');
    const en = defaultConfigRows('en');
    expect(value(en, 'aggregateBy')).toBe('By total');
    expect(value(en, 'dateOrder')).toBe('Month-day-year');
    expect(value(en, 'locale')).toBe('English');
    expect(parseConfig(zh)).toEqual(DEFAULT_CONFIG);
    expect(parseConfig(en)).toEqual({
      ...DEFAULT_CONFIG,
      locale: 'en',
      collegeName: 'College Party Committee',
      semesters: [
        { name: 'Fall 2026', start: '2026-09-01', end: '2027-01-20' },
        { name: 'Spring 2027', start: '2027-02-20', end: '2027-06-30' },
      ],
    });
  });
});

describe('settings typed by staff', () => {
  it('reads an enumerated value typed in either language, or as its key, in any case', () => {
    expect(parseConfig(one('aggregateBy', '按分项')).aggregateBy).toBe('criterion');
    expect(parseConfig(one('aggregateBy', 'by criterion')).aggregateBy).toBe('criterion');
    expect(parseConfig(one('aggregateBy', 'CRITERION')).aggregateBy).toBe('criterion');
    expect(parseConfig(one('letterSharing', '任何知道链接的人')).letterSharing).toBe('anyone');
    expect(parseConfig(one('dateOrder', '日-月-年')).dateOrder).toBe('dmy');
    expect(parseConfig(one('locale', 'English')).locale).toBe('en');
    expect(parseConfig(one('locale', 'zh-cn')).locale).toBe('zh-CN');
    expect(parseConfig(one('normalizeJudges', '是')).normalizeJudges).toBe(true);
    expect(parseConfig(one('requireCompliance', 'No')).requireCompliance).toBe(false);
  });

  it('names what is allowed when an enumerated value is none of them', () => {
    const error = configError(one('aggregateBy', '中位数'));
    expect(error.issues[0]!.message).toContain('total (按总分 / By total)');
  });

  it("reads per-tier quotas by the tiers' names too", () => {
    const quotas = parseConfig(
      one('tierQuotas', '低年级本科生党支部:6, Senior undergraduate branch:5, graduate:3'),
    ).tierQuotas;
    expect(quotas).toEqual({ junior: 6, senior: 5, graduate: 3 });
  });

  it('finds a setting by its name when the row has no key, and skips a row with nothing', () => {
    const config = parseConfig([
      { key: null, label: '月度满分所需积分', value: '40' },
      { key: null, label: 'Showcase draw day', value: '20' },
      { key: null, label: null, value: null },
    ]);
    expect(config.monthlyTarget).toBe(40);
    expect(config.showcaseDay).toBe(20);
    expect(configError([{ key: null, label: '不存在的设置', value: '1' }]).issues[0]!.key).toBe(
      '不存在的设置',
    );
  });
});
