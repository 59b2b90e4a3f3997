// `npm run bench:server`: bundles bench/serverMain.ts with esbuild (as bench/run.mjs does for the
// main bench) and runs it with plain node. The fake Google server runs over the Apps Script
// sandbox, whose world is set up by the built bundle: it is built first.
import { build } from 'esbuild';
import { buildBundle } from '../scripts/build.mjs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'node_modules', '.cache', 'starbranch-bench');
mkdirSync(cache, { recursive: true });
const folder = mkdtempSync(join(cache, 'server-'));
const bundle = join(folder, 'server.cjs');
let status;
try {
  await buildBundle();
  await build({
    entryPoints: [join(root, 'bench', 'serverMain.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outfile: bundle,
    logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, [bundle, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
  status = run.status ?? 1;
} finally {
  rmSync(folder, { recursive: true, force: true });
}
process.exitCode = status ?? 1;
