/**
 * `starbranch forms --csv-templates DIR`: the five empty CSVs a college fills, or checks its own
 * form's export against, with the exact question titles; each ingests back as it is.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG, parseConfig, settingRow } from '../../src/domain/config';
import { FORM_NAMES, formDef, questionTitle } from '../../src/domain/forms';
import { ConfigTable } from '../../src/domain/schema/tables';
import { main } from '../../src/local/cli';
import { edit, records } from '../support/workbookEdits';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'starbranch-forms-'));

/** A file's cells of its only row, without the BOM. */
function header(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = text.slice(1).split('\r\n');
  expect(lines).toHaveLength(1);
  return lines[0]!.split(',');
}

describe('starbranch forms --csv-templates', () => {
  it('writes five empty CSVs, one per form, with the exact Chinese question titles', async () => {
    const folder = join(dir, 'zh');
    const result = await run('forms', '--csv-templates', folder);
    expect(result.code).toBe(0);
    const rubric = DEFAULT_CONFIG.defenseRubric;
    expect(readdirSync(folder).sort()).toEqual(
      FORM_NAMES.map((f) => `${formDef(f, rubric).zh}.csv`).sort(),
    );
    for (const form of FORM_NAMES) {
      const def = formDef(form, rubric);
      expect(header(join(folder, `${def.zh}.csv`))).toEqual([
        '时间戳记',
        ...def.questions.map((q) => questionTitle(q, 'zh-CN')),
      ]);
      expect(result.out).toContain(join(folder, `${def.zh}.csv`));
    }
    expect(header(join(folder, '答辩评分表.csv'))).toContain('创建成效（40分）');
    expect(result.out).toContain(`已写入 5 个空白表单（中文标题）到 ${folder}`);
  });

  it('in English with --lang en', async () => {
    const folder = join(dir, 'en');
    const result = await run('forms', '--csv-templates', folder, '--lang', 'en');
    expect(result.code).toBe(0);
    const def = formDef('activity', DEFAULT_CONFIG.defenseRubric);
    expect(header(join(folder, 'Activity report.csv'))).toEqual([
      'Timestamp',
      ...def.questions.map((q) => questionTitle(q, 'en')),
    ]);
    expect(readdirSync(folder)).toHaveLength(5);
    expect(result.out).toContain('5 empty form templates (English titles)');
  });

  it.each(['zh-CN', 'en'] as const)(
    'each %s template ingests back: no row, no error',
    async (locale) => {
      const folder = join(dir, `ingest-${locale}`);
      expect((await run('forms', '--csv-templates', folder, '--lang', locale)).code).toBe(0);
      const workbook = join(folder, 'college.xlsx');
      expect((await run('init', workbook)).code).toBe(0);
      for (const form of FORM_NAMES) {
        const def = formDef(form, DEFAULT_CONFIG.defenseRubric);
        const file = join(folder, `${locale === 'en' ? def.en : def.zh}.csv`);
        const result = await run('ingest', workbook, '--form', form, file);
        expect([form, result.code, result.err]).toEqual([form, 0, '']);
        expect(result.out).toMatch(/\.csv\s+0\s+0\s+0/);
      }
    },
    60_000,
  );

  it('takes the defense questions and the language from a workbook', async () => {
    const folder = join(dir, 'from-workbook');
    const workbook = join(dir, 'english-college.xlsx');
    expect((await run('init', workbook, '--locale', 'en')).code).toBe(0);
    const rubric = '创建成效/Results:60, 答辩表现/Q&A:40';
    await edit(workbook, ConfigTable, (table) =>
      table.upsert({ ...settingRow('defenseRubric', rubric, 'en') }),
    );
    const config = parseConfig(await records(workbook, ConfigTable));
    expect(config.locale).toBe('en');
    const result = await run('forms', workbook, '--csv-templates', folder);
    expect(result.code).toBe(0);
    expect(header(join(folder, 'Defense scores.csv'))).toEqual([
      'Timestamp',
      ...formDef('defense', config.defenseRubric).questions.map((q) => questionTitle(q, 'en')),
    ]);
    expect(header(join(folder, 'Defense scores.csv'))).toContain('Results (60)');
  });

  it('does not overwrite templates already there unless asked (--force)', async () => {
    const folder = join(dir, 'again');
    expect((await run('forms', '--csv-templates', folder)).code).toBe(0);
    const file = join(folder, '支部申报表.csv');
    writeFileSync(file, 'ours');
    const refused = await run('forms', '--csv-templates', folder);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`${file} 已存在`);
    expect(readFileSync(file, 'utf8')).toBe('ours');
    expect((await run('forms', '--csv-templates', folder, '--force')).code).toBe(0);
    expect(header(file)[1]).toBe('支部名称');
  });

  it('needs a folder', async () => {
    const result = await run('forms');
    expect(result.code).toBe(2);
    expect(existsSync(join(process.cwd(), '支部申报表.csv'))).toBe(false);
  });
});
