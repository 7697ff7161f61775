// Explanation of the pieces of an expression: the names it reads, history in earlier years, aggregates
// with the rows that counted, rank tests with rank, position and group size, and a condition's sub-conditions.
import type * as ast from '../grammar/ast.ts';
import type { Value } from './result.ts';
import type { Env, RV } from './reference.ts';
import { presentNumber } from './decimal.ts';
import { formatDate } from './dates.ts';
import { evalRef, fieldValue } from './reference-expr.ts';
import { rankOf } from './reference-group.ts';
import { explainDecision, explainName, type ExplainContext, type Explanation } from './explain.ts';

/** A reference value as presented (dates by type). */
export function presentRV(v: RV, typeKind: string): Value {
  if (v === null) return null;
  if (typeof v === 'number') return typeKind === 'date' ? formatDate(v) : presentNumber(v);
  return v;
}

function typeKindOf(ctx: ExplainContext, e: ast.Expr): string {
  return ctx.ref.model.types.get(e)?.kind ?? 'number';
}

function valueOf(ctx: ExplainContext, e: ast.Expr, env: Env): Value {
  return presentRV(evalRef(ctx.ref, e, env), typeKindOf(ctx, e));
}

/** The sub-conditions of a disposition's `when`: its `and`/`or` operands, each with its value and parts. */
export function explainSubconditions(ctx: ExplainContext, when: ast.Expr, env: Env, depth: number, file: string): Explanation[] {
  const inner = when.kind === 'Paren' ? when.expr : when;
  if (inner.kind === 'Binary' && (inner.op === 'and' || inner.op === 'or')) {
    const ops: ast.Expr[] = [];
    const flat = (e: ast.Expr) => {
      const x = e.kind === 'Paren' ? e.expr : e;
      if (x.kind === 'Binary' && x.op === inner.op) { flat(x.left); flat(x.right); } else ops.push(e);
    };
    flat(inner);
    return ops.map(o => ({ label: ctx.text(o.span, file), formula: ctx.text(o.span, file), value: valueOf(ctx, o, env), children: explainParts(ctx, o, env, depth, file) }));
  }
  return explainParts(ctx, when, env, depth, file);
}

/** The explanations of what an expression reads, in written order. */
export function explainParts(ctx: ExplainContext, e: ast.Expr, env: Env, depth: number, file: string): Explanation[] {
  const out: Explanation[] = [];
  const ref = ctx.ref;
  const visit = (x: ast.Expr) => {
    switch (x.kind) {
      case 'NameRef': case 'MemberAccess': {
        const r = ref.model.resolutions.get(x);
        if (!r) { if (x.kind === 'MemberAccess') visit(x.object); return; }
        if (r.kind === 'input' || r.kind === 'computed') out.push(explainName(ctx, { y: env.y, lk: r.level === 'cadre' ? '' : env.lk, i: env.i }, r.name, depth + 1));
        else if (r.kind === 'disposition' && ref.model.types.get(x)?.kind !== 'enum') out.push(explainName(ctx, env, r.name, depth + 1));
        else if (r.kind === 'decision') out.push(explainDecision(ctx, env));
        else if (r.kind === 'field' && env.row) out.push({ label: `${r.table}.${r.field}`, value: presentRV(fieldValue(ref, env, r.table, r.field), typeKindOf(ctx, x)), children: [] });
        else if (r.kind === 'unitValue') {
          const link = ref.value(env.y, env.lk, r.link, env.i);
          const j = typeof link === 'string' ? env.y.indexOf(r.unitKind, link) : -1;
          const node = j >= 0 ? explainName(ctx, { y: env.y, lk: r.unitKind, i: j }, r.name, depth + 1) : undefined;
          out.push({ label: `${ctx.text(x.span, file)}（${link ?? '无'}）`, value: valueOf(ctx, x, env), children: node ? [node] : [] });
        }
        return;
      }
      case 'History': {
        const prev = ref.year(env.y.year - x.yearsBack);
        const j = prev ? prev.indexOf(env.lk, env.y.table(env.lk).ids[env.i]) : -1;
        const children = prev && j >= 0 ? explainAt(ctx, x.expr, { y: prev, lk: env.lk, i: j }, depth + 1, file) : [];
        out.push({ label: ctx.text(x.span, file), formula: ctx.text(x.span, file), value: valueOf(ctx, x, env), year: env.y.year - x.yearsBack, children });
        return;
      }
      case 'Call': out.push(explainCall(ctx, x, env, depth, file)); return;
      case 'Weighted':
        if (x.items) for (const it of x.items) visit(it.expr);
        else if (x.table) {
          const def = ref.level(env.lk).computed.find(c => c.name === x.table!.name)?.def;
          if (def?.kind === 'WeightsDef') {
            visit(def.by);
            const k = evalRef(ref, def.by, env);
            const row = def.rows.find(r => r.member.name === k);
            if (row) for (const it of row.items) visit(it.expr);
          }
        }
        return;
      default: for (const c of childExprs(x)) visit(c);
    }
  };
  visit(e);
  return out;
}

/** The parts of an expression evaluated in another year (or member), as one node list. */
function explainAt(ctx: ExplainContext, e: ast.Expr, env: Env, depth: number, file: string): Explanation[] {
  const inner = e.kind === 'Paren' ? e.expr : e;
  if (inner.kind === 'Call') return [explainCall(ctx, inner, env, depth, file)];
  return explainParts(ctx, e, env, depth, file);
}

function explainCall(ctx: ExplainContext, x: ast.Call, env: Env, depth: number, file: string): Explanation {
  const ref = ctx.ref;
  const r = ref.model.resolutions.get(x.callee);
  const id = r?.kind === 'builtinFunction' ? r.id : '';
  const label = ctx.text(x.span, file);
  const year = env.y.year === ctx.year ? undefined : env.y.year;
  const base = { label, formula: label, value: valueOf(ctx, x, env), year };
  const first = x.args[0] && x.args[0].kind !== 'RangeLit' ? x.args[0] : undefined;
  const t = first ? ref.model.types.get(first) : undefined;
  if (t?.kind === 'rows' && !x.within) {
    const rows = env.y.rowsOf(t.table, env.i);
    const origin = env.y.data.rows.get(t.table)?.origin;
    const children: Explanation[] = [];
    for (const r2 of rows) {
      const renv: Env = { ...env, row: { table: t.table, r: r2 } };
      if (x.where && evalRef(ref, x.where, renv) !== true) continue;
      const fields = ref.level(ref.levelOfTable(t.table)).tables.find(tb => tb.name === t.table)!.fields
        .map(f => `${f.name}=${presentRV(fieldValue(ref, renv, t.table, f.name), f.type.kind) ?? '缺失'}`).join('，');
      children.push({
        label: `${t.table}：${fields}`, value: t.field !== undefined ? presentRV(fieldValue(ref, renv, t.table, t.field), 'number') : true,
        origin: origin ? { file: origin.file, line: origin.lines[r2] } : undefined, children: [],
      });
    }
    return { ...base, children };
  }
  if (['bottom', 'top', 'last', 'first', 'size'].includes(id) && first) {
    const rr = ref.model.resolutions.get(first);
    let lk = env.lk, i = env.i, name = '';
    if (rr?.kind === 'computed') name = rr.name;
    else if (rr?.kind === 'unitValue') {
      const link = ref.value(env.y, env.lk, rr.link, env.i);
      lk = rr.unitKind; name = rr.name; i = typeof link === 'string' ? env.y.indexOf(lk, link) : -1;
    }
    const def = i >= 0 ? ref.level(lk).computed.find(c => c.name === name)?.def : undefined;
    const info = def?.kind === 'RankDef' ? rankOf(ref, env.y, lk, def, i) : undefined;
    const children: Explanation[] = [];
    if (info) {
      children.push(explainName(ctx, { y: env.y, lk, i }, name, depth + 1));
      children.push({ label: '组内位置 / position', value: info.pos, children: [] });
      children.push({ label: '组内人数 / group size', value: info.size, children: [] });
    }
    return { ...base, children };
  }
  if (id === 'streak' || id === 'years') {
    const cond = x.args[0] as ast.Expr;
    const children: Explanation[] = [];
    const w = x.args[1];
    const lo = id === 'years' && w?.kind === 'RangeLit' ? w.low.value : -20;
    const hi = id === 'years' && w?.kind === 'RangeLit' ? w.high.value : 0;
    for (let k = hi; k >= lo; k--) {
      const y = ref.year(env.y.year + k);
      const j = y ? y.indexOf(env.lk, env.y.table(env.lk).ids[env.i]) : -1;
      if (!y || j < 0) { if (id === 'streak') break; continue; }
      const v = evalRef(ref, cond, { y, lk: env.lk, i: j });
      children.push({ label: `${env.y.year + k}：${ctx.text(cond.span, file)}`, value: presentRV(v, 'bool'), year: env.y.year + k, children: [] });
      if (id === 'streak' && v !== true) break;
    }
    return { ...base, children };
  }
  const children: Explanation[] = [];
  for (const a of x.args) if (a.kind !== 'RangeLit') children.push(...explainParts(ctx, a, env, depth, file));
  return { ...base, children };
}

function childExprs(x: ast.Expr): ast.Expr[] {
  switch (x.kind) {
    case 'Unary': return [x.operand];
    case 'Binary': return [x.left, x.right];
    case 'Paren': return [x.expr];
    case 'InSet': return [x.value, ...x.set];
    case 'If': return [x.cond, x.then, x.else];
    case 'Match': return [x.subject, ...x.arms.map(a => a.value)];
    case 'Tiers': return x.arms.flatMap(a => (a.cond === 'else' ? [a.value] : [a.cond, a.value]));
    default: return [];
  }
}
