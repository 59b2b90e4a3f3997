/**
 * Stale months through the CLI: a report added to a finalised month in the workbook makes the
 * next `finalize` of any month recompute it and print what changed; `refresh` does it alone.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Table } from '../../src/app/table';
import type { RecordOf, TableDef } from '../../src/domain/schema/table';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { formDef } from '../../src/domain/forms';
import {
  ActivitiesTable,
  BranchesTable,
  MonthlyResultsTable,
  RejectedTable,
  type Activity,
} from '../../src/domain/schema/tables';
import { writeFormsCsv } from '../../src/local/formsCsv';
import { main } from '../../src/local/cli';
import { XlsxStore } from '../../src/local/xlsxStore';
import { editRejectedCells } from '../support/workbookEdits';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

/** Adds rows to the workbook as a person editing it in Excel would. */
async function addRows<D extends TableDef>(path: string, def: D, rows: RecordOf<D>[]) {
  const store = await XlsxStore.open(path);
  const table = Table.read(store, def, 'zh-CN');
  for (const row of rows) table.upsert(row);
  table.save(store, 'zh-CN');
  await store.save(path);
}

const activity = (id: string, branch: string, date: string): Activity => ({
  responseId: id,
  submittedAt: `${date} 20:00:00`,
  branch,
  date,
  kind: 'book',
  title: `读书会 ${id}`,
  description: null,
  participants: 30,
  nonParty: 25,
  counselorPresent: null,
  evidenceLink: 'https://example.edu.cn/e',
  funds: null,
  status: 'submitted',
  points: 12,
  note: null,
  publishable: null,
});

const twoBranches = () =>
  ['B001', 'B002'].map((id, i) => ({
    id,
    name: `计算机学院第${i + 1}党支部`,
    tier: 'junior' as const,
    unit: '计算机学院',
    secretary: '张三',
    email: null,
    members: 20,
    status: 'approved' as const,
    plan: null,
    planLink: null,
    reviewNote: null,
    complianceOverride: null,
    responseId: null,
    appliedAt: null,
  }));

test('reprocess says which finalised months the rows it moved made stale', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'starbranch-stale-'));
  const path = join(dir, 'college.xlsx');
  expect((await run('init', path)).code).toBe(0);
  await addRows(path, BranchesTable, twoBranches());
  await addRows(path, ActivitiesTable, [activity('a1', 'B001', '2026-10-08')]);
  expect((await run('finalize', path, '--month', '2026-10')).code).toBe(0);
  // A late October report names a branch that does not exist: it waits in 待处理.
  const csv = join(dir, 'activity.csv');
  writeFileSync(
    csv,
    writeFormsCsv(
      formDef('activity', DEFAULT_CONFIG.defenseRubric),
      [
        {
          timestamp: '2026/11/3 下午8:00:00',
          answers: {
            branch: 'B009',
            date: '2026/10/20',
            kind: '读一本好书',
            title: '补报的读书会',
            description: '共读《红岩》并交流体会',
            participants: '30',
            nonParty: '25',
            counselorPresent: '是',
            evidenceLink: 'https://example.edu.cn/e',
          },
        },
      ],
      'zh-CN',
    ),
  );
  expect((await run('ingest', path, '--form', 'activity', csv)).code).toBe(0);
  // Staff correct the branch in its cell of 待处理 and reprocess.
  const store = await XlsxStore.open(path);
  const [row] = Table.read(store, RejectedTable, 'zh-CN').records();
  await editRejectedCells(path, row!.responseId, { 支部: 'B002' });

  const reprocessed = await run('reprocess', path);
  expect(reprocessed.code).toBe(0);
  expect(reprocessed.out.join('\n')).toMatch(/2026-10.*需重算/);
}, 90_000);

test('finalize recomputes a stale month and prints the change; refresh then finds none', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'starbranch-stale-')), 'college.xlsx');
  expect((await run('init', path)).code).toBe(0);
  await addRows(path, BranchesTable, twoBranches());
  await addRows(path, ActivitiesTable, [activity('a1', 'B001', '2026-10-08')]);
  const october = await run('finalize', path, '--month', '2026-10');
  expect(october.code).toBe(0);

  // Two late October reports for B002, typed into the workbook after October was finalised.
  await addRows(path, ActivitiesTable, [
    activity('a2', 'B002', '2026-10-20'),
    activity('a3', 'B002', '2026-10-21'),
  ]);
  const november = await run('finalize', path, '--month', '2026-11');

  expect(november.code).toBe(0);
  expect(november.out).toContain(
    '2026-11 没有任何活动报告：所有支部得 0 分、并列第 1 名；确认报告已导入后再定稿',
  );
  expect(november.out).toContain('2026-10 重算：B002 排名 2→1，星级 无星→★★★★；B001 排名 1→2');
  const store = await XlsxStore.open(path);
  const rows = Table.read(store, MonthlyResultsTable, 'zh-CN')
    .records()
    .filter((r) => r.month === '2026-10');
  expect(rows.map((r) => [r.branch, r.rank, r.state])).toEqual([
    ['B001', 2, 'final'],
    ['B002', 1, 'final'],
  ]);
  expect((await run('refresh', path)).out).toEqual(['没有需重算的月份']);
}, 90_000);
