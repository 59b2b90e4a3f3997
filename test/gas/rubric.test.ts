/**
 * A rubric changed in 设置 on Google Sheets, through the built bundle: an empty 答辩评分 takes the
 * new headers; old scores stop the defense job, naming the menu item that archives them; the
 * defense form's questions follow the rubric on Setup and on 刷新表单支部选项.
 */
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { formDef, questionTitle } from '../../src/domain/forms';
import { defenseScoresTable } from '../../src/domain/schema/defenseScores';
import { headerRow } from '../../src/domain/schema/table';
import {
  addJudges,
  appendRows,
  applicationAnswers,
  approvedChoices,
  editRows,
  freshGas,
  reviewBranches,
  sheetRecords,
  SHEETS,
  submit,
  type Gas,
} from './support';

const NEW_RUBRIC = '创建成效/Results:60, 特色创新/Innovation:40, 现场答辩/Q&A:50';
const NEW = [
  { key: 'c1', zh: '创建成效', en: 'Results', max: 60, weight: 1 },
  { key: 'c2', zh: '特色创新', en: 'Innovation', max: 40, weight: 1 },
  { key: 'c3', zh: '现场答辩', en: 'Q&A', max: 50, weight: 1 },
];
const OLD_HEADER = headerRow(defenseScoresTable(DEFAULT_CONFIG.defenseRubric), 'zh-CN');
const NEW_HEADER = headerRow(defenseScoresTable(NEW), 'zh-CN');

function changeRubric(gas: Gas, rubric = NEW_RUBRIC): void {
  const changed = editRows(gas.world, SHEETS.config, (r) => r['键'] === 'defenseRubric', {
    值: rubric,
  });
  expect(changed).toBe(1);
}

function defenseQuestions(gas: Gas): string[] {
  return gas.world.describeForm(gas.forms.defense).items.map((item) => item.title);
}

describe('a rubric changed in 设置', () => {
  it('an empty 答辩评分 takes the new headers when a job reads it', () => {
    const gas = freshGas();
    expect(gas.world.readSheet(SHEETS.defense)![0]).toEqual(OLD_HEADER);
    changeRubric(gas);
    const run = gas.bundle.run('aggregateDefenseNow', []);
    expect(run.error).toBeUndefined();
    const header = gas.world.readSheet(SHEETS.defense)![0]!;
    expect(header.slice(0, NEW_HEADER.length)).toEqual(NEW_HEADER);
  });

  it('old scores stop the job; the menu item moves them to a dated sheet', () => {
    const gas = freshGas();
    const old = ['李老师', '赵老师'].map((judge, i) => ({
      响应编号: `r${i}`,
      提交时间: '2026-09-01 10:00:00',
      评委姓名: judge,
      支部编号: 'B001',
      '创建成效（40分）': 30,
      '特色创新（25分）': 20,
      '材料与PPT（15分）': 10,
      '现场陈述（10分）': 8,
      '答辩表现（10分）': 8,
      状态: '有效',
    }));
    appendRows(gas.world, SHEETS.defense, old);
    changeRubric(gas);

    const stopped = gas.bundle.run('aggregateDefenseNow', []);
    expect(stopped.ok).toBe(false);
    expect(String((stopped.error as Error).message)).toBe(
      '答辩评分表按旧评分细则（创建成效40、特色创新25、材料与PPT15、现场陈述10、答辩表现10）记录了 2 条评分，' +
        '而设置中的细则已改为（创建成效60、特色创新40、现场答辩50）。' +
        '在菜单中选择“归档旧细则的答辩评分”将旧评分移到带日期的工作表，或把设置改回原细则',
    );

    gas.bundle.open();
    const result = gas.bundle.clickMenu<string>('先进支部创建', '归档旧细则的答辩评分');
    expect(result).toContain('2 条按旧细则');
    const archive = gas.world.readSheet('答辩评分-旧细则-2026-09-01')!;
    expect(archive[0]).toEqual(OLD_HEADER);
    expect(archive.slice(1).filter((row) => row.some((v) => v !== ''))).toHaveLength(2);
    expect(archive[1]!.slice(0, 5)).toEqual(['r0', '2026-09-01 10:00:00', '李老师', 'B001', 30]);
    const scores = gas.world.readSheet(SHEETS.defense)!;
    expect(scores[0]!.slice(0, NEW_HEADER.length)).toEqual(NEW_HEADER);
    expect(scores.slice(1).filter((row) => row.some((v) => v !== ''))).toHaveLength(0);

    expect(gas.bundle.run('aggregateDefenseNow', []).ok).toBe(true);
  });

  it.each(['setup', 'refreshFormChoices'])(
    'the defense form asks the new criteria after %s, and only it changes',
    (job) => {
      const gas = freshGas();
      const others = (['application', 'activity', 'vote', 'nomination'] as const).map(
        (name) => gas.world.describeForm(gas.forms[name]).items,
      );
      expect(defenseQuestions(gas)).toEqual(
        formDef('defense', DEFAULT_CONFIG.defenseRubric).questions.map((q) =>
          questionTitle(q, 'zh-CN'),
        ),
      );
      changeRubric(gas);
      gas.bundle.call(job);
      const expected = formDef('defense', NEW).questions.map((q) => questionTitle(q, 'zh-CN'));
      expect(defenseQuestions(gas)).toEqual(expected);
      expect(defenseQuestions(gas)).toContain('现场答辩（50分）');
      expect(
        (['application', 'activity', 'vote', 'nomination'] as const).map(
          (name) => gas.world.describeForm(gas.forms[name]).items,
        ),
      ).toEqual(others);
      // Running it again rebuilds nothing.
      const items = gas.world.describeForm(gas.forms.defense).items;
      gas.bundle.call(job);
      expect(gas.world.describeForm(gas.forms.defense).items).toEqual(items);
    },
  );

  it('a score sent through the rebuilt form keeps its judge and branch', () => {
    // Google keeps the deleted questions' columns in the response sheet and appends the new
    // ones: 评委姓名 and 答辩支部 then head two columns each, the old ones empty.
    const gas = freshGas();
    submit(gas, 'application', applicationAnswers('第1党支部'));
    reviewBranches(gas.world, ['B001']);
    addJudges(gas.world, [{ name: '李老师' }]);
    changeRubric(gas);
    gas.bundle.call('refreshFormChoices');
    const answers: Record<string, string> = {
      评委姓名: '李老师',
      答辩支部: approvedChoices(gas.world)[0]!,
      '创建成效（60分）': '50',
      '特色创新（40分）': '30',
      '现场答辩（50分）': '40',
    };
    expect(submit(gas, 'defense', answers).run.ok).toBe(true);
    expect(sheetRecords(gas.world, SHEETS.rejected)).toEqual([]);
    expect(sheetRecords(gas.world, SHEETS.defense)).toEqual([
      expect.objectContaining({
        评委姓名: '李老师',
        支部编号: 'B001',
        '创建成效（60分）': 50,
        '现场答辩（50分）': 40,
        总分: 120,
        状态: '有效',
      }),
    ]);
  });
});
