// Language tests, part one: the `given` steps of a test → a small columnar Dataset, and the
// constant values that `given` and `expect` write.
import type * as ast from '../grammar/ast.ts';
import type { Diagnostic } from '../grammar/diagnostic.ts';
import type { Span } from '../grammar/span.ts';
import { builtinsOf } from '../grammar/vocabulary.ts';
import type { Column, Dataset, EntityTable, RowTable, YearData } from './dataset.ts';
import type { RuleSetModel } from './model.ts';
import { compareIds as byCodePoint, type Value } from './result.ts';
import { datasetSpec, type ColumnSpec } from './schema.ts';
import { parseDate } from './dates.ts';

/** A KP8xx diagnostic of a language test. */
export function testDiagnostic(code: string, message: string, messageEn: string, span: Span, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { code, severity, message, messageEn, span: { start: span.start, end: span.end } };
}

/** The value a constant expression of a test stands for, or undefined when it is not a constant. */
export function constantValue(model: RuleSetModel, e: ast.Expr): Value | undefined {
  switch (e.kind) {
    case 'NumberLit':
    case 'PercentLit':
    case 'StringLit':
    case 'BoolLit':
      return e.value;
    case 'MissingLit':
      return null;
    case 'Paren':
      return constantValue(model, e.expr);
    case 'Unary': {
      const v = e.op === '-' ? constantValue(model, e.operand) : undefined;
      return typeof v === 'number' ? -v : undefined;
    }
    case 'NameRef': {
      const r = model.resolutions.get(e);
      if (r?.kind === 'member') return r.member;
      if (r?.kind === 'situation') return r.situation;
      if (r?.kind === 'disposition') return r.name;
      // A bare group, text or unit id written without quotes.
      return r === undefined ? e.name.name : undefined;
    }
    case 'MemberAccess': {
      const r = model.resolutions.get(e) ?? model.resolutions.get(e.member);
      if (r?.kind === 'member') return r.member;
      if (r?.kind === 'situation') return r.situation;
      return undefined;
    }
    default:
      return undefined;
  }
}

const FIELD_ALIASES = builtinsOf('field');

/** The canonical name of a field as written in a test (`date` → 日期). */
export function canonicalField(name: string): string {
  return FIELD_ALIASES.get(name)?.zh[0] ?? name;
}

/** The id a step names: `甲` or `"c-01"`. */
export function subjectId(s: ast.Ident | ast.StringLit): string {
  return s.kind === 'Ident' ? s.name : s.value;
}

/** The year of a step: its own, else the rule set's. */
export function stepYear(model: RuleSetModel, step: ast.Given | ast.Expect): number | undefined {
  return step.year?.value ?? model.year;
}

type Facts = Map<string, Value>;

/** What the givens of one year state, per level. */
interface YearFacts {
  readonly cadres: Map<string, Facts>;
  readonly units: Map<string, Map<string, Facts>>;
  readonly rows: Map<string, { owner: string; facts: Facts }[]>;
}

function toColumn(spec: ColumnSpec, values: readonly Value[]): Column | undefined {
  switch (spec.type.kind) {
    case 'points': case 'percent': case 'number': case 'count': case 'bool':
      return { kind: 'number', values: Float64Array.from(values, v => (typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : NaN)) };
    case 'date':
      return { kind: 'date', values: Float64Array.from(values, v => (typeof v === 'string' ? parseDate(v) : NaN)) };
    case 'enum': case 'text': case 'group': case 'unitRef': {
      const labels = spec.members ?? [...new Set(values.filter((v): v is string => typeof v === 'string'))].sort(byCodePoint);
      const index = new Map(labels.map((l, i) => [l, i]));
      return { kind: 'code', values: Int32Array.from(values, v => (typeof v === 'string' ? index.get(v) ?? -1 : -1)), labels };
    }
    default:
      return undefined;
  }
}

function entityTable(facts: Map<string, Facts>, specs: readonly ColumnSpec[]): EntityTable {
  const ids = [...facts.keys()].sort(byCodePoint);
  const columns = new Map<string, Column>();
  for (const s of specs) {
    const c = toColumn(s, ids.map(id => facts.get(id)!.get(s.name) ?? null));
    if (c) columns.set(s.name, c);
  }
  return { ids, names: ids, columns };
}

function rowTable(rows: readonly { owner: string; facts: Facts }[], ownerIds: readonly string[], specs: readonly ColumnSpec[]): RowTable {
  const index = new Map(ownerIds.map((id, i) => [id, i]));
  const sorted = [...rows].sort((a, b) => index.get(a.owner)! - index.get(b.owner)!);
  const columns = new Map<string, Column>();
  for (const s of specs) {
    const c = toColumn(s, sorted.map(r => r.facts.get(s.name) ?? null));
    if (c) columns.set(s.name, c);
  }
  return { owner: Int32Array.from(sorted, r => index.get(r.owner)!), columns };
}

/**
 * The Dataset the givens of a test describe: every year named by a step, each cadre, unit and
 * row with the inputs given and every other input missing. A row's owner and a linked unit exist
 * in that year even when not given themselves.
 */
export function buildTestDataset(model: RuleSetModel, test: ast.TestCase): { dataset: Dataset; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const spec = datasetSpec(model);
  const years = new Map<number, YearFacts>();
  const yearFacts = (y: number) => {
    let f = years.get(y);
    if (!f) { f = { cadres: new Map(), units: new Map(), rows: new Map() }; years.set(y, f); }
    return f;
  };
  const entity = (f: YearFacts, unitKind: string | undefined, id: string): Facts => {
    const level = unitKind === undefined ? f.cadres : (f.units.get(unitKind) ?? f.units.set(unitKind, new Map()).get(unitKind)!);
    return level.get(id) ?? level.set(id, new Map()).get(id)!;
  };
  for (const step of test.steps) {
    const y = stepYear(model, step);
    if (y === undefined) {
      diagnostics.push(testDiagnostic('KP804', '规则集没有年度，测试步骤须写明年度', 'the rule set has no year; the test step must state one', step.span));
      continue;
    }
    const f = yearFacts(y);
    if (step.kind === 'Expect') continue;
    const id = subjectId(step.subject);
    const unitKind = step.unitKind?.name;
    const owner = entity(f, unitKind, id);
    const target: Facts = step.table ? new Map() : owner;
    for (const a of step.assignments) {
      const name = step.table ? canonicalField(a.name.name) : a.name.name;
      const v = constantValue(model, a.value);
      if (v === undefined) {
        diagnostics.push(testDiagnostic('KP802', `“已知”的值须是常量（数、百分比、文字、是/否、成员名或缺失）`, 'a `given` value must be a constant (number, percent, text, yes/no, member or missing)', a.value.span));
        continue;
      }
      if (target.has(name)) {
        diagnostics.push(testDiagnostic('KP805', `${id} 在 ${y} 年的 ${name} 已给出过`, `${name} of ${id} in ${y} is given twice`, a.name.span));
        continue;
      }
      target.set(name, v);
    }
    if (step.table) {
      const list = f.rows.get(step.table.name) ?? f.rows.set(step.table.name, []).get(step.table.name)!;
      list.push({ owner: id, facts: target });
    } else {
      // A linked unit exists in the same year, so that the link is not reported as dangling.
      const level = unitKind === undefined ? spec.records : spec.units.find(u => u.kind === unitKind)?.records;
      for (const c of level?.columns ?? []) {
        const v = target.get(c.name);
        if (c.type.kind === 'unitRef' && typeof v === 'string') entity(f, c.type.unitKind, v);
      }
    }
  }
  const data: YearData[] = [...years.keys()].sort((a, b) => a - b).map(year => {
    const f = years.get(year)!;
    const cadres = entityTable(f.cadres, spec.records.columns);
    const units = new Map<string, EntityTable>();
    for (const u of spec.units) units.set(u.kind, entityTable(f.units.get(u.kind) ?? new Map(), u.records.columns));
    const rows = new Map<string, RowTable>();
    for (const r of spec.rows) {
      const owners = r.owner === 'cadre' ? cadres.ids : units.get(r.owner)?.ids ?? [];
      const given = (f.rows.get(r.table) ?? []).filter(x => owners.includes(x.owner));
      rows.set(r.table, rowTable(given, owners, r.spec.columns));
    }
    return { year, cadres, units, rows };
  });
  return { dataset: { name: test.title.value, years: data }, diagnostics };
}
