// Validated file contents → the columnar tables of engine/dataset.ts: entities in id order,
// rows grouped by owner, every column a typed array.
import type { Column, EntityTable, RowTable } from '../engine/dataset.ts';
import type { ColumnSpec } from '../engine/schema.ts';
import { compareIds as byCodePoint } from '../engine/result.ts';
import { missingColumn } from './columns.ts';
import type { TableRead } from './table.ts';

function columnsOf(read: TableRead, specs: readonly ColumnSpec[], order: Int32Array): Map<string, Column> {
  const columns = new Map<string, Column>();
  for (const spec of specs) {
    const b = read.builders.get(spec.name);
    const col = b ? b.finish(order) : missingColumn(spec, order.length);
    if (col) columns.set(spec.name, col);
  }
  return columns;
}

/** An entity table and what the loader needs to link rows to it. */
export interface BuiltEntities {
  readonly table: EntityTable;
  /** Line of each entity's record, in table order. */
  readonly lines: Int32Array;
  /** Table index by id. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Every id of the year's file, valid record or not: rows of an entity whose own record is bad are not reported again. */
  readonly present: ReadonlySet<string>;
}

/**
 * The entities of one year from their records file, in code-point order of id (so results never
 * depend on the order of the file's rows). `keep[r]` says whether record r is a valid entity.
 */
export function entityTable(read: TableRead, keep: readonly boolean[], specs: readonly ColumnSpec[], nameOf: (id: string) => string): BuiltEntities {
  const picked: number[] = [];
  for (let r = 0; r < read.ids.length; r++) if (keep[r]) picked.push(r);
  picked.sort((a, b) => byCodePoint(read.ids[a], read.ids[b]) || a - b);
  const order = Int32Array.from(picked);
  const ids = picked.map(r => read.ids[r]);
  const lines = Int32Array.from(picked.map(r => read.records[r].line));
  const indexOf = new Map<string, number>();
  ids.forEach((id, i) => indexOf.set(id, i));
  return {
    table: { ids, names: ids.map(nameOf), columns: columnsOf(read, specs, order), origin: { file: read.file, lines } },
    lines,
    indexOf,
    present: new Set(read.ids),
  };
}

/** Entities that have no yearly records file (a unit kind without inputs): every listed one, with all columns missing. */
export function listedEntities(ids: readonly string[], nameOf: (id: string) => string, specs: readonly ColumnSpec[]): BuiltEntities {
  const sorted = [...ids].sort(byCodePoint);
  const columns = new Map<string, Column>();
  for (const spec of specs) {
    const col = missingColumn(spec, sorted.length);
    if (col) columns.set(spec.name, col);
  }
  const indexOf = new Map<string, number>();
  sorted.forEach((id, i) => indexOf.set(id, i));
  return { table: { ids: sorted, names: sorted.map(nameOf), columns }, lines: new Int32Array(sorted.length), indexOf, present: new Set(sorted) };
}

/**
 * The rows of one table in one year. Rows are ordered by owner, then by their cells, then by
 * line: shuffling a file's rows changes neither the order nor any sum taken over them.
 */
export function rowTable(read: TableRead, owners: Int32Array, keep: readonly boolean[], specs: readonly ColumnSpec[]): RowTable {
  const picked: number[] = [];
  for (let r = 0; r < read.records.length; r++) if (keep[r]) picked.push(r);
  const keys = new Map<number, string>();
  for (const r of picked) keys.set(r, read.records[r].cells.map(c => c.trim()).join('\u001f'));
  picked.sort((a, b) => owners[a] - owners[b] || byCodePoint(keys.get(a)!, keys.get(b)!) || a - b);
  const order = Int32Array.from(picked);
  return {
    owner: Int32Array.from(picked.map(r => owners[r])),
    columns: columnsOf(read, specs, order),
    origin: { file: read.file, lines: Int32Array.from(picked.map(r => read.records[r].line)) },
  };
}
