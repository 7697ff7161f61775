// Test helpers: rule text → checked model (failing loudly on errors), and plain objects → a columnar dataset
// typed by the model (numbers, dates and codes as the evaluator expects them).
import { analyze } from '../pipeline.ts';
import type { Column, Dataset, EntityTable, RowTable, YearData } from '../dataset.ts';
import type { FieldInfo, InputInfo, RuleSetModel, Type } from '../model.ts';
import { parseDate } from '../dates.ts';

/** Parses and checks rules; throws with the diagnostics when any is an error. */
export function modelOf(text: string, path = 'test.kp'): RuleSetModel {
  const a = analyze(text, { path });
  const errors = a.diagnostics.filter(d => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map(d => `${d.code} ${d.message} @${d.span.start}: ${text.slice(d.span.start, d.span.end)}`).join('\n'));
  return a.model;
}

export type Cell = number | string | boolean | null | undefined;
export type Row = Record<string, Cell>;

export interface YearSpec {
  /** Cadres: `id`, `name` and inputs by name. */
  readonly cadres: readonly Row[];
  /** Units by kind: `id`, `name` and the unit's inputs. */
  readonly units?: Readonly<Record<string, readonly Row[]>>;
  /** Rows by table: `owner` (the cadre's or unit's id) and fields. */
  readonly rows?: Readonly<Record<string, readonly Row[]>>;
}

function isCode(t: Type): boolean {
  return t.kind === 'enum' || t.kind === 'text' || t.kind === 'group' || t.kind === 'unitRef';
}

/** One column from cells, typed by the declared type. */
export function columnOf(t: Type, cells: readonly Cell[]): Column {
  if (isCode(t)) {
    const labels: string[] = [];
    const values = new Int32Array(cells.length);
    cells.forEach((c, k) => {
      if (c === null || c === undefined || c === '') { values[k] = -1; return; }
      const s = String(c);
      let i = labels.indexOf(s);
      if (i < 0) { i = labels.length; labels.push(s); }
      values[k] = i;
    });
    return { kind: 'code', values, labels };
  }
  const values = new Float64Array(cells.length);
  cells.forEach((c, k) => {
    values[k] = c === null || c === undefined || c === '' ? NaN
      : typeof c === 'boolean' ? (c ? 1 : 0)
        : typeof c === 'string' ? (t.kind === 'date' ? parseDate(c) : Number(c)) : c;
  });
  return t.kind === 'date' ? { kind: 'date', values } : { kind: 'number', values };
}

function entityTable(rows: readonly Row[], inputs: readonly InputInfo[]): EntityTable {
  const columns = new Map<string, Column>();
  for (const i of inputs) {
    if (!rows.some(r => i.name in r)) continue;
    columns.set(i.name, columnOf(i.type, rows.map(r => r[i.name])));
  }
  return { ids: rows.map(r => String(r.id)), names: rows.map(r => String(r.name ?? r.id)), columns };
}

function rowTable(rows: readonly Row[], fields: readonly FieldInfo[], ownerIds: readonly string[]): RowTable {
  const columns = new Map<string, Column>();
  for (const f of fields) {
    if (!rows.some(r => f.name in r)) continue;
    columns.set(f.name, columnOf(f.type, rows.map(r => r[f.name])));
  }
  const owner = Int32Array.from(rows, r => ownerIds.indexOf(String(r.owner)));
  return { owner, columns, origin: { file: 'rows.csv', lines: Int32Array.from(rows, (_, k) => k + 2) } };
}

/** A dataset from plain objects per year, typed by the model's inputs and fields. */
export function datasetOf(model: RuleSetModel, years: Readonly<Record<number, YearSpec>>, name = 'test'): Dataset {
  const out: YearData[] = [];
  for (const y of Object.keys(years).map(Number).sort((a, b) => a - b)) {
    const spec = years[y];
    const cadres = { ...entityTable(spec.cadres, model.cadre.inputs), origin: { file: `cadres-${y}.csv`, lines: Int32Array.from(spec.cadres, (_, k) => k + 2) } };
    const units = new Map<string, EntityTable>();
    for (const u of model.units) units.set(u.unitKind!, entityTable(spec.units?.[u.unitKind!] ?? [], u.inputs));
    const rows = new Map<string, RowTable>();
    for (const lm of [model.cadre, ...model.units]) {
      const owners = lm.level === 'cadre' ? cadres.ids : units.get(lm.unitKind!)!.ids;
      for (const t of lm.tables) rows.set(t.name, rowTable(spec.rows?.[t.name] ?? [], t.fields, owners));
    }
    out.push({ year: y, cadres, units, rows });
  }
  return { name, years: out };
}
