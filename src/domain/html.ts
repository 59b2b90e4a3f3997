/**
 * Text into HTML, safely, for the public pages (the honour roll and the meeting board). Every value
 * that came from a spreadsheet goes through `escapeHtml`, in element text and in quoted attributes
 * alike; data a page script needs goes through `jsonForScript` into a
 * `<script type="application/json">` block, never into code or an event handler.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * The text as HTML: `& < > " '` become entities, so it can stand in element content and in a
 * quoted attribute value. A branch named `<img src=x onerror=alert(1)>` prints as those characters.
 */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * JSON that can sit inside `<script type="application/json">`: `<`, `>` and `&` are written as
 * `\u003c`… so no `</script>` or `<!--` in the data can end or change the block, and the line
 * separators U+2028/U+2029 are escaped too. `JSON.parse` of the block's text gives the data back.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
