/**
 * report.html as people read it: the demo year's report opened in headless Chromium (the system's
 * browser, driven by playwright-core) on a 1280 px screen, on a 390 px phone, and printed to A4.
 *
 * Without a browser on this machine the suite is skipped, saying so; on CI (`CI` set, or
 * STARBRANCH_BROWSER_TESTS=1 as `.ci/run` sets) a missing browser fails it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import {
  browserRequired,
  CANDIDATES,
  findChromium,
  launchChromium,
  pdfPageCount,
} from '../../scripts/chromium.cjs';
import { measureReport, type ReportLayout } from '../../scripts/reportLayout.cjs';
import { buildReport } from '../../src/app/report';
import type { ReportModel } from '../../src/app/reportModel';
import { SettableClock } from '../../src/local/clock';
import { renderReportHtml } from '../../src/local/reportHtml';
import { openWorkbook } from '../../src/local/workbookFile';
import { demoYear } from './demoYear';

const chromium = findChromium();
const required = browserRequired();
const run = chromium !== null || required;
if (!run) {
  console.warn(
    `report.html browser test skipped: no Chromium at ${CANDIDATES.join(', ')} ` +
      '(install Debian’s `chromium` package, or set STARBRANCH_CHROMIUM to a browser).',
  );
}

const MAX_A4_PAGES = 12;

(run ? describe : describe.skip)('report.html in Chromium', () => {
  let dir: string;
  let browser: Browser;
  let model: ReportModel;
  const pages: Record<'zh' | 'en', string> = { zh: '', en: '' };

  beforeAll(async () => {
    if (chromium === null) {
      throw new Error(
        `No Chromium found at ${CANDIDATES.join(', ')} (nor STARBRANCH_CHROMIUM), and CI needs it: ` +
          'install Debian’s `chromium` package.',
      );
    }
    const started = launchChromium(chromium);
    try {
      dir = mkdtempSync(join(tmpdir(), 'starbranch-report-browser-'));
      const demo = await demoYear(dir);
      const store = await openWorkbook(demo.workbook);
      model = buildReport({ store, clock: new SettableClock('2027-07-01 09:00:00') }).model;
      pages.zh = pathToFileURL(demo.report).href;
      const en = join(dir, 'report-en.html');
      writeFileSync(en, renderReportHtml(model, 'en'));
      pages.en = pathToFileURL(en).href;
    } finally {
      // Even when the demo fails: an open browser would keep the test run from ending.
      browser = await started;
    }
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function layoutAt(url: string, width: number, media: 'screen' | 'print' = 'screen') {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    try {
      await page.emulateMedia({ media });
      await page.goto(url);
      return await measureReport(page);
    } finally {
      await page.close();
    }
  }

  function expectNamesWholeAndDistinct(layout: ReportLayout) {
    const heat = layout.heatmapNames;
    expect(heat.map((n) => n.text)).toEqual(model.stars.map((r) => r.name));
    expect(heat.filter((n) => !n.whole)).toEqual([]);
    expect(new Set(heat.map((n) => n.label)).size).toBe(heat.length);
    const defense = layout.defenseNames;
    expect(defense.map((n) => n.text)).toEqual(model.defense.branches.map((b) => b.name));
    expect(defense.filter((n) => !n.whole)).toEqual([]);
    expect(new Set(defense.map((n) => n.label)).size).toBe(defense.length);
  }

  it.each([1280, 390])(
    'at %i px the page does not scroll sideways and shows every branch name whole',
    async (width) => {
      for (const url of [pages.zh, pages.en]) {
        const layout = await layoutAt(url, width);
        expect(model.stars.length).toBeGreaterThan(40);
        expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
        expect(layout.overflowingSections).toEqual([]);
        expect(layout.sidewaysScrollers).toEqual([]);
        expectNamesWholeAndDistinct(layout);
        // A ranking name reads along a line or two, not down a column of 1–3 characters.
        expect(layout.rankingNameLines).toHaveLength(model.ranking.length);
        expect(Math.max(...layout.rankingNameLines)).toBeLessThanOrEqual(2);
      }
    },
    20_000,
  );

  it('prints the ranking first, leaves the judges’ raw marks out, on at most 12 A4 pages', async () => {
    const layout = await layoutAt(pages.zh, 794, 'print');
    const t = layout.tops;
    expect(t.ranking).not.toBeNull();
    for (const chart of [t.stars, t.activities, t.defense]) {
      expect(t.ranking!).toBeLessThan(chart!);
    }
    expect(t.judgeMarks).toBeNull();

    const page = await browser.newPage();
    try {
      await page.goto(pages.zh);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const count = pdfPageCount(pdf);
      expect(count).toBeGreaterThan(1);
      expect(count).toBeLessThanOrEqual(MAX_A4_PAGES);
    } finally {
      await page.close();
    }
  }, 20_000);
});
