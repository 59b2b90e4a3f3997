/**
 * Local-mode letters: fill a .docx template with docxtemplater, list a template's placeholders,
 * find the bundled template, and optionally convert a letter to PDF with LibreOffice.
 */

import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { LETTER_DELIMITERS, LETTER_PLACEHOLDERS } from '../domain/letterFields';
import type { Locale } from '../domain/vocabulary';

export const DEFAULT_TEMPLATE_PATH = join('templates', 'letter-template.docx');
/** The bundled template of an English workbook's letters. */
export const ENGLISH_TEMPLATE_PATH = join('templates', 'letter-template-en.docx');

interface TemplateErrorDetail {
  message?: string;
  properties?: { id?: string; explanation?: string; xtag?: string; file?: string };
}

/** docxtemplater reports template problems as one error holding a list; make it one clear line. */
function describeTemplateError(err: unknown): Error {
  const e = err as { message?: string; properties?: { errors?: TemplateErrorDetail[] } };
  const details = e.properties?.errors;
  if (Array.isArray(details) && details.length > 0) {
    const lines = details.map((d) => d.properties?.explanation ?? d.message ?? String(d));
    return new Error(`letter template is not valid: ${lines.join('; ')}`, { cause: err });
  }
  return err instanceof Error ? err : new Error(String(err));
}

function openTemplate(template: Buffer, nullGetter: (part: { value: string }) => string) {
  let zip: PizZip;
  try {
    zip = new PizZip(template);
  } catch (err) {
    throw new Error(`letter template is not a .docx (zip) file: ${(err as Error).message}`, {
      cause: err,
    });
  }
  try {
    return new Docxtemplater(zip, {
      delimiters: { start: LETTER_DELIMITERS.start, end: LETTER_DELIMITERS.end },
      paragraphLoop: true,
      linebreaks: true,
      nullGetter,
      // The error comes back to the caller as one line; no JSON dump on the console.
      errorLogging: false,
    });
  } catch (err) {
    throw describeTemplateError(err);
  }
}

/**
 * Fills a .docx template's `{{placeholders}}` from `fields` (values are XML-escaped; `\n` becomes a
 * line break). A placeholder with no field fails loudly, naming it: a typo in a template must not
 * print a blank on a certificate.
 */
export function renderLetter(template: Buffer, fields: Record<string, string>): Buffer {
  const nullGetter = (part: { value: string }): string => {
    const tag = `${LETTER_DELIMITERS.start}${part.value}${LETTER_DELIMITERS.end}`;
    if (LETTER_PLACEHOLDERS.some((p) => p.key === part.value)) {
      throw new Error(`letter template uses the placeholder ${tag}, but no value was given for it`);
    }
    const known = LETTER_PLACEHOLDERS.map((p) => p.key).join(', ');
    throw new Error(
      `letter template uses the unknown placeholder ${tag}; letter fields are: ${known}`,
    );
  };
  const doc = openTemplate(template, nullGetter);
  try {
    doc.render(fields);
  } catch (err) {
    throw describeTemplateError(err);
  }
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * The distinct `{{tags}}` a template uses (body, headers, footers), in the order first found. Tags
 * split across runs by Word are found too, since docxtemplater joins the runs' text.
 */
export function templatePlaceholders(template: Buffer): string[] {
  // Render with no data: docxtemplater asks the nullGetter for every tag it meets, in order.
  const seen: string[] = [];
  const doc = openTemplate(template, (part) => {
    if (!seen.includes(part.value)) seen.push(part.value);
    return '';
  });
  try {
    doc.render({});
  } catch (err) {
    throw describeTemplateError(err);
  }
  return seen;
}

/**
 * The repository (or installed package) root: the nearest folder above `start` holding both a
 * package.json and the bundled template. Works from src/local under ts-jest and from a bundled
 * file in build/ or dist/.
 */
export function findPackageRoot(start: string = __dirname): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, DEFAULT_TEMPLATE_PATH))) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(
        `cannot find ${DEFAULT_TEMPLATE_PATH}: no folder above ${start} has package.json and the template`,
      );
    }
    dir = parent;
  }
}

/** The bundled letter template in the workbook's language (templates/letter-template*.docx). */
export function loadDefaultTemplate(locale: Locale = 'zh-CN'): Buffer {
  const path = locale === 'en' ? ENGLISH_TEMPLATE_PATH : DEFAULT_TEMPLATE_PATH;
  return readFileSync(join(findPackageRoot(), path));
}

export type PdfResult = { ok: true; pdfPath: string } | { ok: false; reason: string };

export interface PdfOptions {
  /** Directories to search, as in PATH (default: process.env.PATH). */
  searchPath?: string;
  /** Kill LibreOffice after this long (default 120 s; its first start builds a profile). */
  timeoutMs?: number;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** soffice / libreoffice on the search path, then the usual install locations. */
export function findLibreOffice(searchPath = process.env.PATH ?? ''): string | undefined {
  const names =
    process.platform === 'win32'
      ? ['soffice.exe', 'soffice.com', 'libreoffice.exe']
      : ['soffice', 'libreoffice'];
  const dirs = searchPath.split(delimiter).filter((d) => d !== '');
  for (const dir of dirs) {
    for (const name of names) {
      const file = join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  const fixed =
    process.platform === 'darwin'
      ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice']
      : process.platform === 'win32'
        ? [
            'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
            'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
          ]
        : [];
  return fixed.find(isExecutable);
}

/**
 * Converts a .docx to PDF with LibreOffice (`--headless --convert-to pdf`) when it is installed.
 * Never throws: a missing LibreOffice or a failed conversion comes back as `{ ok: false, reason }`.
 * LibreOffice runs with its own profile folder, so an open LibreOffice window does not swallow the
 * job; convert one file at a time.
 */
export function convertToPdf(
  docxPath: string,
  outDir: string,
  options: PdfOptions = {},
): Promise<PdfResult> {
  const binary = findLibreOffice(options.searchPath ?? process.env.PATH ?? '');
  if (!binary) {
    return Promise.resolve({
      ok: false,
      reason: 'LibreOffice was not found (no soffice or libreoffice on PATH); PDF skipped',
    });
  }
  const source = resolve(docxPath);
  if (!existsSync(source)) {
    return Promise.resolve({ ok: false, reason: `no such file: ${source}` });
  }
  const target = resolve(outDir);
  try {
    mkdirSync(target, { recursive: true });
  } catch (err) {
    return Promise.resolve({ ok: false, reason: `cannot create ${target}: ${String(err)}` });
  }
  const profile = pathToFileURL(join(tmpdir(), 'starbranch-libreoffice-profile')).href;
  const args = [
    `-env:UserInstallation=${profile}`,
    '--headless',
    '--norestore',
    '--convert-to',
    'pdf',
    '--outdir',
    target,
    source,
  ];
  const pdfPath = join(target, `${basename(source, extname(source))}.pdf`);
  return new Promise((done) => {
    execFile(
      binary,
      args,
      { timeout: options.timeoutMs ?? 120_000, windowsHide: true },
      (error, _stdout, stderr) => {
        if (error) {
          const detail = String(stderr).trim() || error.message;
          done({ ok: false, reason: `LibreOffice could not convert ${source}: ${detail}` });
        } else if (!existsSync(pdfPath)) {
          const detail = String(stderr).trim();
          done({
            ok: false,
            reason: `LibreOffice wrote no PDF for ${source}${detail ? `: ${detail}` : ''}`,
          });
        } else {
          done({ ok: true, pdfPath });
        }
      },
    );
  });
}
