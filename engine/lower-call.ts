// Lowering builtin calls: plain functions, aggregates over rows, groups or values, period operations,
// rank tests, streak and years. Aggregates and periods become hidden slots filled by their own steps.
import type * as ast from '../grammar/ast.ts';
import type { AggFn, PExpr } from './plan.ts';
import type { Ctx, Lowering } from './lower-state.ts';

function callId(L: Lowering, e: ast.Call): string {
  const r = L.res(e.callee) ?? L.res(e);
  if (r?.kind !== 'builtinFunction') throw new Error(`lower: unresolved function ${e.callee.name}`);
  return r.id;
}

function arg(e: ast.Call, k: number): ast.Expr {
  const a = e.args[k];
  if (!a || a.kind === 'RangeLit') throw new Error(`lower: argument ${k} of ${e.callee.name}`);
  return a;
}

/** Builtin calls: plain functions, aggregates (rows, group, values), periods, rank tests, streak and years. */
export function lowerCall(L: Lowering, e: ast.Call, ctx: Ctx): PExpr {
  const id = callId(L, e);
  const level = ctx.level;
  const via = ctx.rows !== undefined ? { kind: 'owner' as const } : undefined;
  const ref = (slot: number): PExpr => ({ op: 'slot', level, slot, via });
  switch (id) {
    case 'abs': case 'floor': case 'ceil': case 'has': case 'month': case 'quarter': case 'clamp':
      return { op: 'fn', fn: id, args: e.args.map((_, k) => L.expr(arg(e, k), ctx)) };
    case 'sum': case 'count': case 'mean': case 'min': case 'max': case 'share': {
      const fn = id as AggFn;
      if (e.within) {
        const value = e.args[0] ? L.entitySlot(arg(e, 0), level, `${id}.value`) : undefined;
        const within = e.within.map((w, k) => L.entitySlot(w, level, `${id}.within${k}`));
        const where = e.where ? L.entitySlot(e.where, level, `${id}.where`) : undefined;
        return ref(L.hidden(level, id, 'number', undefined, slot => ({ kind: 'groupAgg', level, slot, fn, value, within, where })));
      }
      const first = e.args[0] && e.args[0].kind !== 'RangeLit' ? e.args[0] : undefined;
      const t = first ? L.type(first) : undefined;
      if (first && t?.kind === 'rows') {
        const rows = L.rowsByTable.get(t.table)!;
        const value = t.field !== undefined ? L.slotOf(rows, t.field) : undefined;
        const where = e.where ? L.rowsSlot(e.where, level, rows, `${id}.where`) : undefined;
        const isDate = value !== undefined && (fn === 'min' || fn === 'max') && L.levels[rows].slots[value].value === 'date';
        return ref(L.hidden(level, id, isDate ? 'date' : 'number', undefined, slot => ({ kind: 'rowAgg', level, slot, fn, rows, value, where })));
      }
      const args = e.args.map((_, k) => L.expr(arg(e, k), ctx));
      return { op: 'fn', fn: id === 'count' || id === 'share' ? 'sum' : id, args };
    }
    case 'days': case 'longest': case 'overlap': case 'on': {
      const table = (x: ast.Expr) => { const t = L.type(x); return t.kind === 'rows' ? L.rowsByTable.get(t.table)! : -1; };
      const rows = table(arg(e, 0));
      const where = e.where ? L.rowsSlot(e.where, level, rows, `${id}.where`) : undefined;
      const rows2 = id === 'overlap' ? table(arg(e, 1)) : undefined;
      const w2 = e.argWhere?.[1];
      const where2 = rows2 !== undefined && w2 ? L.rowsSlot(w2, level, rows2, `${id}.where2`) : undefined;
      const second = e.args[1];
      const monthDay = id === 'on' && second && second.kind === 'StringLit' ? second.value : undefined;
      const value = id === 'on' ? 'bool' : 'number';
      return ref(L.hidden(level, id, value, undefined, slot => ({ kind: 'periodAgg', level, slot, fn: id, rows, where, rows2, where2, monthDay })));
    }
    case 'bottom': case 'top': case 'last': case 'first': case 'size': {
      const target = arg(e, 0);
      const r = L.res(target);
      let rank: number;
      let rankVia: { kind: 'link'; slot: number } | undefined;
      if (r?.kind === 'unitValue') {
        rank = L.rankIndex(L.entityByKind.get(r.unitKind)!, r.name);
        rankVia = { kind: 'link', slot: L.slotOf(level, r.link) };
      } else if (r?.kind === 'computed') {
        rank = L.rankIndex(level, r.name);
      } else throw new Error('lower: rank test without a rank');
      const amountExpr = id === 'bottom' || id === 'top' ? arg(e, 1) : undefined;
      const share = amountExpr ? L.type(amountExpr).kind === 'percent' : false;
      const test: PExpr = { op: 'rankTest', test: id, rank: { rank, via: rankVia }, amount: amountExpr ? L.expr(amountExpr, { level }) : undefined, share };
      return ctx.rows !== undefined ? ref(L.toSlot(test, level, id, id === 'size' ? 'number' : 'bool')) : test;
    }
    case 'streak': {
      const cond = L.toSlot(L.expr(arg(e, 0), { level }), level, 'streak.cond', 'bool');
      const slot = L.hidden(level, 'streak', 'number', undefined, s => ({ kind: 'streak', level, slot: s, cond }));
      L.historyRoots.push({ level, slot });
      return ref(slot);
    }
    case 'years': {
      const cond = L.toSlot(L.expr(arg(e, 0), { level }), level, 'years.cond', 'bool');
      const w = e.args[1];
      if (!w || w.kind !== 'RangeLit') throw new Error('lower: years without a window');
      let sum: PExpr | undefined;
      for (let k = w.low.value; k <= w.high.value; k++) {
        const v: PExpr = k === 0 ? { op: 'slot', level, slot: cond } : L.historyOf(level, cond, -k, 'bool', undefined, { level });
        const one: PExpr = { op: 'if', cond: v, then: { op: 'num', value: 1 }, else: { op: 'num', value: 0 } };
        sum = sum ? { op: 'arith', fn: '+', a: sum, b: one } : one;
      }
      const total = sum ?? { op: 'num', value: 0 };
      return ctx.rows !== undefined ? ref(L.toSlot(total, level, 'years')) : total;
    }
    default: throw new Error(`lower: unknown function ${id}`);
  }
}
