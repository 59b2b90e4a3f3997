/**
 * The CLI end to end: the demo year, then commands on its workbook and on hand-made CSV exports in
 * both languages. Outputs are reopened and their content checked, not only their existence.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { main } from '../../src/local/cli';
import { XlsxStore } from '../../src/local/xlsxStore';
import { Table } from '../../src/app/table';
import { workbookTables } from '../../src/domain/schema/workbook';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { t } from '../../src/domain/messages';
import {
  ActivitiesTable,
  AwardsTable,
  BranchesTable,
  JudgesTable,
  LogTable,
  MonthlyResultsTable,
  RejectedTable,
  ShowcaseTable,
} from '../../src/domain/schema/tables';
import type { TableDef } from '../../src/domain/schema/table';
import { defenseForm } from '../../src/domain/forms';
import { writeFormsCsv } from '../../src/local/formsCsv';
import { gb18030 } from '../support/encodings';

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

async function tables(path: string) {
  const store = await XlsxStore.open(path);
  const read = <D extends TableDef>(def: D) => Table.read(store, def, 'zh-CN').records();
  return { store, read };
}

/** Every table but the run log, as written: what "running twice = running once" compares. */
async function snapshot(path: string): Promise<string> {
  const store = await XlsxStore.open(path);
  return JSON.stringify(
    workbookTables(DEFAULT_CONFIG.defenseRubric)
      .filter((t) => t.name !== LogTable.name)
      .map((t) => store.read(t)),
  );
}

const dir = mkdtempSync(join(tmpdir(), 'starbranch-e2e-'));
const demo = join(dir, 'demo');
const workbook = join(demo, 'starbranch-demo.xlsx');

beforeAll(async () => {
  const result = await run('demo', '--out', demo);
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
}, 60_000);

describe('starbranch demo', () => {
  it('writes a workbook whose tables hold the year', async () => {
    const { read } = await tables(workbook);
    const branches = read(BranchesTable);
    expect(branches).toHaveLength(52);
    expect(branches.filter((b) => b.status === 'approved')).toHaveLength(50);
    const activities = read(ActivitiesTable);
    expect(activities.length).toBeGreaterThan(900);
    // The repeated report is kept and marked, never deleted.
    expect(activities.filter((a) => a.status === 'duplicate')).toHaveLength(1);
    // The formula-like title is stored as the text the student typed.
    expect(activities.some((a) => a.title.startsWith('=HYPERLINK('))).toBe(true);
    // Ten programme months × fifty approved branches, one row each.
    const monthly = read(MonthlyResultsTable);
    expect(monthly).toHaveLength(500);
    expect(new Set(monthly.map((m) => `${m.month}|${m.branch}`)).size).toBe(500);
    expect(monthly.filter((m) => m.starBranch)).toHaveLength(10);
  });

  it('keeps every bad response in Rejected with a reason naming the field', async () => {
    const { read } = await tables(workbook);
    const rejected = read(RejectedTable);
    expect(rejected).toHaveLength(7);
    const reasons = rejected.map((r) => r.reason).join('\n');
    expect(reasons).toContain('「支部」填的是“数学学院第九党支部”，不是已登记的支部');
    expect(reasons).toContain(
      '「活动日期」填的是“2027/2/30”，不是有效的日期；应填日期，如 2026-10-15',
    );
    expect(reasons).toContain(
      '「活动类型」填的是“聚餐”，不是可选的答案；应填以下之一：树一个标志、',
    );
    expect(reasons).toContain('「活动名称」未填写；应填不超过 200 个字的文字');
    expect(rejected.every((r) => JSON.parse(r.payload!)['支部'] !== undefined)).toBe(true);
  });

  it('stores a formula-like title as a text cell, never a formula', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(workbook);
    const sheet = book.getWorksheet('活动')!;
    let found = false;
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (String(cell.value).startsWith('=HYPERLINK(')) {
          found = true;
          expect(cell.type).toBe(ExcelJS.ValueType.String);
          expect(cell.formula).toBeUndefined();
        }
      }),
    );
    expect(found).toBe(true);
  });

  it('writes one letter per award, filled in Chinese, linked from Awards', async () => {
    const { read } = await tables(workbook);
    const awards = read(AwardsTable);
    expect(awards.filter((a) => a.kind === 'branch')).toHaveLength(14);
    expect(awards.filter((a) => a.kind === 'member')).toHaveLength(18);
    const letters = readdirSync(join(demo, 'letters')).filter((f) => f.endsWith('.docx'));
    expect(letters).toHaveLength(awards.length);
    const first = awards.find((a) => a.rank === 1)!;
    expect(first.link).toBe(first.letterId);
    const file = letters.find((f) => f.includes(first.awardId))!;
    const xml = new PizZip(readFileSync(join(demo, 'letters', file)))
      .file('word/document.xml')!
      .asText();
    expect(xml).toContain(first.recipient);
    expect(xml).toContain('二〇二七年七月一日');
    expect(xml).toContain('第一名');
    expect(xml).not.toContain('{{');
  });

  it('writes a self-contained report with the year in it', () => {
    const html = readFileSync(join(demo, 'report.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
    expect(html).toContain('先进党支部');
  });
});

describe('commands on the demo workbook', () => {
  it('running the jobs a second time changes no table', async () => {
    const copy = join(dir, 'again.xlsx');
    writeFileSync(copy, readFileSync(workbook));
    const jobs = async () => {
      // November again: reports that arrived after its finalisation now count.
      expect((await run('finalize', copy, '--month', '2026-11')).code).toBe(0);
      expect((await run('defense', copy)).code).toBe(0);
      expect((await run('awards', copy)).code).toBe(0);
      expect((await run('showcase', copy, '--month', '2027-03')).code).toBe(0);
    };
    await jobs();
    const once = await snapshot(copy);
    await jobs();
    expect(await snapshot(copy)).toBe(once);
    const { read } = await tables(copy);
    // The demo's run and these two: every run is logged.
    expect(read(LogTable).filter((l) => l.job === '月度定稿 2026-11')).toHaveLength(3);
    // Eight commands, each opening and saving the whole workbook: slow on a busy machine.
  }, 90_000);

  it('re-ingesting the activity export adds nothing', async () => {
    const copy = join(dir, 'reingest.xlsx');
    writeFileSync(copy, readFileSync(workbook));
    const result = await run(
      'ingest',
      copy,
      '--form',
      'activity',
      join(demo, 'forms', 'activity-responses.csv'),
    );
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/activity-responses\.csv\s+0\s+0\s+\d{3,}/);
  }, 30_000);

  it('keeps a column staff added to a sheet through a command that rewrites it', async () => {
    const copy = join(dir, 'staff-column.xlsx');
    writeFileSync(copy, readFileSync(workbook));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(copy);
    const sheet = book.getWorksheet('月度结果')!;
    const extra = sheet.columnCount + 1;
    sheet.getCell(1, extra).value = '辅导员备注';
    sheet.getCell(2, extra).value = '表现突出';
    await book.xlsx.writeFile(copy);
    expect((await run('finalize', copy, '--month', '2026-09')).code).toBe(0);
    const store = await XlsxStore.open(copy);
    const rows = store.read(MonthlyResultsTable);
    const column = rows[0]!.indexOf('辅导员备注');
    expect(column).toBeGreaterThan(0);
    expect(rows[1]![column]).toBe('表现突出');
  }, 30_000);
});

describe('hand-made CSV exports', () => {
  const zhApplications =
    '\uFEFF时间戳记,支部名称,支部层次,所在单位,支部书记,书记邮箱,党员人数,创建计划,计划链接\r\n' +
    '2026/9/3 下午2:15:00,测试学院本科生第一党支部,低年级本科生党支部,测试学院,王芳,wangfang@example.edu.cn,12,"以党建促学风\n每月一次主题活动",\r\n' +
    '2026/9/4 上午9:00:00,测试学院研究生党支部,研究生党支部,测试学院,李雷,lilei@example.edu.cn,abc,计划,\r\n';
  const enApplications =
    'Timestamp,Secretary,Branch name,Tier,Unit,Secretary email,Party members,Creation plan\n' +
    '9/5/2026 14:03:00,Han Mei,Test College Senior Branch,Senior undergraduate branch,Test College,hanmei@example.edu.cn,20,Plan\n';

  it('ingests Chinese and English exports, rejects a bad row naming its field, adds nothing twice', async () => {
    const book = join(dir, 'college.xlsx');
    expect((await run('init', book)).code).toBe(0);
    writeFileSync(join(dir, 'zh.csv'), zhApplications);
    writeFileSync(join(dir, 'en.csv'), enApplications);
    const first = await run(
      'ingest',
      book,
      '--form',
      'application',
      join(dir, 'zh.csv'),
      join(dir, 'en.csv'),
    );
    expect(first.code).toBe(0);
    const again = await run(
      'ingest',
      book,
      '--form',
      'application',
      join(dir, 'zh.csv'),
      join(dir, 'en.csv'),
    );
    expect(again.out).toMatch(/zh\.csv\s+0\s+0\s+2/);
    const { read } = await tables(book);
    const branches = read(BranchesTable);
    expect(branches.map((b) => [b.id, b.name, b.tier, b.status])).toEqual([
      ['B001', '测试学院本科生第一党支部', 'junior', 'pending'],
      ['B002', 'Test College Senior Branch', 'senior', 'pending'],
    ]);
    expect(branches[0]!.plan).toBe('以党建促学风\n每月一次主题活动');
    const rejected = read(RejectedTable);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBe(
      '「党员人数」填的是“abc”，不是数字；应填介于 1 到 500 之间的整数',
    );
  }, 30_000);

  it('refuses an export missing a required column with one line naming it (exit 1)', async () => {
    const book = join(dir, 'missing.xlsx');
    await run('init', book);
    writeFileSync(
      join(dir, 'missing.csv'),
      '时间戳记,支部名称,所在单位\n2026/9/3 下午2:15:00,x,y\n',
    );
    const result = await run('ingest', book, '--form', 'application', join(dir, 'missing.csv'));
    expect(result.code).toBe(1);
    expect(result.err.split('\n')).toHaveLength(1);
    expect(result.err).toContain('missing.csv: missing columns');
    expect(result.err).toContain('"支部层次" (Tier)');
  }, 30_000);

  it('says why every defense sheet was rejected when the judges are not listed yet (exit 1)', async () => {
    const copy = join(dir, 'judges.xlsx');
    writeFileSync(copy, readFileSync(workbook));
    const { read } = await tables(copy);
    const approved = read(BranchesTable).filter((b) => b.status === 'approved');
    const rubric = DEFAULT_CONFIG.defenseRubric;
    const sheet = (i: number, judge: string) => ({
      timestamp: `2027/6/20 上午10:${String(i).padStart(2, '0')}:00`,
      answers: {
        judge,
        branch: `${approved[i % 3]!.id} ${approved[i % 3]!.name}`,
        ...Object.fromEntries(rubric.map((c) => [c.key, String(Math.floor(c.max / 2))])),
      },
    });
    const unlisted = Array.from({ length: 45 }, (_, i) => sheet(i, `新评委${(i % 5) + 1}`));
    const file = join(dir, 'defense-new-judges.csv');
    writeFileSync(file, writeFormsCsv(defenseForm(rubric), unlisted, 'zh-CN'));
    const result = await run('ingest', copy, '--form', 'defense', file);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/defense-new-judges\.csv\s+0\s+45\s+0/);
    expect(result.out).toContain(
      '45 × 评委不在评委表中 — 请先在「评委」表中添加评委，再运行 `starbranch reprocess`',
    );
    expect(result.err).toBe(
      'starbranch: defense-new-judges.csv: 没有收录任何回复：全部 45 条都因同一原因转入「待处理」，请按上面的提示处理',
    );
    // The rows are kept, to be moved by reprocess once the judges are listed.
    expect(
      (await tables(copy)).read(RejectedTable).filter((r) => r.form === 'defense'),
    ).toHaveLength(45);

    // One sheet from a listed judge among them: a partial ingest, exit 0, the line still there.
    const judge = read(JudgesTable)[0]!.name;
    const mixed = join(dir, 'defense-mixed.csv');
    writeFileSync(
      mixed,
      writeFormsCsv(defenseForm(rubric), [...unlisted, sheet(50, judge)], 'zh-CN'),
    );
    const fresh = join(dir, 'judges-mixed.xlsx');
    writeFileSync(fresh, readFileSync(workbook));
    const partial = await run('ingest', fresh, '--form', 'defense', mixed);
    expect(partial.code).toBe(0);
    expect(partial.err).toBe('');
    expect(partial.out).toMatch(/defense-mixed\.csv\s+1\s+45\s+0/);
    expect(partial.out).toContain('45 × 评委不在评委表中');
    // Ingested again: all known, nothing to say, exit 0.
    const again = await run('ingest', fresh, '--form', 'defense', mixed);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/defense-mixed\.csv\s+0\s+0\s+46/);
  }, 60_000);

  it('reads an export Excel saved in GB18030, and says so', async () => {
    const book = join(dir, 'gb.xlsx');
    expect((await run('init', book)).code).toBe(0);
    const file = join(dir, 'gb.csv');
    writeFileSync(file, gb18030(zhApplications.replace(/^\uFEFF/, '')));
    const result = await run('ingest', book, '--form', 'application', file);
    expect(result.code).toBe(0);
    expect(result.out).toContain('gb.csv 是 GB18030 编码，已按此读取');
    const { read } = await tables(book);
    expect(read(BranchesTable).map((b) => b.name)).toEqual(['测试学院本科生第一党支部']);
    expect(read(RejectedTable)[0]!.reason).toContain('党员人数');
  }, 30_000);

  it('answers bad usage with exit code 2', async () => {
    expect((await run('finalize', workbook, '--month', '2026-13')).code).toBe(2);
    expect((await run('nonsense')).code).toBe(2);
    expect((await run('ingest', join(dir, 'nope.xlsx'), '--form', 'activity', 'x.csv')).code).toBe(
      2,
    );
  });
});

describe('the starbranch command', () => {
  it('runs from bin/ with --help for every command', () => {
    const bin = join(__dirname, '..', '..', 'bin', 'starbranch.js');
    const help = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    for (const command of [
      'demo',
      'init',
      'ingest',
      'showcase',
      'finalize',
      'defense',
      'awards',
      'report',
      'reprocess',
    ]) {
      expect(help).toContain(command);
    }
    expect(
      execFileSync(process.execPath, [bin, 'awards', '--help'], { encoding: 'utf8' }),
    ).toContain('--template');
  }, 60_000);
});

describe('public pages from the demo workbook', () => {
  it('the demo writes the honour roll site and one month’s board, each self-contained', () => {
    const index = readFileSync(join(demo, 'site', 'index.html'), 'utf8');
    const data = JSON.parse(readFileSync(join(demo, 'site', 'honours.json'), 'utf8'));
    expect(data.years).toHaveLength(1);
    expect(data.years[0].branches).toHaveLength(14);
    expect(data.years[0].members).toHaveLength(18);
    for (const branch of data.years[0].branches)
      expect(index).toContain(`data-branch="${branch.branch}"`);
    const board = readFileSync(join(demo, 'board-2026-10.html'), 'utf8');
    expect(board).toContain('当月星级支部');
    for (const html of [index, board]) {
      expect(html).toContain('http-equiv="Content-Security-Policy"');
      expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|<img[^>]+src="http/);
    }
  });

  it('`honours` reads the workbook and leaves it as it was (no save, no backup)', async () => {
    const copy = join(dir, 'honours', 'college.xlsx');
    mkdirSync(join(dir, 'honours'));
    writeFileSync(copy, readFileSync(workbook));
    const before = readFileSync(copy);
    const result = await run('honours', copy, '--out', join(dir, 'honours', 'site'));
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/index\.html\s+1\s+14\s+18/);
    expect(readFileSync(copy).equals(before)).toBe(true);
    expect(existsSync(join(dir, 'honours', '.backups'))).toBe(false);
  }, 30_000);

  it('`board --close` closes an open month’s vote and saves it; closing again changes nothing', async () => {
    const copy = join(dir, 'board.xlsx');
    writeFileSync(copy, readFileSync(workbook));
    // Staff reopen November's vote in the sheet.
    const store = await XlsxStore.open(copy);
    const showcase = Table.read(store, ShowcaseTable, 'zh-CN');
    for (const pick of showcase.records()) {
      if (pick.month === '2026-11') showcase.upsert({ ...pick, voteClosedAt: null });
    }
    showcase.save(store, 'zh-CN');
    await store.save(copy);

    const open = await run('board', copy, '--month', '2026-11', '--out', join(dir, 'open.html'));
    expect(open.code).toBe(0);
    expect(open.out).toMatch(
      new RegExp(`open\\.html\\s+5\\s+\\d+\\s+\\d+\\s+${t('zh-CN', 'cli.board.open')}`),
    );
    expect(readFileSync(join(dir, 'open.html'), 'utf8')).toContain('投票进行中');

    const closed = await run(
      'board',
      copy,
      '--month',
      '2026-11',
      '--close',
      '--out',
      join(dir, 'closed.html'),
    );
    expect(closed.code).toBe(0);
    expect(closed.out).toContain('2026-11现场评选已于');
    const { read } = await tables(copy);
    const november = read(ShowcaseTable).filter((s) => s.month === '2026-11');
    expect(new Set(november.map((s) => s.voteClosedAt)).size).toBe(1);
    expect(november[0]!.voteClosedAt).not.toBeNull();
    const star = read(MonthlyResultsTable).find((r) => r.month === '2026-11' && r.starBranch)!;
    expect(readFileSync(join(dir, 'closed.html'), 'utf8')).toContain(
      `<span class="points">现场评分 ${star.onsiteScore!.toFixed(2)}</span>`,
    );

    const again = await run(
      'board',
      copy,
      '--month',
      '2026-11',
      '--close',
      '--out',
      join(dir, 'again.html'),
    );
    expect(again.out).toContain('早已于');
  }, 60_000);

  it('`board` for a month without a showcase says so; a bad month is a usage error', async () => {
    const result = await run(
      'board',
      workbook,
      '--month',
      '2027-07',
      '--out',
      join(dir, 'july.html'),
    );
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'july.html'), 'utf8')).toContain('2027年7月尚未抽取示范支部');
    expect((await run('board', workbook, '--month', '2027-13', '--out', 'x.html')).code).toBe(2);
  }, 30_000);
});
