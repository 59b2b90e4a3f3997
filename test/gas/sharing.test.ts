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
    editRows(gas.world, SHEETS.config, (r) => r['设置项'] === key, { 值: value });
  set('requireCompliance', 'false');
  set('letterSharing', sharing);
  expect(gas.bundle.run('finaliseMonthNow', ['2026-10']).ok).toBe(true);
  expect(gas.bundle.run('selectAwardsNow', []).ok).toBe(true);
  return gas;
}

/** The permissions of every letter (documents other than the template). */
function letterPermissions(gas: Gas) {
  const template = sheetRecords(gas.world, SHEETS.config).find(
    (r) => r['设置项'] === 'letterTemplate',
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
    expect(run.value).toContain('letters kept private: link sharing was refused');
    expect(letterPermissions(gas).every((p) => p.length === 0)).toBe(true);
    expect(
      sheetRecords(gas.world, SHEETS.awards).every((r) => String(r['证书链接']).length > 0),
    ).toBe(true);
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
