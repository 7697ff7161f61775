// The reference interpreter: walks the AST one member at a time, with plain values and memoised
// definitions. Slow and obvious on purpose; the fast evaluator must agree with it on every value.
import type * as ast from '../grammar/ast.ts';
import type { Dataset, EntityTable, YearData } from './dataset.ts';
import type { LevelModel, RuleSetModel } from './model.ts';
import { compareIds, type EntityResult, type ResultFlag, type Value, type YearResult } from './result.ts';
import { presentNumber, roundDecimal } from './decimal.ts';
import { formatDate } from './dates.ts';
import { boundaryOf, collectSites } from './rank.ts';
import { compareFlags, declarationOrder, dispositionOrder, quotaTieFlag, tieFlag } from './dispose.ts';
import { evalRef } from './reference-expr.ts';
import { gradeAll, rankOf } from './reference-group.ts';

/** A value inside the reference: numbers (dates as day numbers), member names and texts, bools, or missing. */
export type RV = number | string | boolean | null;

/** Where an expression is evaluated: a year, a level ('' = cadres, else the unit kind), a member, maybe a row. */
export interface Env {
  readonly y: RefYear;
  readonly lk: string;
  readonly i: number;
  readonly row?: { readonly table: string; readonly r: number };
}

/** One year of data with memoised values. */
export class RefYear {
  readonly memo = new Map<string, RV[]>();
  readonly groups = new Map<string, unknown>();
  private readonly indexes = new Map<string, Map<string, number>>();
  private readonly owned = new Map<string, number[][]>();
  constructor(readonly ref: Reference, readonly year: number, readonly data: YearData) {}

  table(lk: string): EntityTable {
    return lk === '' ? this.data.cadres : this.data.units.get(lk) ?? { ids: [], names: [], columns: new Map() };
  }

  indexOf(lk: string, id: string): number {
    let m = this.indexes.get(lk);
    if (!m) {
      m = new Map();
      const ids = this.table(lk).ids;
      for (let k = 0; k < ids.length; k++) if (!m.has(ids[k])) m.set(ids[k], k);
      this.indexes.set(lk, m);
    }
    return m.get(id) ?? -1;
  }

  /** Row indices of a table owned by member i, in row order. */
  rowsOf(table: string, i: number): number[] {
    let m = this.owned.get(table);
    if (!m) {
      const rt = this.data.rows.get(table);
      const lm = this.ref.levelOfTable(table);
      m = Array.from({ length: this.table(lm).ids.length }, () => []);
      if (rt) for (let r = 0; r < rt.owner.length; r++) m[rt.owner[r]]?.push(r);
      this.owned.set(table, m);
    }
    return m[i] ?? [];
  }
}

/** The reference evaluation of a model over a dataset. */
export class Reference {
  private readonly years = new Map<number, RefYear>();
  constructor(readonly model: RuleSetModel, readonly dataset: Dataset) {}

  year(year: number): RefYear | undefined {
    let y = this.years.get(year);
    if (!y) {
      const data = this.dataset.years.find(d => d.year === year);
      if (!data) return undefined;
      y = new RefYear(this, year, data);
      this.years.set(year, y);
    }
    return y;
  }

  level(lk: string): LevelModel {
    const lm = lk === '' ? this.model.cadre : this.model.units.find(u => u.unitKind === lk);
    if (!lm) throw new Error(`reference: no level ${lk}`);
    return lm;
  }

  levelOfTable(table: string): string {
    for (const lm of [this.model.cadre, ...this.model.units]) if (lm.tables.some(t => t.name === table)) return lm.unitKind ?? '';
    throw new Error(`reference: no table ${table}`);
  }

  /** The value of an input or definition for member i of level lk in year y. */
  value(y: RefYear, lk: string, name: string, i: number): RV {
    const key = `${lk}\u0000${name}`;
    let arr = y.memo.get(key);
    if (!arr) { arr = []; y.memo.set(key, arr); }
    if (i in arr) return arr[i];
    const v = this.compute(y, lk, name, i);
    arr[i] = v;
    return v;
  }

  private compute(y: RefYear, lk: string, name: string, i: number): RV {
    const lm = this.level(lk);
    const input = lm.inputs.find(x => x.name === name);
    if (input) return readInput(y, lk, input.type, name, i, this);
    const c = lm.computed.find(x => x.name === name);
    if (!c) throw new Error(`reference: no definition ${name}`);
    const env: Env = { y, lk, i };
    const def = c.def;
    switch (def.kind) {
      case 'ScoreDef': {
        const v = evalRef(this, def.expr, env);
        return def.round && typeof v === 'number' ? roundDecimal(v, def.round.value) : v;
      }
      case 'TableDef': {
        const k = evalRef(this, def.by, env);
        if (k === null) return null;
        const row = def.rows.find(r => r.member !== 'else' && r.member.name === k) ?? def.rows.find(r => r.member === 'else');
        return row ? evalRef(this, row.value, env) : null;
      }
      case 'RankDef': { const r = rankOf(this, y, lk, def, i); return r ? r.rank : null; }
      case 'GradeDef': return gradeAll(this, y, lk, name, def).levels[i];
      case 'DispositionDef': return evalRef(this, def.when, env) === true;
      case 'WeightsDef': throw new Error('reference: a weights table is not a value');
    }
  }

  /** The deciding disposition of member i: its name, or null (also when it proposes candidates). */
  decider(y: RefYear, lk: string, i: number): ast.DispositionDef | undefined {
    for (const d of dispositionOrder(this.model, this.level(lk))) {
      if (this.value(y, lk, d.name.name, i) === true) return d;
    }
    return undefined;
  }
}

function readInput(y: RefYear, lk: string, type: { kind: string; enumName?: string; unitKind?: string }, name: string, i: number, ref: Reference): RV {
  const col = y.table(lk).columns.get(name);
  if (!col) return null;
  const discrete = type.kind === 'enum' || type.kind === 'text' || type.kind === 'group' || type.kind === 'unitRef';
  if (discrete !== (col.kind === 'code')) return null;
  if (col.kind === 'code') {
    const c = col.values[i];
    const label = c >= 0 ? col.labels[c] : undefined;
    if (label === undefined) return null;
    if (type.kind === 'enum') return ref.model.enums.find(e => e.name === type.enumName)?.members.includes(label) ? label : null;
    if (type.kind === 'unitRef') return y.indexOf(type.unitKind!, label) >= 0 ? label : null;
    return label;
  }
  const v = col.values[i];
  if (v !== v) return null;
  return type.kind === 'bool' ? v === 1 : v;
}

/** A reference value as presented (dates by type). */
export function presentRV(v: RV, typeKind: string): Value {
  if (v === null) return null;
  if (typeof v === 'number') return typeKind === 'date' ? formatDate(v) : presentNumber(v);
  return v;
}

function flagsOf(ref: Reference, y: RefYear, lk: string, i: number): ResultFlag[] {
  const out: ResultFlag[] = [];
  for (const s of collectSites(ref.model)) {
    if ((s.unitKind ?? '') !== lk) continue;
    const def = ref.level(lk).computed.find(c => c.name === s.rank)!.def as ast.RankDef;
    const r = rankOf(ref, y, lk, def, i);
    if (!r) continue;
    const b = boundaryOf(s.test, r.size, s.amount ?? NaN, s.share);
    if (r.rank <= b && b < r.tieEnd) out.push(tieFlag(s.rank, s.text));
  }
  for (const c of ref.level(lk).computed) {
    if (c.def.kind !== 'GradeDef') continue;
    const level = gradeAll(ref, y, lk, c.name, c.def).ties.get(i);
    if (level !== undefined) out.push(quotaTieFlag(c.name, level));
  }
  out.sort(compareFlags);
  return out;
}

function results(ref: Reference, y: RefYear, lk: string): EntityResult[] {
  const lm = ref.level(lk);
  const shown = declarationOrder(ref.model, lm);
  const typeOf = (name: string) => (lm.inputs.find(x => x.name === name) ?? lm.computed.find(x => x.name === name))!.type.kind;
  const t = y.table(lk);
  const order = t.ids.map((_, k) => k).sort((a, b) => compareIds(t.ids[a], t.ids[b]) || a - b);
  return order.map(i => {
    const values: Record<string, Value> = {};
    for (const name of shown) values[name] = presentRV(ref.value(y, lk, name, i), typeOf(name));
    const fired = dispositionOrder(ref.model, lm).filter(d => ref.value(y, lk, d.name.name, i) === true);
    const d = ref.decider(y, lk, i);
    return {
      id: t.ids[i], name: t.names[i] ?? '', values,
      dispositions: fired.map(f => ({ name: f.name.name, severity: f.severity.value, because: f.because?.value ?? null })),
      decision: d && d.candidates.length === 0 ? d.name.name : null,
      candidates: d ? d.candidates.map(c => c.name) : [],
      flags: flagsOf(ref, y, lk, i),
    };
  });
}

/** Evaluates a year by walking the AST for every member; the result the fast evaluator must equal. */
export function evaluateReference(model: RuleSetModel, dataset: Dataset, year: number): YearResult {
  const ref = new Reference(model, dataset);
  const y = ref.year(year);
  if (!y) return { ruleset: model.title, year, results: [], units: [] };
  const kinds = model.units.map(u => u.unitKind!).sort(compareIds);
  return {
    ruleset: model.title, year,
    results: results(ref, y, ''),
    units: kinds.flatMap(k => results(ref, y, k).map(r => ({ ...r, unitKind: k }))),
  };
}
