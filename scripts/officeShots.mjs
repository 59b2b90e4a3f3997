// The LibreOffice part of `npm run shots`: what staff open outside the browser, as pictures for
// review. 总览 (Dashboard) and 待处理 (Rejected) of the demo workbook, each copied alone into a
// workbook of its own (exceljs) and printed by LibreOffice as its page setup says; and one letter
// of each kind, a branch's and a member's. PDFs through `soffice --headless --convert-to pdf`,
// pictures through pdftoppm. Without LibreOffice it says so and makes none.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';

/** The sheets to picture, by their Chinese and English tab names, and the pages of each to keep. */
const SHEETS = [
  { file: 'sheet-dashboard', names: ['总览', 'Dashboard'], pages: 2 },
  { file: 'sheet-rejected', names: ['待处理', 'Rejected'], pages: 2 },
];

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function soffice() {
  return ['soffice', 'libreoffice'].find(hasCommand) ?? null;
}

/** Converts files to PDF in one LibreOffice run, into `outDir`. */
function toPdf(binary, files, outDir) {
  const profile = pathToFileURL(join(tmpdir(), 'starbranch-libreoffice-profile')).href;
  execFileSync(
    binary,
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      ...files,
    ],
    { stdio: 'ignore', timeout: 300_000 },
  );
}

/** The first `pages` pages of a PDF as `<prefix>-1.png`, `<prefix>-2.png`… */
function pictures(pdf, prefix, pages, dpi) {
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    '1',
    '-l',
    String(pages),
    pdf,
    prefix,
  ]);
  const dir = join(prefix, '..');
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${basename(prefix)}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
}

/** A copy of the workbook holding only the sheet named one of `names`; null when it has none. */
async function oneSheetCopy(workbookPath, names, target) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(workbookPath);
  const keep = workbook.worksheets.find((s) => names.includes(s.name));
  if (!keep) return null;
  for (const sheet of [...workbook.worksheets]) {
    if (sheet !== keep) workbook.removeWorksheet(sheet.id);
  }
  workbook.definedNames.model = [];
  await workbook.xlsx.writeFile(target);
  return target;
}

/**
 * Pictures of the demo's 总览 and 待处理 sheets and of one letter of each kind, into `shots`.
 * Returns the files written (none when LibreOffice or pdftoppm is missing, with a message).
 */
export async function officeShots({ out, shots }) {
  const binary = soffice();
  if (binary === null) {
    console.log(
      'LibreOffice not found (Debian: apt-get install libreoffice-calc libreoffice-writer): ' +
        'no pictures of the sheets and letters',
    );
    return [];
  }
  if (!hasCommand('pdftoppm')) {
    console.log(
      'pdftoppm not found (Debian: poppler-utils): no pictures of the sheets and letters',
    );
    return [];
  }
  const written = [];
  const scratch = join(shots, 'office');
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });

  const workbook = join(out, 'starbranch-demo.xlsx');
  const copies = [];
  for (const sheet of SHEETS) {
    const copy = await oneSheetCopy(workbook, sheet.names, join(scratch, `${sheet.file}.xlsx`));
    if (copy) copies.push({ ...sheet, copy });
    else console.log(`${workbook} has no sheet ${sheet.names.join(' / ')}`);
  }

  const letters = join(out, 'letters');
  const live = existsSync(letters)
    ? readdirSync(letters)
        .filter((f) => f.endsWith('.docx') && !f.startsWith('作废-'))
        .sort()
    : [];
  const kinds = [
    { file: 'letter-branch', prefix: 'ADV-' },
    { file: 'letter-member', prefix: 'MEM-' },
  ].flatMap((kind) => {
    const letter = live.find((f) => f.startsWith(kind.prefix));
    if (!letter) {
      console.log(`no ${kind.prefix}… letter in ${letters}`);
      return [];
    }
    const copy = join(scratch, `${kind.file}.docx`);
    copyFileSync(join(letters, letter), copy);
    return [{ ...kind, copy, letter }];
  });

  toPdf(binary, [...copies.map((c) => c.copy), ...kinds.map((k) => k.copy)], scratch);
  for (const sheet of copies) {
    const pdf = join(scratch, `${sheet.file}.pdf`);
    written.push(...pictures(pdf, join(shots, sheet.file), sheet.pages, 80));
  }
  for (const kind of kinds) {
    const pdf = join(scratch, `${kind.file}.pdf`);
    const target = join(shots, `${kind.file}.pdf`);
    copyFileSync(pdf, target);
    written.push(target, ...pictures(pdf, join(shots, kind.file), 1, 80));
    console.log(`${kind.file}: ${kind.letter}`);
  }
  rmSync(scratch, { recursive: true, force: true });
  return written;
}
