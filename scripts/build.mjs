// Builds the Apps Script bundle: dist/Code.js + dist/appsscript.json.
//
// esbuild bundles src/gas/main.ts as an IIFE assigned to the global `StarBranch` (ES2020, which
// Apps Script's V8 runs). Apps Script only sees top-level function declarations, so a footer
// declares one real `function name(...a) { return StarBranch.name(...a) }` per export.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src', 'gas', 'main.ts');
const dist = join(root, 'dist');
const GLOBAL = 'StarBranch';

/** The entry's export names, read from an ESM build's metafile (nothing written to disk). */
async function entryExports() {
  const probe = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outfile: 'probe.js',
    logLevel: 'silent',
  });
  const output = Object.values(probe.metafile.outputs)[0];
  return [...output.exports].sort();
}

export async function buildBundle() {
  const names = await entryExports();
  const footer = names
    .map((name) => `function ${name}(...args) { return ${GLOBAL}.${name}(...args); }`)
    .join('\n');
  mkdirSync(dist, { recursive: true });
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    outfile: join(dist, 'Code.js'),
    footer: { js: `\n// Entry points Apps Script can see.\n${footer}\n` },
    legalComments: 'none',
    logLevel: 'warning',
  });
  copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
  return names;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const names = await buildBundle();
  console.log(`dist/Code.js: ${names.length} entry points (${names.join(', ')})`);
}
