/**
 * Security of what the system shares and protects: letters are shared view-only with the narrowest
 * access the Config allows, a domain that forbids link sharing gives a clear message instead of a
 * crash, and the sheets the system writes are protected.
 */
import {
  activityAnswers,
  applicationAnswers,
  branchChoice,
  compactSheets,
  completeDefense,
  defenseAnswers,
  measure,
  editRows,
  freshGas,
  reviewBranches,
  sheetRecords,
  SHEETS,
  submit,
  type Gas,
} from './support';
import type { WorldOptions } from '../sandbox';

const DOC = 'application/vnd.google-apps.document';

/** Two approved branches with awards selected, letters due, `letterSharing` as given. */
function withAwards(sharing: string, options: WorldOptions = {}): Gas {
  const gas = freshGas(options);
  compactSheets(gas.world);
  for (let i = 1; i <= 2; i++) submit(gas, 'application', applicationAnswers(`第${i}党支部`));
  reviewBranches(gas.world, ['B001', 'B002']);
  gas.bundle.call('refreshFormChoices');
  gas.world.setNow(new Date('2026-10-20T10:00:00+08:00'));
  for (let i = 1; i <= 2; i++) {
    submit(gas, 'activity', activityAnswers(branchChoice({ id: `B00${i}`, name: `第${i}党支部` })));
  }
  gas.world.setNow(new Date('2027-07-01T09:00:00+08:00'));
  const set = (key: string, value: string) =>
    editRows(gas.world, SHEETS.config, (r) => r['键'] === key, { 值: value });
  set('requireCompliance', 'false');
  set('letterSharing', sharing);
  expect(gas.bundle.run('finaliseMonthNow', ['2026-10']).ok).toBe(true);
  completeDefense(gas);
  expect(gas.bundle.run('selectAwardsNow', []).ok).toBe(true);
  return gas;
}

/** The permissions of every letter (documents other than the template). */
function letterPermissions(gas: Gas) {
  const template = sheetRecords(gas.world, SHEETS.config).find(
    (r) => r['键'] === 'letterTemplate',
  )!['值'];
  return gas.world
    .files()
    .filter((f) => f.mimeType === DOC && f.id !== template)
    .map((f) =>
      f.permissions
        .filter((p) => p.role !== 'owner')
        .map((p) => ({ type: p.type, role: p.role, domain: p.domain })),
    );
}

describe('letters are shared with the narrowest access configured', () => {
  it('private: nobody but the owner', () => {
    const gas = withAwards('private');
    expect(gas.bundle.run('generateLetters', []).ok).toBe(true);
    const letters = letterPermissions(gas);
    expect(letters).toHaveLength(2);
    expect(letters.every((p) => p.length === 0)).toBe(true);
  });

  it('domain: view-only within the college domain, not discoverable', () => {
    const gas = withAwards('domain', { userEmail: 'office@college.example.edu' });
    expect(gas.bundle.run('generateLetters', []).ok).toBe(true);
    for (const permissions of letterPermissions(gas)) {
      expect(permissions).toEqual([
        { type: 'domain', role: 'reader', domain: 'college.example.edu' },
      ]);
    }
  });

  it('domain on a consumer account (no domain): letters stay private', () => {
    const gas = withAwards('domain', { userEmail: 'someone@gmail.com' });
    expect(gas.bundle.run('generateLetters', []).ok).toBe(true);
    expect(letterPermissions(gas).every((p) => p.length === 0)).toBe(true);
  });

  it('anyone: view-only by link, only when chosen', () => {
    const gas = withAwards('anyone');
    expect(gas.bundle.run('generateLetters', []).ok).toBe(true);
    for (const permissions of letterPermissions(gas)) {
      expect(permissions).toEqual([{ type: 'anyone', role: 'reader', domain: undefined }]);
    }
  });

  it('a domain that forbids link sharing: letters kept private, and the job says why', () => {
    const gas = withAwards('anyone', { domainForbidsLinkSharing: true });
    const run = gas.bundle.run<string>('generateLetters', []);
    expect(run.ok).toBe(true);
    expect(run.value).toContain('证书保持私有：链接共享被拒绝');
    expect(letterPermissions(gas).every((p) => p.length === 0)).toBe(true);
    expect(
      sheetRecords(gas.world, SHEETS.awards).every((r) => String(r['证书链接']).length > 0),
    ).toBe(true);
  });
});

describe('a letter whose award changed is voided: kept, renamed, unshared, unlinked', () => {
  /** Both branches' letters made and shared by link: B001 #1 (89 from every judge), B002 #2 (76). */
  function withLetters(): Gas {
    const gas = freshGas();
    compactSheets(gas.world);
    for (let i = 1; i <= 2; i++) submit(gas, 'application', applicationAnswers(`第${i}党支部`));
    reviewBranches(gas.world, ['B001', 'B002']);
    gas.bundle.call('refreshFormChoices');
    gas.world.setNow(new Date('2026-10-20T10:00:00+08:00'));
    for (let i = 1; i <= 2; i++) {
      submit(
        gas,
        'activity',
        activityAnswers(branchChoice({ id: `B00${i}`, name: `第${i}党支部` })),
      );
    }
    gas.world.setNow(new Date('2027-06-30T09:00:00+08:00'));
    const set = (key: string, value: string) =>
      editRows(gas.world, SHEETS.config, (r) => r['键'] === key, { 值: value });
    set('requireCompliance', 'false');
    set('letterSharing', 'anyone');
    expect(gas.bundle.run('finaliseMonthNow', ['2026-10']).ok).toBe(true);
    completeDefense(gas, { B001: [36, 22, 13, 9, 9], B002: [30, 20, 10, 8, 8] });
    expect(gas.bundle.run('selectAwardsNow', []).ok).toBe(true);
    expect(gas.bundle.run('generateLetters', []).ok).toBe(true);
    return gas;
  }

  const award = (gas: Gas, id: string) =>
    sheetRecords(gas.world, SHEETS.awards).find((r) => r['表彰编号'] === id)!;

  it('before the defense: the menu item refuses, naming the branches, and makes nothing', () => {
    const gas = freshGas();
    compactSheets(gas.world);
    submit(gas, 'application', applicationAnswers('第1党支部'));
    reviewBranches(gas.world, ['B001']);
    editRows(gas.world, SHEETS.config, (r) => r['键'] === 'requireCompliance', {
      值: 'false',
    });
    const refused = gas.bundle.run('selectAwardsNow', []);
    expect(refused.ok).toBe(false);
    expect(String(refused.ok ? '' : refused.error)).toContain('答辩成绩尚未齐全');
    expect(String(refused.ok ? '' : refused.error)).toContain('B001 第1党支部');
    expect(sheetRecords(gas.world, SHEETS.awards)).toEqual([]);

    expect(gas.bundle.run('selectProvisionalAwardsNow', []).ok).toBe(true);
    expect(sheetRecords(gas.world, SHEETS.awards).map((r) => r['状态'])).toEqual(['暂定']);
    expect(gas.bundle.run<string>('generateLetters', []).value).toContain('1 项暂定表彰未生成证书');
    expect(gas.world.files().filter((f) => f.mimeType === DOC && f.name.startsWith('ADV'))).toEqual(
      [],
    );
  });

  it('a corrected defense score: both letters voided, renamed and unshared, then reissued with new numbers', () => {
    const gas = withLetters();
    const before = ['ADV-B001', 'ADV-B002'].map((id) => award(gas, id));
    expect(before.map((r) => [r['排名'], r['证书编号'], r['状态']])).toEqual([
      [1, '2026-2027-ADV-B001', '正式'],
      [2, '2026-2027-ADV-B002', '正式'],
    ]);
    // The judges correct B001's sheets (20 + 10 + 5 + 5 + 5 = 45): B001 falls to #2.
    for (const judge of ['甲评委', '乙评委', '丙评委']) {
      const choice = branchChoice({ id: 'B001', name: '第1党支部' });
      submit(gas, 'defense', defenseAnswers(judge, choice, [20, 10, 5, 5, 5]));
    }
    expect(gas.bundle.run('aggregateDefenseNow', []).ok).toBe(true);
    const voiding = measure(gas.world, () => gas.bundle.run<string>('selectAwardsNow', []));
    expect(voiding.value.ok).toBe(true);

    for (const old of before) {
      const file = gas.world.files().find((f) => f.id === old['证书文件'])!;
      expect(file.name).toMatch(/^作废-ADV-B00\d-第\d党支部-先进党支部\.docx$/);
      expect(file.description).toMatch(/^排名 [12] → [12]/);
      expect(file.trashed).toBe(false);
      expect(file.permissions.filter((p) => p.role !== 'owner')).toEqual([]);
    }
    const unlinked = ['ADV-B001', 'ADV-B002'].map((id) => award(gas, id));
    expect(unlinked.map((r) => [r['排名'], r['证书文件'], r['证书链接']])).toEqual([
      [2, '', ''],
      [1, '', ''],
    ]);
    expect(String(unlinked[0]!['作废证书'])).toMatch(/^2026-2027-ADV-B001 作废于 2027-06-30/);
    // Voiding costs a read, a rename and one delete per sharing permission: 3 Drive calls a letter.
    const drive = (method: string) => voiding.calls[method] ?? 0;
    expect([
      drive('Drive.Files.get'),
      drive('Drive.Files.update'),
      drive('Drive.Permissions.remove'),
    ]).toEqual([2, 2, 2]);

    expect(gas.bundle.run('generateLetters', []).ok).toBe(true);
    const after = ['ADV-B001', 'ADV-B002'].map((id) => award(gas, id));
    expect(after.map((r) => r['证书编号'])).toEqual([
      '2026-2027-ADV-B001-2',
      '2026-2027-ADV-B002-2',
    ]);
    for (const row of after) {
      const file = gas.world.files().find((f) => f.id === row['证书文件'])!;
      expect(file.name.startsWith('作废-')).toBe(false);
      expect(file.permissions.filter((p) => p.role !== 'owner').map((p) => p.type)).toEqual([
        'anyone',
      ]);
      const text = gas.world.documentText(file.id);
      expect(text).toContain(`证书编号：${row['证书编号']}`);
      expect(text).toContain(`位列第${row['排名'] === 1 ? '一' : '二'}名`);
    }
  });
});

describe('the spreadsheet itself', () => {
  it('is never shared by the system, and the sheets it writes are protected', () => {
    const gas = withAwards('anyone');
    gas.bundle.run('generateLetters', []);
    const spreadsheet = gas.world.files().find((f) => f.mimeType.includes('spreadsheet'));
    expect((spreadsheet?.permissions ?? []).filter((p) => p.role !== 'owner')).toEqual([]);
    const protectedSheets = gas.world.peek(() =>
      gas.world.spreadsheet
        .getSheets()
        .filter((s) => s.getProtections('SHEET' as never).length > 0)
        .map((s) => s.getName())
        .sort(),
    );
    expect(protectedSheets).toEqual(
      ['总览', '示范汇报', '月度结果', '评委', '答辩结果', '表彰', '日志'].sort(),
    );
  });
});
