/**
 * The workbook is the user's: a read-only workbook or one open in Excel, WPS or LibreOffice is
 * never written; every write keeps the previous version in `.backups/`; a workbook saved by
 * another program (no sheet views) opens and saves.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Table } from '../../src/app/table';
import { LogTable } from '../../src/domain/schema/tables';
import { main } from '../../src/local/cli';
import { openWorkbook, saveWorkbook } from '../../src/local/workbookFile';
import { BACKUPS_KEPT, backupWorkbook } from '../../src/local/workbookGuard';
import { XlsxStore } from '../../src/local/xlsxStore';
import { withLibreOffice } from '../support/libreOffice';

jest.setTimeout(60_000);

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function freshWorkbook(): Promise<{ dir: string; path: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'starbranch-guard-'));
  const path = join(dir, 'college.xlsx');
  expect((await run('init', path)).code).toBe(0);
  return { dir, path };
}

describe('a workbook the user has not let go of', () => {
  it('refuses a read-only workbook, saying so, and leaves it as it was', async () => {
    const { path } = await freshWorkbook();
    const before = readFileSync(path);
    chmodSync(path, 0o444);
    const result = await run('defense', path);
    expect(result.code).toBe(1);
    expect(result.err).toContain('college.xlsx 是只读文件');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it.each([
    ['~$college.xlsx', 'Excel / WPS'],
    ['~$llege.xlsx', 'Excel / WPS'],
    ['.~lock.college.xlsx#', 'LibreOffice'],
  ])('refuses a workbook with the lock file %s beside it, naming %s', async (lock, program) => {
    const { dir, path } = await freshWorkbook();
    const before = readFileSync(path);
    writeFileSync(join(dir, lock), '');
    const result = await run('defense', path);
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      `college.xlsx 正被 ${program} 打开（发现 ${lock}）：请先在 ${program} 中关闭它，再运行本命令`,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('checks again just before writing: a lock that appeared during the job stops the save', async () => {
    const { dir, path } = await freshWorkbook();
    const before = readFileSync(path);
    const store = await openWorkbook(path);
    writeFileSync(join(dir, '.~lock.college.xlsx#'), '');
    await expect(saveWorkbook(store, path, '2027-06-20 10:15:30')).rejects.toThrow(
      '正被 LibreOffice 打开',
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe('backups', () => {
  it('keeps the version each write replaces, named by time', async () => {
    const { dir, path } = await freshWorkbook();
    const before = readFileSync(path);
    const store = await openWorkbook(path);
    const log = Table.read(store, LogTable, 'zh-CN');
    log.append({
      startedAt: '2027-06-20 10:15:30',
      job: 'test',
      durationMs: 1,
      rowsIn: 0,
      rowsOut: 0,
      outcome: 'ok',
      message: null,
    });
    log.save(store, 'zh-CN');
    await saveWorkbook(store, path, '2027-06-20 10:15:30');
    const backup = join(dir, '.backups', 'college-2027-06-20T101530.xlsx');
    expect(readFileSync(backup).equals(before)).toBe(true);
    expect(readFileSync(path).equals(before)).toBe(false);
  });

  it('keeps the last ten, dropping the oldest', async () => {
    const { dir, path } = await freshWorkbook();
    for (let minute = 10; minute < 23; minute++) {
      await backupWorkbook(path, `2027-06-20 10:${minute}:00`);
    }
    // Two in the same second are both kept, the later one after the earlier.
    await backupWorkbook(path, '2027-06-20 10:22:00');
    const kept = readdirSync(join(dir, '.backups')).sort();
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(kept[0]).toBe('college-2027-06-20T101400.xlsx');
    expect(kept).toContain('college-2027-06-20T102200-2.xlsx');
  });

  it('every command leaves a backup beside the workbook', async () => {
    const { dir, path } = await freshWorkbook();
    expect(existsSync(join(dir, '.backups'))).toBe(false); // nothing was replaced yet
    expect((await run('defense', path)).code).toBe(0);
    expect(readdirSync(join(dir, '.backups'))).toHaveLength(1);
  });
});

describe('a workbook saved by another program', () => {
  /** The same sheets and values, written by exceljs with no sheet views, as scripts do. */
  async function resaveWithoutViews(path: string): Promise<void> {
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(path);
    const copy = new ExcelJS.Workbook();
    for (const sheet of original.worksheets) {
      const target = copy.addWorksheet(sheet.name);
      sheet.eachRow((row, r) => {
        row.eachCell((cell, c) => {
          target.getCell(r, c).value = cell.value;
        });
      });
    }
    await copy.xlsx.writeFile(path);
  }

  it('opens and saves with every command', async () => {
    const { dir, path } = await freshWorkbook();
    await resaveWithoutViews(path);
    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.readFile(path);
    expect(loaded.worksheets[0]!.views ?? []).toHaveLength(0);
    const csv = join(dir, 'apply.csv');
    writeFileSync(csv, '时间戳记,电子邮件地址\n');
    for (const argv of [
      ['defense', path],
      ['finalize', path, '--month', '2026-10'],
      ['reprocess', path],
      ['awards', path],
      ['report', path, '--out', join(dir, 'report.html')],
    ]) {
      const result = await run(...argv);
      expect({ argv, err: result.err }).toEqual({ argv, err: '' });
      expect(result.code).toBe(0);
    }
    const reopened = await XlsxStore.open(path);
    expect(reopened.sheetNames().length).toBeGreaterThan(5);
  });

  // LibreOffice writes its own styles, views and shared strings; tried only where it is installed.
  withLibreOffice(
    'opens a workbook LibreOffice saved',
    async () => {
      const { dir, path } = await freshWorkbook();
      const converted = join(dir, 'libreoffice');
      execFileSync('soffice', ['--headless', '--convert-to', 'xlsx', '--outdir', converted, path], {
        stdio: 'ignore',
        env: { ...process.env, HOME: dir },
        timeout: 90_000,
      });
      const saved = join(converted, 'college.xlsx');
      for (const argv of [
        ['defense', saved],
        ['finalize', saved, '--month', '2026-10'],
      ]) {
        const result = await run(...argv);
        expect({ argv, err: result.err }).toEqual({ argv, err: '' });
        expect(result.code).toBe(0);
      }
    },
    120_000,
  );
});
