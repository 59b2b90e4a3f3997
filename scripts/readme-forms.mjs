#!/usr/bin/env node
/**
 * Writes README.md's list of the forms' question titles (between `<!-- forms:begin … -->` and
 * `<!-- forms:end -->`) from src/domain/forms.ts, the definitions ingest reads exports by, with the
 * default defense rubric; then formats README.md with prettier. test/local/readmeForms.test.ts
 * fails when the README and the forms differ:
 *
 *     node scripts/readme-forms.mjs
 */
import { buildSync } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readmePath = join(root, 'README.md');

// The TypeScript sources, bundled into build/ (beside node_modules) as bin/starbranch.js does.
const bundle = join(root, 'build', 'readmeForms.cjs');
buildSync({
  stdin: {
    contents: [
      "export { formsMarkdown, withFormsSection } from './src/local/formTemplates';",
      "export { DEFAULT_CONFIG } from './src/domain/config';",
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  outfile: bundle,
  logLevel: 'warning',
});
const { formsMarkdown, withFormsSection, DEFAULT_CONFIG } = createRequire(import.meta.url)(bundle);

const readme = withFormsSection(
  readFileSync(readmePath, 'utf8'),
  formsMarkdown(DEFAULT_CONFIG.defenseRubric),
);
const options = (await prettier.resolveConfig(readmePath)) ?? {};
writeFileSync(readmePath, await prettier.format(readme, { ...options, filepath: readmePath }));
console.log(`wrote the forms' question titles into ${readmePath}`);
