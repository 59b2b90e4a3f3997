/**
 * The CLI on Google, against the fake: `--google` in place of a workbook, credentials from
 * `--credentials` or GOOGLE_APPLICATION_CREDENTIALS, every request sent to
 * STARBRANCH_GOOGLE_API_ROOT, one actionable line for each thing a person must fix, and
 * `pull` / `push` between the spreadsheet and a workbook.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/local/cli';
import { XlsxStore } from '../../src/local/xlsxStore';
import { JudgesTable } from '../../src/domain/schema/tables';
import { headerRow } from '../../src/domain/schema/table';
import { applicationAnswers } from '../gas/support';
import { serve, SERVICE_ACCOUNT, type Served } from './support';

jest.setTimeout(60_000);

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

describe('starbranch --google', () => {
  let served: Served;
  const saved = { ...process.env };
  const dir = mkdtempSync(join(tmpdir(), 'starbranch-cli-google-'));
  beforeAll(async () => {
    served = await serve();
  });
  afterAll(() => served.fake.stop());
  beforeEach(() => {
    process.env.STARBRANCH_GOOGLE_API_ROOT = served.fake.url;
    process.env.STARBRANCH_GOOGLE_RETRY_BASE_MS = '0';
    delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    served.fake.sharing.clear();
    served.fake.disabledApis.clear();
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('runs a data command on the spreadsheet, every request at the API root', async () => {
    served.fake.reset();
    const result = await run(
      'finalize',
      '--google',
      served.spreadsheetId,
      '--month',
      '2026-10',
      '--credentials',
      served.keyFile,
    );
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(served.fake.counts()).toEqual({
      'sheets.spreadsheets.get': 1,
      'sheets.values.batchGet': 1,
      'sheets.values.batchUpdate': 1,
    });
    expect(served.fake.requests[0]).toMatchObject({ path: '/token', status: 200 });
  });

  it('reconciles the named forms: what the trigger missed is filed, once', async () => {
    const formId = served.gas.forms.application;
    served.gas.world.submitForm(formId, applicationAnswers('对账党支部'), {
      email: 'c@stu.example.edu',
    });
    const args = ['reconcile', '--google', served.spreadsheetId, '--credentials', served.keyFile];
    served.fake.reset();
    const first = await run(...args, '--form', `application=${formId}`);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^已读取 1 条表单回复：新增 1 条，转入退回表 0 条，0 条已存在/);
    expect(served.fake.counts()).toMatchObject({ 'forms.forms.get': 1, 'forms.responses.list': 1 });
    const again = await run(...args, '--form', `application=${formId}`);
    expect(again.out).toMatch(/新增 0 条.*1 条已存在/);
    const wrong = await run(...args, '--form', 'applications=1FAIp');
    expect(wrong.code).not.toBe(0);
    expect(wrong.err).toContain('表单名=表单编号');
    const none = await run(...args);
    expect(none.code).not.toBe(0);
    expect(none.err).toContain('--form 表单名=表单编号');
  });

  it('reads GOOGLE_APPLICATION_CREDENTIALS when --credentials is not given', async () => {
    process.env.GOOGLE_APPLICATION_CREDENTIALS = served.keyFile;
    const result = await run('defense', '--google', served.spreadsheetId);
    expect(result.code).toBe(0);
  });

  it('says what to do when there are no credentials, or they are refused', async () => {
    const none = await run('defense', '--google', served.spreadsheetId);
    expect(none).toMatchObject({ code: 2 });
    expect(none.err).toContain('GOOGLE_APPLICATION_CREDENTIALS');
    const stranger = join(dir, 'stranger.json');
    const key = JSON.parse(
      (await import('node:fs')).readFileSync(served.keyFile, 'utf8'),
    ) as Record<string, string>;
    writeFileSync(
      stranger,
      JSON.stringify({ ...key, client_email: 'nobody@x.iam.gserviceaccount.com' }),
    );
    const refused = await run(
      'defense',
      '--google',
      served.spreadsheetId,
      '--credentials',
      stranger,
    );
    expect(refused.code).toBe(2);
    expect(refused.err.split('\n')).toHaveLength(1);
    expect(refused.err).toContain('invalid_grant');
    const garbage = join(dir, 'garbage.json');
    writeFileSync(garbage, '{"installed": 1}');
    const unknown = await run(
      'defense',
      '--google',
      served.spreadsheetId,
      '--credentials',
      garbage,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('既不是服务账号密钥');
  });

  it('names the service account to share with, and the API to enable', async () => {
    served.fake.shareOnly(served.spreadsheetId, 'staff@example.edu');
    const unshared = await run(
      'defense',
      '--google',
      served.spreadsheetId,
      '--credentials',
      served.keyFile,
    );
    expect(unshared.code).toBe(1);
    expect(unshared.err).toContain(SERVICE_ACCOUNT);
    served.fake.sharing.clear();
    served.fake.disabledApis.add('sheets');
    const disabled = await run(
      'defense',
      '--google',
      served.spreadsheetId,
      '--credentials',
      served.keyFile,
    );
    expect(disabled.code).toBe(1);
    expect(disabled.err).toContain('sheets.googleapis.com/overview');
  });

  it('wants a workbook or --google, not both and not neither', async () => {
    expect((await run('defense')).code).toBe(2);
    const both = await run('defense', join(dir, 'x.xlsx'), '--google', served.spreadsheetId);
    expect(both.code).toBe(2);
  });

  it('pulls the spreadsheet into a workbook, and push refuses to overwrite unless forced', async () => {
    const file = join(dir, 'backup.xlsx');
    const pulled = await run(
      'pull',
      '--google',
      served.spreadsheetId,
      file,
      '--credentials',
      served.keyFile,
    );
    expect(pulled).toMatchObject({ code: 0 });
    const local = await XlsxStore.open(file);
    expect(local.read(JudgesTable)[0]).toEqual(headerRow(JudgesTable, 'zh-CN'));
    // Staff add a judge locally: the spreadsheet's judges are empty, so push fills them.
    const push = (...extra: string[]) =>
      run(
        'push',
        file,
        '--google',
        served.spreadsheetId,
        '--credentials',
        served.keyFile,
        ...extra,
      );
    local.write(JudgesTable, [
      ...local.read(JudgesTable),
      ['刘振华', 'liu@example.edu', null, null],
    ]);
    await local.save(file);
    expect(await push()).toMatchObject({ code: 0 });
    // A second local change would overwrite judges the spreadsheet now has: refused, named.
    local.write(JudgesTable, [...local.read(JudgesTable), ['孙丽', 'sun@example.edu', null, null]]);
    await local.save(file);
    const refused = await push();
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('评委');
    expect(await push('--force')).toMatchObject({ code: 0 });
    const back = join(dir, 'back.xlsx');
    await run('pull', '--google', served.spreadsheetId, back, '--credentials', served.keyFile);
    expect((await XlsxStore.open(back)).read(JudgesTable).map((r) => r[0])).toEqual([
      '评委姓名',
      '刘振华',
      '孙丽',
    ]);
  });
});
