/**
 * The workbook is the user's: a command never writes over a file its owner made read-only or has
 * open in a spreadsheet program (whose own save would then overwrite the command's work), and
 * every write keeps the previous version in `.backups/` beside the workbook, so any job can be
 * undone by hand.
 */
import { existsSync, statSync } from 'node:fs';
import { copyFile, mkdir, readdir, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { t } from '../domain/messages';
import type { Locale } from '../domain/vocabulary';

/** How many earlier versions `.backups/` keeps per workbook. */
export const BACKUPS_KEPT = 10;
export const BACKUP_FOLDER = '.backups';

/** The lock files spreadsheet programs leave beside a file they have open. */
function lockFiles(path: string): { lock: string; program: string }[] {
  const name = basename(path);
  return [
    // Excel and WPS: `~$` in place of the first two characters (Excel) or before the whole name.
    { lock: `~$${name}`, program: 'Excel / WPS' },
    { lock: `~$${name.slice(2)}`, program: 'Excel / WPS' },
    { lock: `.~lock.${name}#`, program: 'LibreOffice' },
  ];
}

/** Refuses, naming the reason and the way out, a workbook that must not be written now. */
export class WorkbookBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookBusyError';
  }
}

/**
 * Throws when `path` is read-only or open in Excel, WPS or LibreOffice. A file that does not
 * exist yet can be written. Mode bits are checked rather than `access`, which says yes to root.
 */
export function checkWritable(path: string, locale: Locale): void {
  const file = basename(path);
  const folder = dirname(path);
  for (const { lock, program } of lockFiles(path)) {
    if (existsSync(join(folder, lock))) {
      throw new WorkbookBusyError(t(locale, 'workbook.openElsewhere', { file, program, lock }));
    }
  }
  if (existsSync(path) && (statSync(path).mode & 0o222) === 0) {
    throw new WorkbookBusyError(t(locale, 'workbook.readOnly', { file, path }));
  }
}

/** `2027-06-20 10:15:30` → `2027-06-20T101530`: sorts by time, and is a valid file name anywhere. */
function stampOf(localTime: string): string {
  return localTime.replace(' ', 'T').replace(/:/g, '');
}

/**
 * Copies the workbook as it is now to `.backups/<name>-<time>.xlsx` and keeps the newest
 * `BACKUPS_KEPT` of them. Returns the backup's path, or null when there was no file yet.
 */
export async function backupWorkbook(path: string, localTime: string): Promise<string | null> {
  if (!existsSync(path)) return null;
  const extension = extname(path);
  const stem = basename(path, extension);
  const folder = join(dirname(path), BACKUP_FOLDER);
  await mkdir(folder, { recursive: true });
  const stamp = stampOf(localTime);
  let target = join(folder, `${stem}-${stamp}${extension}`);
  for (let n = 2; existsSync(target); n++) {
    target = join(folder, `${stem}-${stamp}-${n}${extension}`);
  }
  await copyFile(path, target);
  const pattern = new RegExp(
    `^${escapeRegExp(stem)}-\\d{4}-\\d{2}-\\d{2}T\\d{6}(-\\d+)?${escapeRegExp(extension)}$`,
  );
  const backups = (await readdir(folder)).filter((f) => pattern.test(f)).sort(byTime);
  for (const old of backups.slice(0, Math.max(0, backups.length - BACKUPS_KEPT))) {
    await unlink(join(folder, old));
  }
  return target;
}

/** By time, then by the `-2`, `-3` of backups made in the same second. */
function byTime(a: string, b: string): number {
  const key = (f: string) => {
    const m = /T(\d{6})(?:-(\d+))?\.[^.]*$/.exec(f);
    return `${f.slice(0, f.lastIndexOf('T'))}T${m?.[1] ?? ''}-${(m?.[2] ?? '1').padStart(4, '0')}`;
  };
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
