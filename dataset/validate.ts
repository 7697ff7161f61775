// Validates rows against the rule set's JSON Schema with ajv and maps every ajv error back to
// the CSV: the record's line, the offending column's number and a plain-words reason.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { ColumnSpec, FileSpec, JsonSchema } from '../engine/schema.ts';
import { toJsonSchema } from '../engine/schema.ts';
import { parseDate } from './cells.ts';
import type { DiagnosticSink } from './diagnostics.ts';

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function instance(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, strict: true });
    ajv.addFormat('date', { type: 'string', validate: (s: string) => parseDate(s) !== undefined });
  }
  return ajv;
}

/** The row validator of a file kind; schemas with the same text share one compiled function. */
export function rowValidator(spec: FileSpec): { schema: JsonSchema; validate: ValidateFunction } {
  const schema = toJsonSchema(spec);
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = instance().compile(schema);
    compiled.set(key, validate);
  }
  return { schema, validate };
}

/** A rule column (or a key column) found in a file's header. */
export interface BoundColumn {
  /** The name the rules use (or `id`/`name`). */
  readonly name: string;
  /** The header as written in the file (differs from `name` when renamed under `columns`). */
  readonly header: string;
  /** 0-based index into the record's cells. */
  readonly index: number;
  /** Absent for the key columns. */
  readonly spec?: ColumnSpec;
}

function propertyOf(e: ErrorObject): string {
  if (e.keyword === 'required') return String((e.params as { missingProperty: string }).missingProperty);
  return e.instancePath.slice(1).replace(/~1/g, '/').replace(/~0/g, '~');
}

function rangeText(spec: ColumnSpec | undefined): string {
  if (!spec?.range) return '';
  const pct = spec.type.kind === 'percent' ? '%' : '';
  return `${spec.range.low}${pct}..${spec.range.high}${pct}`;
}

function memberList(members: readonly string[]): string {
  const shown = members.slice(0, 12).join('、');
  return members.length > 12 ? `${shown}……` : shown;
}

function typeName(t: string): [string, string] {
  switch (t) {
    case 'number': return ['数值', 'a number'];
    case 'integer': return ['非负整数', 'a whole number'];
    case 'boolean': return ['是否值（可写 是、否、true、false、1、0）', 'a yes/no value (是, 否, true, false, 1, 0)'];
    default: return ['文字', 'text'];
  }
}

/**
 * Reports every ajv error of one row. `bound` maps rule names to header columns; errors on
 * columns absent from the file were already reported once for the file and are skipped here.
 */
export function reportRowErrors(
  errors: readonly ErrorObject[],
  cells: readonly string[],
  line: number,
  bound: ReadonlyMap<string, BoundColumn>,
  file: string,
  sink: DiagnosticSink,
): void {
  for (const e of errors) {
    const name = propertyOf(e);
    const col = bound.get(name);
    if (!col) continue;
    const column = col.index + 1;
    const raw = (cells[col.index] ?? '').trim();
    const h = col.header === col.name ? `「${col.name}」` : `「${col.name}」（列 ${col.header}）`;
    const hEn = col.header === col.name ? `"${col.name}"` : `"${col.name}" (column ${col.header})`;
    const p = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'required':
      case 'minLength':
        sink.error('valueRequired', file, line, column,
          name === 'id' ? '编号为空' : `${h}不可为空（该输入未声明为可缺）`,
          name === 'id' ? 'the id is empty' : `${hEn} must not be empty (the input is not optional)`);
        break;
      case 'type': {
        const [zh, en] = typeName(String(p.type));
        sink.error(p.type === 'boolean' ? 'badBool' : 'notNumber', file, line, column,
          `${h}的值「${raw}」不是${zh}`, `${hEn}: "${raw}" is not ${en}`);
        break;
      }
      case 'minimum':
      case 'maximum': {
        const r = rangeText(col.spec);
        sink.error('outOfRange', file, line, column,
          r ? `${h}的值 ${raw} 超出范围 ${r}` : `${h}的值 ${raw} 不能为负数`,
          r ? `${hEn}: ${raw} is outside ${r}` : `${hEn}: ${raw} must not be negative`);
        break;
      }
      case 'enum': {
        const members = (p.allowedValues as string[]) ?? [];
        const listEn = `${members.slice(0, 12).join(', ')}${members.length > 12 ? ', …' : ''}`;
        const catalogue = col.spec?.catalogue;
        const of = col.spec?.type.kind === 'enum' ? col.spec.type.enumName : col.name;
        sink.error('notMember', file, line, column,
          catalogue ? `${h}的值「${raw}」不是「${catalogue}」目录中的情形（可选：${memberList(members)}）`
            : `${h}的值「${raw}」不是 ${of} 的成员（可选：${memberList(members)}）`,
          catalogue ? `${hEn}: "${raw}" is not a situation of the catalogue "${catalogue}" (one of: ${listEn})`
            : `${hEn}: "${raw}" is not a member of ${of} (one of: ${listEn})`);
        break;
      }
      case 'format':
        sink.error('badDate', file, line, column,
          `${h}的值「${raw}」不是有效日期（应为 YYYY-MM-DD）`, `${hEn}: "${raw}" is not a valid date (YYYY-MM-DD)`);
        break;
      default:
        // The row schema is ours (engine/schema.ts): a keyword without a message here is a bug.
        throw new Error(`unmapped row-schema keyword: ${e.keyword}`);
    }
  }
}
