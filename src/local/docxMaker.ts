/**
 * Letters as `.docx` files in a folder. A letter's file name comes from its award, so making it
 * again overwrites the same file: there is never a second live letter for one award.
 *
 * A letter's id and link are its path relative to the workbook (with `/`), so a workbook moved
 * together with its letters folder still finds them. A voided letter is renamed `作废-…` in place
 * (its PDF too), never deleted.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VOID_PREFIX } from '../domain/vocabulary';
import type { DocumentMaker, MadeDocument } from '../ports';
import { renderLetter } from './letters';

export interface DocxMakerOptions {
  /** The folder of the workbook: letter paths are stored relative to it. */
  readonly workbookDir: string;
  /** Where new letters go; without it this maker can only void letters. */
  readonly folder?: string;
  /** The template, or how to get it once the job knows the workbook's language. */
  readonly template?: Buffer | (() => Buffer);
}

export class DocxMaker implements DocumentMaker {
  /** Absolute paths of the letters written in this run (for PDF conversion). */
  readonly made: string[] = [];
  private readonly base: string;
  private readonly folder: string | null;

  constructor(private readonly options: DocxMakerOptions) {
    this.base = resolve(options.workbookDir);
    this.folder = options.folder ? resolve(options.folder) : null;
  }

  /** A path as the workbook stores it: relative to the workbook, `/` between folders. */
  private stored(path: string): string {
    const rel = relative(this.base, path);
    return (rel === '' ? basename(path) : rel).split(sep).join('/');
  }

  /** Where a stored letter is on disk: relative to the workbook, or as older versions wrote it. */
  private locate(document: MadeDocument): string {
    const candidates = [
      isAbsolute(document.id) ? document.id : resolve(this.base, document.id),
      ...(document.link.startsWith('file:') ? [fileURLToPath(document.link)] : []),
      resolve(document.id),
    ];
    return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
  }

  create(name: string): MadeDocument {
    if (!this.folder) throw new Error('no letters folder given (use --letters <dir>)');
    const path = resolve(this.folder, name);
    // File names are made safe upstream; this is the last guard against leaving the folder.
    if (!path.startsWith(this.folder + sep))
      throw new Error(`letter name escapes the folder: ${name}`);
    const stored = this.stored(path);
    return { id: stored, link: stored };
  }

  fill(document: MadeDocument, fields: Readonly<Record<string, string>>): void {
    const { template } = this.options;
    if (!template) throw new Error('no letter template given');
    const path = this.locate(document);
    mkdirSync(dirname(path), { recursive: true });
    const bytes = typeof template === 'function' ? template() : template;
    writeFileSync(path, renderLetter(bytes, { ...fields }));
    this.made.push(path);
  }

  void(document: MadeDocument, reason: string): MadeDocument {
    void reason; // recorded in Awards and the Log; a .docx has no place for it that Word shows
    const path = this.locate(document);
    if (!existsSync(path)) return document;
    const target = voidedPath(path);
    renameSync(path, target);
    const pdf = path.slice(0, path.length - extname(path).length) + '.pdf';
    if (existsSync(pdf)) renameSync(pdf, voidedPath(pdf));
    const stored = this.stored(target);
    return { id: stored, link: stored };
  }
}

/** `作废-name`, or `作废-2-name`, … when an earlier voided letter already took that name. */
function voidedPath(path: string): string {
  const folder = dirname(path);
  const name = basename(path);
  for (let n = 1; ; n++) {
    const candidate = join(folder, `${VOID_PREFIX}${n === 1 ? '' : `${n}-`}${name}`);
    if (!existsSync(candidate)) return candidate;
  }
}
