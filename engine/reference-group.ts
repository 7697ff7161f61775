// Reference interpreter, calls that look beyond one member: aggregates over rows and group members,
// periods, ranks by counting who is better, grades with quotas, streak and years.
import type * as ast from '../grammar/ast.ts';
import type { Env, Reference, RefYear, RV } from './reference.ts';
import { decCompare, quotaCount } from './decimal.ts';
import { clipMerge, covers, dayOfYear, longestRun, overlapDays, totalDays, yearEnd, yearStart } from './dates.ts';
import { boundaryCount } from './rank.ts';
import { evalRef, fieldValue, historyValue, plainFunction, same } from './reference-expr.ts';
import { compareIds } from './result.ts';

export interface RankInfo {
  readonly rank: number;
  readonly pos: number;
  readonly size: number;
  readonly tieEnd: number;
}

function callId(ref: Reference, e: ast.Call): string {
  const r = ref.model.resolutions.get(e.callee);
  if (r?.kind !== 'builtinFunction') throw new Error('reference: unresolved function');
  return r.id;
}

const arg = (e: ast.Call, k: number) => e.args[k] as ast.Expr;

/** Members of the same group as member i (same `within` values, all present), or undefined when i has none. */
function groupMates(ref: Reference, y: RefYear, lk: string, within: readonly ast.Expr[], i: number): number[] | undefined {
  const keyOf = (j: number) => {
    const vs = within.map(w => evalRef(ref, w, { y, lk, i: j }));
    return vs.some(v => v === null) ? undefined : JSON.stringify(vs);
  };
  const mine = keyOf(i);
  if (mine === undefined) return undefined;
  const n = y.table(lk).ids.length;
  const out: number[] = [];
  for (let j = 0; j < n; j++) if (keyOf(j) === mine) out.push(j);
  return out;
}

function aggregate(id: string, values: number[], selected: number, total: number): RV {
  switch (id) {
    case 'count': return values.length;
    case 'sum': return values.reduce((s, x) => s + x, 0);
    case 'mean': return values.length ? values.reduce((s, x) => s + x, 0) / values.length : null;
    case 'min': return values.length ? values.reduce((m, x) => (x < m ? x : m)) : null;
    case 'max': return values.length ? values.reduce((m, x) => (x > m ? x : m)) : null;
    default: return total > 0 ? selected / total : null;
  }
}

/** A builtin call for one member. */
export function evalCall(ref: Reference, e: ast.Call, env: Env): RV {
  const id = callId(ref, e);
  switch (id) {
    case 'sum': case 'count': case 'mean': case 'min': case 'max': case 'share': {
      if (e.within) {
        const mates = groupMates(ref, env.y, env.lk, e.within, env.i);
        if (!mates) return null;
        const values: number[] = [];
        let selected = 0;
        for (const j of mates) {
          const env2 = { y: env.y, lk: env.lk, i: j };
          if (e.where && evalRef(ref, e.where, env2) !== true) continue;
          selected++;
          if (e.args[0]) { const v = evalRef(ref, arg(e, 0), env2); if (typeof v === 'number') values.push(v); } else values.push(0);
        }
        return aggregate(id, values, selected, mates.length);
      }
      const t = e.args[0] ? ref.model.types.get(arg(e, 0)) : undefined;
      if (t?.kind === 'rows') {
        const values: number[] = [];
        const rows = env.y.rowsOf(t.table, env.i);
        let selected = 0;
        for (const r of rows) {
          const renv: Env = { y: env.y, lk: env.lk, i: env.i, row: { table: t.table, r } };
          if (e.where && evalRef(ref, e.where, renv) !== true) continue;
          selected++;
          if (t.field !== undefined) { const v = fieldValue(ref, renv, t.table, t.field); if (typeof v === 'number') values.push(v); } else values.push(0);
        }
        return aggregate(id, values, selected, rows.length);
      }
      return plainFunction(id, e.args.map((_, k) => evalRef(ref, arg(e, k), env)));
    }
    case 'days': case 'longest': case 'overlap': case 'on': return periods(ref, e, id, env);
    case 'bottom': case 'top': case 'last': case 'first': case 'size': return rankTest(ref, e, id, env);
    case 'streak': {
      let count = 0;
      for (let year = env.y.year; ; year--) {
        const y = ref.year(year);
        const j = y ? y.indexOf(env.lk, env.y.table(env.lk).ids[env.i]) : -1;
        if (!y || j < 0 || evalRef(ref, arg(e, 0), { y, lk: env.lk, i: j }) !== true) return count;
        count++;
      }
    }
    case 'years': {
      const w = e.args[1] as ast.RangeLit;
      let count = 0;
      for (let k = w.low.value; k <= w.high.value; k++) {
        const v = k === 0 ? evalRef(ref, arg(e, 0), env) : historyValue(ref, arg(e, 0), -k, env);
        if (v === true) count++;
      }
      return count;
    }
    default: return plainFunction(id, e.args.map((_, k) => evalRef(ref, arg(e, k), env)));
  }
}

function periods(ref: Reference, e: ast.Call, id: string, env: Env): RV {
  const lo = yearStart(env.y.year), hi = yearEnd(env.y.year);
  const runs = (x: ast.Expr, where: ast.Expr | undefined) => {
    const t = ref.model.types.get(x);
    if (t?.kind !== 'rows') throw new Error('reference: periods expected');
    const from: number[] = [], to: number[] = [];
    for (const r of env.y.rowsOf(t.table, env.i)) {
      const renv: Env = { ...env, row: { table: t.table, r } };
      if (where && evalRef(ref, where, renv) !== true) continue;
      const f = fieldValue(ref, renv, t.table, '起'), u = fieldValue(ref, renv, t.table, '止');
      from.push(typeof f === 'number' ? f : NaN);
      to.push(typeof u === 'number' ? u : NaN);
    }
    return clipMerge(from, to, lo, hi);
  };
  const a = runs(arg(e, 0), e.where);
  switch (id) {
    case 'days': return totalDays(a);
    case 'longest': return longestRun(a);
    case 'overlap': return overlapDays(a, runs(arg(e, 1), e.argWhere?.[1]));
    default: {
      const d = arg(e, 1);
      const day = dayOfYear(env.y.year, d.kind === 'StringLit' ? d.value : '');
      return day !== day ? null : covers(a, day);
    }
  }
}

function rankTest(ref: Reference, e: ast.Call, id: string, env: Env): RV {
  const target = arg(e, 0);
  const r = ref.model.resolutions.get(target);
  let lk = env.lk, i = env.i, name: string;
  if (r?.kind === 'unitValue') {
    const link = ref.value(env.y, env.lk, r.link, env.i);
    if (typeof link !== 'string') return null;
    lk = r.unitKind; i = env.y.indexOf(lk, link); name = r.name;
    if (i < 0) return null;
  } else if (r?.kind === 'computed') name = r.name;
  else throw new Error('reference: rank test without a rank');
  const def = ref.level(lk).computed.find(c => c.name === name)!.def as ast.RankDef;
  const info = rankOf(ref, env.y, lk, def, i);
  if (!info) return null;
  const amountExpr = e.args[1] as ast.Expr | undefined;
  const amount = amountExpr ? evalRef(ref, amountExpr, env) : null;
  const share = amountExpr ? ref.model.types.get(amountExpr)?.kind === 'percent' : false;
  switch (id) {
    case 'bottom': return typeof amount === 'number' ? info.pos > info.size - boundaryCount(info.size, amount, share) : null;
    case 'top': return typeof amount === 'number' ? info.pos <= boundaryCount(info.size, amount, share) : null;
    case 'last': return info.pos === info.size;
    case 'first': return info.pos === 1;
    default: return info.size;
  }
}

/** Rank of member i by counting: rank = 1 + members strictly better; position also counts earlier ids among ties. */
export function rankOf(ref: Reference, y: RefYear, lk: string, def: ast.RankDef, i: number): RankInfo | undefined {
  const ids = y.table(lk).ids;
  const ranked = (j: number) => {
    const env = { y, lk, i: j };
    if (def.where && evalRef(ref, def.where, env) !== true) return false;
    return typeof evalRef(ref, def.key.expr, env) === 'number';
  };
  if (!ranked(i)) return undefined;
  const mates = groupMates(ref, y, lk, def.within, i);
  if (!mates) return undefined;
  const members = mates.filter(ranked);
  const keys = (j: number) => [def.key, ...def.tiebreak].map(k => evalRef(ref, k.expr, { y, lk, i: j }));
  const mine = keys(i);
  let better = 0, before = 0, tied = 0;
  for (const j of members) {
    const theirs = keys(j);
    let c = 0;
    for (let k = 0; k < mine.length && c === 0; k++) {
      const a = theirs[k], b = mine[k];
      if (a === null || b === null) { c = a === b ? 0 : a === null ? 1 : -1; continue; }
      const dir = (k === 0 ? def.key : def.tiebreak[k - 1]).direction === 'desc' ? -1 : 1;
      c = decCompare(a as number, b as number) * dir;
    }
    if (c < 0) better++;
    if (c === 0) tied++;
    if (c < 0 || (c === 0 && compareIds(ids[j], ids[i]) < 0)) before++;
  }
  return { rank: better + 1, pos: before + 1, size: members.length, tieEnd: better + tied };
}

/** Grades of every member of a level (levels from the top, quotas per pool), and the quota ties. */
export function gradeAll(ref: Reference, y: RefYear, lk: string, name: string, def: ast.GradeDef): { levels: RV[]; ties: Map<number, string> } {
  const key = `grade\u0000${lk}\u0000${name}`;
  const memo = y.groups.get(key) as { levels: RV[]; ties: Map<number, string> } | undefined;
  if (memo) return memo;
  const ids = y.table(lk).ids;
  const n = ids.length;
  const at = (e: ast.Expr, j: number) => evalRef(ref, e, { y, lk, i: j });
  const by = ids.map((_, j) => at(def.by, j));
  const graded = ids.map((_, j) => typeof by[j] === 'number' && (!def.where || at(def.where, j) === true) && !(def.ungradedWhen && at(def.ungradedWhen, j) === true));
  const levels: RV[] = new Array(n).fill(null);
  const ties = new Map<number, string>();
  for (const level of def.levels) {
    const qualifies = (j: number) => {
      if (level.unless && at(level.unless, j) === true) return false;
      if (!level.threshold) return true;
      const t = at(level.threshold, j);
      if (typeof t !== 'number') return false;
      const c = decCompare(by[j] as number, t);
      return level.op === '>' ? c > 0 : c >= 0;
    };
    const cands = ids.map((_, j) => j).filter(j => graded[j] && levels[j] === null && qualifies(j));
    if (!level.quota) { for (const j of cands) levels[j] = level.name.name; continue; }
    const q = level.quota;
    const poolKey = (j: number) => { const vs = q.within.map(w => at(w, j)); return vs.some(v => v === null) ? undefined : JSON.stringify(vs); };
    const pools = new Map<string, number[]>();
    for (const j of cands) { const k = poolKey(j); if (k !== undefined) pools.set(k, [...(pools.get(k) ?? []), j]); }
    for (const [k, list] of pools) {
      const size = ids.filter((_, j) => graded[j] && poolKey(j) === k).length;
      const cap = q.amount.kind === 'PercentLit' ? quotaCount(size, q.amount.value, q.rounding ?? 'down') : Math.max(0, Math.floor(q.amount.value));
      list.sort((a, b) => -decCompare(by[a] as number, by[b] as number) || compareIds(ids[a], ids[b]));
      list.slice(0, cap).forEach(j => { levels[j] = level.name.name; });
      if (cap > 0 && cap < list.length && same(by[list[cap - 1]], by[list[cap]])) {
        for (const j of list) if (same(by[j], by[list[cap]])) ties.set(j, level.name.name);
      }
    }
  }
  const out = { levels, ties };
  y.groups.set(key, out);
  return out;
}
