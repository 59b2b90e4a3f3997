import fc from 'fast-check';
import {
  achievementsClause,
  defaultCitation,
  MAX_ACHIEVEMENTS_WIDTH,
  textWidth,
  type CitationInput,
} from '../../src/domain/citations';
import { letterFields, type LetterInput } from '../../src/domain/letterFields';

const member: LetterInput = {
  awardId: 'MEM-B002-2023001',
  kind: 'member',
  recipient: '张伟',
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

describe('achievementsClause', () => {
  it('joins the sentences with ；and leaves the closing punctuation to the citation', () => {
    expect(
      achievementsClause(
        '勤奋学习，专业成绩排名年级前3%，获校级一等奖学金。积极参加志愿服务，累计志愿服务时长120小时。',
        '张伟',
        'zh-CN',
      ),
    ).toBe(
      '勤奋学习，专业成绩排名年级前3%，获校级一等奖学金；积极参加志愿服务，累计志愿服务时长120小时',
    );
  });

  it('drops list markers, blank lines, stray spaces and trailing punctuation', () => {
    const typed =
      '1. 担任班长，带领班级获评优秀班集体；\n\n2、 组织“一帮一”学业帮扶 。\n（3）累计志愿服务  80 小时!!\n- 发表论文1篇,\n① 获评优秀志愿者…';
    expect(achievementsClause(typed, '张伟', 'zh-CN')).toBe(
      '担任班长，带领班级获评优秀班集体；组织“一帮一”学业帮扶；累计志愿服务 80 小时；发表论文1篇；获评优秀志愿者…',
    );
  });

  it('keeps a number that only looks like a list marker', () => {
    expect(achievementsClause('1.5倍完成志愿服务目标。', '张伟', 'zh-CN')).toBe(
      '1.5倍完成志愿服务目标',
    );
  });

  it('does not name the member twice: a leading name or 该同志 goes', () => {
    expect(achievementsClause('张伟同志担任党务助理，工作认真细致。', '张伟', 'zh-CN')).toBe(
      '担任党务助理，工作认真细致',
    );
    expect(achievementsClause('张伟，担任党务助理。', '张伟', 'zh-CN')).toBe('担任党务助理');
    expect(achievementsClause('该同志担任党务助理。', '张伟', 'zh-CN')).toBe('担任党务助理');
    // A name inside the text stays.
    expect(achievementsClause('协助张伟老师整理材料。', '张伟', 'zh-CN')).toBe(
      '协助张伟老师整理材料',
    );
  });

  it('removes control characters that would break a letter', () => {
    expect(achievementsClause('担任\u0000党务\u0007助理\u200b。\r\n工作认真。', '', 'zh-CN')).toBe(
      '担任党务助理；工作认真',
    );
  });

  it('says nothing for a text that says nothing', () => {
    for (const blank of ['', '   ', '。。。', '\n-\n', '1.\n2.', '该同志。']) {
      expect(achievementsClause(blank, '张伟', 'zh-CN')).toBe('');
    }
  });

  it('keeps whole sentences up to the width, then cuts a first long one at a clause', () => {
    const sentence = '在学风建设中争做模范，带头签署诚信考试承诺书'; // 22 characters
    const many = Array.from({ length: 12 }, () => `${sentence}。`).join('');
    const clause = achievementsClause(many, '张伟', 'zh-CN');
    expect(textWidth(clause)).toBeLessThanOrEqual(MAX_ACHIEVEMENTS_WIDTH);
    expect(clause.split('；').every((s) => s === sentence)).toBe(true);
    expect(clause.split('；')).toHaveLength(5);

    const long = `${'组织志愿服务'.repeat(15)}，${'帮扶同学'.repeat(20)}，${'发表论文'.repeat(10)}。`;
    const cut = achievementsClause(long, '张伟', 'zh-CN');
    expect(cut).toBe('组织志愿服务'.repeat(15));
  });

  it('stays within the width whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 600 }), (text) => {
        const clause = achievementsClause(text, '张伟', 'zh-CN');
        expect(textWidth(clause)).toBeLessThanOrEqual(MAX_ACHIEVEMENTS_WIDTH);
        // eslint-disable-next-line no-control-regex
        expect(clause).not.toMatch(/[\u0000-\u001f]/);
        expect(clause).toBe(clause.trim());
      }),
    );
  });

  it('keeps English sentences as sentences, subject and capitals included', () => {
    expect(
      achievementsClause(
        'Zhang Wei led the volunteer team.  Ranked 3rd of 120; won a scholarship!\nTutored 4 classmates',
        'Zhang Wei',
        'en',
      ),
    ).toBe(
      'Zhang Wei led the volunteer team. Ranked 3rd of 120; won a scholarship. Tutored 4 classmates',
    );
  });
});

describe('a member letter cites its own nomination', () => {
  it('quotes the achievements between the member and the closing', () => {
    const citation = letterFields({
      ...member,
      achievements: '担任党务助理，协助整理党建材料，工作认真细致。',
    }).citation;
    expect(citation).toBe(
      '在2026-2027年度先进党支部创建活动中，张伟同志（计算机学院研究生第二党支部）' +
        '担任党务助理，协助整理党建材料，工作认真细致，充分发挥了共产党员先锋模范作用，' +
        '经支部推荐、学院审核，被评为“优秀学生党员”。特发此证，以资鼓励。',
    );
  });

  it('gives two members two citations, and falls back to the generic one when empty', () => {
    const a = letterFields({ ...member, achievements: '获校级一等奖学金。' }).citation;
    const b = letterFields({ ...member, achievements: '累计志愿服务200小时。' }).citation;
    expect(a).not.toBe(b);
    const generic = letterFields(member).citation;
    expect(letterFields({ ...member, achievements: ' 。\n' }).citation).toBe(generic);
    expect(generic).toContain('争做“勤奋学习、团结合作、诚信守纪、艰苦奋斗”的模范');
  });

  it('a branch letter ignores achievements, and staff’s own citation wins', () => {
    const branch = { ...member, kind: 'branch' as const, recipient: '第一党支部', rank: 2 };
    const input: CitationInput = { ...branch, achievements: '不应出现' };
    expect(defaultCitation(input, 'zh-CN')).not.toContain('不应出现');
    expect(defaultCitation(input, 'zh-CN')).toContain('综合评定位列第二名');
    expect(
      letterFields({ ...member, achievements: '事迹', citation: '自拟表彰词。' }).citation,
    ).toBe('自拟表彰词。');
  });
});

describe('a letter in English', () => {
  it('speaks English throughout, with the English date', () => {
    const fields = letterFields({
      ...member,
      locale: 'en',
      recipient: 'Zhang Wei',
      branchName: 'Second Graduate Branch',
      tierLabel: 'Graduate branch',
      awardTitle: 'Excellent Student Party Member',
      achievements: 'Won a first-class scholarship. Volunteered 200 hours.',
    });
    expect(fields.salutation).toBe('Comrade Zhang Wei:');
    expect(fields.awardKind).toBe('Excellent student party member');
    expect(fields.commendationDateEn).toBe('1 July 2027');
    expect(fields.citation).toBe(
      'In the 2026-2027 advanced party-branch programme, Comrade Zhang Wei (Second Graduate Branch) ' +
        'set an example as a party member. Won a first-class scholarship. Volunteered 200 hours. ' +
        'Nominated by the branch and approved by the college, Zhang Wei is named “Excellent Student Party Member”. ' +
        'This certificate is awarded in recognition.',
    );
    expect(fields.citation).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('words a branch’s rank the English way', () => {
    const fields = letterFields({
      ...member,
      locale: 'en',
      kind: 'branch',
      recipient: 'First Branch',
      tierLabel: 'Junior undergraduate branch',
      awardTitle: 'Advanced Party Branch',
      rank: 2,
    });
    expect(fields.salutation).toBe('First Branch:');
    expect(fields.citation).toContain('ranked 2nd overall');
    expect(fields.citation).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
