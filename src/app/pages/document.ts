/**
 * The one way a public page is put together: a whole HTML document whose every value was escaped
 * by the page that built `body`, whose data for the page script sits in a
 * `<script type="application/json">` block (`jsonForScript`: `<` written `\u003c`, so no value can
 * end the block), and whose only code is the page's own script. No inline event handler, no
 * `eval`, no `innerHTML` with data: the scripts build elements and set `textContent`.
 *
 * Given a SHA-256 function, the page carries a Content-Security-Policy that lets only its own
 * script and style run, loads nothing from anywhere (the QR code is inline SVG) and sends no form
 * anywhere. The local pages get one; the Apps Script web app cannot set one (HtmlService ignores
 * every meta tag but a few, and Google's own script must run in its page), and relies on the
 * escaping and on Google's sandboxed iframe.
 */
import { escapeHtml, jsonForScript } from '../../domain/html';
import type { Locale } from '../../domain/vocabulary';

export interface PageDocument {
  readonly locale: Locale;
  readonly title: string;
  readonly style: string;
  readonly body: string;
  /** The data the page script reads (already reduced to what may be public). */
  readonly data: unknown;
  readonly dataId: string;
  readonly script: string;
}

/** Base64 of the SHA-256 of a text's UTF-8 bytes. */
export type Sha256Base64 = (text: string) => string;

export function contentSecurityPolicy(doc: PageDocument, sha256: Sha256Base64): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${sha256(doc.script)}'`,
    `style-src 'sha256-${sha256(doc.style)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function renderDocument(doc: PageDocument, sha256?: Sha256Base64): string {
  const csp = sha256
    ? `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(doc, sha256))}">`
    : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="${doc.locale === 'en' ? 'en' : 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    csp,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<base target="_top">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${doc.style}</style>`,
    '</head>',
    '<body>',
    doc.body,
    `<script type="application/json" id="${escapeHtml(doc.dataId)}">${jsonForScript(doc.data)}</script>`,
    `<script>${doc.script}</script>`,
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}
