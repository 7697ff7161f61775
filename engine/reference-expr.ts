// Reference interpreter, expressions: one AST node for one member (or one row) at a time, plain values.
import type * as ast from '../grammar/ast.ts';
import type { Env, Reference, RV } from './reference.ts';
import { ceilDecimal, decEq, decLe, decLt, floorDecimal, scaledWeights, weightedSum } from './decimal.ts';
import { monthOf, parseDate, quarterOf } from './dates.ts';
import { evalCall } from './reference-group.ts';

const num = (v: RV): number | null => (typeof v === 'number' ? v : null);

/** Equality of two present values; a date against a written date compares the day. */
export function same(a: RV, b: RV): boolean {
  if (a === null || b === null) return false;
  if (typeof a === 'number' && typeof b === 'string') return decEq(a, parseDate(b));
  if (typeof a === 'string' && typeof b === 'number') return decEq(parseDate(a), b);
  if (typeof a === 'number' && typeof b === 'number') return decEq(a, b);
  return a === b;
}

function order(op: string, a: RV, b: RV): boolean {
  if (a === null || b === null) return false;
  const x = typeof a === 'string' ? parseDate(a) : Number(a);
  const y = typeof b === 'string' ? parseDate(b) : Number(b);
  switch (op) {
    case '<': return decLt(x, y);
    case '<=': return decLe(x, y);
    case '>': return decLt(y, x);
    default: return decLe(y, x);
  }
}

/** The value of `e` in `env`. */
export function evalRef(ref: Reference, e: ast.Expr, env: Env): RV {
  switch (e.kind) {
    case 'NumberLit': case 'PercentLit': return e.value;
    case 'StringLit': return e.value;
    case 'BoolLit': return e.value;
    case 'MissingLit': return null;
    case 'Paren': return evalRef(ref, e.expr, env);
    case 'NameRef': case 'MemberAccess': return nameValue(ref, e, env);
    case 'Unary': {
      const v = evalRef(ref, e.operand, env);
      if (v === null) return null;
      return e.op === '-' ? -(v as number) : !(v === true);
    }
    case 'Binary': return binary(ref, e, env);
    case 'InSet': {
      const v = evalRef(ref, e.value, env);
      return e.set.some(x => same(v, evalRef(ref, x, env)));
    }
    case 'If': return evalRef(ref, e.cond, env) === true ? evalRef(ref, e.then, env) : evalRef(ref, e.else, env);
    case 'Match': {
      const v = evalRef(ref, e.subject, env);
      if (v === null) return null;
      for (const arm of e.arms) {
        if (arm.patterns === 'else') return evalRef(ref, arm.value, env);
        if (arm.patterns.some(p => (p.kind === 'NumberLit' ? same(v, p.value) : v === p.name))) return evalRef(ref, arm.value, env);
      }
      return null;
    }
    case 'Tiers':
      for (const arm of e.arms) if (arm.cond === 'else' || evalRef(ref, arm.cond, env) === true) return evalRef(ref, arm.value, env);
      return null;
    case 'Weighted': {
      if (e.items) return weighted(ref, e.items, env);
      const lm = ref.level(env.lk);
      const def = lm.computed.find(c => c.name === e.table!.name)!.def as ast.WeightsDef;
      const k = evalRef(ref, def.by, env);
      const row = def.rows.find(r => r.member.name === k);
      return k === null || !row ? null : weighted(ref, row.items, env);
    }
    case 'History': return historyValue(ref, e.expr, e.yearsBack, env);
    case 'Call': return evalCall(ref, e, env);
  }
}

function weighted(ref: Reference, items: readonly ast.WeightItem[], env: Env): RV {
  const { weights, divisor } = scaledWeights(items.map(i => i.weight.text));
  const values: number[] = [];
  for (let k = 0; k < items.length; k++) {
    if (weights[k] === 0) { values.push(0); continue; }
    const v = num(evalRef(ref, items[k].expr, env));
    if (v === null) return null;
    values.push(v);
  }
  return weightedSum(values, weights, divisor);
}

/** `expr@-back`: the same member (by id) in the earlier year; missing when it or the year is absent. */
export function historyValue(ref: Reference, expr: ast.Expr, back: number, env: Env): RV {
  const prev = ref.year(env.y.year - back);
  if (!prev) return null;
  const j = prev.indexOf(env.lk, env.y.table(env.lk).ids[env.i]);
  return j < 0 ? null : evalRef(ref, expr, { y: prev, lk: env.lk, i: j });
}

function binary(ref: Reference, e: ast.Binary, env: Env): RV {
  const a = evalRef(ref, e.left, env);
  const b = evalRef(ref, e.right, env);
  switch (e.op) {
    case 'and': return a === true && b === true;
    case 'or': return a === true || b === true;
    case '??': return a ?? b;
    case '==': return same(a, b);
    case '!=': return a !== null && b !== null && !same(a, b);
    case '<': case '<=': case '>': case '>=': return order(e.op, a, b);
    default: {
      const x = num(a), y = num(b);
      if (x === null || y === null) return null;
      switch (e.op) {
        case '+': return x + y;
        case '-': return x - y;
        case '*': return x * y;
        default: return y === 0 ? null : x / y;
      }
    }
  }
}

function nameValue(ref: Reference, e: ast.NameRef | ast.MemberAccess, env: Env): RV {
  const r = ref.model.resolutions.get(e);
  if (!r) throw new Error('reference: unresolved name');
  switch (r.kind) {
    case 'input': case 'computed': return ref.value(env.y, r.level === 'cadre' ? '' : env.lk, r.name, env.i);
    case 'field': return fieldValue(ref, env, r.table, r.field);
    case 'member': return r.member;
    case 'situation': return r.situation;
    case 'disposition': {
      const t = ref.model.types.get(e);
      return t?.kind === 'enum' ? r.name : ref.value(env.y, env.lk, r.name, env.i);
    }
    case 'decision': {
      const d = ref.decider(env.y, env.lk, env.i);
      return d && d.candidates.length === 0 ? d.name.name : null;
    }
    case 'unitValue': {
      const link = ref.value(env.y, env.lk, r.link, env.i);
      if (typeof link !== 'string') return null;
      const j = env.y.indexOf(r.unitKind, link);
      return j < 0 ? null : ref.value(env.y, r.unitKind, r.name, j);
    }
    default: throw new Error(`reference: ${r.kind} used as a value`);
  }
}

/** A field of the current row; events without their own points take the catalogue's. */
export function fieldValue(ref: Reference, env: Env, table: string, field: string, r = env.row?.r): RV {
  if (r === undefined) throw new Error('reference: field outside rows');
  const info = ref.level(ref.levelOfTable(table)).tables.find(t => t.name === table)!;
  const f = info.fields.find(x => x.name === field)!;
  const col = env.y.data.rows.get(table)?.columns.get(field);
  let v: RV = null;
  if (col?.kind === 'code') {
    const label = col.values[r] >= 0 ? col.labels[col.values[r]] : undefined;
    const t = f.type;
    if (label === undefined) v = null;
    else if (t.kind === 'enum') v = (info.kind === 'events' && field === '情形' ? info.situations.map(s => s.name) : ref.model.enums.find(x => x.name === t.enumName)?.members ?? []).includes(label) ? label : null;
    else if (t.kind === 'unitRef') v = env.y.indexOf(t.unitKind, label) >= 0 ? label : null;
    else if (t.kind === 'text' || t.kind === 'group') v = label;
  } else if (col && !(f.type.kind === 'enum' || f.type.kind === 'text' || f.type.kind === 'group' || f.type.kind === 'unitRef')) {
    const x = col.values[r];
    v = x !== x ? null : f.type.kind === 'bool' ? x === 1 : x;
  }
  if (v === null && info.kind === 'events' && field === '分值') {
    const s = fieldValue(ref, env, table, '情形', r);
    const sit = info.situations.find(x => x.name === s);
    return sit ? sit.points : null;
  }
  return v;
}

/** The plain functions: abs, floor, ceil, has, month, quarter, clamp, and min/max/sum/mean over values. */
export function plainFunction(id: string, args: RV[]): RV {
  if (id === 'has') return args[0] !== null;
  const xs = args.map(num);
  if (xs.some(x => x === null)) return null;
  const v = xs as number[];
  switch (id) {
    case 'abs': return Math.abs(v[0]);
    case 'floor': return floorDecimal(v[0]);
    case 'ceil': return ceilDecimal(v[0]);
    case 'month': return monthOf(v[0]);
    case 'quarter': return quarterOf(v[0]);
    case 'clamp': return Math.min(Math.max(v[0], v[1]), v[2]);
    case 'min': return Math.min(...v);
    case 'max': return Math.max(...v);
    case 'sum': return v.reduce((s, x, k) => (k === 0 ? x : s + x), 0);
    case 'mean': return v.reduce((s, x, k) => (k === 0 ? x : s + x), 0) / v.length;
    default: throw new Error(`reference: unknown function ${id}`);
  }
}
