/**
 * Staff-made templates and folders under the `drive.file` scope: the app cannot see a Doc or
 * folder staff made in Drive. Letters stop before making anything with one message naming the
 * cause and the fix; the menu imports the template into a Doc the app owns, and creates a letters
 * folder the app owns; then letters work.
 */
import { t } from '../../src/domain/messages';
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
  completeDefense,
} from './support';

function withAwards(): Gas {
  const gas = freshGas();
  compactSheets(gas.world);
  for (let i = 1; i <= 2; i++) submit(gas, 'application', applicationAnswers(`第${i}党支部`));
  reviewBranches(gas.world, ['B001', 'B002']);
  gas.bundle.call('refreshFormChoices');
  gas.world.setNow(new Date('2026-10-20T10:00:00+08:00'));
  for (let i = 1; i <= 2; i++) {
    submit(gas, 'activity', activityAnswers(branchChoice({ id: `B00${i}`, name: `第${i}党支部` })));
  }
  gas.bundle.run('finaliseMonthNow', ['2026-10']);
  editRows(gas.world, SHEETS.config, (r) => r['键'] === 'requireCompliance', { 值: 'false' });
  completeDefense(gas);
  expect(gas.bundle.run('selectAwardsNow', []).ok).toBe(true);
  gas.bundle.open();
  return gas;
}

const setting = (gas: Gas, key: string) =>
  String(sheetRecords(gas.world, SHEETS.config).find((r) => r['键'] === key)!['值']);
const letters = (gas: Gas) => sheetRecords(gas.world, SHEETS.awards).map((a) => a['证书文件']);

describe('a template staff made in Drive', () => {
  it('stops the letters with one message naming the cause and the fix, and nothing is made', () => {
    const gas = withAwards();
    const staffDoc = gas.world.createStaffDocument('我们的证书模板', [
      '荣誉证书',
      '{{salutation}}',
      '{{citation}}',
    ]);
    editRows(gas.world, SHEETS.config, (r) => r['键'] === 'letterTemplate', { 值: staffDoc });
    const files = gas.world.files().length;
    const run = gas.bundle.run('generateLetters', []);
    expect(run.ok).toBe(false);
    expect((run.error as Error).message).toBe(
      t('zh-CN', 'gas.jobs.templateNotFound', { id: staffDoc }),
    );
    expect(String(run.error)).not.toMatch(/API call to drive/);
    expect(gas.world.files()).toHaveLength(files);
    expect(letters(gas).filter((l) => l)).toEqual([]);
    expect(gas.world.triggers().filter((tr) => tr.handler === 'continueLetters')).toEqual([]);
  });

  it('is imported from the menu into a copy the app owns, and letters are made from it', () => {
    const gas = withAwards();
    const staffDoc = gas.world.createStaffDocument('我们的证书模板', [
      '荣誉证书',
      '{{salutation}}',
      '{{citation}}',
      '{{college}}',
    ]);
    gas.world.ui.queuePrompt(`https://docs.google.com/document/d/${staffDoc}/edit?usp=sharing`);
    const message = gas.bundle.clickMenu<string>('先进支部创建', '导入证书模板…');
    expect(message).toBe(t('zh-CN', 'gas.jobs.imported', { name: '我们的证书模板', parts: 4 }));
    const imported = setting(gas, 'letterTemplate');
    expect(imported).not.toBe(staffDoc);
    expect(gas.world.describeFile(imported)!.outsideApp).toBeUndefined();
    expect(gas.world.documentText(imported)).toBe(gas.world.documentText(staffDoc));
    expect(gas.bundle.call<string>('generateLetters')).toMatch(/^生成证书 \d+ 封/);
    const made = letters(gas);
    expect(made.filter((l) => !l)).toEqual([]);
    for (const id of made) {
      const text = gas.world.documentText(String(id));
      expect(text).toMatch(/^荣誉证书\n.+：\n.*先进党支部创建活动/);
      expect(text).not.toContain('{{');
    }
  });

  it('a link that is not a Doc gets a message, and Config is unchanged', () => {
    const gas = withAwards();
    const before = setting(gas, 'letterTemplate');
    gas.world.ui.queuePrompt('我们的模板');
    const message = gas.bundle.clickMenu<string>('先进支部创建', '导入证书模板…');
    expect(message).toBe(t('zh-CN', 'gas.jobs.importNotADocument', { input: '我们的模板' }));
    expect(setting(gas, 'letterTemplate')).toBe(before);
  });
});

describe('a folder staff made in Drive', () => {
  it('is named with the fix; the app-made folder from the menu then holds the letters', () => {
    const gas = withAwards();
    const staffFolder = gas.world.createFolder('证书', { byStaff: true });
    editRows(gas.world, SHEETS.config, (r) => r['键'] === 'letterFolder', { 值: staffFolder });
    const run = gas.bundle.run('generateLetters', []);
    expect((run.error as Error).message).toBe(
      t('zh-CN', 'gas.jobs.folderNotFound', { id: staffFolder }),
    );
    gas.bundle.clickMenu('先进支部创建', '创建证书文件夹');
    const folder = setting(gas, 'letterFolder');
    expect(gas.world.describeFile(folder)!.mimeType).toBe('application/vnd.google-apps.folder');
    expect(gas.bundle.call<string>('generateLetters')).toMatch(/^生成证书 \d+ 封/);
    for (const id of letters(gas)) {
      expect(gas.world.describeFile(String(id))!.parents).toEqual([folder]);
    }
  });
});
