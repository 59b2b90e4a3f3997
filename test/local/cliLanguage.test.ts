/**
 * The command speaks the workbook's language, and `--lang` overrides it for what the command
 * prints, never for what it writes into the workbook.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Table } from '../../src/app/table';
import { t } from '../../src/domain/messages';
import { LogTable } from '../../src/domain/schema/tables';
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

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;
const dir = mkdtempSync(join(tmpdir(), 'starbranch-lang-'));
const chinese = join(dir, 'zh.xlsx');
const english = join(dir, 'en.xlsx');

beforeAll(async () => {
  expect((await run('init', chinese)).code).toBe(0);
  expect((await run('init', english, '--locale', 'en')).code).toBe(0);
}, 60_000);

/** The header line of the command's summary table. */
const header = (out: string) =>
  out
    .split('\n')[0]!
    .trim()
    .split(/\s{2,}/);

describe('the language the command speaks', () => {
  it("is the workbook's: Chinese for a Chinese workbook, English for an English one", async () => {
    const zh = await run('reprocess', chinese);
    expect(zh.code).toBe(0);
    expect(header(zh.out)).toEqual([
      t('zh-CN', 'cli.col.moved'),
      t('zh-CN', 'cli.col.stillRejected'),
    ]);
    const en = await run('reprocess', english);
    expect(header(en.out)).toEqual(['moved', 'still rejected']);
    expect(en.out).not.toMatch(CJK);
  }, 60_000);

  it('is what --lang asks for, wherever it is given, while the Log keeps the workbook’s', async () => {
    for (const argv of [
      ['--lang', 'en', 'reprocess', chinese],
      ['reprocess', chinese, '--lang=en'],
    ]) {
      const result = await run(...argv);
      expect(result.code).toBe(0);
      expect(result.out).not.toMatch(CJK);
    }
    const zh = await run('--lang', 'zh-CN', 'reprocess', english);
    expect(header(zh.out)).toEqual(['已移入', '仍待处理']);
    // What the job wrote into the Chinese workbook is Chinese, --lang or not.
    const log = Table.read(await XlsxStore.open(chinese), LogTable, 'zh-CN').records();
    expect(log.map((l) => l.job)).toContain(t('zh-CN', 'jobs.name.reprocess'));
    expect(log.every((l) => !/[A-Za-z]{3,}/.test(`${l.job} ${l.message ?? ''}`))).toBe(true);
  }, 60_000);

  it('says what was used wrongly in the chosen language', async () => {
    const zh = await run('showcase', chinese, '--month', '2026-13');
    expect(zh).toMatchObject({ code: 2 });
    expect(zh.err).toContain(t('zh-CN', 'cli.error.badMonth', { value: '2026-13' }));
    const en = await run('--lang', 'en', 'showcase', chinese, '--month', '2026-13');
    expect(en.err).toContain(t('en', 'cli.error.badMonth', { value: '2026-13' }));
  });

  it("words the parser's own errors too: an unknown command, a missing option", async () => {
    const zh = await run('showcas');
    expect(zh.code).toBe(2);
    expect(zh.err).toContain(t('zh-CN', 'cli.commander.unknownCommand', { a: 'showcas' }));
    expect(zh.err).toContain(t('zh-CN', 'cli.commander.didYouMean', { names: 'showcase' }));
    const en = await run('--lang', 'en', 'showcase', chinese);
    expect(en.code).toBe(2);
    expect(en.err).toContain("required option '--month <YYYY-MM>' not specified");
    expect(en.err).not.toMatch(CJK);
  });

  it('gives its help in Chinese by default and in English with --lang en', async () => {
    const zh = await run('--help');
    expect(zh.code).toBe(0);
    expect(zh.out).toContain(t('zh-CN', 'cli.help.demo'));
    expect(zh.out).toContain(t('zh-CN', 'cli.help.title.commands'));
    const en = await run('--lang', 'en', '--help');
    expect(en.out).toContain(t('en', 'cli.help.awards'));
    expect(en.out).not.toMatch(CJK);
    const awards = await run('awards', '--help', '--lang', 'en');
    expect(awards.out).toContain(t('en', 'cli.help.awards.pdf'));
    expect(awards.out).not.toMatch(CJK);
  });
});
