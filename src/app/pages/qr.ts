/**
 * The QR code of a link, as an inline SVG: drawn from the module matrix `qrcode-generator` computes
 * (so the page needs no network, no canvas and no script to show it), one path of dark runs on a
 * white square with the standard four-module quiet zone. Error correction M (15 %): a projector's
 * glare or a printed copy's crease still scans.
 */
import qrcode from 'qrcode-generator';
import { escapeHtml } from '../../domain/html';

const QUIET_ZONE = 4;

/**
 * The text as the code's bytes: the library takes one byte per character, so anything outside
 * ASCII (a Chinese path in a link) is percent-encoded as a browser would send it.
 */
function asciiLink(text: string): string {
  return text.replace(/[^\x20-\x7e]/gu, (c) => encodeURIComponent(c));
}

/** The modules of `text`'s QR code: `dark[row][column]`. */
export function qrModules(text: string): boolean[][] {
  const code = qrcode(0, 'M');
  code.addData(asciiLink(text), 'Byte');
  code.make();
  const size = code.getModuleCount();
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, column) => code.isDark(row, column)),
  );
}

/** An `<svg>` of `text`'s QR code that scales to its box; `label` is what a screen reader says. */
export function qrSvg(text: string, label: string): string {
  const modules = qrModules(text);
  const side = modules.length + 2 * QUIET_ZONE;
  const runs: string[] = [];
  modules.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let end = x;
      while (end + 1 < row.length && row[end + 1]) end++;
      runs.push(`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${end - x + 1}v1h-${end - x + 1}z`);
      x = end;
    }
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 ${side} ${side}" ` +
    `role="img" aria-label="${escapeHtml(label)}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#fff"/>` +
    `<path fill="#000" d="${runs.join('')}"/></svg>`
  );
}
