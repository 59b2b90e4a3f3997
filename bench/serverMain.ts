/**
 * `npm run bench:server` (bundled and started by bench/run.mjs): the server-mode table.
 *
 *   node bench/run.mjs --server-only [--scales 1,10,100] [--letters N] [--out FILE]
 */
import { writeFileSync } from 'node:fs';
import { LETTERS, measureServerLetters, measureServerScale, serverTable } from './server';

async function main(argv: readonly string[]): Promise<void> {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scales = (value('--scales') ?? '1,10,100').split(',').map(Number);
  const letterCount = Number(value('--letters') ?? LETTERS);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const results = [];
  for (const scale of scales) results.push(await measureServerScale(scale, log));
  const letters = letterCount > 0 ? await measureServerLetters(letterCount) : null;
  const table = serverTable(results, letters);
  process.stdout.write(`${table.join('\n')}\n`);
  const out = value('--out') ?? 'bench/server-results.json';
  writeFileSync(out, `${JSON.stringify({ scales: results, letters }, null, 2)}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
