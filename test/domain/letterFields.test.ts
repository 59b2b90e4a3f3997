import {
  LETTER_PLACEHOLDERS,
  chineseDate,
  chineseDateFormal,
  chineseNumber,
  chineseOrdinalRank,
  chineseYearDigits,
  letterFields,
  letterFileName,
  placeholderToken,
  safeFileName,
  type LetterInput,
} from '../../src/domain/letterFields';

const branchInput: LetterInput = {
  awardId: 'A001',
  kind: 'branch',
  recipient: '计算机学院本科生第一党支部',
  branchName: '计算机学院本科生第一党支部',
  unit: '计算机学院',
  tierLabel: '低年级本科生党支部',
  awardTitle: '先进党支部',
  programYear: '2026-2027',
  rank: 3,
  score: '87.35',
  commendationDate: '2027-07-01',
  college: '中共某某大学计算机学院委员会',
};

const memberInput: LetterInput = {
  awardId: 'M002',
  kind: 'member',
  recipient: '张三',
  branchName: '计算机学院研究生第二党支部',
  unit: '计算机学院',
  tierLabel: '研究生党支部',
  awardTitle: '优秀学生党员',
  programYear: '2026-2027',
  rank: 0,
  score: '',
  commendationDate: '2027-07-01',
  college: '中共某某大学计算机学院委员会',
};

describe('chineseNumber', () => {
  it.each([
    [0, '零'],
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [15, '十五'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [30, '三十'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [111, '一百一十一'],
    [120, '一百二十'],
    [999, '九百九十九'],
    [1000, '一千'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [1011, '一千零一十一'],
    [1100, '一千一百'],
    [2027, '二千零二十七'],
    [9999, '九千九百九十九'],
  ])('%i → %s', (n, text) => {
    expect(chineseNumber(n)).toBe(text);
  });

  it.each([-1, 10000, 1.5, Number.NaN])('refuses %p', (n) => {
    expect(() => chineseNumber(n)).toThrow(RangeError);
  });
});

describe('chineseOrdinalRank', () => {
  const first21 = [
    '第一名',
    '第二名',
    '第三名',
    '第四名',
    '第五名',
    '第六名',
    '第七名',
    '第八名',
    '第九名',
    '第十名',
    '第十一名',
    '第十二名',
    '第十三名',
    '第十四名',
    '第十五名',
    '第十六名',
    '第十七名',
    '第十八名',
    '第十九名',
    '第二十名',
    '第二十一名',
  ];
  it('reads ranks 1..21', () => {
    expect(first21.map((_, i) => chineseOrdinalRank(i + 1))).toEqual(first21);
  });

  it.each([
    [100, '第一百名'],
    [101, '第一百零一名'],
    [110, '第一百一十名'],
    [999, '第九百九十九名'],
  ])('%i → %s', (rank, text) => {
    expect(chineseOrdinalRank(rank)).toBe(text);
  });

  it.each([0, -3, 2.5])('refuses rank %p', (rank) => {
    expect(() => chineseOrdinalRank(rank)).toThrow(RangeError);
  });
});

describe('dates', () => {
  it('writes a date the everyday Chinese way', () => {
    expect(chineseDate('2027-07-01')).toBe('2027年7月1日');
    expect(chineseDate('2026-12-31')).toBe('2026年12月31日');
    expect(chineseDate('2028-02-29')).toBe('2028年2月29日');
  });

  it('writes a date the formal way', () => {
    expect(chineseYearDigits(2027)).toBe('二〇二七');
    expect(chineseYearDigits(2000)).toBe('二〇〇〇');
    expect(chineseDateFormal('2027-07-01')).toBe('二〇二七年七月一日');
    expect(chineseDateFormal('2026-12-31')).toBe('二〇二六年十二月三十一日');
    expect(chineseDateFormal('2027-10-20')).toBe('二〇二七年十月二十日');
  });

  it.each(['2027-02-30', '2027-7-1', '', 'July 1'])('refuses %p', (text) => {
    expect(() => chineseDate(text)).toThrow(RangeError);
  });

  it('refuses a negative or fractional year', () => {
    expect(() => chineseYearDigits(-1)).toThrow(RangeError);
    expect(() => chineseYearDigits(20.5)).toThrow(RangeError);
  });
});

describe('safeFileName', () => {
  it.each([
    ['../etc/passwd', 'etcpasswd'],
    ['a/b', 'ab'],
    ['a\\b:c*d?e"f<g>h|i', 'abcdefghi'],
    ['CON', '_CON'],
    ['con.txt', '_con.txt'],
    ['NUL', '_NUL'],
    ['nul.tar.gz', '_nul.tar.gz'],
    ['COM1', '_COM1'],
    ['lpt9.docx', '_lpt9.docx'],
    ['CON .docx', '_CON .docx'],
    ['CONSOLE', 'CONSOLE'],
    ['COM0', 'COM0'],
    ['...hidden', 'hidden'],
    ['.docx', 'docx'],
    ['a..b', 'a.b'],
    ['name. . .', 'name'],
    ['  spaced  ', 'spaced'],
    ['tab\there\nnewline\u0000nul', 'tabherenewlinenul'],
    ['evil\u202Excod.docx', 'evilxcod.docx'],
    ['', 'letter'],
    ['   ', 'letter'],
    ['..', 'letter'],
    ['/\\:*?"<>|', 'letter'],
    [
      'A001-计算机学院本科生第一党支部-先进党支部.docx',
      'A001-计算机学院本科生第一党支部-先进党支部.docx',
    ],
    ['优秀🎉党员', '优秀🎉党员'],
  ])('%j → %j', (input, output) => {
    expect(safeFileName(input)).toBe(output);
  });

  it('caps a long name at 120 characters', () => {
    const out = safeFileName('x'.repeat(300));
    expect(out).toBe('x'.repeat(120));
  });

  it('keeps the extension when it caps', () => {
    const out = safeFileName(`${'支'.repeat(300)}.docx`);
    expect(Array.from(out)).toHaveLength(120);
    expect(out.endsWith('.docx')).toBe(true);
  });

  it('never cuts an emoji in half', () => {
    const out = safeFileName('🎉'.repeat(300));
    expect(Array.from(out)).toHaveLength(120);
    expect(out).toBe('🎉'.repeat(120));
  });

  it('drops lone surrogates', () => {
    expect(safeFileName('a\ud800b\udc00c')).toBe('abc');
  });

  it('leaves nothing a file system refuses', () => {
    const nasty = ['../../x', 'CON', 'aux.', ' .. ', 'a'.repeat(500), 'x\u0007y', '🎉'.repeat(200)];
    for (const name of nasty) {
      const out = safeFileName(name);
      expect(out).not.toBe('');
      // eslint-disable-next-line no-control-regex
      expect(out).not.toMatch(/[/\\:*?"<>|\u0000-\u001f]/);
      expect(out).not.toMatch(/^\./);
      expect(out).not.toMatch(/\.\./);
      expect(out).not.toMatch(/[. ]$/);
      expect(Array.from(out).length).toBeLessThanOrEqual(120);
      expect(out.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i);
    }
  });
});

describe('letterFileName', () => {
  it('joins award id, recipient and title', () => {
    expect(letterFileName(branchInput)).toBe('A001-计算机学院本科生第一党支部-先进党支部.docx');
    expect(letterFileName(memberInput)).toBe('M002-张三-优秀学生党员.docx');
  });

  it('sanitises the parts and falls back to letter.docx', () => {
    expect(letterFileName({ awardId: 'A9', recipient: '../a/b', awardTitle: '先进' })).toBe(
      'A9-.ab-先进.docx',
    );
    expect(letterFileName({ awardId: '', recipient: ' ', awardTitle: '' })).toBe('letter.docx');
  });

  it('keeps .docx on a very long name', () => {
    const name = letterFileName({ awardId: 'A1', recipient: '长'.repeat(300), awardTitle: 'x' });
    expect(name.endsWith('.docx')).toBe(true);
    expect(Array.from(name)).toHaveLength(120);
  });
});

describe('letterFields', () => {
  const keys = LETTER_PLACEHOLDERS.map((p) => p.key);

  it('documents each placeholder once, in both languages', () => {
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of LETTER_PLACEHOLDERS) {
      expect(p.key).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
      expect(p.zh).not.toBe('');
      expect(p.en).not.toBe('');
    }
    expect(placeholderToken('recipient')).toBe('{{recipient}}');
  });

  it('fills a branch letter', () => {
    const fields = letterFields(branchInput);
    expect(Object.keys(fields)).toEqual(keys);
    expect(fields).toMatchObject({
      recipient: '计算机学院本科生第一党支部',
      salutation: '计算机学院本科生第一党支部：',
      awardKind: '先进党支部',
      awardTitle: '先进党支部',
      branchName: '计算机学院本科生第一党支部',
      unit: '计算机学院',
      tier: '低年级本科生党支部',
      programYear: '2026-2027',
      rank: '3',
      rankText: '第三名',
      score: '87.35',
      commendationDate: '2027-07-01',
      commendationDateZh: '2027年7月1日',
      commendationDateZhFormal: '二〇二七年七月一日',
      college: '中共某某大学计算机学院委员会',
      letterNo: '2026-2027-A001',
    });
    expect(fields.citation).toBe(
      '在2026-2027年度先进党支部创建活动中，计算机学院本科生第一党支部坚持把党支部建在班上，' +
        '以党建促学风、以党建带班建、以党建带团建，组织生活扎实、特色活动鲜明，' +
        '经申报审核、定期抽查、汇报答辩，综合评定位列第三名，被评为“先进党支部”。特发此证，以资鼓励。',
    );
  });

  it('fits the citation to the tier', () => {
    const graduate = letterFields({ ...branchInput, tierLabel: 'Graduate branch' }).citation;
    expect(graduate).toContain('在培养中使用、在使用中锻炼');
    expect(graduate).not.toContain('建在班上');
    const unknown = letterFields({ ...branchInput, tierLabel: '' }).citation;
    expect(unknown).toContain('充分发挥党支部战斗堡垒作用');
  });

  it('words an unranked branch without a rank', () => {
    const fields = letterFields({ ...branchInput, rank: 0 });
    expect(fields.rank).toBe('');
    expect(fields.rankText).toBe('');
    expect(fields.citation).toContain('综合评定成绩优秀，被评为“先进党支部”');
  });

  it('fills a member letter', () => {
    const fields = letterFields(memberInput);
    expect(Object.keys(fields)).toEqual(keys);
    expect(fields.salutation).toBe('张三同志：');
    expect(fields.awardKind).toBe('优秀学生党员');
    expect(fields.rank).toBe('');
    expect(fields.rankText).toBe('');
    expect(fields.letterNo).toBe('2026-2027-M002');
    expect(fields.citation).toBe(
      '在2026-2027年度先进党支部创建活动中，张三同志（计算机学院研究生第二党支部）' +
        '充分发挥共产党员先锋模范作用，争做“勤奋学习、团结合作、诚信守纪、艰苦奋斗”的模范，' +
        '经支部推荐、学院审核，被评为“优秀学生党员”。特发此证，以资鼓励。',
    );
  });

  it('does not say 同志 twice, and copes with no branch', () => {
    const fields = letterFields({ ...memberInput, recipient: '李四同志', branchName: '' });
    expect(fields.salutation).toBe('李四同志：');
    expect(fields.citation).toContain('李四同志充分发挥');
  });

  it('uses a given citation verbatim, trimmed', () => {
    const fields = letterFields({ ...branchInput, citation: '  自定义表彰词。\n第二段。 ' });
    expect(fields.citation).toBe('自定义表彰词。\n第二段。');
    expect(letterFields({ ...branchInput, citation: '  ' }).citation).toContain('特发此证');
  });

  it('defaults a blank title to the award kind and tolerates 年度 in the year', () => {
    const fields = letterFields({ ...memberInput, awardTitle: '', programYear: '2026-2027年度' });
    expect(fields.awardTitle).toBe('优秀学生党员');
    expect(fields.citation).toMatch(/^在2026-2027年度先进党支部/);
    const noYear = letterFields({ ...branchInput, programYear: '' });
    expect(noYear.citation).toMatch(/^在先进党支部创建活动中/);
    expect(noYear.letterNo).toBe('A001');
  });

  it('refuses input no letter should be made from', () => {
    expect(() => letterFields({ ...branchInput, recipient: ' ' })).toThrow(/A001.*recipient/);
    expect(() => letterFields({ ...branchInput, rank: -1 })).toThrow(/rank/);
    expect(() => letterFields({ ...branchInput, rank: 1.5 })).toThrow(/rank/);
    expect(() => letterFields({ ...branchInput, commendationDate: '2027-7-1' })).toThrow(
      /commendationDate/,
    );
    expect(() =>
      letterFields({ ...branchInput, kind: 'team' as unknown as LetterInput['kind'] }),
    ).toThrow(/kind/);
  });
});
