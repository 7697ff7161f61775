// Writes a columnar Dataset (the large benchmark data) as a dataset folder, streaming each CSV in
// chunks so a million-row year never has to exist as one string.
import fs from 'node:fs';
import path from 'node:path';
import type { Column, Dataset, EntityTable, RowTable } from '../engine/dataset.ts';

export interface ColumnarWriteOptions {
  /** Columns holding yes/no values (written 是/否). */
  readonly bools: readonly string[];
  /** Columns holding percent fractions (written in percent points). */
  readonly percents: readonly string[];
  /** Owner of each row table: `cadre` or a unit kind. */
  readonly owners: ReadonlyMap<string, string>;
}

function formatDay(days: number): string {
  const d = new Date(days * 86400000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function cell(name: string, col: Column, i: number, o: ColumnarWriteOptions): string {
  switch (col.kind) {
    case 'code': {
      const c = col.values[i];
      return c < 0 ? '' : col.labels[c];
    }
    case 'date': {
      const v = col.values[i];
      return v !== v ? '' : formatDay(v);
    }
    case 'number': {
      const v = col.values[i];
      if (v !== v) return '';
      if (o.bools.includes(name)) return v ? '是' : '否';
      const x = o.percents.includes(name) ? v * 100 : v;
      return String(Number(x.toFixed(6)));
    }
  }
}

function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Streams `count` lines produced by `line(i)` after a header into `file`. */
function writeLines(file: string, header: string, count: number, line: (i: number) => string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'w');
  try {
    let chunk = header + '\n';
    for (let i = 0; i < count; i++) {
      chunk += line(i) + '\n';
      if (chunk.length > 1 << 20) {
        fs.writeSync(fd, chunk);
        chunk = '';
      }
    }
    fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}

function writeEntities(file: string, t: EntityTable, o: ColumnarWriteOptions): void {
  const names = [...t.columns.keys()];
  const cols = names.map(n => t.columns.get(n)!);
  writeLines(file, ['id', ...names].map(quote).join(','), t.ids.length,
    i => [quote(t.ids[i]), ...cols.map((c, k) => quote(cell(names[k], c, i, o)))].join(','));
}

function writeRows(file: string, r: RowTable, ownerIds: readonly string[], o: ColumnarWriteOptions): void {
  const names = [...r.columns.keys()];
  const cols = names.map(n => r.columns.get(n)!);
  writeLines(file, ['id', ...names].map(quote).join(','), r.owner.length,
    i => [quote(ownerIds[r.owner[i]]), ...cols.map((c, k) => quote(cell(names[k], c, i, o)))].join(','));
}

/** Writes `dataset` under `dir`: dataset.yaml, cadres.csv, units, yearly records and row tables. */
export function writeColumnarDataset(dataset: Dataset, dir: string, o: ColumnarWriteOptions): void {
  const first = dataset.years[0];
  writeLines(path.join(dir, 'cadres.csv'), 'id,name', first.cadres.ids.length, i => `${quote(first.cadres.ids[i])},${quote(first.cadres.names[i])}`);
  const unitKinds = [...first.units.keys()];
  for (const kind of unitKinds) {
    const u = first.units.get(kind)!;
    writeLines(path.join(dir, `units-${kind}.csv`), 'id,name', u.ids.length, i => `${quote(u.ids[i])},${quote(u.names[i])}`);
  }
  for (const y of dataset.years) {
    writeEntities(path.join(dir, 'records', `${y.year}.csv`), y.cadres, o);
    for (const kind of unitKinds) writeEntities(path.join(dir, `unit-records-${kind}`, `${y.year}.csv`), y.units.get(kind)!, o);
    for (const [table, r] of y.rows) {
      const owner = o.owners.get(table) ?? 'cadre';
      const ids = owner === 'cadre' ? y.cadres.ids : y.units.get(owner)!.ids;
      writeRows(path.join(dir, `rows-${table}`, `${y.year}.csv`), r, ids, o);
    }
  }
  const lines = [
    `name: ${JSON.stringify(dataset.name)}`,
    `years: [${dataset.years.map(y => y.year).join(', ')}]`,
    'cadres: cadres.csv',
    'records: records/{year}.csv',
    'units:',
    ...unitKinds.flatMap(k => [`  ${k}:`, `    file: units-${k}.csv`, `    records: unit-records-${k}/{year}.csv`]),
    'rows:',
    ...[...first.rows.keys()].flatMap(t => [`  ${t}:`, `    file: rows-${t}/{year}.csv`,
      ...(o.owners.get(t) && o.owners.get(t) !== 'cadre' ? [`    owner: ${o.owners.get(t)}`] : [])]),
  ];
  fs.writeFileSync(path.join(dir, 'dataset.yaml'), lines.join('\n') + '\n');
}
