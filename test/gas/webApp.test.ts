/**
 * The web app from the built bundle (DESIGN §13): `doGet` pages for who may see them, the board's
 * tally through `google.script.run` as votes arrive, and closing the vote, allowed to editors only
 * and checked on the server, with the result `finalize` then records.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublicBoard } from '../../src/app/publicBoard';
import { t } from '../../src/domain/messages';
import { type VisitResult } from '../sandbox';
import {
  activityAnswers,
  applicationAnswers,
  approvedChoices,
  compactSheets,
  cst,
  editRows,
  freshGas,
  reviewBranches,
  sheetRecords,
  SHEETS,
  submit,
  voteAnswers,
} from './support';

const URL = 'https://script.google.com/macros/s/AKfycbTEST/exec';
const STAFF = 'staff@example.edu';
const TEACHER = 'teacher@example.edu';
const XSS = '<img src=x onerror=alert(1)>党支部';

function content(result: VisitResult): string {
  if (result.refused) throw new Error('Google refused the visit');
  if (!result.ok) throw result.error;
  return result.value!.getContent();
}

describe('the web app over a month of the programme', () => {
  const gas = freshGas({ webAppUrl: URL, editors: [STAFF] });
  const { world, bundle } = gas;
  compactSheets(world);
  let presenters: string[] = [];

  beforeAll(() => {
    const names = ['计算机学院第一党支部', XSS, '计算机学院第三党支部', '计算机学院第四党支部'];
    names.forEach((name, i) =>
      submit(gas, 'application', applicationAnswers(name), { at: cst(`2026-09-02 09:0${i}`) }),
    );
    reviewBranches(world, ['B001', 'B002', 'B003', 'B004']);
    bundle.call('refreshFormChoices');
    const choices = approvedChoices(world);
    choices.forEach((choice, i) =>
      submit(
        gas,
        'activity',
        activityAnswers(choice, { date: `2026-10-0${i + 1}`, title: `读书会${i}` }),
        {
          at: cst(`2026-10-0${i + 1} 20:00`),
        },
      ),
    );
    // The daily trigger draws the showcase on the 25th.
    expect(bundle.runClock(cst('2026-10-25 12:00')).filter((r) => !r.ok)).toEqual([]);
    presenters = sheetRecords(world, SHEETS.showcase).map((r) => String(r['支部编号']));
    expect(presenters.length).toBeGreaterThanOrEqual(3);
  });

  const choiceOf = (id: string) => approvedChoices(world).find((c) => c.startsWith(id))!;
  const tally = (visitor = STAFF) =>
    bundle.runFromPage<PublicBoard>('boardTally', ['2026-10'], { visitor });

  it('serves the board to the college: presenters, reasons, the vote form’s QR code; names as text', () => {
    const page = content(bundle.visit({ page: 'board', month: '2026-10' }, { visitor: TEACHER }));
    for (const id of presenters) expect(page).toContain(`data-branch="${id}"`);
    expect(page).toContain('月度前列');
    expect(page).toContain('<svg');
    expect(page).not.toContain('<img');
    // A teacher is no editor: no close button.
    expect(page).not.toContain('id="close"');
    const staff = content(bundle.visit({ page: 'board', month: '2026-10' }, { visitor: STAFF }));
    expect(staff).toContain('id="close"');
  });

  it('sets the title and viewport through HtmlService, and frames only the honour roll', () => {
    const board = bundle.visit({ page: 'board', month: '2026-10' });
    const honours = bundle.visit({ page: 'honours' });
    if (board.refused || honours.refused) throw new Error('refused');
    const output = (r: typeof board) =>
      r.value as unknown as { _title: string; _xFrameOptions: string; _metaTags: unknown[] };
    expect(output(board)._title).toBe('2026年10月月度总结会 · 现场评选');
    expect(output(board)._xFrameOptions).toBe('DEFAULT');
    expect(output(honours)._xFrameOptions).toBe('ALLOWALL');
    expect(output(board)._metaTags).toEqual([
      { name: 'viewport', content: 'width=device-width, initial-scale=1' },
    ]);
  });

  it('Google keeps outsiders out of a domain deployment; at 设置 domain the app shows them nothing either', () => {
    expect(bundle.visit({ page: 'honours' }, { visitor: 'someone@gmail.com' }).refused).toBe(true);
    const open = { visitor: 'someone@gmail.com', access: 'ANYONE_ANONYMOUS' as const };
    const page = content(bundle.visit({ page: 'board', month: '2026-10' }, open));
    expect(page).toContain(t('zh-CN', 'honours.domainOnly'));
    expect(page).not.toContain('data-branch');
    const anonymous = bundle.runFromPage('boardTally', ['2026-10'], {
      visitor: null,
      access: 'ANYONE_ANONYMOUS',
    });
    expect(anonymous.ok).toBe(false);
    expect(String(anonymous.error)).toContain(t('zh-CN', 'honours.domainOnly'));
  });

  it('the tally rises as votes come in through the vote form, and never names a judge', () => {
    expect(tally().value).toMatchObject({ voters: 0, votes: 0, closedAt: null, result: null });
    const judges = ['评委甲', '评委乙', '评委丙', '评委丁', '评委戊'];
    judges.forEach((judge, i) =>
      submit(gas, 'vote', voteAnswers('2026-10', judge, choiceOf(presenters[0]!), 80 + i), {
        at: cst(`2026-10-27 15:0${i}`),
      }),
    );
    judges.slice(0, 3).forEach((judge, i) =>
      submit(gas, 'vote', voteAnswers('2026-10', judge, choiceOf(presenters[1]!), 90), {
        at: cst(`2026-10-27 15:1${i}`),
      }),
    );
    const board = tally().value!;
    expect(board.voters).toBe(5);
    expect(board.presenters.find((p) => p.branch === presenters[0])!.votes).toBe(5);
    expect(board.presenters.find((p) => p.branch === presenters[1])!.votes).toBe(3);
    expect(JSON.stringify(board)).not.toMatch(/评委/);
  });

  it('a poll costs the same few calls whatever the tables hold', () => {
    const before = world.calls.snapshot();
    tally();
    expect(world.calls.since(before)).toEqual({
      'Session.getActiveUser': 1,
      'Session.getEffectiveUser': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getId': 1,
      'Sheets.Spreadsheets.get': 1,
      'Sheets.Spreadsheets.Values.batchGet': 1,
      'User.getEmail': 2,
    });
  });

  it('only an editor may close the vote: the server refuses others whatever their page shows', () => {
    const teacher = bundle.runFromPage('closeVote', ['2026-10'], { visitor: TEACHER });
    expect(teacher.ok).toBe(false);
    expect(String(teacher.error)).toContain(t('zh-CN', 'board.notEditor'));
    // Outside the domain Google does not say who calls: refused too.
    const unknown = bundle.runFromPage('closeVote', ['2026-10'], {
      visitor: 'staff.friend@gmail.com',
      access: 'ANYONE',
    });
    expect(String(unknown.error)).toContain(t('zh-CN', 'board.unknownUser'));
    expect(sheetRecords(world, SHEETS.showcase).every((r) => r['投票截止时间'] === '')).toBe(true);
  });

  it('staff close it: the result is shown, later votes do not count, and finalize records the same', () => {
    world.setNow(cst('2026-10-27 16:00'));
    const closed = bundle.runFromPage<PublicBoard>('closeVote', ['2026-10'], { visitor: STAFF });
    expect(closed.ok).toBe(true);
    const board = closed.value!;
    // presenters[0]: 80..84 from five judges, trimmed → 82; presenters[1]: three 90s → 90.
    expect(board.result!.starBranches).toEqual([{ branch: presenters[1], score: '90.00' }]);
    expect(
      new Set(sheetRecords(world, SHEETS.showcase).map((r) => String(r['投票截止时间']))),
    ).toEqual(new Set(['2026-10-27 16:00:00']));

    submit(gas, 'vote', voteAnswers('2026-10', '评委己', choiceOf(presenters[0]!), 100), {
      at: cst('2026-10-27 16:30'),
    });
    expect(tally().value!.lateVotes).toBe(1);
    expect(tally().value!.result).toEqual(board.result);

    expect(bundle.runClock(cst('2026-11-01 12:00')).filter((r) => !r.ok)).toEqual([]);
    const october = sheetRecords(world, SHEETS.monthly).filter((r) => r['月份'] === '2026-10');
    const star = october.filter((r) => r['当月星级支部'] === '是' || r['当月星级支部'] === true);
    expect(star.map((r) => String(r['支部编号']))).toEqual([presenters[1]]);
    expect(october.find((r) => r['支部编号'] === presenters[0])!['现场评分']).toBe(82);
    expect(star[0]!['现场评分']).toBe(90);
  });

  it('the honour roll shows the month’s star branch before the awards are announced', () => {
    const page = content(
      bundle.visit({ page: 'honours', branch: presenters[1]! }, { visitor: TEACHER }),
    );
    expect(page).toContain(t('zh-CN', 'honours.notAnnounced'));
    expect(page).toContain('每月星级支部');
    expect(page).toContain(`"selected":{"branch":"${presenters[1]}"}`);
  });

  it('the honour roll is served from the cache to the crowd; a job shows at once, a hand edit within ten minutes', () => {
    const visit = () => content(bundle.visit({ page: 'honours' }, { visitor: TEACHER }));
    const named = (name: string) =>
      editRows(world, SHEETS.branches, (r) => r['支部编号'] === presenters[1], { 支部名称: name });
    const first = visit();
    const before = world.calls.snapshot();
    expect(visit()).toBe(first);
    const calls = world.calls.since(before);
    // 设置 alone is read (who may see it), and the page comes from the cache in three calls.
    expect(calls['Sheets.Spreadsheets.Values.batchGet']).toBe(1);
    expect([calls['Cache.get'], calls['Cache.getAll'], calls['Cache.putAll']]).toEqual([
      2,
      1,
      undefined,
    ]);

    named('改名甲党支部');
    expect(visit()).not.toContain('改名甲党支部');
    // Any job that writes to the spreadsheet starts the pages afresh.
    bundle.call('finaliseMonthNow', '2026-10');
    expect(visit()).toContain('改名甲党支部');

    named('改名乙党支部');
    expect(visit()).not.toContain('改名乙党支部');
    world.setNow(new Date(world.nowMs + 11 * 60_000));
    expect(visit()).toContain('改名乙党支部');

    // Google may drop cached entries at any time: the page is built again, the same.
    const cached = visit();
    world.services.CacheService._evictAll();
    expect(visit()).toBe(cached);
  });

  it('the menu item shows the links to share; before deployment it says how to deploy', () => {
    bundle.open();
    bundle.clickMenu('先进支部创建', t('zh-CN', 'board.menuItem'));
    const dialog = world.ui.htmlDialogs.at(-1)!;
    expect(dialog.content).toContain(`${URL}?page=honours`);
    expect(dialog.content).toContain(`${URL}?page=board&amp;month=2026-11`);
    world.webAppUrl = null;
    bundle.clickMenu('先进支部创建', t('zh-CN', 'board.menuItem'));
    expect(world.ui.htmlDialogs.at(-1)!.content).toContain('docs/deploy.md');
    world.webAppUrl = URL;
  });

  it('at 设置 anyone, a visitor Google does not name sees the pages', () => {
    editRows(world, SHEETS.config, (r) => r['键'] === 'webAccess', { 值: 'anyone' });
    const page = content(
      bundle.visit(
        { page: 'board', month: '2026-10' },
        { visitor: null, access: 'ANYONE_ANONYMOUS' },
      ),
    );
    expect(page).toContain(`data-branch="${presenters[0]}"`);
    expect(page).not.toContain('id="close"');
  });
});

describe('the manifest', () => {
  const manifest = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'dist', 'appsscript.json'), 'utf8'),
  );

  it('deploys the web app as the deploying staff member, for the domain', () => {
    expect(manifest.webapp).toEqual({ executeAs: 'USER_DEPLOYING', access: 'DOMAIN' });
  });

  it('adds no scope for it', () => {
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets',
      'https://www.googleapis.com/auth/forms',
      'https://www.googleapis.com/auth/documents',
      'https://www.googleapis.com/auth/drive.file',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
  });
});

describe('closing the vote from the menu', () => {
  it('closes this month’s vote as the board’s button does', () => {
    const gas = freshGas();
    const { world, bundle } = gas;
    compactSheets(world);
    ['第一党支部', '第二党支部', '第三党支部'].forEach((name, i) =>
      submit(gas, 'application', applicationAnswers(name), { at: cst(`2026-09-02 09:0${i}`) }),
    );
    reviewBranches(world, ['B001', 'B002', 'B003']);
    expect(bundle.runClock(cst('2026-10-25 12:00')).filter((r) => !r.ok)).toEqual([]);
    world.setNow(cst('2026-10-27 16:30'));
    bundle.open();
    const summary = bundle.clickMenu<string>('先进支部创建', t('zh-CN', 'board.closeMenuItem'));
    expect(summary).toContain('2026-10现场评选已于 2026-10-27 16:30:00 截止');
    const showcase = sheetRecords(world, SHEETS.showcase).filter((r) => r['月份'] === '2026-10');
    expect(showcase.length).toBeGreaterThan(0);
    // September's showcase keeps its open vote: only this month's closes.
    expect(
      sheetRecords(world, SHEETS.showcase).some(
        (r) => r['月份'] === '2026-09' && r['投票截止时间'] === '',
      ),
    ).toBe(true);
    expect(new Set(showcase.map((r) => String(r['投票截止时间'])))).toEqual(
      new Set(['2026-10-27 16:30:00']),
    );
  });
});
