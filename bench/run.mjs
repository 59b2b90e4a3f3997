// `npm run bench`: bundles the bench with esbuild into a temporary file and runs it with plain
// node, so the bench needs nothing but `npm ci`. Two parts, run one after the other:
//   bench/main.ts        compute time, workbook I/O and Apps Script calls at 1×, 10×, 100×
//   bench/serverMain.ts  server mode: HTTP requests per job against the local fake of Google
//
//   node bench/run.mjs [--scales 1,10,100] [--quick] [--strict] [--out FILE] [--cpu-prof]
//   node bench/run.mjs --server-only [--scales 1,10,100] [--letters N] [--out FILE]
//
// `--quick` runs both at 1× (the server part with 50 letters); `--out FILE` names the main
// results, and the server's go beside it as FILE with `.server.json` (else bench/server-results.json).
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

const argv = process.argv.slice(2);
const serverOnly = argv.includes('--server-only');
const value = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

// --cpu-prof: main.ts profiles each child into this run's folder and summarises the profiles.
const mainArgs = argv.flatMap((arg) =>
  arg === '--cpu-prof' ? ['--cpu-prof-dir', join(folder, 'profiles')] : [arg],
);

/** The server bench's arguments, from the same command line. */
function serverArgs() {
  if (serverOnly) return argv.filter((a) => a !== '--server-only');
  const quick = argv.includes('--quick');
  const scales = value('--scales') ?? (quick ? '1' : '1,10,100');
  const out = value('--out');
  return [
    '--scales',
    scales,
    ...(quick ? ['--letters', '50'] : []),
    ...(out ? ['--out', out.replace(/(\.json)?$/, '.server.json')] : []),
  ];
}

/** Bundles one entry of bench/ and runs it; returns its exit status. */
async function runEntry(entry, args) {
  const bundle = join(folder, `${entry}.cjs`);
  await build({
    entryPoints: [join(root, 'bench', `${entry}.ts`)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outfile: bundle,
    logLevel: 'warning',
  });
  return (
    spawnSync(process.execPath, [bundle, ...args], { cwd: root, stdio: 'inherit' }).status ?? 1
  );
}

let status;
try {
  // The Apps Script counts, and the fake Google's world, run the built bundle: build it first.
  await buildBundle();
  status = serverOnly ? 0 : await runEntry('main', mainArgs);
  if (status === 0) status = await runEntry('serverMain', serverArgs());
} finally {
  rmSync(folder, { recursive: true, force: true });
}
process.exitCode = status ?? 1;
