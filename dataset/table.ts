// Reads one CSV file of a known kind: binds its header to the rule set's columns, validates
// every record with the row schema and fills the column builders.
import type { ColumnSpec, FileSpec } from '../engine/schema.ts';
import { normaliseCell } from './cells.ts';
import { columnBuilder, type ColumnBuilder } from './columns.ts';
import { parseCsv, type CsvRecord } from './csv.ts';
import type { DiagnosticSink } from './diagnostics.ts';
import { reportRowErrors, rowValidator, type BoundColumn } from './validate.ts';

export interface ReadOptions {
  /** Rule name → CSV header. */
  readonly renames: ReadonlyMap<string, string>;
  /**
   * When false (a year before the one evaluated), a required column the file lacks is a
   * warning and its values are missing: a later rule set may read inputs an earlier year did
   * not collect.
   */
  readonly strictColumns: boolean;
}

export interface TableRead {
  readonly file: string;
  readonly records: readonly CsvRecord[];
  /** Per record: the trimmed id (and name, for lists). */
  readonly ids: readonly string[];
  readonly names: readonly string[];
  /** Builders of the columns present in the file, by rule name. */
  readonly builders: ReadonlyMap<string, ColumnBuilder>;
  /** Columns the rules declare that the file lacks (their values are all missing). */
  readonly absent: readonly ColumnSpec[];
  /** Per record: the normalised values of a valid record (for cross-file checks), or undefined when it was invalid. */
  readonly rows: readonly (Readonly<Record<string, unknown>> | undefined)[];
  readonly bound: ReadonlyMap<string, BoundColumn>;
}

function bindHeader(file: string, header: readonly string[], spec: FileSpec, options: ReadOptions, sink: DiagnosticSink) {
  const at = new Map<string, number>();
  header.forEach((h, i) => {
    if (h === '') return;
    if (at.has(h)) sink.error('duplicateHeader', file, 1, i + 1, `表头「${h}」重复（第 ${at.get(h)! + 1} 列已有）`, `header "${h}" appears twice (already column ${at.get(h)! + 1})`);
    else at.set(h, i);
  });
  const bound = new Map<string, BoundColumn>();
  const absent: ColumnSpec[] = [];
  let usable = true;
  const keys = spec.kind === 'cadres' || spec.kind === 'units' ? ['id', 'name'] : ['id'];
  for (const k of keys) {
    const i = at.get(k);
    if (i === undefined) {
      sink.error('keyColumnMissing', file, 1, 1, `缺少「${k}」列`, `the column "${k}" is missing`);
      usable = false;
    } else bound.set(k, { name: k, header: k, index: i });
  }
  for (const c of spec.columns) {
    const h = options.renames.get(c.name) ?? c.name;
    const i = at.get(h);
    if (i !== undefined) {
      bound.set(c.name, { name: c.name, header: h, index: i, spec: c });
      continue;
    }
    absent.push(c);
    if (c.optional) continue;
    const label = h === c.name ? `「${c.name}」` : `「${c.name}」（列 ${h}）`;
    const labelEn = h === c.name ? `"${c.name}"` : `"${c.name}" (column ${h})`;
    if (options.strictColumns) {
      sink.error('columnMissing', file, 1, header.length + 1, `缺少规则所需的列${label}`, `the column ${labelEn} the rules require is missing`);
    } else {
      sink.warning('earlierYearColumn', file, 1, header.length + 1,
        `缺少列${label}，该年此项按缺失计算`, `the column ${labelEn} is missing; its values count as missing in this year`);
    }
  }
  return usable ? { bound, absent } : undefined;
}

/** Parses and validates one file; undefined when the file cannot be read as its kind at all. */
export function readTable(file: string, text: string, spec: FileSpec, options: ReadOptions, sink: DiagnosticSink): TableRead | undefined {
  const csv = parseCsv(file, text, sink);
  if (!csv) return undefined;
  const binding = bindHeader(file, csv.header, spec, options, sink);
  if (!binding) return undefined;
  const { bound, absent } = binding;
  // Absent columns were reported once for the file; rows are checked on the columns present.
  const effective: FileSpec = absent.length === 0 ? spec
    : { ...spec, columns: spec.columns.map(c => (absent.includes(c) ? { ...c, optional: true } : c)) };
  const { validate } = rowValidator(effective);
  const size = csv.records.length;
  const builders = new Map<string, ColumnBuilder>();
  for (const b of bound.values()) {
    if (!b.spec) continue;
    const builder = columnBuilder(b.spec, size);
    if (builder) builders.set(b.name, builder);
  }
  const columns = [...bound.values()];
  const idCol = bound.get('id')!;
  const nameCol = bound.get('name');
  const ids: string[] = new Array(size);
  const names: string[] = nameCol ? new Array(size) : [];
  const rows: (Record<string, unknown> | undefined)[] = new Array(size);
  for (let r = 0; r < size; r++) {
    const rec = csv.records[r];
    const row: Record<string, unknown> = {};
    for (const c of columns) {
      const raw = rec.cells[c.index] ?? '';
      const v = c.spec ? normaliseCell(raw, c.spec) : raw.trim() === '' ? undefined : raw.trim();
      if (v !== undefined) row[c.name] = v;
    }
    ids[r] = (rec.cells[idCol.index] ?? '').trim();
    if (nameCol) names[r] = (rec.cells[nameCol.index] ?? '').trim();
    if (!validate(row)) {
      reportRowErrors(validate.errors ?? [], rec.cells, rec.line, bound, file, sink);
      continue;
    }
    rows[r] = row;
    for (const [name, b] of builders) b.set(r, row[name]);
  }
  return { file, records: csv.records, ids, names, builders, absent, rows, bound };
}
