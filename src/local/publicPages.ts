/**
 * The public pages as files (local mode): the honour roll as a static site a college uploads to
 * its website (`index.html`, self-contained, and `honours.json`, the same allow-listed data), and
 * the meeting board as one self-contained page. Both carry a Content-Security-Policy that allows
 * only their own script and style and loads nothing.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { BoardModel } from '../app/board';
import type { Ports } from '../app/context';
import { earlierYearSources, readHonourRoll } from '../app/honours';
import { renderBoardPage } from '../app/pages/boardPage';
import { renderHonoursPage } from '../app/pages/honoursPage';
import { publicBoard } from '../app/publicBoard';
import { publicHonourRoll, type PublicHonourRoll } from '../app/publicHonourRoll';
import { readConfig } from '../app/context';
import { t } from '../domain/messages';
import type { Clock } from '../ports';
import { openWorkbook } from './workbookFile';

export function sha256Base64(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

export interface HonoursSite {
  readonly index: string;
  readonly json: string;
  readonly roll: PublicHonourRoll;
}

/** Writes the honour roll site into `outDir` from the year's ports and the earlier years in Config. */
export async function writeHonoursSite(
  ports: Pick<Ports, 'store' | 'clock'>,
  workbookPath: string,
  outDir: string,
): Promise<HonoursSite> {
  const config = readConfig(ports);
  const base = dirname(resolve(workbookPath));
  const earlier = [];
  for (const entry of earlierYearSources(config.earlierYears).workbooks) {
    const path = isAbsolute(entry) ? entry : join(base, entry);
    try {
      earlier.push({ store: await openWorkbook(path), clock: ports.clock });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        t(config.locale, 'honours.earlierYearUnreadable', { source: entry, reason }),
        {
          cause: error,
        },
      );
    }
  }
  const roll = publicHonourRoll(readHonourRoll(ports, earlier));
  mkdirSync(outDir, { recursive: true });
  const index = join(outDir, 'index.html');
  const json = join(outDir, 'honours.json');
  writeFileSync(
    index,
    renderHonoursPage(roll, {
      mode: 'static',
      generatedAt: ports.clock.now(),
      sha256: sha256Base64,
    }),
  );
  writeFileSync(json, `${JSON.stringify(roll, null, 2)}\n`);
  return { index, json, roll };
}

/** Writes the month's board as one page (a snapshot: it does not refresh). */
export function writeBoardPage(
  board: BoardModel,
  out: string,
  options: { voteUrl: string | null; clock: Clock },
): string {
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(
    out,
    renderBoardPage(publicBoard(board), {
      mode: 'static',
      voteUrl: options.voteUrl,
      canClose: false,
      generatedAt: options.clock.now(),
      sha256: sha256Base64,
    }),
  );
  return out;
}
