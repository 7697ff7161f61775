// Loads a dataset folder's files (given as text) into the columnar Dataset a rule set reads:
// manifest, lists, yearly records and rows — all validated; any error means no Dataset.
import type { Dataset, RowTable, YearData, EntityTable } from '../engine/dataset.ts';
import type { RuleSetModel } from '../engine/model.ts';
import { datasetSpec, type DatasetSpec } from '../engine/schema.ts';
import { entityTable, listedEntities, rowTable, type BuiltEntities } from './build.ts';
import { DiagnosticSink, type DataDiagnostic } from './diagnostics.ts';
import { MANIFEST_FILE, parseManifest, yearPath, type Manifest, type ManifestDoc } from './manifest.ts';
import { checkCoverage, checkRowFacts, checkUnitLinks } from './links.ts';
import { readTable, type ReadOptions, type TableRead } from './table.ts';

/** One file of a dataset folder; `path` is relative to the folder, with `/`. */
export interface DatasetFile {
  readonly path: string;
  readonly text: string;
}

/** Reads a file of the folder by relative path; undefined when it does not exist. */
export type DatasetReader = (path: string) => string | undefined;

export type DatasetSource = readonly DatasetFile[] | DatasetReader;

export interface LoadOptions {
  /**
   * The year to be evaluated. Only it and the years before it are loaded (history reads them);
   * in the earlier years a column the rules need but the file lacks counts as missing, with a
   * warning, instead of an error.
   */
  readonly year?: number;
  /** How many diagnostics to keep (default 100); the rest are counted in `omitted`. */
  readonly limit?: number;
}

export interface LoadResult {
  /** Present only when no error was found. */
  readonly dataset?: Dataset;
  readonly manifest?: Manifest;
  /** In file, line, column order; at most `limit`. */
  readonly diagnostics: readonly DataDiagnostic[];
  /** Diagnostics found beyond the limit. */
  readonly omitted: number;
  /** Errors found in all (kept and omitted). */
  readonly errorCount: number;
}

function toReader(source: DatasetSource): DatasetReader {
  if (typeof source === 'function') return source;
  const files = new Map((source as readonly DatasetFile[]).map(f => [f.path, f.text]));
  return path => files.get(path);
}

/** Context shared by the steps of one load. */
export interface LoadContext {
  readonly read: DatasetReader;
  readonly doc: ManifestDoc;
  readonly spec: DatasetSpec;
  readonly sink: DiagnosticSink;
}

function readFile(ctx: LoadContext, file: string, where: (string | number)[], spec: Parameters<typeof readTable>[2], options: ReadOptions): TableRead | undefined {
  const text = ctx.read(file);
  if (text === undefined) {
    const p = ctx.doc.position(where);
    ctx.sink.error('fileMissing', MANIFEST_FILE, p.line, p.column, `文件 ${file} 不存在`, `the file ${file} does not exist`);
    return undefined;
  }
  return readTable(file, text, spec, options, ctx.sink);
}

/**
 * Ids of one file: each must be unique (and, for yearly records, listed). Checked on every
 * record with an id, valid or not, so a duplicate is reported even beside a bad row.
 * Returns which records are kept.
 */
function checkIds(ctx: LoadContext, read: TableRead, listed: ReadonlyMap<string, string> | undefined, what: [string, string]): boolean[] {
  const lineOf = new Map<string, number>();
  const col = read.bound.get('id')!.index + 1;
  const scope = listed ? ['在本年', ' this year'] : ['', ''];
  return read.ids.map((id, r) => {
    if (id === '') return false;
    const line = read.records[r].line;
    if (lineOf.has(id)) {
      ctx.sink.error('duplicateId', read.file, line, col, `编号「${id}」${scope[0]}重复（第 ${lineOf.get(id)} 行已有）`, `the id "${id}" appears twice${scope[1]} (already on line ${lineOf.get(id)})`);
      return false;
    }
    lineOf.set(id, line);
    if (listed && !listed.has(id)) {
      ctx.sink.error('unknownId', read.file, line, col, `编号「${id}」不在${what[0]}名单中`, `the id "${id}" is not in the list of ${what[1]}`);
      return false;
    }
    return read.rows[r] !== undefined;
  });
}

/** A list file (cadres or units of a kind). Returns id → name. */
function readList(ctx: LoadContext, file: string, where: (string | number)[], kind: 'cadres' | 'units', subject?: string): Map<string, string> | undefined {
  const read = readFile(ctx, file, where, { kind, subject, columns: [] }, { renames: new Map(), strictColumns: true });
  if (!read) return undefined;
  const keep = checkIds(ctx, read, undefined, ['', '']);
  const names = new Map<string, string>();
  read.ids.forEach((id, r) => { if (keep[r]) names.set(id, read.names[r] || id); });
  return names;
}

function loadYear(ctx: LoadContext, year: number, strict: boolean, cadres: ReadonlyMap<string, string>, unitLists: ReadonlyMap<string, ReadonlyMap<string, string>>): YearData | undefined {
  const { doc, spec } = ctx;
  const m = doc.manifest;
  const options: ReadOptions = { renames: m.columns, strictColumns: strict };
  const units = new Map<string, BuiltEntities>();
  for (const u of spec.units) {
    const files = m.units.get(u.kind);
    const listed = unitLists.get(u.kind);
    if (!files || !listed) continue;
    const nameOf = (id: string) => listed.get(id) ?? id;
    if (!files.records) {
      units.set(u.kind, listedEntities([...listed.keys()], nameOf, u.records.columns));
      continue;
    }
    const file = yearPath(files.records, year);
    const read = readFile(ctx, file, ['units', u.kind, 'records'], u.records, options);
    if (!read) continue;
    const keep = checkIds(ctx, read, listed, [`单位「${u.kind}」`, `units "${u.kind}"`]);
    units.set(u.kind, entityTable(read, keep, u.records.columns, nameOf));
  }
  const recordsFile = yearPath(m.records, year);
  const read = readFile(ctx, recordsFile, ['records'], spec.records, options);
  let built: BuiltEntities | undefined;
  if (read) {
    const keep = checkIds(ctx, read, cadres, ['干部', 'cadres']);
    checkUnitLinks(ctx.sink, read, keep, units);
    built = entityTable(read, keep, spec.records.columns, id => cadres.get(id) ?? id);
  }
  const rows = new Map<string, RowTable>();
  for (const r of spec.rows) {
    const files = m.rows.get(r.table);
    const owner = r.owner === 'cadre' ? built : units.get(r.owner);
    if (!files) continue;
    const rowsRead = readFile(ctx, yearPath(files.file, year), ['rows', r.table, 'file'], r.spec, options);
    if (!rowsRead) continue;
    const { owners, keep } = checkRowFacts(ctx.sink, rowsRead, owner, r, year);
    rows.set(r.table, rowTable(rowsRead, owners, keep, r.spec.columns));
  }
  if (!built) return undefined;
  const unitTables = new Map<string, EntityTable>([...units].map(([k, b]) => [k, b.table]));
  return { year, cadres: built.table, units: unitTables, rows };
}

/**
 * Loads and validates a dataset for a rule set. Every row of every file is checked before
 * anything is built; when any error is found there is no `dataset`, only diagnostics.
 */
export function loadDataset(source: DatasetSource, model: RuleSetModel, options: LoadOptions = {}): LoadResult {
  const read = toReader(source);
  const sink = new DiagnosticSink(options.limit);
  const done = (dataset?: Dataset, manifest?: Manifest): LoadResult => ({
    dataset: sink.errors === 0 ? dataset : undefined,
    manifest,
    diagnostics: sink.sorted(),
    omitted: sink.omitted,
    errorCount: sink.errors,
  });
  const text = read(MANIFEST_FILE);
  if (text === undefined) {
    sink.error('fileMissing', MANIFEST_FILE, 1, 1, `缺少清单文件 ${MANIFEST_FILE}`, `the manifest ${MANIFEST_FILE} is missing`);
    return done();
  }
  const doc = parseManifest(text, sink);
  if (!doc) return done();
  const m = doc.manifest;
  const ctx: LoadContext = { read, doc, spec: datasetSpec(model), sink };
  checkCoverage(ctx.sink, doc, ctx.spec);
  let years = m.years;
  if (options.year !== undefined) {
    if (!m.years.includes(options.year)) {
      const p = doc.position(['years']);
      sink.error('yearNotInData', MANIFEST_FILE, p.line, p.column, `数据中没有 ${options.year} 年（有：${m.years.join('、')}）`, `the dataset has no year ${options.year} (it has ${m.years.join(', ')})`);
      return done(undefined, m);
    }
    years = m.years.filter(y => y <= options.year!);
  }
  const cadres = readList(ctx, m.cadres, ['cadres'], 'cadres');
  const unitLists = new Map<string, Map<string, string>>();
  for (const u of ctx.spec.units) {
    const files = m.units.get(u.kind);
    if (!files) continue;
    const list = readList(ctx, files.file, ['units', u.kind, 'file'], 'units', u.kind);
    if (list) unitLists.set(u.kind, list);
  }
  if (!cadres) return done(undefined, m);
  const data: YearData[] = [];
  for (const y of years) {
    const yd = loadYear(ctx, y, options.year === undefined || y === options.year, cadres, unitLists);
    if (yd) data.push(yd);
  }
  return done({ name: m.name, years: data }, m);
}
