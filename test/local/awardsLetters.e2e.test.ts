/**
 * `starbranch awards` end to end on the demo year (issue 9): refused before the defense is
 * complete, provisional on request, and every letter on disk says what its Awards row says after
 * the standings move — letters of changed awards voided (renamed 作废-…, unlinked) and reissued
 * with new numbers, letters of awards that no longer stand voided, paths relative to the workbook.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { chineseOrdinalRank } from '../../src/domain/letterFields';
import { recordKey } from '../../src/domain/schema/table';
import {
  AwardsTable,
  ConfigTable,
  DefenseResultsTable,
  type Award,
} from '../../src/domain/schema/tables';
import { main } from '../../src/local/cli';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { defenseScoresTable } from '../../src/domain/schema/defenseScores';
import { edit, records as read } from '../support/workbookEdits';

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

const DEFENSE_SCORES = defenseScoresTable(DEFAULT_CONFIG.defenseRubric);
const dir = mkdtempSync(join(tmpdir(), 'starbranch-awards-'));
const demo = join(dir, 'demo');

beforeAll(async () => {
  expect((await run('demo', '--out', demo)).code).toBe(0);
}, 60_000);

/** The demo's workbook and letters folder, moved together to a folder of their own. */
function movedCopy(name: string): { folder: string; workbook: string } {
  const folder = join(dir, name);
  cpSync(demo, folder, { recursive: true });
  return { folder, workbook: join(folder, 'starbranch-demo.xlsx') };
}

function letterText(path: string): string {
  const zip = new PizZip(readFileSync(path));
  return Object.keys(zip.files)
    .filter((name) => /^word\/(document|footer\d*)\.xml$/.test(name))
    .map((name) =>
      [
        ...zip
          .file(name)!
          .asText()
          .matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g),
      ]
        .map((m) => m[1])
        .join(''),
    )
    .join('\n');
}

/** Every award's letter, opened from the path Awards holds (relative to the workbook). */
function expectLettersSayWhatAwardsSay(folder: string, awards: readonly Award[]): void {
  for (const award of awards) {
    expect(award.letterId).not.toBeNull();
    expect(award.link).toBe(award.letterId);
    const text = letterText(join(folder, award.letterId!));
    expect(text).toContain(`证书编号：${award.letterNo}`);
    expect(text).toContain(award.kind === 'branch' ? `${award.recipient}：` : award.recipient);
    expect(text).toContain(`“${award.title}”`);
    if (award.rank !== null) expect(text).toContain(`位列${chineseOrdinalRank(award.rank)}`);
    expect(JSON.parse(award.printed!)).toMatchObject({
      letterNo: award.letterNo,
      recipient: award.recipient,
      rank: award.rank === null ? '' : String(award.rank),
      score: award.score === null ? '' : award.score.toFixed(2),
    });
  }
}

const liveLetters = (folder: string) =>
  readdirSync(folder).filter((f) => f.endsWith('.docx') && !f.startsWith('作废-'));
const voidedLetters = (folder: string) =>
  readdirSync(folder).filter((f) => f.endsWith('.docx') && f.startsWith('作废-'));

describe('starbranch awards', () => {
  it('stores letter paths relative to the workbook', async () => {
    const awards = await read(join(demo, 'starbranch-demo.xlsx'), AwardsTable);
    expect(awards.every((a) => a.letterId!.startsWith('letters/'))).toBe(true);
  });

  it('before the defense is complete: refused naming the branches (exit 1); --provisional marks the rows', async () => {
    const { folder, workbook } = movedCopy('before-defense');
    const results = await read(workbook, DefenseResultsTable);
    // Three branches' judges' sheets are not in yet (awards aggregate the sheets themselves).
    const late = new Set(results.slice(0, 3).map((r) => r.branch));
    await edit(workbook, DEFENSE_SCORES, (table) => {
      for (const sheet of table.records()) {
        if (late.has(sheet.branch as string)) table.remove(recordKey(DEFENSE_SCORES, sheet));
      }
    });
    const refused = await run('awards', workbook, '--letters', join(folder, 'letters'));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('答辩成绩尚未齐全');
    for (const r of results.slice(0, 3)) expect(refused.err).toContain(r.branch);
    expect(refused.err).toContain('--provisional');
    expect(voidedLetters(join(folder, 'letters'))).toEqual([]);

    const provisional = await run('awards', workbook, '--provisional');
    expect(provisional.code).toBe(0);
    expect(provisional.out).toContain('暂定名单：3 个支部尚无答辩结果');
    const awards = await read(workbook, AwardsTable);
    expect(awards.filter((a) => a.kind === 'branch').every((a) => a.state === 'provisional')).toBe(
      true,
    );
    expect(awards.filter((a) => a.kind === 'member').every((a) => a.state === 'final')).toBe(true);
  }, 60_000);

  it('after the standings move: exactly the quota, old letters voided, new numbers, letters match', async () => {
    const { folder, workbook } = movedCopy('moved');
    const letters = join(folder, 'letters');
    const before = (await read(workbook, AwardsTable)).filter((a) => a.kind === 'branch');
    expect(before).toHaveLength(14);
    const dropped = before.find((a) => a.rank === Math.max(...before.map((b) => b.rank!)))!;
    const first = before.find((a) => a.rank === 1)!;
    // One place fewer, and the first branch's defense score corrected down by 10.
    await edit(workbook, ConfigTable, (table) =>
      table.upsert({ ...table.get('advancedBranchCount')!, value: '13' }),
    );
    // Every judge's sheet of that branch loses 10 marks on the first criterion.
    await edit(workbook, DEFENSE_SCORES, (table) => {
      for (const sheet of table.records()) {
        if (sheet.branch === first.branch)
          table.upsert({ ...sheet, c1: (sheet.c1 as number) - 10 });
      }
    });

    const result = await run('awards', workbook, '--letters', letters);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const after = await read(workbook, AwardsTable);
    const branches = after.filter((a) => a.kind === 'branch');
    expect(branches).toHaveLength(13);
    expect(branches.map((a) => a.awardId)).not.toContain(dropped.awardId);
    expect(result.out).toContain(`${dropped.awardId} ${dropped.recipient} 不再符合表彰条件`);
    // The dropped branch's letter is kept, renamed, and nothing links to it.
    const droppedFile = dropped.letterId!.split('/').pop()!;
    expect(existsSync(join(letters, droppedFile))).toBe(false);
    expect(existsSync(join(letters, `作废-${droppedFile}`))).toBe(true);
    // The first branch fell: its letter was voided and reissued with a new number.
    const firstNow = after.find((a) => a.awardId === first.awardId)!;
    expect(firstNow.rank).toBeGreaterThan(1);
    expect(firstNow.letterNo).toBe(`${first.letterNo}-2`);
    expect(firstNow.voidedLetters).toContain(`${first.letterNo} 作废于`);
    expect(result.out).toMatch(/生成证书 \d+ 封（其中重新生成 \d+ 封），作废 \d+ 封/);
    // One live letter per award, and each says what its row says.
    expect(liveLetters(letters)).toHaveLength(after.length);
    expectLettersSayWhatAwardsSay(folder, after);
    expect(voidedLetters(letters).length).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('letters already made elsewhere: the new folder is created and the way to remake them is said', async () => {
    const { folder, workbook } = movedCopy('elsewhere');
    const fresh = join(folder, 'new-folder');
    const result = await run('awards', workbook, '--letters', fresh);
    expect(result.code).toBe(0);
    expect(existsSync(fresh)).toBe(true);
    expect(result.out).toContain('生成证书 0 封');
    expect(result.out).toMatch(
      /32 封证书已生成于 .*letters；如需在新文件夹重新生成，使用 `--reissue`/,
    );

    const reissue = await run('awards', workbook, '--letters', fresh, '--reissue');
    expect(reissue.code).toBe(0);
    expect(reissue.out).toContain('生成证书 32 封（其中重新生成 32 封），作废 32 封');
    expect(liveLetters(fresh)).toHaveLength(32);
    expect(liveLetters(join(folder, 'letters'))).toEqual([]);
    expect(voidedLetters(join(folder, 'letters'))).toHaveLength(32);
    const awards = await read(workbook, AwardsTable);
    expect(awards.every((a) => a.letterId!.startsWith('new-folder/'))).toBe(true);
    expectLettersSayWhatAwardsSay(folder, awards);
  }, 60_000);
});
