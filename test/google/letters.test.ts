/**
 * Letters as Google Docs from Node against the fake: one copy, one Docs batchUpdate and one
 * permission per letter; the day's quota stops the run with a message and the next run goes
 * on; a run cut off after its copies never makes a second copy of a letter.
 */
import { Table } from '../../src/app/table';
import { readConfig } from '../../src/app/context';
import { ConfigTable, AwardsTable } from '../../src/domain/schema/tables';
import { issueGoogleLetters, TAG_AWARD } from '../../src/google/letters';
import { runOnSpreadsheet } from '../../src/google/session';
import { SettableClock } from '../../src/local/clock';
import { GoogleCallError } from '../../src/google/errors';
import { serve, type Served } from './support';
import type { GoogleApi } from '../../src/google/clients';

jest.setTimeout(30_000);

const clock = new SettableClock('2027-07-01 09:00:00');
const options = { clock: () => clock };

/** Five awards without letters, and link sharing on. */
async function seedAwards(api: GoogleApi, served: Served): Promise<void> {
  await runOnSpreadsheet(api, served.spreadsheetId, options, ({ ports }) => {
    const config = Table.read(ports.store, ConfigTable, 'zh-CN');
    const sharing = config.records().find((r) => r.key === 'letterSharing')!;
    config.upsert({ ...sharing, value: 'anyone' });
    config.save(ports.store, 'zh-CN');
    const awards = Table.read(ports.store, AwardsTable, 'zh-CN');
    for (let i = 1; i <= 5; i++) {
      awards.upsert({
        awardId: `A00${i}`,
        kind: 'member',
        branch: 'B001',
        recipient: `党员${i}`,
        title: '优秀学生党员',
        score: null,
        rank: i,
        letterId: null,
        link: null,
        generatedAt: null,
        state: 'final',
        letterNo: null,
        printed: null,
        voidedLetters: null,
      });
    }
    awards.save(ports.store, 'zh-CN');
  });
}

function letters(api: GoogleApi, served: Served) {
  return runOnSpreadsheet(api, served.spreadsheetId, options, ({ ports }) =>
    issueGoogleLetters(api, served.spreadsheetId, ports, { domain: null }),
  );
}

async function awardRows(api: GoogleApi, served: Served) {
  return runOnSpreadsheet(api, served.spreadsheetId, options, ({ ports }) =>
    Table.read(ports.store, AwardsTable, readConfig(ports).locale).records(),
  );
}

describe('letters as Google Docs from Node', () => {
  let served: Served;
  afterEach(() => served.fake.stop());

  it('makes each letter with one copy, one fill and one share, tagged with its award', async () => {
    served = await serve();
    const api = await served.connect();
    await seedAwards(api, served);
    served.fake.reset();
    const report = await letters(api, served);
    expect(report.made).toBe(5);
    expect(served.fake.counts()).toMatchObject({
      'drive.files.list': 1,
      'drive.files.copy': 5,
      'docs.documents.batchUpdate': 5,
      'drive.permissions.create': 5,
      'sheets.values.batchUpdate': 1,
    });
    const rows = await awardRows(api, served);
    expect(rows.every((a) => a.letterId && a.link?.includes(a.letterId))).toBe(true);
    const first = rows[0]!;
    expect(served.fake.appProperties.get(first.letterId!)?.[TAG_AWARD]).toBe('A001');
    const text = served.gas.world.peek(() =>
      served.gas.world.services.DocumentApp.openById(first.letterId!).getBody().getText(),
    );
    expect(text).toContain('党员1');
    expect(text).not.toContain('{{');
  });

  it("stops at the day's document quota with a message, and the next run finishes", async () => {
    served = await serve({ dailyDocumentQuota: 3 });
    const api = await served.connect();
    await seedAwards(api, served);
    const first = await letters(api, served);
    expect(first.made).toBe(3);
    expect(first.quotaReached).toBe(true);
    expect(first.summary.at(-1)).toBe(
      '今日文档配额已用完：已生成 3 份证书，其余 2 份请明天再运行同一命令继续',
    );
    (served.fake as unknown as { copiesToday: number }).copiesToday = 0; // the next day
    const second = await letters(api, served);
    expect(second.made).toBe(2);
    expect(second.quotaReached).toBe(false);
    expect(served.fake.counts()['drive.files.copy']).toBe(5 + 1); // the refused one counted too
    expect(new Set((await awardRows(api, served)).map((a) => a.letterId)).size).toBe(5);
  });

  it('a run cut off after its copies resumes with them: never a second copy', async () => {
    served = await serve();
    const api = await served.connect({ attempts: 2 });
    await seedAwards(api, served);
    // The third fill fails for good: the run stops before it writes the Awards sheet.
    let fills = 0;
    const original = api.call.bind(api);
    const flaky = {
      ...api,
      call: <T>(label: string, request: () => Promise<{ data: T }>) => {
        if (label === 'docs.documents.batchUpdate' && ++fills === 3) {
          return Promise.reject(
            new GoogleCallError(label, { kind: 'other', status: '500', message: 'cut off' }),
          );
        }
        return original(label, request);
      },
    } as GoogleApi;
    await expect(letters(flaky, served)).rejects.toThrow('cut off');
    expect((await awardRows(api, served)).filter((a) => a.letterId)).toHaveLength(0);
    served.fake.reset();
    const again = await letters(api, served);
    expect(again.made).toBe(5);
    expect(served.fake.counts()['drive.files.copy']).toBeUndefined();
    expect(served.fake.appProperties.size).toBe(5);
  });
});
