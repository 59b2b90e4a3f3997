/** What a command shows in the terminal: a progress bar on long jobs, a summary table at the end. */
import { SingleBar, Presets } from 'cli-progress';
import type { Progress } from '../ports';

/** Columns a string takes in a terminal: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      ) || code >= 0x20000
        ? 2
        : 1;
  }
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => pad(c, widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A progress bar on a terminal, nothing when output goes to a file or CI log. */
export function terminalProgress(
  stream: NodeJS.WriteStream = process.stderr,
): Progress & { stop(): void } {
  let bar: SingleBar | null = null;
  let label = '';
  return {
    update(done, total, what) {
      if (!stream.isTTY) return;
      if (!bar || what !== label) {
        bar?.stop();
        label = what;
        bar = new SingleBar(
          { format: `${what} [{bar}] {value}/{total}`, stream, clearOnComplete: true },
          Presets.shades_classic,
        );
        bar.start(total, 0);
      }
      bar.setTotal(total);
      bar.update(done);
      if (done >= total) {
        bar.stop();
        bar = null;
      }
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
