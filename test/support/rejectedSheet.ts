/**
 * The `Rejected` (待处理) sheet as staff see it: rows of cells under headers, read and edited by
 * header text, as a person would in the sheet (not through the schema's records).
 */
import type { Cell } from '../../src/domain/schema/column';
import type { MemoryStore } from './memoryStore';

const ID_HEADERS = ['响应编号', 'Response ID'];

/** The row whose response id is `id`, as header → cell; undefined when there is none. */
export function rowCells(
  rows: readonly (readonly Cell[])[],
  id: string,
): Record<string, Cell> | undefined {
  const [header = [], ...body] = rows;
  const at = header.findIndex((h) => ID_HEADERS.includes(String(h)));
  const row = body.find((r) => r[at] === id);
  if (!row) return undefined;
  return Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? null]));
}

/** The rows with cells of the row `id` changed, by header (every header must exist). */
export function editCells(
  rows: readonly (readonly Cell[])[],
  id: string,
  changes: Readonly<Record<string, Cell>>,
): Cell[][] {
  const [header = [], ...body] = rows;
  const at = header.findIndex((h) => ID_HEADERS.includes(String(h)));
  const index = body.findIndex((r) => r[at] === id);
  if (index < 0) throw new Error(`Rejected: no row ${id}`);
  const row = [...body[index]!];
  for (const [name, value] of Object.entries(changes)) {
    const column = header.indexOf(name);
    if (column < 0) throw new Error(`Rejected: no column ${name}`);
    row[column] = value;
  }
  return [[...header], ...body.map((r, i) => (i === index ? row : [...r]))];
}

/** The cells of a Rejected row in a memory store. */
export function rejectedCells(store: MemoryStore, id: string): Record<string, Cell> | undefined {
  return rowCells(store.peek('Rejected'), id);
}

/** Staff type into cells of a Rejected row (by header), without a job's read or write. */
export function editRejected(
  store: MemoryStore,
  id: string,
  changes: Readonly<Record<string, Cell>>,
): void {
  store.put('Rejected', editCells(store.peek('Rejected'), id, changes));
}
