/**
 * Letters as `.docx` files in a folder. A letter's file name comes from its award, so making it
 * again overwrites the same file: there is never a second letter for one award.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DocumentMaker, MadeDocument } from '../ports';
import { renderLetter } from './letters';

export class DocxMaker implements DocumentMaker {
  readonly made: string[] = [];
  private readonly folder: string;

  constructor(
    folder: string,
    private readonly template: Buffer,
  ) {
    this.folder = resolve(folder);
  }

  create(name: string): MadeDocument {
    const path = resolve(this.folder, name);
    // File names are made safe upstream; this is the last guard against leaving the folder.
    if (!path.startsWith(this.folder + sep))
      throw new Error(`letter name escapes the folder: ${name}`);
    return { id: relative(process.cwd(), path) || join('.', name), link: pathToFileURL(path).href };
  }

  fill(document: MadeDocument, fields: Readonly<Record<string, string>>): void {
    const path = fileURLToPath(document.link);
    mkdirSync(this.folder, { recursive: true });
    writeFileSync(path, renderLetter(this.template, { ...fields }));
    this.made.push(path);
  }
}
