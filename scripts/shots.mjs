// `npm run shots`: plays the demo year into out/ and renders what staff will look at, for review,
// into out/shots/: report.html at 1280 px and on a 390 px phone, and printed on A4 (the PDF and its
// first page as a picture); through LibreOffice, the 总览 and 待处理 sheets and one letter of each
// kind (officeShots.mjs). Uses the system's Chromium (Debian: `apt-get install chromium`),
// LibreOffice when installed, and for the page pictures pdftoppm (poppler-utils); nothing is
// downloaded.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { officeShots } from './officeShots.mjs';

const require = createRequire(import.meta.url);
const { CANDIDATES, findChromium, launchChromium, pdfPageCount } = require('./chromium.cjs');
const { measureReport } = require('./reportLayout.cjs');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'out');
const shots = join(out, 'shots');

function step(text) {
  console.log(`\n— ${text}`);
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

const chromiumPath = findChromium();
if (chromiumPath === null) {
  console.error(
    `shots: no Chromium at ${CANDIDATES.join(', ')}; install Debian’s chromium package ` +
      '(or set STARBRANCH_CHROMIUM).',
  );
  process.exit(1);
}

step('the demo year into out/');
execFileSync(process.execPath, [join(root, 'bin', 'starbranch.js'), 'demo', '--out', out], {
  stdio: 'inherit',
});
rmSync(shots, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });

const report = pathToFileURL(join(out, 'report.html')).href;
const written = [];
const browser = await launchChromium(chromiumPath);
try {
  step('report.html in Chromium');
  for (const width of [1280, 390]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(report);
    const layout = await measureReport(page);
    const file = join(shots, `report-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    written.push(file);
    const cut = [...layout.heatmapNames, ...layout.defenseNames].filter((n) => !n.whole).length;
    console.log(
      `${width} px: page ${layout.scrollWidth} px wide in a ${layout.innerWidth} px window; ` +
        `${layout.heatmapNames.length} heatmap names, ${new Set(layout.heatmapNames.map((n) => n.label)).size} distinct, ${cut} cut; ` +
        `ranking names on at most ${Math.max(...layout.rankingNameLines)} line(s)`,
    );
    await page.close();
  }

  const page = await browser.newPage();
  await page.goto(report);
  const pdfFile = join(shots, 'report-a4.pdf');
  const pdf = await page.pdf({ path: pdfFile, format: 'A4', printBackground: true });
  written.push(pdfFile);
  console.log(`printed on A4: ${pdfPageCount(pdf)} pages`);
  await page.close();

  if (hasCommand('pdftoppm')) {
    const prefix = join(shots, 'report-a4-page1');
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '110',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdfFile,
      prefix,
    ]);
    written.push(`${prefix}.png`);
  } else {
    console.log('pdftoppm not found (Debian: poppler-utils): no picture of the printed page');
  }
} finally {
  await browser.close();
}

step('the sheets 总览 and 待处理, and the letters, through LibreOffice');
written.push(...(await officeShots({ out, shots })));

step('written');
for (const file of written) console.log(relative(root, file));
