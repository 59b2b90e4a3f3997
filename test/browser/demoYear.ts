/**
 * `starbranch demo --out DIR`, as a user runs it, for the browser tests: the CLI is bundled (as
 * `bin/starbranch.js` does) into a folder of the test's own under build/ (the CLI finds its
 * templates from there, and tests running side by side never share a half-written bundle), and run
 * in a child process at full speed while the browser starts.
 */
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..');

export interface DemoOutput {
  readonly workbook: string;
  readonly report: string;
  readonly site: string;
  readonly board: string;
}

export async function demoYear(dir: string): Promise<DemoOutput> {
  mkdirSync(join(ROOT, 'build'), { recursive: true });
  const buildDir = mkdtempSync(join(ROOT, 'build', 'browser-test-'));
  try {
    const bundle = join(buildDir, 'starbranch.js');
    await build({
      entryPoints: [join(ROOT, 'src', 'local', 'cli.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      packages: 'external',
      outfile: bundle,
      logLevel: 'warning',
    });
    const script = `require(${JSON.stringify(bundle)}).main(['demo', '--out', ${JSON.stringify(dir)}]).then((code) => { process.exitCode = code; })`;
    await promisify(execFile)(process.execPath, ['-e', script], { cwd: ROOT });
  } finally {
    rmSync(buildDir, { recursive: true, force: true });
  }
  return {
    workbook: join(dir, 'starbranch-demo.xlsx'),
    report: join(dir, 'report.html'),
    site: join(dir, 'site', 'index.html'),
    board: join(dir, 'board-2026-10.html'),
  };
}
