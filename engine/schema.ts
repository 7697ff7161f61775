// From a checked rule set, the columns each kind of dataset file must have, and a JSON Schema
// per file kind that validates one row (as read from CSV, after cell normalisation) with ajv.
import type { FieldInfo, InputInfo, RowTableInfo, RuleSetModel, Type } from './model.ts';

/** The kinds of file in a dataset folder (see docs/data.md). */
export type FileKind = 'cadres' | 'records' | 'units' | 'unitRecords' | 'rows';

/** One column a file may carry, keyed by the name the rules use. */
export interface ColumnSpec {
  readonly name: string;
  readonly type: Type;
  /** An optional column may be absent from the file, and any cell of it may be empty. */
  readonly optional: boolean;
  /** Bounds as written in the rules; for percent, in percent points (`percent 0..200`). */
  readonly range?: { readonly low: number; readonly high: number };
  /** Accepted spellings, when the type is an enum or a situation of an events catalogue. */
  readonly members?: readonly string[];
  /** For the 情形 column of an events table: the table whose catalogue lists the members. */
  readonly catalogue?: string;
}

/** The columns of one kind of file; every file also has the key column `id` (and `name` for lists). */
export interface FileSpec {
  readonly kind: FileKind;
  /** The unit kind (units, unitRecords) or the table name (rows). */
  readonly subject?: string;
  /** For rows: the table kind. */
  readonly tableKind?: RowTableInfo['kind'];
  readonly columns: readonly ColumnSpec[];
}

/** Every file kind a rule set reads, derived from its inputs and tables. */
export interface DatasetSpec {
  readonly cadres: FileSpec;
  readonly records: FileSpec;
  /** Per unit kind, in the rules' order: the list of units and their yearly records. */
  readonly units: readonly { readonly kind: string; readonly list: FileSpec; readonly records: FileSpec }[];
  /** Row tables of both levels; `level` is 'cadre' or the unit kind that owns the rows. */
  readonly rows: readonly { readonly table: string; readonly owner: string; readonly spec: FileSpec }[];
}

/** A JSON Schema object (draft-07 subset: the keywords this module writes). */
export interface JsonSchema {
  readonly [keyword: string]: unknown;
}

const implicitOptional = new Set(['分值', '止']);

function enumMembers(model: RuleSetModel, type: Type): readonly string[] | undefined {
  if (type.kind !== 'enum') return undefined;
  return model.enums.find(e => e.name === type.enumName)?.members;
}

/**
 * Bounds as written in the declaration (`percent 0..200` → 0 and 200, in percent points as the
 * data is written), read from the syntax so that they never depend on how a stage scales them.
 */
function writtenRange(ref: { readonly range?: { readonly low: { value: number }; readonly high: { value: number } } } | undefined) {
  return ref?.range ? { low: ref.range.low.value, high: ref.range.high.value } : undefined;
}

function inputColumn(model: RuleSetModel, input: InputInfo): ColumnSpec {
  // The model keeps percent ranges as fractions; the data is written in percent points.
  const scale = input.type.kind === 'percent' ? 100 : 1;
  const range = writtenRange(input.def.type) ?? (input.range && { low: input.range.low * scale, high: input.range.high * scale });
  return { name: input.name, type: input.type, optional: input.optional, range, members: enumMembers(model, input.type) };
}

function fieldColumn(model: RuleSetModel, table: RowTableInfo, field: FieldInfo): ColumnSpec {
  if (table.kind === 'events' && field.name === '情形') {
    return { name: field.name, type: field.type, optional: false, members: table.situations.map(s => s.name), catalogue: table.name };
  }
  // The catalogue gives an event's points and an open period has no end: those cells may be empty.
  const optional = field.optional || (field.decl === undefined && implicitOptional.has(field.name));
  return { name: field.name, type: field.type, optional, range: writtenRange(field.decl?.type), members: enumMembers(model, field.type) };
}

function rowsSpec(model: RuleSetModel, table: RowTableInfo, owner: string) {
  return {
    table: table.name,
    owner,
    spec: { kind: 'rows' as const, subject: table.name, tableKind: table.kind, columns: table.fields.map(f => fieldColumn(model, table, f)) },
  };
}

/** The files a rule set reads and the columns of each. */
export function datasetSpec(model: RuleSetModel): DatasetSpec {
  const units = model.units.map(level => {
    const kind = level.unitKind ?? '';
    return {
      kind,
      list: { kind: 'units' as const, subject: kind, columns: [] },
      records: { kind: 'unitRecords' as const, subject: kind, columns: level.inputs.map(i => inputColumn(model, i)) },
    };
  });
  const rows = [
    ...model.cadre.tables.map(t => rowsSpec(model, t, 'cadre')),
    ...model.units.flatMap(level => level.tables.map(t => rowsSpec(model, t, level.unitKind ?? ''))),
  ];
  return {
    cadres: { kind: 'cadres', columns: [] },
    records: { kind: 'records', columns: model.cadre.inputs.map(i => inputColumn(model, i)) },
    units,
    rows,
  };
}

/** The JSON Schema of one cell's normalised value, or undefined when the type cannot be validated (after a rule error). */
export function valueSchema(column: ColumnSpec): JsonSchema | undefined {
  const t = column.type;
  const bounds: Record<string, number> = {};
  if (column.range) {
    bounds.minimum = column.range.low;
    bounds.maximum = column.range.high;
  }
  switch (t.kind) {
    case 'points':
    case 'percent':
    case 'number':
      return { type: 'number', ...bounds };
    case 'count':
      return { type: 'integer', minimum: 0, ...bounds };
    case 'bool':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'enum':
      return column.members ? { type: 'string', enum: [...column.members] } : { type: 'string' };
    case 'text':
      return column.members ? { type: 'string', enum: [...column.members] } : { type: 'string' };
    case 'group':
    case 'unitRef':
      return { type: 'string', minLength: 1 };
    case 'rows':
    case 'error':
      return undefined;
  }
}

/** The key columns every file of a kind carries before the rules' own columns. */
export function keyColumns(kind: FileKind): readonly string[] {
  return kind === 'cadres' || kind === 'units' ? ['id', 'name'] : ['id'];
}

/**
 * The schema of one row of a file: an object keyed by rule names, a property per column;
 * non-optional columns are required (an empty cell is an absent property).
 */
export function toJsonSchema(spec: FileSpec): JsonSchema {
  const properties: Record<string, JsonSchema> = { id: { type: 'string', minLength: 1 } };
  const required = ['id'];
  if (spec.kind === 'cadres' || spec.kind === 'units') properties.name = { type: 'string' };
  for (const c of spec.columns) {
    const s = valueSchema(c);
    if (!s) continue;
    properties[c.name] = s;
    if (!c.optional) required.push(c.name);
  }
  const title = spec.subject ? `${spec.kind}:${spec.subject}` : spec.kind;
  return { title, type: 'object', properties, required };
}
