/**
 * A programme year as staff really run it (issue: late, out of order, corrected): reports that
 * arrive after their month was finalised, awards asked for before the defense, a rubric changed
 * after setup, a vote corrected after its month was finalised, a status corrected after the
 * letters were made, and the last export resaved by Excel in GB18030 with an extra question.
 *
 * The same files and the same staff edits go through the CLI twice: once in order (every month
 * finalised only when all its inputs are in, awards once, at the end) and once out of order. At
 * the end every derived table is the same in both workbooks, and every letter says what its
 * Awards row says.
 */
import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { letterMismatch } from '../../src/app/letterCheck';
import { Table } from '../../src/app/table';
import { parseConfig } from '../../src/domain/config';
import { formDef, type FormName } from '../../src/domain/forms';
import {
  AwardsTable,
  BranchesTable,
  ConfigTable,
  DefenseResultsTable,
  JudgesTable,
  MonthlyResultsTable,
  NominationsTable,
  OnsiteVotesTable,
  ActivitiesTable,
  ShowcaseTable,
} from '../../src/domain/schema/tables';
import { parseLocalTimestamp } from '../../src/domain/timestamps';
import { main } from '../../src/local/cli';
import {
  demoActivities,
  demoApplications,
  demoDecisions,
  demoDefense,
  demoJudges,
  demoNominations,
  demoVotes,
  type DemoResponse,
} from '../../src/local/demo/demoYear';
import { writeFormsCsv } from '../../src/local/formsCsv';
import { XlsxStore } from '../../src/local/xlsxStore';
import { gb18030 } from '../support/encodings';
import { edit, records } from '../support/workbookEdits';

const MONTHS = ['2026-09', '2026-10', '2026-11'];
const RUBRIC = '创建成效/Results:60, 特色创新/Innovation:40, 现场答辩/Defense:50';
const SETTINGS: Record<string, string> = {
  collegeName: '示范大学学生工作部党委',
  programEnd: '2026-11-30',
  semesters: '2026秋:2026-09-01..2026-11-30',
  minThemeActivitiesPerSemester: '2',
  commendationDate: '2026-12-20',
};

const dir = mkdtempSync(join(tmpdir(), 'starbranch-out-of-order-'));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function ok(...argv: string[]): Promise<string> {
  const result = await run(...argv);
  if (result.code !== 0) throw new Error(`${argv.join(' ')}: ${result.err}\n${result.out}`);
  return result.out;
}

const localTime = (r: DemoResponse) => {
  const parsed = parseLocalTimestamp(r.timestamp);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

/** A form's export as Google writes it, saved to a file; returns its path. */
function exportFile(name: string, form: FormName, responses: readonly DemoResponse[]): string {
  const path = join(dir, name);
  const rubric = parseConfig([{ key: 'defenseRubric', value: RUBRIC }]).defenseRubric;
  writeFileSync(path, writeFormsCsv(formDef(form, rubric), responses, 'zh-CN'));
  return path;
}

/**
 * The same export opened in Excel and saved as "CSV" on Chinese Windows: GB18030, seconds
 * dropped from the timestamps; this form also gained a question (活动地点) since.
 */
function resavedGb18030(from: string, name: string): string {
  const rows = parse(readFileSync(from, 'utf8'), { bom: true }) as string[][];
  const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
  const lines = rows.map((row, i) => {
    const cells = [...row, i === 0 ? '活动地点' : '学生活动中心'];
    if (i > 0) cells[0] = cells[0]!.replace(/(\d+:\d{2}):\d{2}$/, '$1');
    return cells.map(quote).join(',');
  });
  const path = join(dir, name);
  writeFileSync(path, gb18030(`${lines.join('\r\n')}\r\n`));
  return path;
}

/** Everything the college sends and decides, the same for both runs. */
function theYear() {
  const applications = demoApplications();
  const decisions = new Map(demoDecisions().map((d) => [d.name, d]));
  const inProgramme = (r: DemoResponse) => localTime(r) < '2026-12-01';
  return { applications, decisions, inProgramme };
}

async function setUp(workbook: string): Promise<{ approved: { id: string; name: string }[] }> {
  await ok('init', workbook);
  await edit(workbook, ConfigTable, (table) => {
    for (const [key, value] of Object.entries(SETTINGS)) {
      table.upsert({ ...table.get(key)!, value });
    }
  });
  const { applications, decisions } = theYear();
  await ok(
    'ingest',
    workbook,
    '--form',
    'application',
    exportFile('apps.csv', 'application', applications),
  );
  await edit(workbook, BranchesTable, (table) => {
    for (const branch of table.records()) {
      const decision = decisions.get(branch.name);
      if (decision) table.upsert({ ...branch, status: decision.status, reviewNote: decision.note });
    }
  });
  const branches = await records(workbook, BranchesTable);
  const idOf = new Map(branches.map((b) => [b.name, b.id]));
  await edit(workbook, JudgesTable, (table) => {
    for (const j of demoJudges()) {
      table.upsert({
        name: j.name,
        email: j.email,
        ownBranch: j.ownBranchName ? (idOf.get(j.ownBranchName) ?? null) : null,
        note: j.note,
      });
    }
  });
  const approved = branches
    .filter((b) => b.status === 'approved')
    .map((b) => ({ id: b.id, name: b.name }));
  return { approved };
}

/** The files the college's forms give, in the order they are exported, the same for both runs. */
function theFiles(approved: readonly { id: string; name: string }[]) {
  const activities = demoActivities(approved).filter((r) => localTime(r) <= '2026-12-05 23:59:59');
  const asOf = (time: string, name: string) =>
    exportFile(
      name,
      'activity',
      activities.filter((r) => localTime(r) <= time),
    );
  const exports = new Map<string, string>();
  for (const month of MONTHS) {
    const next = month === '2026-09' ? '2026-10' : month === '2026-10' ? '2026-11' : '2026-12';
    exports.set(`${month}-25`, asOf(`${month}-25 18:00:00`, `activity-${month}-25.csv`));
    exports.set(`${next}-01`, asOf(`${next}-01 02:00:00`, `activity-${next}-01.csv`));
  }
  const last = asOf('2026-12-05 23:59:59', 'activity-final.csv');
  const resaved = resavedGb18030(last, 'activity-final-excel.csv');
  return { exports, resaved };
}

/** The month's on-site votes for the branches drawn to present, as the room gave them. */
async function voteExport(workbook: string, month: string, all: DemoResponse[]): Promise<string> {
  const picks = (await records(workbook, ShowcaseTable)).filter((s) => s.month === month);
  const names = new Map((await records(workbook, BranchesTable)).map((b) => [b.id, b.name]));
  all.push(
    ...demoVotes(
      month,
      picks.map((p) => ({ id: p.branch, name: names.get(p.branch)! })),
    ),
  );
  return exportFile(`votes-${month}-${all.length}.csv`, 'vote', all);
}

/** Staff correct a typed vote: the first October vote was 10 points too high. */
async function correctVote(workbook: string): Promise<void> {
  await edit(workbook, OnsiteVotesTable, (table) => {
    const vote = table.records().find((v) => v.month === '2026-10')!;
    table.upsert({ ...vote, score: vote.score - 10 });
  });
}

/** Staff find a branch's October reports were not genuine and reject them. */
async function rejectReports(workbook: string, branch: string): Promise<void> {
  await edit(workbook, ActivitiesTable, (table) => {
    for (const a of table.records()) {
      if (a.branch === branch && a.date.startsWith('2026-10')) {
        table.upsert({ ...a, status: 'rejected' });
      }
    }
  });
}

async function setRubric(workbook: string): Promise<void> {
  await edit(workbook, ConfigTable, (table) => {
    table.upsert({ ...table.get('defenseRubric')!, value: RUBRIC });
  });
}

async function endOfYear(workbook: string, approved: readonly { id: string; name: string }[]) {
  const rubricMaxes = parseConfig([{ key: 'defenseRubric', value: RUBRIC }]).defenseRubric.map(
    (c) => c.max,
  );
  await ok(
    'ingest',
    workbook,
    '--form',
    'defense',
    exportFile('defense.csv', 'defense', demoDefense(approved, rubricMaxes)),
  );
  await ok(
    'ingest',
    workbook,
    '--form',
    'nomination',
    exportFile('nominations.csv', 'nomination', demoNominations(approved)),
  );
  await edit(workbook, NominationsTable, (table) => {
    for (const n of table.records()) table.upsert({ ...n, status: 'approved' });
  });
}

/** The derived tables, keyed and without the times they were computed at. */
async function derived(workbook: string) {
  const byKey = <T>(rows: T[], key: (r: T) => string) =>
    [...rows].sort((a, b) => key(a).localeCompare(key(b)));
  const monthly = (await records(workbook, MonthlyResultsTable)).map((r) => ({
    ...r,
    finalisedAt: null,
  }));
  const defense = (await records(workbook, DefenseResultsTable)).map((r) => ({
    ...r,
    computedAt: null,
  }));
  const awards = (await records(workbook, AwardsTable)).map((a) => ({
    awardId: a.awardId,
    kind: a.kind,
    branch: a.branch,
    recipient: a.recipient,
    title: a.title,
    score: a.score,
    rank: a.rank,
    state: a.state,
  }));
  return {
    monthly: byKey(monthly, (r) => `${r.month} ${r.branch}`),
    defense: byKey(defense, (r) => r.branch),
    awards: byKey(awards, (r) => r.awardId),
  };
}

/** Every letter's printed fields are its Awards row's, and the file says them. */
async function expectLettersMatchAwards(workbook: string): Promise<void> {
  const store = await XlsxStore.open(workbook);
  const config = parseConfig(
    Table.read(store, ConfigTable, 'zh-CN')
      .records()
      .map((r) => ({ key: r.key, value: r.value })),
  );
  const branches = new Map(
    Table.read(store, BranchesTable, 'zh-CN')
      .records()
      .map((b) => [b.id, b]),
  );
  const awards = Table.read(store, AwardsTable, 'zh-CN').records();
  expect(awards.length).toBeGreaterThan(0);
  for (const award of awards) {
    expect([
      award.awardId,
      letterMismatch(award, branches.get(award.branch), config, 'zh-CN'),
    ]).toEqual([award.awardId, null]);
    const zip = new PizZip(readFileSync(join(workbook, '..', award.letterId!)));
    // The body and the footer (where the letter number is).
    const text = Object.keys(zip.files)
      .filter((name) => /^word\/(document|footer\d*)\.xml$/.test(name))
      .map((name) =>
        zip
          .file(name)!
          .asText()
          .replace(/<[^>]+>/g, ''),
      )
      .join('\n');
    expect(text).toContain(award.recipient);
    expect(text).toContain(award.letterNo!);
  }
}

test('a year run late, out of order and corrected ends exactly as the same year run in order', async () => {
  // Out of order, as a college really runs it.
  const outOfOrder = join(dir, 'out-of-order.xlsx');
  const { approved } = await setUp(outOfOrder);
  const files = theFiles(approved);
  const votesB: DemoResponse[] = [];
  for (const month of MONTHS) {
    await ok('ingest', outOfOrder, '--form', 'activity', files.exports.get(`${month}-25`)!);
    await ok('showcase', outOfOrder, '--month', month);
    await ok('ingest', outOfOrder, '--form', 'vote', await voteExport(outOfOrder, month, votesB));
    const next = MONTHS[MONTHS.indexOf(month) + 1] ?? '2026-12';
    await ok('ingest', outOfOrder, '--form', 'activity', files.exports.get(`${next}-01`)!);
    await ok('finalize', outOfOrder, '--month', month);
    if (month === '2026-09') {
      // Awards asked for before the defense: refused, naming the branches; provisional on request.
      const refused = await run('awards', outOfOrder, '--letters', join(dir, 'letters-early'));
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/答辩成绩尚未齐全：\d+ 个符合条件的支部没有答辩结果（B\d{3} /);
      await ok('awards', outOfOrder, '--provisional');
      expect(
        (await records(outOfOrder, AwardsTable)).every(
          (a) => a.kind === 'member' || a.state === 'provisional',
        ),
      ).toBe(true);
      // The rubric changes while the defense sheet is still empty.
      await setRubric(outOfOrder);
    }
    if (month === '2026-10') await correctVote(outOfOrder);
  }
  // The last export, resaved by Excel: only its new rows are added, and they make months stale.
  const resaved = await ok('ingest', outOfOrder, '--form', 'activity', files.resaved);
  expect(resaved).toMatch(/需重算/);
  expect(resaved).toContain('活动地点');
  await endOfYear(outOfOrder, approved);
  await ok('awards', outOfOrder, '--letters', join(dir, 'letters'));
  const firstTime = await records(outOfOrder, AwardsTable);
  const top = firstTime.find((a) => a.kind === 'branch' && a.rank === 1)!;
  // After the letters: a branch's October reports are found not genuine.
  await rejectReports(outOfOrder, top.branch);
  const again = await ok('awards', outOfOrder, '--letters', join(dir, 'letters'));
  expect(again).toMatch(/重算/);
  expect(again).toMatch(/证书 \S+（\S+）已作废：排名 \d+ → \d+/);

  // In order: every input in before anything is derived from it, each job once.
  const inOrder = join(dir, 'in-order.xlsx');
  await setUp(inOrder);
  await setRubric(inOrder);
  const votesA: DemoResponse[] = [];
  for (const month of MONTHS) {
    await ok('ingest', inOrder, '--form', 'activity', files.exports.get(`${month}-25`)!);
    await ok('showcase', inOrder, '--month', month);
    await ok('ingest', inOrder, '--form', 'vote', await voteExport(inOrder, month, votesA));
    if (month === '2026-10') await correctVote(inOrder);
    const next = MONTHS[MONTHS.indexOf(month) + 1] ?? '2026-12';
    await ok('ingest', inOrder, '--form', 'activity', files.exports.get(`${next}-01`)!);
  }
  await ok('ingest', inOrder, '--form', 'activity', files.resaved);
  await rejectReports(inOrder, top.branch);
  for (const month of MONTHS) await ok('finalize', inOrder, '--month', month);
  await endOfYear(inOrder, approved);
  await ok('awards', inOrder, '--letters', join(dir, 'letters-in-order'));

  const [b, a] = [await derived(outOfOrder), await derived(inOrder)];
  expect(b.monthly).toEqual(a.monthly);
  expect(b.defense).toEqual(a.defense);
  expect(b.awards).toEqual(a.awards);
  expect(b.awards.filter((x) => x.kind === 'branch')).toHaveLength(14);
  await expectLettersMatchAwards(outOfOrder);
  await expectLettersMatchAwards(inOrder);
}, 300_000);
