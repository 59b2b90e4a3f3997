/** Bytes as Excel saves CSV files on a Chinese Windows, for the ingest tests. */

/** A GB18030 encoder for the tests, built from Node's decoder (Node has none the other way). */
export function gb18030(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !table.has(char))
        table.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else {
      const code = table.get(char);
      if (!code) throw new Error(`gb18030: no two-byte code for ${char}`);
      bytes.push(...code);
    }
  }
  return Buffer.from(bytes);
}

/** Excel's "Unicode text": UTF-16 with BOM, TAB between cells, CRLF. */
export function unicodeText(csv: string, order: 'le' | 'be'): Buffer {
  const tsv = csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .map((line) => line.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '\t'))
    .join('\r\n');
  const le = Buffer.from(`\uFEFF${tsv}`, 'utf16le');
  return order === 'le' ? le : le.swap16();
}
