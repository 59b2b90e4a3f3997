#!/usr/bin/env node
// The `starbranch` command. The TypeScript sources are bundled on first use (esbuild, well under a
// second) into build/, and rebuilt whenever a source file is newer than the bundle.
'use strict';
const { existsSync, statSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const bundle = join(root, 'build', 'starbranch.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs;
    newest = Math.max(newest, time);
  }
  return newest;
}

if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSource(join(root, 'src'))) {
  require('esbuild').buildSync({
    entryPoints: [join(root, 'src', 'local', 'cli.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outfile: bundle,
    logLevel: 'warning',
  });
}

require(bundle)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
