/**
 * The menu and the setup, through the built bundle: what a college gets when it opens the bound
 * spreadsheet and clicks 初始化工作簿与表单, and that clicking it again changes nothing.
 */
import { DEFAULT_CONFIG, defaultConfigRows } from '../../src/domain/config';
import { choiceLabels, formDef, FORM_NAMES, questionTitle } from '../../src/domain/forms';
import { headerRow, tabName } from '../../src/domain/schema/table';
import {
  ActivitiesTable,
  AwardsTable,
  BranchesTable,
  DashboardTable,
} from '../../src/domain/schema/tables';
import { workbookTables } from '../../src/domain/schema/workbook';
import { labelOf, TIERS } from '../../src/domain/vocabulary';
import { MENU_ITEMS } from '../../src/gas/menu';
import { createWorld, loadBundle, type World } from '../sandbox';
import { cst, FORM_TITLES, sheetRecords, SHEETS } from './support';

const TABLES = workbookTables(DEFAULT_CONFIG.defenseRubric);
const DOC_MIME = 'application/vnd.google-apps.document';

function state(world: World) {
  return {
    sheets: world.peek(() => world.spreadsheet.getSheets().map((s) => s.getName())),
    forms: world.formIds(),
    files: world.files().map((f) => [f.id, f.name, f.mimeType]),
    triggers: world.triggers().map((t) => [t.uid, t.handler, t.eventType, t.sourceId]),
    properties: world.properties(),
    config: world.readSheet(SHEETS.config),
    sheetsContent: TABLES.map((def) => world.readSheet(tabName(def, 'zh-CN'))),
  };
}

describe('onOpen and setup through the bundle', () => {
  const world = createWorld({ now: cst('2026-08-25 10:00') });
  const bundle = loadBundle(world);

  it('onOpen installs the 先进支部创建 menu with every item', () => {
    const runs = bundle.open();
    expect(runs.map((r) => r.ok)).toEqual([true]);
    expect(world.ui.menus).toHaveLength(1);
    const menu = world.ui.menus[0]!;
    expect(menu.caption).toBe('先进支部创建');
    const items = menu.items.filter((i) => 'functionName' in i);
    expect(items.map((i) => [i.caption, 'functionName' in i ? i.functionName : ''])).toEqual(
      MENU_ITEMS.map((m) => [m.zh, m.fn]),
    );
    expect(menu.items.filter((i) => 'separator' in i)).toHaveLength(2);
    for (const item of MENU_ITEMS) expect(bundle.functions).toContain(item.fn);
  });

  it('setup, from the menu, creates the 14 sheets with zh headers, frozen and validated', () => {
    const result = bundle.clickMenu<string>('先进支部创建', '初始化工作簿与表单');
    expect(result).toContain('工作表：新建 14 张，保留 0 张');
    expect(result).toContain('触发器：新建 3 个，移除 0 个，保留 0 个');
    const names = world.peek(() => world.spreadsheet.getSheets().map((s) => s.getName()));
    expect(TABLES.map((def) => tabName(def, 'zh-CN'))).toEqual(Object.values(SHEETS));
    for (const def of TABLES) {
      const name = tabName(def, 'zh-CN');
      expect(names).toContain(name);
      const values = world.readSheet(name)!;
      // The dashboard is laid out by the report job: empty until then, nothing frozen.
      if (def.freeForm) {
        expect(values.flat().filter((v) => v !== '')).toEqual([]);
        expect(world.peek(() => world.spreadsheet.getSheetByName(name)!.getFrozenRows())).toBe(0);
        continue;
      }
      expect(values[0]).toEqual(headerRow(def, 'zh-CN'));
      world.peek(() => {
        const sheet = world.spreadsheet.getSheetByName(name)!;
        expect([name, sheet.getFrozenRows()]).toEqual([name, 1]);
        Object.entries(def.columns).forEach(([key, column], i) => {
          // The 设置 values: each setting has its own check (below).
          if (def.name === 'Config' && key === 'value') return;
          const rule = sheet.getRange(2, i + 1).getDataValidation();
          if (!column.choices) {
            expect([name, column.zh, rule]).toEqual([name, column.zh, null]);
            return;
          }
          expect(rule).not.toBeNull();
          expect(String(rule!.getCriteriaType())).toBe('VALUE_IN_LIST');
          expect(rule!.getCriteriaValues()[0]).toEqual(column.choices.map((c) => c.zh));
          expect(rule!.getAllowInvalid()).toBe(false);
        });
      });
    }
    // e.g. 支部层次 offers exactly the three tiers.
    const tier = world.peek(() =>
      world.spreadsheet
        .getSheetByName(SHEETS.branches)!
        .getRange(2, 3)
        .getDataValidation()!
        .getCriteriaValues(),
    );
    expect(tier[0]).toEqual(TIERS.map((t) => labelOf(t, 'zh-CN')));
    expect(tier[0]).toEqual(['低年级本科生党支部', '高年级本科生党支部', '研究生党支部']);
  });

  /** The 设置 sheet as records by header: 分组, 设置, 值, 说明, 键. */
  const settings = () => sheetRecords(world, SHEETS.config);

  it('Config lists every setting by its name, grouped, with its default and the key last', () => {
    const [header] = world.readSheet(SHEETS.config)!;
    expect(header).toEqual(['分组', '设置', '值', '说明', '键']);
    const rows = settings();
    const defaults = defaultConfigRows('zh-CN');
    expect(rows.map((r) => r['键'])).toEqual(defaults.map((d) => d.key));
    for (const row of rows) {
      const wanted = defaults.find((d) => d.key === row['键'])!;
      expect([row['键'], row['分组'], row['设置'], row['说明']]).toEqual([
        wanted.key,
        wanted.group,
        wanted.label,
        wanted.note,
      ]);
      if (wanted.key === 'letterTemplate') continue;
      expect([wanted.key, String(row['值'])]).toEqual([wanted.key, wanted.value ?? '']);
    }
    const value = (key: string) => rows.find((r) => r['键'] === key)!['值'];
    // Dates stay the text typed; numbers are numbers (their check is a number range);
    // choices and yes/no are the labels their dropdown offers.
    expect(value('programStart')).toBe('2026-09-01');
    expect(value('commendationDate')).toBe('2027-07-01');
    expect(value('minJudges')).toBe(3);
    expect(value('noEvidenceFactor')).toBe(0.5);
    expect(value('requireCompliance')).toBe('是');
    expect(value('aggregateBy')).toBe('按总分');
    expect(
      world
        .readFormulas(SHEETS.config)!
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
  });

  it('checks each setting on its row: dropdowns of its choices, number ranges, text as typed', () => {
    const rows = world.readSheet(SHEETS.config)!;
    const valueColumn = rows[0]!.indexOf('值') + 1;
    const at = (key: string) => rows.findIndex((r) => r[rows[0]!.indexOf('键')] === key) + 1;
    world.peek(() => {
      const sheet = world.spreadsheet.getSheetByName(SHEETS.config)!;
      const rule = (key: string) => sheet.getRange(at(key), valueColumn).getDataValidation();
      const list = (key: string) => rule(key)!.getCriteriaValues()[0];
      expect(list('aggregateBy')).toEqual(['按总分', '按分项']);
      expect(list('normalizeJudges')).toEqual(['是', '否']);
      expect(list('locale')).toEqual(['简体中文', '英文']);
      expect(list('dateOrder')).toEqual(['年-月-日', '月-日-年', '日-月-年']);
      expect(list('letterSharing')).toEqual(['仅本人', '本单位内知道链接的人', '任何知道链接的人']);
      expect(String(rule('showcaseDay')!.getCriteriaType())).toBe('NUMBER_BETWEEN');
      expect(rule('showcaseDay')!.getCriteriaValues()).toEqual([1, 28]);
      expect(rule('noEvidenceFactor')!.getCriteriaValues()).toEqual([0, 1]);
      expect(rule('showcaseDay')!.getAllowInvalid()).toBe(false);
      expect(rule('programYear')).toBeNull();
      expect(rule('defenseRubric')).toBeNull();
      // Text and dates are kept as typed; a number typed in a numeric row is a number.
      expect(sheet.getRange(at('programStart'), valueColumn).getNumberFormat()).toBe('@');
      expect(sheet.getRange(at('showcaseDay'), valueColumn).getNumberFormat()).not.toBe('@');
    });
  });

  it('gives every table a filter over its columns with no end row, and dates their format', () => {
    // Not the dashboard (总览): laid out whole by the report job, it holds no table to filter.
    for (const def of TABLES.filter((d) => d !== DashboardTable)) {
      const sheet = world.peek(() => world.spreadsheet.getSheetByName(tabName(def, 'zh-CN'))!);
      expect([def.name, sheet._basicFilter]).toEqual([
        def.name,
        {
          sheetId: sheet._id,
          startRowIndex: 0,
          startColumnIndex: 0,
          endColumnIndex: Object.keys(def.columns).length,
        },
      ]);
    }
    const activities = world.peek(() => world.spreadsheet.getSheetByName(SHEETS.activities)!);
    const column = (label: string) => headerRow(ActivitiesTable, 'zh-CN').indexOf(label) + 1;
    world.peek(() => {
      expect(activities.getRange(2, column('提交时间')).getNumberFormat()).toBe(
        'yyyy-mm-dd hh:mm:ss',
      );
      expect(activities.getRange(2, column('活动日期')).getNumberFormat()).toBe('yyyy-mm-dd');
      expect(activities.getRange(2, column('活动名称')).getNumberFormat()).toBe('@');
    });
  });

  it("cuts the system's records (证书内容, 证书链接…) at their column's edge", () => {
    const awards = world.peek(() => world.spreadsheet.getSheetByName(SHEETS.awards)!);
    const header = headerRow(AwardsTable, 'zh-CN');
    for (const label of ['证书文件', '证书链接', '证书内容', '作废证书']) {
      expect([label, awards._styles.get(1, header.indexOf(label))?.wrapStrategy]).toEqual([
        label,
        'CLIP',
      ]);
    }
    expect(awards._styles.get(1, header.indexOf('获奖者'))?.wrapStrategy).toBeUndefined();
  });

  it('sizes each column to its header and values (a CJK character counted double)', () => {
    const branches = world.peek(() => world.spreadsheet.getSheetByName(SHEETS.branches)!);
    const width = (label: string) =>
      branches._colWidths.get(headerRow(BranchesTable, 'zh-CN').indexOf(label) + 1);
    // 支部名称: no names yet, so the names' usual width (30 characters, 7 px each, + padding).
    expect(width('支部名称')).toBe(30 * 7 + 10);
    // 支部层次: its longest choice, 低年级本科生党支部 (9 CJK = 18) + 2.
    expect(width('支部层次')).toBe(20 * 7 + 10);
  });

  it('creates the five forms with the DESIGN §6 questions, validation and destination', () => {
    const forms = world.formIds().map((id) => world.describeForm(id));
    expect(forms.map((f) => f.title)).toEqual(
      FORM_NAMES.map((name) => `2026-2027 ${FORM_TITLES[name]}`),
    );
    FORM_NAMES.forEach((name, i) => {
      const form = forms[i]!;
      const def = formDef(name, DEFAULT_CONFIG.defenseRubric);
      expect(form.destination?.spreadsheetId).toBe(world.spreadsheet.getId());
      expect(form.collectEmail).toBe(true);
      expect(form.items.map((item) => item.title)).toEqual(
        def.questions.map((q) => questionTitle(q, 'zh-CN')),
      );
      def.questions.forEach((question, j) => {
        const item = form.items[j]!;
        const where = `${name}/${item.title}`;
        expect([where, item.required]).toEqual([where, question.required]);
        const type = {
          choice: 'LIST',
          date: 'DATE',
          paragraph: 'PARAGRAPH_TEXT',
          text: 'TEXT',
          number: 'TEXT',
          email: 'TEXT',
          url: 'TEXT',
        }[question.type];
        expect([where, item.type]).toEqual([where, type]);
        if (question.type === 'choice' && question.choices) {
          expect(item.choices).toEqual(choiceLabels(question, 'zh-CN'));
        }
        const rule = item.validation?.rule ?? null;
        if (question.type === 'number') {
          expect([where, rule]).toEqual([
            where,
            question.max === undefined ? 'NUMBER_GREATER_THAN_OR_EQUAL_TO' : 'NUMBER_BETWEEN',
          ]);
          expect(item.validation!.args).toEqual(
            question.max === undefined ? [question.min ?? 0] : [question.min ?? 0, question.max],
          );
        }
        if (question.type === 'email') expect([where, rule]).toEqual([where, 'TEXT_IS_EMAIL']);
        if (question.type === 'url') expect([where, rule]).toEqual([where, 'TEXT_IS_URL']);
      });
    });
    // The criteria of the defense form carry their maximum, e.g. 创建成效（40分） 0..40.
    const defense = forms[3]!.items.find((i) => i.title === '创建成效（40分）')!;
    expect(defense.validation).toMatchObject({ rule: 'NUMBER_BETWEEN', args: [0, 40] });
    const month = forms[2]!.items.find((i) => i.title === '评选月份')!;
    expect(month.validation).toMatchObject({ rule: 'TEXT_MATCHES_PATTERN' });
    // Branch dropdowns say there is no approved branch yet.
    const branch = forms[1]!.items.find((i) => i.title === '支部')!;
    expect(branch.choices).toEqual(['（暂无已通过的支部）']);
    // Each form has its own response sheet in the spreadsheet.
    expect(new Set(forms.map((f) => f.destination?.sheet)).size).toBe(5);
  });

  it('creates a letter template document holding every placeholder letters fill', () => {
    const docs = world.files().filter((f) => f.mimeType === DOC_MIME);
    expect(docs).toHaveLength(1);
    const template = docs[0]!;
    const configured = settings().find((r) => r['键'] === 'letterTemplate')!['值'];
    expect(configured).toBe(template.id);
    const text = world.documentText(template.id);
    for (const token of [
      '{{citation}}',
      '{{salutation}}',
      '{{college}}',
      '{{commendationDateZhFormal}}',
    ]) {
      expect(text).toContain(token);
    }
  });

  it("installs three triggers: the spreadsheet's form-submit trigger, the sweep and the daily", () => {
    const triggers = world.triggers();
    expect(triggers).toHaveLength(3);
    const submit = triggers.filter((t) => t.eventType === 'ON_FORM_SUBMIT');
    expect(submit.map((t) => t.handler)).toEqual(['onFormSubmitTrigger']);
    expect(submit.map((t) => t.source)).toEqual(['SPREADSHEETS']);
    expect(submit.map((t) => t.sourceId)).toEqual([world.spreadsheet.getId()]);
    // Every form sends its responses to this spreadsheet, so this one trigger hears them all.
    for (const id of world.formIds()) {
      expect(world.describeForm(id).destination?.spreadsheetId).toBe(world.spreadsheet.getId());
    }
    const clock = triggers.filter((t) => t.eventType === 'CLOCK');
    expect(clock.map((t) => t.handler).sort()).toEqual(['dailyTrigger', 'sweepInbox']);
    expect(clock.find((t) => t.handler === 'dailyTrigger')!.clock).toMatchObject({
      kind: 'days',
      n: 1,
      hour: 6,
    });
    expect(clock.find((t) => t.handler === 'sweepInbox')!.clock).toMatchObject({
      kind: 'minutes',
      n: 10,
    });
    // The form ids are remembered, so a later setup finds them.
    const properties = world.properties();
    for (const name of FORM_NAMES) expect(world.formIds()).toContain(properties[`form:${name}`]);
  });

  it('running setup again creates nothing and changes nothing', () => {
    const before = state(world);
    const again = bundle.call<string>('setup');
    expect(again).toContain('工作表：新建 0 张，保留 14 张');
    expect(again).toContain('触发器：新建 0 个，移除 0 个，保留 3 个');
    expect(state(world)).toEqual(before);
  });

  it('opening the spreadsheet again shows the one menu, not two', () => {
    expect(bundle.open().map((r) => r.ok)).toEqual([true]);
    expect(world.ui.menus.map((m) => m.caption)).toEqual(['先进支部创建']);
  });
});
