// `npm run bench`: bundles bench/main.ts with esbuild into a temporary file and runs it with
// plain node, so the bench needs nothing but `npm ci`.
//
//   node bench/run.mjs [--scales 1,10,100] [--quick] [--strict] [--out FILE] [--cpu-prof]
//
// The bundle goes under node_modules/.cache/ rather than the system temp folder: its packages
// stay external, and node (and the letter template lookup) find them by walking up from there.
import { build } from 'esbuild';
import { buildBundle } from '../scripts/build.mjs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'node_modules', '.cache', 'starbranch-bench');
mkdirSync(cache, { recursive: true });
const folder = mkdtempSync(join(cache, 'run-'));
const bundle = join(folder, 'main.cjs');

// --cpu-prof: main.ts profiles each child into this run's folder and summarises the profiles.
const args = process.argv
  .slice(2)
  .flatMap((arg) => (arg === '--cpu-prof' ? ['--cpu-prof-dir', join(folder, 'profiles')] : [arg]));

let status;
try {
  // The Apps Script counts run the built bundle: build it first.
  await buildBundle();
  await build({
    entryPoints: [join(root, 'bench', 'main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outfile: bundle,
    logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, [bundle, ...args], { cwd: root, stdio: 'inherit' });
  status = run.status ?? 1;
} finally {
  rmSync(folder, { recursive: true, force: true });
}
process.exitCode = status ?? 1;
