/**
 * The honour roll and the meeting board as people see them, in headless Chromium (the system's
 * browser, driven by playwright-core): the demo year's static site and board (local mode), and the
 * web app's pages rendered by the bundle's `doGet` in the Apps Script sandbox, their
 * `google.script.run` bridged to the sandboxed functions. At 1920×1080 (the projector), 1280 px
 * and 390 px; the live tally follows a vote submitted through the vote form; names and titles that
 * carry markup stay text and no dialog ever opens. Screenshots go to out/shots/.
 *
 * Skipped without a browser on this machine; on CI (`CI` set, or STARBRANCH_BROWSER_TESTS=1 as
 * `.ci/run` sets) a missing browser fails it.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import {
  browserRequired,
  CANDIDATES,
  findChromium,
  launchChromium,
} from '../../scripts/chromium.cjs';
import { boardTally } from '../../src/app/board';
import type { Ports } from '../../src/app/context';
import { readConfig } from '../../src/app/context';
import { Table } from '../../src/app/table';
import {
  ActivitiesTable,
  AwardsTable,
  BranchesTable,
  OnsiteVotesTable,
  ShowcaseTable,
} from '../../src/domain/schema/tables';
import { SettableClock } from '../../src/local/clock';
import { writeBoardPage, writeHonoursSite } from '../../src/local/publicPages';
import { MemoryStore, setConfig, upsertRows } from '../support/fakes';
import {
  activityAnswers,
  applicationAnswers,
  approvedChoices,
  appendRows,
  compactSheets,
  cst,
  editRows,
  freshGas,
  reviewBranches,
  sheetRecords,
  SHEETS,
  submit,
  voteAnswers,
  type Gas,
} from '../gas/support';
import { demoYear, type DemoOutput } from './demoYear';
import { openWebApp, WEB_APP_URL, type WebAppPage } from './webAppHarness';

const chromium = findChromium();
const required = browserRequired();
const run = chromium !== null || required;
if (!run) {
  console.warn(
    `public pages browser test skipped: no Chromium at ${CANDIDATES.join(', ')} ` +
      '(install Debian’s `chromium` package, or set STARBRANCH_CHROMIUM to a browser).',
  );
}

const SHOTS = join(__dirname, '..', '..', 'out', 'shots');
const XSS_NAME = '<img src=x onerror=alert(1)>党支部';
const XSS_TITLE = '团日活动</script><script>alert(2)</script>';
const STAFF = 'staff@example.edu';
const TEACHER = 'teacher@example.edu';

interface Layout {
  readonly scrollWidth: number;
  readonly scrollHeight: number;
  readonly innerWidth: number;
  readonly innerHeight: number;
}

function layout(page: Page): Promise<Layout> {
  // A string: this project's TypeScript knows no DOM, the page does.
  return page.evaluate(`({
    scrollWidth: document.documentElement.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight,
    innerWidth: window.innerWidth,
    innerHeight: window.innerHeight,
  })`);
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

/** Font size in px of the first element matching `selector`. */
function fontSize(page: Page, selector: string): Promise<number> {
  return page.evaluate(
    `parseFloat(getComputedStyle(document.querySelector(${JSON.stringify(selector)})).fontSize)`,
  );
}

/** A small web-app year: four branches (one named with markup), October drawn, an award. */
function webAppYear(): { gas: Gas; presenters: string[] } {
  const gas = freshGas({ webAppUrl: WEB_APP_URL, editors: [STAFF] });
  const { world, bundle } = gas;
  compactSheets(world);
  const names = [
    '计算机学院2023级本科生第一党支部',
    XSS_NAME,
    '计算机学院研究生第二党支部',
    '数学学院2024级本科生第三党支部',
  ];
  names.forEach((name, i) =>
    submit(gas, 'application', applicationAnswers(name), { at: cst(`2026-09-02 09:0${i}`) }),
  );
  reviewBranches(world, ['B001', 'B002', 'B003', 'B004']);
  bundle.call('refreshFormChoices');
  approvedChoices(world).forEach((choice, i) =>
    submit(
      gas,
      'activity',
      activityAnswers(choice, {
        date: `2026-10-0${i + 1}`,
        title: i === 1 ? XSS_TITLE : `主题读书会${i + 1}`,
        kind: i % 2 === 0 ? '特色活动' : '读一本好书',
      }),
      { at: cst(`2026-10-0${i + 1} 20:00`) },
    ),
  );
  const runs = bundle.runClock(cst('2026-10-25 12:00'));
  if (runs.some((r) => !r.ok)) throw new Error('the daily run failed');
  // Staff publish the titles the branches agreed to, and announce B002 as an advanced branch.
  editRows(world, SHEETS.activities, () => true, { 可公开: '是' });
  appendRows(world, SHEETS.awards, [
    {
      表彰编号: 'ADV-B002',
      表彰类别: '先进党支部',
      支部编号: 'B002',
      获奖者: XSS_NAME,
      荣誉称号: '先进党支部',
      综合得分: 88.5,
      排名: 1,
      状态: '正式',
    },
  ]);
  const presenters = sheetRecords(world, SHEETS.showcase).map((r) => String(r['支部编号']));
  return { gas, presenters };
}

/** A local workbook in memory whose names and titles carry markup, and its pages on disk. */
async function localPagesWithMarkup(dir: string): Promise<{ site: string; board: string }> {
  const store = new MemoryStore();
  const clock = new SettableClock('2027-07-02 09:00:00');
  const ports: Ports = { store, clock };
  setConfig(store, { collegeName: '测试学院党委', voteFormUrl: 'https://vote.example.edu.cn/x' });
  upsertRows(store, BranchesTable, [
    {
      id: 'B001',
      name: XSS_NAME,
      tier: 'junior',
      unit: '测试学院',
      secretary: '张三',
      email: null,
      members: 20,
      status: 'approved',
      plan: null,
      planLink: null,
      reviewNote: null,
      complianceOverride: null,
      responseId: null,
      appliedAt: null,
    },
  ]);
  upsertRows(store, ActivitiesTable, [
    {
      responseId: 'a1',
      submittedAt: '2026-10-10 20:00:00',
      branch: 'B001',
      date: '2026-10-10',
      kind: 'featured',
      title: XSS_TITLE,
      description: null,
      participants: 30,
      nonParty: 10,
      counselorPresent: null,
      evidenceLink: null,
      funds: null,
      status: 'submitted',
      points: 16,
      note: null,
      publishable: true,
    },
  ]);
  upsertRows(store, AwardsTable, [
    {
      awardId: 'ADV-B001',
      kind: 'branch',
      branch: 'B001',
      recipient: XSS_NAME,
      title: '先进党支部',
      score: 90,
      rank: 1,
      state: 'final',
      letterId: null,
      link: null,
      generatedAt: null,
      letterNo: null,
      printed: null,
      voidedLetters: null,
    },
  ]);
  upsertRows(store, ShowcaseTable, [
    {
      month: '2026-10',
      branch: 'B001',
      branchName: XSS_NAME,
      reason: 'top',
      note: null,
      score: 80,
      drawnAt: '2026-10-25 18:00:00',
      voteClosedAt: null,
    },
  ]);
  const site = await writeHonoursSite(ports, join(dir, 'markup.xlsx'), join(dir, 'markup-site'));
  const config = readConfig(ports);
  const board = boardTally(
    {
      config,
      branches: Table.read(store, BranchesTable, 'zh-CN').records(),
      showcase: Table.read(store, ShowcaseTable, 'zh-CN').records(),
      votes: Table.read(store, OnsiteVotesTable, 'zh-CN').records(),
    },
    '2026-10',
  );
  const boardFile = writeBoardPage(board, join(dir, 'markup-board.html'), {
    voteUrl: config.voteFormUrl,
    clock,
  });
  return { site: site.index, board: boardFile };
}

(run ? describe : describe.skip)('the public pages in Chromium', () => {
  let dir: string;
  let browser: Browser;
  let demo: DemoOutput;
  let year: { gas: Gas; presenters: string[] };
  const dialogs: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    if (chromium === null) {
      throw new Error(
        `No Chromium found at ${CANDIDATES.join(', ')} (nor STARBRANCH_CHROMIUM), and CI needs it: ` +
          'install Debian’s `chromium` package.',
      );
    }
    const started = launchChromium(chromium);
    try {
      mkdirSync(SHOTS, { recursive: true });
      dir = mkdtempSync(join(tmpdir(), 'starbranch-public-'));
      demo = await demoYear(join(dir, 'demo'));
      year = webAppYear();
    } finally {
      browser = await started;
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A page of a local file, its dialogs and errors collected. */
  async function openFile(path: string, width: number, height: number, query = ''): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${pathToFileURL(path).href}${query}`);
    return page;
  }

  /** A page the bundle's `doGet` served in the sandbox, kept for the last test's checks. */
  async function openFromBundle(
    params: Readonly<Record<string, string>>,
    options: Parameters<typeof openWebApp>[3],
  ): Promise<WebAppPage> {
    const opened = await openWebApp(browser, year.gas.bundle, params, options);
    afterAllChecks.push(opened);
    return opened;
  }
  const afterAllChecks: WebAppPage[] = [];

  describe('local mode: the demo year', () => {
    it.each([
      [1920, 1080],
      [1280, 800],
      [390, 844],
    ])(
      'the honour roll at %i px: no sideways scroll, every advanced branch, in Chinese',
      async (width, height) => {
        const page = await openFile(demo.site, width, height);
        try {
          const l = await layout(page);
          expect(l.scrollWidth).toBeLessThanOrEqual(l.innerWidth);
          expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
          expect(await page.locator('article.card').count()).toBe(14);
          expect(await page.locator('article.member').count()).toBe(18);
          await shot(page, `honours-${width}`, width !== 1920);
        } finally {
          await page.close();
        }
      },
      30_000,
    );

    it('a link to one branch (?branch=) shows that branch’s card alone, with the way back', async () => {
      const page = await openFile(demo.site, 1280, 800);
      const id = await page.locator('article.card').nth(2).getAttribute('data-branch');
      await page.goto(`${pathToFileURL(demo.site).href}?branch=${id}`);
      try {
        await page.waitForSelector('article.card.selected');
        const visible = await page
          .locator('article.card:visible')
          .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-branch')));
        expect(visible).toEqual([id]);
        expect(await page.isVisible('#focus-bar')).toBe(true);
        await shot(page, 'honours-branch-1280');
        await page.goto(`${pathToFileURL(demo.site).href}?branch=B999`);
        expect(await page.textContent('#focus-note')).toBe('荣誉榜上没有支部 B999');
      } finally {
        await page.close();
      }
    }, 30_000);

    it.each([
      [1920, 1080],
      [1280, 720],
    ])(
      'the board fills a %i×%i projector without scrolling, in letters the back row reads',
      async (width, height) => {
        const page = await openFile(demo.board, width, height);
        try {
          const l = await layout(page);
          expect(l.scrollWidth).toBeLessThanOrEqual(l.innerWidth);
          expect(l.scrollHeight).toBeLessThanOrEqual(l.innerHeight);
          expect(await page.locator('li.presenter').count()).toBe(5);
          // 1080 px tall: branch names at least 1/30 of the screen, the star branch 1/20.
          const scale = height / 1080;
          expect(await fontSize(page, 'li.presenter .name')).toBeGreaterThanOrEqual(36 * scale);
          expect(await fontSize(page, '#result .winner')).toBeGreaterThanOrEqual(54 * scale);
          expect(await page.textContent('#status')).toBe('投票已截止');
          await shot(page, `board-${width}`);
        } finally {
          await page.close();
        }
      },
      30_000,
    );

    it('printed, the board is a poster of the vote form’s QR code', async () => {
      const page = await openFile(demo.board, 794, 1123);
      try {
        await page.emulateMedia({ media: 'print' });
        expect(await page.isVisible('.qr')).toBe(true);
        expect(await page.isVisible('#presenters')).toBe(false);
        expect(await page.isVisible('#result')).toBe(false);
        const width = await page.evaluate(
          `document.querySelector('.qr').getBoundingClientRect().width`,
        );
        expect(width).toBeGreaterThan(350);
        await page.pdf({ path: join(SHOTS, 'board-qr-a4.pdf'), format: 'A4' });
      } finally {
        await page.close();
      }
    }, 30_000);

    it('the board on a phone stacks into one column without sideways scroll', async () => {
      const page = await openFile(demo.board, 390, 844);
      try {
        const l = await layout(page);
        expect(l.scrollWidth).toBeLessThanOrEqual(l.innerWidth);
        await shot(page, 'board-390', true);
      } finally {
        await page.close();
      }
    }, 30_000);

    it('names and titles with markup render as text, and no dialog opens', async () => {
      const pages = await localPagesWithMarkup(dir);
      for (const path of [pages.site, pages.board]) {
        const page = await openFile(path, 1280, 800);
        try {
          expect(await page.locator('img').count()).toBe(0);
          const texts = await page.locator('h4, .label, .activities li').allTextContents();
          expect(texts.some((s) => s.includes(XSS_NAME))).toBe(true);
          if (path === pages.site) {
            expect(texts.some((s) => s.includes(XSS_TITLE))).toBe(true);
          }
        } finally {
          await page.close();
        }
      }
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    }, 30_000);
  });

  describe('the web app, from the bundle in the sandbox', () => {
    it.each([
      [1920, 1080],
      [1280, 720],
      [390, 844],
    ])(
      'the board at %i px, served by doGet',
      async (width, height) => {
        const opened = await openFromBundle(
          { page: 'board', month: '2026-10' },
          {
            visitor: TEACHER,
            width,
            height,
          },
        );
        try {
          const { page } = opened;
          const l = await layout(page);
          expect(l.scrollWidth).toBeLessThanOrEqual(l.innerWidth);
          if (width > 800) expect(l.scrollHeight).toBeLessThanOrEqual(l.innerHeight);
          expect(await page.locator('li.presenter').count()).toBe(year.presenters.length);
          const labels = await page.locator('li.presenter .label').allTextContents();
          expect(labels).toContain(XSS_NAME);
          expect(await page.locator('img').count()).toBe(0);
          // A teacher cannot close the vote.
          expect(await page.locator('#close').count()).toBe(0);
          await shot(page, `webapp-board-${width}`, width < 800);
        } finally {
          await opened.page.close();
        }
      },
      30_000,
    );

    /** October's board on the meeting room's projector, opened as `visitor`, its clock faked. */
    const boardOnProjector = (visitor: string) =>
      openFromBundle(
        { page: 'board', month: '2026-10' },
        { visitor, width: 1920, height: 1080, fakeClock: true },
      );

    it('the live tally follows a vote submitted through the vote form', async () => {
      const opened = await boardOnProjector(STAFF);
      const { page } = opened;
      try {
        const first = year.presenters[0]!;
        const count = page.locator(`li.presenter[data-branch="${first}"] .count`);
        expect(await count.textContent()).toBe('0 票');
        const choice = approvedChoices(year.gas.world).find((c) => c.startsWith(first))!;
        submit(year.gas, 'vote', voteAnswers('2026-10', '评委甲', choice, 88), {
          at: cst('2026-10-27 15:00'),
        });
        submit(year.gas, 'vote', voteAnswers('2026-10', '评委乙', choice, 90), {
          at: cst('2026-10-27 15:01'),
        });
        await page.clock.fastForward(5_000);
        await count.filter({ hasText: '2 票' }).waitFor();
        await page.waitForTimeout(700); // the bars' transition, for the picture
        expect(await page.textContent('#voters')).toBe('已有 2 位评委投票');
        expect(opened.calls.map((c) => c.name)).toEqual(['boardTally']);
        await shot(page, 'webapp-board-live-1920');
      } finally {
        await page.close();
      }
    }, 30_000);

    it('staff close the vote with two clicks; the star branch appears and polling stops', async () => {
      const world = year.gas.world;
      const judges = ['评委丙', '评委丁', '评委戊'];
      const second = year.presenters[1]!;
      const choice = approvedChoices(world).find((c) => c.startsWith(second))!;
      judges.forEach((judge, i) =>
        submit(year.gas, 'vote', voteAnswers('2026-10', judge, choice, 92 + i), {
          at: cst(`2026-10-27 15:1${i}`),
        }),
      );
      world.setNow(cst('2026-10-27 16:00'));
      const opened = await boardOnProjector(STAFF);
      const { page } = opened;
      try {
        await page.click('#close');
        expect(await page.textContent('#close')).toBe('再次点击，确认结束投票');
        expect(opened.calls).toEqual([]);
        await page.click('#close');
        await page.waitForSelector('#result:not([hidden])');
        expect(opened.calls.map((c) => c.name)).toEqual(['closeVote']);
        const names = Object.fromEntries(
          sheetRecords(world, SHEETS.branches).map((r) => [
            String(r['支部编号']),
            String(r['支部名称']),
          ]),
        );
        expect(await page.textContent('#result .winner')).toBe(names[second]);
        expect(await page.textContent('#result .points')).toBe('现场评分 93.00');
        expect(await page.textContent('#status')).toBe('投票已截止');
        expect(await page.isHidden('#close')).toBe(true);
        await page.clock.fastForward(20_000);
        expect(opened.calls.map((c) => c.name)).toEqual(['closeVote']);
        await shot(page, 'webapp-board-closed-1920');
        const l = await layout(page);
        expect(l.scrollHeight).toBeLessThanOrEqual(l.innerHeight);
      } finally {
        await page.close();
      }
    }, 30_000);

    it('a close that the server refuses says why on the page', async () => {
      // The page was opened by staff, but the server sees someone else (a shared screen whose
      // sign-in changed): the server's check decides.
      const opened = await openFromBundle(
        { page: 'board', month: '2026-11' },
        {
          visitor: STAFF,
          width: 1280,
          height: 720,
        },
      );
      expect(await opened.page.locator('#close').count()).toBe(0);
      await opened.page.close();
      const refused = year.gas.bundle.runFromPage('closeVote', ['2026-10'], { visitor: TEACHER });
      expect(String(refused.error)).toContain('只有本表格的编辑者可以结束投票');
    }, 30_000);

    it.each([
      [1280, 800],
      [390, 844],
    ])(
      'the honour roll at %i px, focused on one branch by ?branch=',
      async (width, height) => {
        const opened = await openFromBundle(
          { page: 'honours', branch: 'B002' },
          {
            visitor: TEACHER,
            width,
            height,
          },
        );
        const { page } = opened;
        try {
          await page.waitForSelector('article.card.selected');
          expect(await page.textContent('article.card.selected h4')).toBe(XSS_NAME);
          const titles = await page
            .locator('article.card.selected .activities li')
            .allTextContents();
          expect(titles.some((s) => s.includes(XSS_TITLE))).toBe(true);
          expect(await page.locator('img').count()).toBe(0);
          const share = await page.getAttribute('article.card.selected a.share', 'href');
          expect(share).toBe(`${WEB_APP_URL}?page=honours&branch=B002&year=2026-2027`);
          const l = await layout(page);
          expect(l.scrollWidth).toBeLessThanOrEqual(l.innerWidth);
          await shot(page, `webapp-honours-${width}`, true);
        } finally {
          await page.close();
        }
      },
      30_000,
    );

    it('no page opened a dialog or broke its security policy', () => {
      expect(afterAllChecks.length).toBeGreaterThan(0);
      expect(afterAllChecks.flatMap((o) => o.dialogs)).toEqual([]);
      expect(afterAllChecks.flatMap((o) => o.errors)).toEqual([]);
    });
  });
});
