#!/usr/bin/env node
/**
 * Writes the bundled letter templates, templates/letter-template.docx (Chinese) and
 * templates/letter-template.en.docx (English), from src/local/letterTemplate.ts: the layout and
 * its words are described once (src/domain/defaultLetter.ts, through the message catalogue) and
 * the Google Docs template follows the same description. The files are checked into the
 * repository, and a test fails when they differ from what the source builds. To change them, edit
 * the source and regenerate:
 *
 *     node scripts/make-letter-template.mjs [OUT_DIR]
 *
 * The output is byte-for-byte reproducible (fixed zip timestamps and document dates).
 */
import { buildSync } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(process.argv[2] ?? join(root, 'templates'));

// The TypeScript builder, bundled into build/ (beside this repository's node_modules, which its
// packages are loaded from), as bin/starbranch.js bundles the CLI.
const bundle = join(root, 'build', 'letterTemplate.cjs');
buildSync({
  entryPoints: [join(root, 'src', 'local', 'letterTemplate.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  outfile: bundle,
  logLevel: 'warning',
});
const { buildLetterTemplate, templateFileName } = createRequire(import.meta.url)(bundle);

mkdirSync(outDir, { recursive: true });
for (const locale of ['zh-CN', 'en']) {
  const file = join(outDir, templateFileName(locale));
  const bytes = buildLetterTemplate(locale);
  writeFileSync(file, bytes);
  console.log(`wrote ${file} (${bytes.length} bytes)`);
}
