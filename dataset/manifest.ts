// Reads `dataset.yaml`: the dataset's name, years and file layout, validated with ajv and
// every problem placed at its line and column in the YAML text.
import { Ajv, type ErrorObject } from 'ajv';
import { parseDocument, isNode, type Document } from 'yaml';
import { LineMap } from '../grammar/span.ts';
import { compareIds as byCodePoint } from '../engine/result.ts';
import type { DiagnosticSink } from './diagnostics.ts';

/** Where a unit kind's files are. */
export interface UnitFiles {
  /** The list of units: `id, name`. */
  readonly file: string;
  /** Yearly records (`{year}` in the path), one column per unit-level input; absent when the kind has no inputs. */
  readonly records?: string;
}

/** Where a row table's yearly files are and who owns the rows. */
export interface RowFiles {
  readonly file: string;
  /** `cadre` (default) or a unit kind. */
  readonly owner: string;
}

export interface Manifest {
  readonly name: string;
  readonly description?: string;
  /** Ascending, without duplicates. */
  readonly years: readonly number[];
  readonly cadres: string;
  readonly records: string;
  readonly units: ReadonlyMap<string, UnitFiles>;
  readonly rows: ReadonlyMap<string, RowFiles>;
  /** Rule name → CSV header, for every file. */
  readonly columns: ReadonlyMap<string, string>;
}

/** A parsed manifest and the means to point at any of its values. */
export interface ManifestDoc {
  readonly manifest: Manifest;
  /** Line and column of the value at a path (e.g. ['rows', '效情形', 'file']), or of the nearest enclosing node. */
  position(path: readonly (string | number)[]): { line: number; column: number };
}

export const MANIFEST_FILE = 'dataset.yaml';

const yearly = { type: 'string', minLength: 1, pattern: '\\{year\\}' };

const manifestSchema = {
  type: 'object',
  required: ['name', 'years', 'cadres', 'records'],
  properties: {
    name: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    years: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'integer', minimum: 1000, maximum: 9999 } },
    cadres: { type: 'string', minLength: 1 },
    records: yearly,
    units: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['file'],
        properties: { file: { type: 'string', minLength: 1 }, records: yearly },
        additionalProperties: false,
      },
    },
    rows: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['file'],
        properties: { file: yearly, owner: { type: 'string', minLength: 1 } },
        additionalProperties: false,
      },
    },
    columns: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
  },
  additionalProperties: false,
};

let validator: ReturnType<Ajv['compile']> | undefined;
function validateShape(value: unknown): ErrorObject[] {
  validator ??= new Ajv({ allErrors: true, strict: true }).compile(manifestSchema);
  return validator(value) ? [] : [...(validator.errors ?? [])];
}

function pointer(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath.slice(1).split('/').map(s => {
    const p = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(p) ? Number(p) : p;
  });
}

function shapeMessage(e: ErrorObject, path: readonly (string | number)[]): [zh: string, en: string] {
  const p = e.params as Record<string, unknown>;
  const w = path.length ? path.join('.') : '清单';
  const wEn = path.length ? path.join('.') : 'the manifest';
  switch (e.keyword) {
    case 'required': return [`${w} 缺少必需的键「${p.missingProperty}」`, `${wEn} lacks the required key "${p.missingProperty}"`];
    case 'additionalProperties': return [`${w} 有未知的键「${p.additionalProperty}」（已忽略）`, `${wEn} has an unknown key "${p.additionalProperty}" (ignored)`];
    case 'pattern': return [`${w} 的路径须含 {year}（每年一个文件）`, `the path ${wEn} must contain {year} (one file per year)`];
    case 'uniqueItems': return [`${w} 有重复的年度`, `${wEn} lists a year twice`];
    case 'type': return [`${w} 应为${typeZh(String(p.type))}`, `${wEn} must be ${typeEn(String(p.type))}`];
    case 'minimum': case 'maximum': return [`${w} 应为四位数年度`, `${wEn} must be a four-digit year`];
    case 'minItems': case 'minLength': return [`${w} 不可为空`, `${wEn} must not be empty`];
    default: return [`${w} ${e.message ?? ''}`, `${wEn} ${e.message ?? ''}`];
  }
}

function typeZh(t: string): string {
  return ({ string: '文字', integer: '整数', array: '列表', object: '映射（键: 值）', number: '数值' } as Record<string, string>)[t] ?? t;
}
function typeEn(t: string): string {
  return ({ string: 'a string', integer: 'an integer', array: 'a list', object: 'a mapping (key: value)', number: 'a number' } as Record<string, string>)[t] ?? t;
}

function makePosition(doc: Document, lines: LineMap) {
  return (path: readonly (string | number)[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const p = lines.position(node.range[0]);
        return { line: p.line, column: p.column };
      }
    }
    return { line: 1, column: 1 };
  };
}

/** Parses and validates `dataset.yaml`; the manifest is absent when it cannot be used. */
export function parseManifest(text: string, sink: DiagnosticSink, file: string = MANIFEST_FILE): ManifestDoc | undefined {
  const lines = new LineMap(text);
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // After the first syntax error the parser's further complaints are mostly its consequences.
    const e = doc.errors[0];
    const p = lines.position(e.pos[0]);
    const more = doc.errors.length > 1 ? [`（另有 ${doc.errors.length - 1} 处随之出错）`, ` (and ${doc.errors.length - 1} follow-on errors)`] : ['', ''];
    sink.error('manifestSyntax', file, p.line, p.column, `YAML 语法错误：${e.message}${more[0]}`, `YAML syntax error: ${e.message}${more[1]}`);
    return undefined;
  }
  const position = makePosition(doc, lines);
  const value: unknown = doc.toJS();
  let blocking = false;
  for (const e of validateShape(value)) {
    const path = pointer(e.instancePath);
    const [zh, en] = shapeMessage(e, path);
    const at = e.keyword === 'additionalProperties' ? [...path, String((e.params as { additionalProperty: string }).additionalProperty)] : path;
    const pos = position(at);
    // An unknown key is left for other tools (a generator's own settings); it never blocks a load.
    if (e.keyword === 'additionalProperties') sink.warning('manifestShape', file, pos.line, pos.column, zh, en);
    else {
      blocking = true;
      sink.error('manifestShape', file, pos.line, pos.column, zh, en);
    }
  }
  if (blocking) return undefined;
  const v = value as {
    name: string; description?: string; years: number[]; cadres: string; records: string;
    units?: Record<string, { file: string; records?: string }>;
    rows?: Record<string, { file: string; owner?: string }>;
    columns?: Record<string, string>;
  };
  const manifest: Manifest = {
    name: v.name,
    description: v.description,
    years: [...v.years].sort((a, b) => a - b),
    cadres: v.cadres,
    records: v.records,
    units: new Map(Object.entries(v.units ?? {}).map(([k, u]) => [k, { file: u.file, records: u.records }])),
    rows: new Map(Object.entries(v.rows ?? {}).map(([k, r]) => [k, { file: r.file, owner: r.owner ?? 'cadre' }])),
    columns: new Map(Object.entries(v.columns ?? {})),
  };
  return { manifest, position };
}

/** The path of a yearly file. */
export function yearPath(template: string, year: number): string {
  return template.split('{year}').join(String(year));
}

/** Every file the manifest names, for all its years, in code-point order without duplicates. */
export function manifestFiles(m: Manifest): string[] {
  const files = new Set<string>([m.cadres]);
  for (const y of m.years) {
    files.add(yearPath(m.records, y));
    for (const u of m.units.values()) if (u.records) files.add(yearPath(u.records, y));
    for (const r of m.rows.values()) files.add(yearPath(r.file, y));
  }
  for (const u of m.units.values()) files.add(u.file);
  return [...files].sort(byCodePoint);
}
