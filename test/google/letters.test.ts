/**
 * Letters as Google Docs from Node against the fake: one copy, one Docs batchUpdate and one
 * permission per letter; the day's quota stops the run with a message and the next run goes
 * on; a run cut off after its copies never makes a second copy of a letter. A letter whose award
 * changed is voided (renamed 作废-…, unshared, kept) and a new one with a new number is made;
 * `reissue` remakes every letter; provisional awards get none.
 */
import { Table } from '../../src/app/table';
import { readConfig } from '../../src/app/context';
import { ConfigTable, AwardsTable, type Award } from '../../src/domain/schema/tables';
import { VOID_PREFIX } from '../../src/domain/vocabulary';
import { issueGoogleLetters, TAG_AWARD, TAG_ISSUE, TAG_LETTER_NO } from '../../src/google/letters';
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

function letters(api: GoogleApi, served: Served, reissue = false) {
  return runOnSpreadsheet(api, served.spreadsheetId, options, ({ ports }) =>
    issueGoogleLetters(api, served.spreadsheetId, ports, { domain: null, reissue }),
  );
}

/** Staff change awards in the sheet after their letters were made. */
async function editAwards(
  api: GoogleApi,
  served: Served,
  changes: Record<string, Partial<Award>>,
): Promise<void> {
  await runOnSpreadsheet(api, served.spreadsheetId, options, ({ ports }) => {
    const awards = Table.read(ports.store, AwardsTable, 'zh-CN');
    for (const award of awards.records()) {
      const change = changes[award.awardId];
      if (change) awards.upsert({ ...award, ...change });
    }
    awards.save(ports.store, 'zh-CN');
  });
}

/** The API, but its `n`-th request labelled `label` fails for good (the run is cut off there). */
function failingOn(api: GoogleApi, label: string, n: number): GoogleApi {
  let seen = 0;
  const original = api.call.bind(api);
  return {
    ...api,
    call: <T>(called: string, request: () => Promise<{ data: T }>) => {
      if (called === label && ++seen === n) {
        return Promise.reject(
          new GoogleCallError(called, { kind: 'other', status: '500', message: 'cut off' }),
        );
      }
      return original(called, request);
    },
  } as GoogleApi;
}

/** A Drive file as the fake's world keeps it. */
function driveFile(served: Served, id: string) {
  const file = served.gas.world._driveFile(id)!;
  return {
    name: file.name,
    description: file.description,
    trashed: file.trashed,
    shared: file.permissions.filter((p) => p.role !== 'owner').length,
  };
}

function docText(served: Served, id: string): string {
  return served.gas.world.peek(() =>
    served.gas.world.services.DocumentApp.openById(id).getBody().getText(),
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
    const flaky = failingOn(api, 'docs.documents.batchUpdate', 3);
    await expect(letters(flaky, served)).rejects.toThrow('cut off');
    expect((await awardRows(api, served)).filter((a) => a.letterId)).toHaveLength(0);
    served.fake.reset();
    const again = await letters(api, served);
    expect(again.made).toBe(5);
    expect(served.fake.counts()['drive.files.copy']).toBeUndefined();
    expect(served.fake.appProperties.size).toBe(5);
  });

  it('voids the letter of an award that changed and makes a new one with a new number', async () => {
    served = await serve();
    const api = await served.connect();
    await seedAwards(api, served);
    await letters(api, served);
    const before = new Map((await awardRows(api, served)).map((a) => [a.awardId, a]));
    await editAwards(api, served, { A002: { recipient: '党员二' }, A003: { rank: 9 } });
    served.fake.reset();
    const report = await letters(api, served);
    expect(report).toMatchObject({ made: 2, voided: 2, reissued: 2, kept: 3 });
    // Per letter: copy, fill, share for the new one; read, rename, unshare for the old one.
    expect(served.fake.counts()).toEqual({
      'sheets.spreadsheets.get': 1,
      'sheets.values.batchGet': 1,
      'drive.files.list': 1,
      'drive.files.copy': 2,
      'docs.documents.batchUpdate': 2,
      'drive.permissions.create': 2,
      'drive.files.get': 2,
      'drive.files.update': 2,
      'drive.permissions.delete': 2,
      'sheets.values.batchUpdate': 1,
    });
    const after = new Map((await awardRows(api, served)).map((a) => [a.awardId, a]));
    for (const id of ['A002', 'A003']) {
      const old = before.get(id)!;
      const now = after.get(id)!;
      expect(now.letterId).not.toBe(old.letterId);
      expect(now.link).toContain(now.letterId);
      expect(now.letterNo).toBe(`${old.letterNo}-2`);
      expect(now.voidedLetters).toContain(old.letterNo);
      // The old letter is kept, renamed, unshared; the new one is shared and says the new number.
      const voided = driveFile(served, old.letterId!);
      expect(voided.name.startsWith(VOID_PREFIX)).toBe(true);
      expect(voided).toMatchObject({ trashed: false, shared: 0 });
      expect(voided.description).toBeTruthy();
      expect(driveFile(served, now.letterId!)).toMatchObject({ trashed: false, shared: 1 });
      expect(docText(served, now.letterId!)).toContain(now.letterNo!);
      const tags = served.fake.appProperties.get(now.letterId!);
      expect(tags).toMatchObject({
        [TAG_AWARD]: id,
        [TAG_ISSUE]: '2',
        [TAG_LETTER_NO]: now.letterNo,
      });
    }
    expect(docText(served, after.get('A002')!.letterId!)).toContain('党员二');
    for (const id of ['A001', 'A004', 'A005'])
      expect(after.get(id)!.letterId).toBe(before.get(id)!.letterId);
    // Nothing left to do: the next run makes, voids and copies nothing.
    served.fake.reset();
    const again = await letters(api, served);
    expect(again).toMatchObject({ made: 0, voided: 0, kept: 5 });
    expect(served.fake.counts()['drive.files.copy']).toBeUndefined();
  });

  it('reissue voids every letter and makes each again with a new number', async () => {
    served = await serve();
    const api = await served.connect();
    await seedAwards(api, served);
    await letters(api, served);
    const before = await awardRows(api, served);
    served.fake.reset();
    const report = await letters(api, served, true);
    expect(report).toMatchObject({ made: 5, voided: 5, reissued: 5, kept: 0 });
    expect(served.fake.counts()).toMatchObject({
      'drive.files.copy': 5,
      'drive.files.update': 5,
      'drive.permissions.delete': 5,
    });
    const after = new Map((await awardRows(api, served)).map((a) => [a.awardId, a]));
    for (const old of before) {
      const now = after.get(old.awardId)!;
      expect(now.letterNo).toBe(`${old.letterNo}-2`);
      expect(now.letterId).not.toBe(old.letterId);
      expect(driveFile(served, old.letterId!).name.startsWith(VOID_PREFIX)).toBe(true);
    }
  });

  it('provisional awards get no copy', async () => {
    served = await serve();
    const api = await served.connect();
    await seedAwards(api, served);
    await editAwards(api, served, {
      A004: { state: 'provisional' },
      A005: { state: 'provisional' },
    });
    served.fake.reset();
    const report = await letters(api, served);
    expect(report).toMatchObject({ made: 3, provisional: 2 });
    expect(served.fake.counts()['drive.files.copy']).toBe(3);
    const rows = await awardRows(api, served);
    expect(rows.filter((a) => a.letterId).map((a) => a.awardId)).toEqual(['A001', 'A002', 'A003']);
  });

  it('a reissue cut off after its copies resumes with them: never a second copy', async () => {
    served = await serve();
    const api = await served.connect({ attempts: 1 });
    await seedAwards(api, served);
    await letters(api, served);
    const before = await awardRows(api, served);
    // Unsharing the first old letter fails: the run stops before it writes Awards.
    served.fake.failNext('drive.permissions.delete', '403-permission');
    served.fake.reset();
    await expect(letters(api, served, true)).rejects.toThrow();
    expect(served.fake.counts()['drive.files.copy']).toBe(5);
    expect((await awardRows(api, served)).map((a) => a.letterId)).toEqual(
      before.map((a) => a.letterId),
    );
    served.fake.reset();
    const again = await letters(api, served, true);
    expect(again).toMatchObject({ made: 5, voided: 5 });
    expect(served.fake.counts()['drive.files.copy']).toBeUndefined();
    // Five first letters and five second ones, each award's second the one it links to.
    expect(served.fake.appProperties.size).toBe(10);
    for (const award of await awardRows(api, served)) {
      expect(served.fake.appProperties.get(award.letterId!)?.[TAG_ISSUE]).toBe('2');
    }
    for (const old of before) {
      expect(driveFile(served, old.letterId!)).toMatchObject({ shared: 0, trashed: false });
      expect(driveFile(served, old.letterId!).name.startsWith(VOID_PREFIX + VOID_PREFIX)).toBe(
        false,
      );
    }
  });

  it('a copy a cut-off run filled for what has changed since is voided, and the letter made anew', async () => {
    served = await serve();
    const api = await served.connect({ attempts: 1 });
    await seedAwards(api, served);
    // The third fill fails: A001 and A002 are filled, nothing is recorded.
    await expect(letters(failingOn(api, 'docs.documents.batchUpdate', 3), served)).rejects.toThrow(
      'cut off',
    );
    const filled = [...served.fake.appProperties.entries()].find(
      ([, tags]) => tags[TAG_AWARD] === 'A002',
    )![0];
    expect(docText(served, filled)).toContain('党员2');
    await editAwards(api, served, { A002: { recipient: '党员二' } });
    served.fake.reset();
    const again = await letters(api, served);
    expect(again.made).toBe(5);
    expect(served.fake.counts()['drive.files.copy']).toBe(1);
    const a002 = (await awardRows(api, served)).find((a) => a.awardId === 'A002')!;
    expect(a002.letterId).not.toBe(filled);
    expect(docText(served, a002.letterId!)).toContain('党员二');
    expect(driveFile(served, filled)).toMatchObject({ trashed: false, shared: 0 });
    expect(driveFile(served, filled).name.startsWith(VOID_PREFIX)).toBe(true);
  });
});
