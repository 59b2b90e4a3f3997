import fc from 'fast-check';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import {
  ACTIVITY_FORM,
  defenseForm,
  formDef,
  FORM_NAMES,
  type FormDef,
} from '../../src/domain/forms';
import type { Locale } from '../../src/domain/vocabulary';
import { readFormsCsv, writeFormsCsv } from '../../src/local/formsCsv';

const rubric = DEFAULT_CONFIG.defenseRubric;
const options = { rubric, dayOrder: 'mdy' as const, fileName: 'responses.csv' };
const read = (text: string, form = 'activity' as const) => readFormsCsv(text, form, options);

const ZH_HEADER =
  '时间戳记,电子邮件地址,支部,活动日期,活动类型,活动名称,活动内容,参加人数,党外群众人数,辅导员是否出席,佐证材料链接,使用经费（元）';
const EN_HEADER =
  'Timestamp,Email Address,Branch,Activity date,Activity kind,Title,Description,Participants,Non-party participants,Counselor present,Evidence link,Funds spent (CNY)';

const ZH_ROW =
  '2026/10/15 下午2:03:00,a@example.edu.cn,B007 计算机学院本科生第一党支部,2026/10/14,读一本好书,读书会,"第一行' +
  '\r\n' +
  '第二行, 含逗号和""引号""",30,12,是,https://example.edu.cn/e,120.5';
const EN_ROW =
  '10/15/2026 14:03:00,a@example.edu.cn,B007 计算机学院本科生第一党支部,2026/10/14,读一本好书,读书会,"第一行' +
  '\r\n' +
  '第二行, 含逗号和""引号""",30,12,是,https://example.edu.cn/e,120.5';

const EXPECTED_ANSWERS = {
  branch: 'B007 计算机学院本科生第一党支部',
  date: '2026/10/14',
  kind: '读一本好书',
  title: '读书会',
  description: '第一行\r\n第二行, 含逗号和"引号"',
  participants: '30',
  nonParty: '12',
  counselorPresent: '是',
  evidenceLink: 'https://example.edu.cn/e',
  funds: '120.5',
};

const csv = (lines: string[], eol = '\r\n', bom = true) => (bom ? '\uFEFF' : '') + lines.join(eol);

describe('readFormsCsv', () => {
  it('reads a zh-CN export: BOM, CRLF, a quoted multi-line cell', () => {
    const { responses, problems } = read(csv([ZH_HEADER, ZH_ROW]));
    expect(problems).toEqual([]);
    expect(responses).toHaveLength(1);
    const [response] = responses;
    expect(response).toMatchObject({
      form: 'activity',
      submittedAt: '2026-10-15 14:03:00',
      email: 'a@example.edu.cn',
      answers: EXPECTED_ANSWERS,
    });
    expect(response!.responseId).toMatch(/^r-[0-9a-f]{16}$/);
  });

  it('reads an en export: no BOM, LF line ends', () => {
    const { responses } = read(csv([EN_HEADER, EN_ROW.replace('\r\n', '\n')], '\n', false));
    expect(responses[0]).toMatchObject({
      submittedAt: '2026-10-15 14:03:00',
      answers: { ...EXPECTED_ANSWERS, description: '第一行\n第二行, 含逗号和"引号"' },
    });
  });

  it.each([
    ['2026/10/15 下午2:03:00', '2026-10-15 14:03:00'],
    ['10/15/2026 14:03:00', '2026-10-15 14:03:00'],
    ['10/15/2026 2:03:00 PM', '2026-10-15 14:03:00'],
    ['2026/10/15 上午9:05:07', '2026-10-15 09:05:07'],
    ['2026-10-15 14:03:00', '2026-10-15 14:03:00'],
    ['2026年10月15日 下午2:03', '2026-10-15 14:03:00'],
  ])('reads the timestamp %s', (stamp, expected) => {
    const line = `"${stamp}",,B007,2026/10/14,读一本好书,读书会,内容,30,12,是,,`;
    expect(read(csv([ZH_HEADER, line])).responses[0]?.submittedAt).toBe(expected);
  });

  it('finds columns in any order, with stray spaces, any case, and ignores unknown ones', () => {
    const header = [
      '  参加人数 ',
      'TITLE',
      '附加列',
      ' activity  DATE',
      '時間戳記',
      '支部',
      'Activity kind',
      'Description ',
      '党外群众人数',
      '辅导员是否出席',
      '使用经费(元)',
    ].join(',');
    const line = '30,读书会,随便,2026/10/14,2026/10/15 下午2:03:00,B007,读一本好书,内容,12,是,9';
    const { responses, unknownColumns } = read(csv([header, line]));
    expect(unknownColumns).toEqual(['附加列']);
    expect(responses[0]).toMatchObject({
      email: null,
      submittedAt: '2026-10-15 14:03:00',
      answers: {
        participants: '30',
        title: '读书会',
        date: '2026/10/14',
        branch: 'B007',
        kind: '读一本好书',
        description: '内容',
        nonParty: '12',
        counselorPresent: '是',
        funds: '9',
      },
    });
    // The optional evidence link has no column: no answer, not an error.
    expect(responses[0]!.answers).not.toHaveProperty('evidenceLink');
  });

  it('keeps multi-select answers as exported', () => {
    const header = '时间戳记,支部,姓名,学号,邮箱,主要事迹';
    const lines = [
      '2026/10/15 下午2:03:00,B007,张三,2023001,z@example.edu.cn,"甲, 乙, 丙"',
      '2026/10/15 下午2:04:00,B007,李四,2023002,l@example.edu.cn,甲;乙;丙',
    ];
    const { responses } = readFormsCsv(csv([header, ...lines]), 'nomination', options);
    expect(responses.map((r) => r.answers.achievements)).toEqual(['甲, 乙, 丙', '甲;乙;丙']);
  });

  it('fails on a missing required column, naming the file and the column in both languages', () => {
    const header = ZH_HEADER.replace('活动日期,', '');
    expect(() => read(csv([header]))).toThrow(
      /^responses\.csv: missing column "活动日期" \(Activity date\)/,
    );
    expect(() => read(csv([ZH_HEADER.replace('时间戳记', '提交时间')]))).toThrow(
      'responses.csv: missing column "时间戳记" (Timestamp)',
    );
    const both = ZH_HEADER.replace('活动类型,活动名称,', '');
    expect(() => read(csv([both]))).toThrow(
      'responses.csv: missing columns "活动类型" (Activity kind), "活动名称" (Title)',
    );
    expect(() => read(csv([ZH_HEADER]), 'activity')).not.toThrow();
  });

  it('names the form when a file of another form is given', () => {
    expect(() => readFormsCsv(csv([ZH_HEADER]), 'vote', options)).toThrow(
      /missing columns "评选月份" \(Month\).*现场评选表 \(On-site vote\)/,
    );
  });

  it('fails on an empty file and on a broken CSV, naming the file', () => {
    expect(() => read('')).toThrow(/^responses\.csv: the file is empty/);
    expect(() => read('\uFEFF\r\n')).toThrow(/^responses\.csv: the file is empty/);
    expect(() => read(csv([ZH_HEADER, '"2026/10/15 下午2:03:00,unclosed']))).toThrow(
      /^responses\.csv: not a readable CSV file/,
    );
  });

  it('skips blank rows and numbers rows as a spreadsheet does', () => {
    const bad = 'yesterday,,B007,2026/10/14,读一本好书,读书会,内容,30,12,是,,';
    const { responses, problems } = read(csv([ZH_HEADER, ZH_ROW, '', ',,,', bad]));
    expect(responses).toHaveLength(1);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.row).toBe(5);
  });

  it('puts a row whose timestamp cannot be read into problems, with its raw cells', () => {
    const bad = '"not a time",x@example.edu.cn,B007,2026/10/14,读一本好书,读书会,内容,30,12,是,,';
    const blank = ',y@example.edu.cn,B007,2026/10/14,读一本好书,读书会,内容,30,12,是,,';
    const { responses, problems } = read(csv([ZH_HEADER, ZH_ROW, bad, blank]));
    expect(responses).toHaveLength(1);
    expect(problems).toHaveLength(2);
    const [first, second] = problems;
    expect(first).toMatchObject({
      row: 3,
      timestampText: 'not a time',
      raw: { 时间戳记: 'not a time', 电子邮件地址: 'x@example.edu.cn', 活动名称: '读书会' },
    });
    expect(first!.problem).toEqual({
      kind: 'timestampUnreadable',
      title: '时间戳记',
      text: 'not a time',
    });
    expect(first!.responseId).toMatch(/^r-[0-9a-f]{16}$/);
    expect(second!.problem).toEqual({ kind: 'timestampBlank', title: '时间戳记' });
    expect(read(csv([ZH_HEADER, ZH_ROW, bad, blank])).problems).toEqual(problems);
  });

  it('puts a row with cells beyond the last column into problems', () => {
    const long =
      '2026/10/15 下午2:03:00,,B007,2026/10/14,读一本好书,读书会,内容,30,12,是,,,多出来的';
    const { responses, problems } = read(csv([ZH_HEADER, long]));
    expect(responses).toEqual([]);
    expect(problems[0]!.problem).toEqual({ kind: 'beyondColumns', count: 1 });
    expect(problems[0]!.raw['column 13']).toBe('多出来的');
  });

  it('gives the same ids on every read, to a grown export, and to the other language', () => {
    const second = ZH_ROW.replace('下午2:03:00', '下午3:00:00');
    const first = read(csv([ZH_HEADER, ZH_ROW, second])).responses.map((r) => r.responseId);
    const again = read(csv([ZH_HEADER, ZH_ROW, second])).responses.map((r) => r.responseId);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(2);

    const third = ZH_ROW.replace('下午2:03:00', '下午4:00:00');
    const grown = read(csv([ZH_HEADER, ZH_ROW, second, third])).responses.map((r) => r.responseId);
    expect(grown.slice(0, 2)).toEqual(first);
    expect(new Set(grown).size).toBe(3);

    const english = read(csv([EN_HEADER, EN_ROW])).responses.map((r) => r.responseId);
    expect(english).toEqual(first.slice(0, 1));

    const reordered = [
      '活动名称,时间戳记,电子邮件地址,支部,活动日期,活动类型,活动内容,参加人数,党外群众人数,辅导员是否出席,佐证材料链接,使用经费（元）,备注',
      '读书会,2026/10/15 下午2:03:00,a@example.edu.cn,B007 计算机学院本科生第一党支部,2026/10/14,读一本好书,"第一行\r\n第二行, 含逗号和""引号""",30,12,是,https://example.edu.cn/e,120.5,',
    ];
    expect(read(csv(reordered)).responses[0]!.responseId).toBe(first[0]);
  });

  it('gives identical rows distinct ids, stable as the export grows', () => {
    const ids = read(csv([ZH_HEADER, ZH_ROW, ZH_ROW])).responses.map((r) => r.responseId);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(`${ids[0]}-2`);
    const grown = read(csv([ZH_HEADER, ZH_ROW, ZH_ROW, ZH_ROW])).responses.map((r) => r.responseId);
    expect(grown).toEqual([...ids, `${ids[0]}-3`]);
  });

  it('gives different forms different ids for the same content', () => {
    const header =
      '时间戳记,评委姓名,答辩支部,' + rubric.map((c) => `${c.zh}（${c.max}分）`).join(',');
    const line = '2026/10/15 下午2:03:00,王老师,B007,' + rubric.map(() => '8').join(',');
    const { responses } = readFormsCsv(csv([header, line]), 'defense', options);
    expect(responses[0]!.answers).toMatchObject({ judge: '王老师', branch: 'B007', c1: '8' });
    expect(responses[0]!.responseId).not.toBe(
      read(csv([ZH_HEADER, ZH_ROW])).responses[0]!.responseId,
    );
  });
});

describe('writeFormsCsv', () => {
  it('writes a Google-style export: BOM, CRLF, quoting only when needed', () => {
    const text = writeFormsCsv(
      ACTIVITY_FORM,
      [
        {
          timestamp: '2026/10/15 下午2:03:00',
          email: 'a@example.edu.cn',
          answers: { title: '读书会', description: 'a,b "c"\nd', participants: '30' },
        },
      ],
      'zh-CN',
    );
    expect(text.startsWith('\uFEFF时间戳记,电子邮件地址,支部,活动日期,')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(
      '2026/10/15 下午2:03:00,a@example.edu.cn,,,,读书会,"a,b ""c""\nd",30,,,,,',
    );
  });

  it('writes English titles and leaves out the email column when no row has one', () => {
    const text = writeFormsCsv(ACTIVITY_FORM, [{ timestamp: 'x', answers: {} }], 'en');
    expect(text.slice(1).split('\r\n')[0]).toBe(
      `${EN_HEADER.replace('Email Address,', '')},Show the title on the honour roll`,
    );
  });
});

describe('writeFormsCsv → readFormsCsv', () => {
  const special = fc.constantFrom(
    ',',
    '"',
    '\n',
    '\r\n',
    '\r',
    ';',
    ' ',
    '，',
    '\uFEFF',
    '\t',
    '=',
  );
  const answer = fc
    .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), special), { maxLength: 6 })
    .map((parts) => parts.join(''));
  const stamp = fc.record({
    year: fc.integer({ min: 2000, max: 2099 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
  });
  const p2 = (n: number) => String(n).padStart(2, '0');

  type Stamp = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;

  function stampText(s: Stamp, locale: Locale): string {
    if (locale === 'en')
      return `${s.month}/${s.day}/${s.year} ${s.hour}:${p2(s.minute)}:${p2(s.second)}`;
    const half = s.hour < 12 ? '上午' : '下午';
    const h12 = s.hour % 12 === 0 ? 12 : s.hour % 12;
    return `${s.year}/${s.month}/${s.day} ${half}${h12}:${p2(s.minute)}:${p2(s.second)}`;
  }

  it('gives back every answer exactly, for every form and either language', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FORM_NAMES),
        fc.constantFrom<Locale>('zh-CN', 'en'),
        fc.boolean(),
        fc.array(
          fc.tuple(stamp, fc.emailAddress(), fc.array(answer, { minLength: 12, maxLength: 12 })),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        (name, locale, withEmail, generated) => {
          const form: FormDef = name === 'defense' ? defenseForm(rubric) : formDef(name, rubric);
          const rows = generated.map(([s, email, values]) => ({
            timestamp: stampText(s, locale),
            ...(withEmail ? { email } : {}),
            answers: Object.fromEntries(form.questions.map((q, i) => [q.key, values[i]!])),
          }));
          const text = writeFormsCsv(form, rows, locale);
          const { responses, problems } = readFormsCsv(text, name, options);
          expect(problems).toEqual([]);
          expect(responses).toHaveLength(rows.length);
          responses.forEach((response, i) => {
            const [s] = generated[i]!;
            expect(response.answers).toEqual(rows[i]!.answers);
            expect(response.email).toBe(withEmail ? generated[i]![1] : null);
            expect(response.submittedAt).toBe(
              `${s.year}-${p2(s.month)}-${p2(s.day)} ${p2(s.hour)}:${p2(s.minute)}:${p2(s.second)}`,
            );
          });
          expect(new Set(responses.map((r) => r.responseId)).size).toBe(rows.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
