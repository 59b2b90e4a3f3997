// Builds the bundle and pushes dist/ to an Apps Script project with clasp.
//   npm run push          → the dev project (.clasp.json)
//   npm run push -- prod  → the prod project (.clasp.prod.json)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { buildBundle } from './build.mjs';

const target = process.argv[2] ?? 'dev';
const projectFile = target === 'prod' ? '.clasp.prod.json' : '.clasp.json';
if (!existsSync(projectFile)) {
  console.error(
    `${projectFile} is missing: copy .clasp.json and put the ${target} script id in it`,
  );
  process.exit(2);
}
if (JSON.parse(readFileSync(projectFile, 'utf8')).scriptId.startsWith('REPLACE')) {
  console.error(`${projectFile}: set "scriptId" to your project's id (see docs/deploy.md)`);
  process.exit(2);
}
await buildBundle();
const result = spawnSync('npx', ['clasp', 'push', '--force'], {
  stdio: 'inherit',
  env: { ...process.env, clasp_config_project: projectFile },
});
process.exit(result.status ?? 1);
