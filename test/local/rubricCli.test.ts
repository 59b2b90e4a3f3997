/**
 * A rubric changed in Config, through the CLI on a real workbook: an empty score sheet takes the
 * new headers; with old scores the commands stop and name `starbranch rubric archive`, which moves
 * them to a dated sheet.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Table } from '../../src/app/table';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { defenseScoresTable } from '../../src/domain/schema/defenseScores';
import { headerRow } from '../../src/domain/schema/table';
import { settingRow } from '../../src/domain/config';
import { ConfigTable } from '../../src/domain/schema/tables';
import { main } from '../../src/local/cli';
import { XlsxStore } from '../../src/local/xlsxStore';

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

jest.setTimeout(60_000);

const NEW_RUBRIC = '创建成效/Results:60, 特色创新/Innovation:40, 现场答辩/Q&A:50';
const OLD_DEF = defenseScoresTable(DEFAULT_CONFIG.defenseRubric);

async function edit(path: string, change: (store: XlsxStore) => void): Promise<void> {
  const store = await XlsxStore.open(path);
  change(store);
  await store.save(path);
}

function setRubric(store: XlsxStore, rubric: string): void {
  const config = Table.read(store, ConfigTable, 'zh-CN');
  config.upsert(settingRow('defenseRubric', rubric, 'zh-CN'));
  config.save(store, 'zh-CN');
}

async function workbook(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'starbranch-rubric-')), 'college.xlsx');
  expect((await run('init', path)).code).toBe(0);
  return path;
}

describe('starbranch and a changed rubric', () => {
  it('an empty 答辩评分 takes the new headers on the next command', async () => {
    const path = await workbook();
    await edit(path, (store) => setRubric(store, NEW_RUBRIC));
    const result = await run('defense', path);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('答辩满分 150');
    const header = (await XlsxStore.open(path)).read(OLD_DEF)[0];
    expect(header).toEqual(expect.arrayContaining(['创建成效（60分）', '现场答辩（50分）']));
    expect(header).not.toContain('材料与PPT（15分）');
  });

  it('old scores stop the command, naming `starbranch rubric archive`; the archive clears the way', async () => {
    const path = await workbook();
    await edit(path, (store) => {
      const scores = Table.read(store, OLD_DEF, 'zh-CN');
      ['李老师', '赵老师'].forEach((judge, i) =>
        scores.upsert({
          responseId: `r${i}`,
          submittedAt: '2027-06-19 10:00:00',
          judge,
          branch: 'B001',
          c1: 30,
          c2: 20,
          c3: 10,
          c4: 8,
          c5: 8,
          total: 76,
          comment: null,
          status: 'counted',
          reason: null,
        }),
      );
      scores.save(store, 'zh-CN');
      setRubric(store, NEW_RUBRIC);
    });

    const stopped = await run('defense', path);
    expect(stopped.code).toBe(1);
    expect(stopped.err).toBe(
      'starbranch: 答辩评分表按旧评分细则（创建成效40、特色创新25、材料与PPT15、现场陈述10、答辩表现10）记录了 2 条评分，' +
        '而设置中的细则已改为（创建成效60、特色创新40、现场答辩50）。' +
        `运行 \`starbranch rubric archive ${path}\` 将旧评分移到带日期的工作表，或把设置改回原细则`,
    );

    const archived = await run('rubric', 'archive', path);
    expect(archived.err).toBe('');
    expect(archived.code).toBe(0);
    expect(archived.out).toMatch(/2 条按旧细则.*已移到工作表“答辩评分-旧细则-\d{4}-\d{2}-\d{2}”/);

    const store = await XlsxStore.open(path);
    const sheet = store.sheetNames().find((n) => n.startsWith('答辩评分-旧细则-'))!;
    expect(sheet).toBeDefined();
    expect(store.read(OLD_DEF)).toEqual([
      headerRow(
        defenseScoresTable([
          { key: 'c1', zh: '创建成效', en: 'Results', max: 60, weight: 1 },
          { key: 'c2', zh: '特色创新', en: 'Innovation', max: 40, weight: 1 },
          { key: 'c3', zh: '现场答辩', en: 'Q&A', max: 50, weight: 1 },
        ]),
        'zh-CN',
      ),
    ]);
    expect((await run('defense', path)).code).toBe(0);
  });
});
