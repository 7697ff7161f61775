// Explanation of the pieces of an expression: the names it reads, history in earlier years, aggregates
// with the rows that counted, rank tests with rank, position and group size, a condition's sub-conditions,
// and of `x ?? d` only the side that gave the value.
import type * as ast from '../grammar/ast.ts';
import type { Value } from './result.ts';
import { presentRV, type Env, type RV } from './reference.ts';
import { scaledWeights } from './decimal.ts';
import { evalRef, fieldValue } from './reference-expr.ts';
import { rankOf } from './reference-group.ts';
import { explainDecision, explainName, type ExplainContext, type Explanation } from './explain.ts';
import { explainBranch } from './explain-branch.ts';

function typeKindOf(ctx: ExplainContext, e: ast.Expr): string {
  return ctx.ref.model.types.get(e)?.kind ?? 'number';
}

/** The value of an expression, as presented. */
export function valueOf(ctx: ExplainContext, e: ast.Expr, env: Env): Value {
  return presentRV(evalRef(ctx.ref, e, env), typeKindOf(ctx, e));
}

function unparen(e: ast.Expr): ast.Expr {
  return e.kind === 'Paren' ? unparen(e.expr) : e;
}

/**
 * Children with each one once: a second node of the same definition (or label, when it has none), year,
 * value and data line under one parent says nothing new. Rows on different lines all stay (each counted).
 */
export function distinct(nodes: readonly Explanation[]): Explanation[] {
  const keys = new Set<string>();
  return nodes.filter(n => {
    const d = n.definition;
    const k = [d ? `d${d.name}@${d.file}:${d.span.start}` : `l${n.label}`, n.year ?? '', `${typeof n.value}:${String(n.value)}`,
      n.origin ? `${n.origin.file}:${n.origin.line}` : ''].join('\u0000');
    if (keys.has(k)) return false;
    keys.add(k);
    return true;
  });
}

/**
 * The sub-conditions of a condition (a disposition's `when`, a defined condition): its `and`/`or`
 * operands, each with its value and parts. Any other expression gives its parts.
 */
export function explainSubconditions(ctx: ExplainContext, when: ast.Expr, env: Env, depth: number, file: string): Explanation[] {
  const inner = unparen(when);
  if (inner.kind === 'Binary' && (inner.op === 'and' || inner.op === 'or')) {
    const ops: ast.Expr[] = [];
    const flat = (e: ast.Expr) => {
      const x = unparen(e);
      if (x.kind === 'Binary' && x.op === inner.op) { flat(x.left); flat(x.right); } else ops.push(e);
    };
    flat(inner);
    // Every operand stays, true or not: together they are the proof.
    return distinct(ops.map(o => explainNode(ctx, o, env, depth, file)));
  }
  return distinct(explainBelow(ctx, when, env, depth, file));
}

/**
 * One expression as one node. A name, a history or a call is already a node that names itself; anything
 * else gets a node with its text and value over its parts. `x ?? d` with x present is x (d played no part).
 */
export function explainNode(ctx: ExplainContext, e: ast.Expr, env: Env, depth: number, file: string): Explanation {
  let x = unparen(e);
  while (x.kind === 'Binary' && x.op === '??' && evalRef(ctx.ref, x.left, env) !== null) x = unparen(x.left);
  if (x.kind === 'NameRef' || x.kind === 'MemberAccess' || x.kind === 'History' || x.kind === 'Call') {
    const parts = explainParts(ctx, x, env, depth, file);
    if (parts.length === 1) return parts[0];
  }
  const text = ctx.text(x.span, file);
  // A nested and/or is proof too: its operands, each with its value, not just the names they read.
  return { label: text, formula: text, value: valueOf(ctx, x, env), children: explainSubconditions(ctx, x, env, depth, file) };
}

/** The parts under an expression whose own text is already shown above (a formula, an arm): a call gives its parts, not itself. */
export function explainBelow(ctx: ExplainContext, e: ast.Expr, env: Env, depth: number, file: string): Explanation[] {
  const x = unparen(e);
  return x.kind === 'Call' ? [...explainCall(ctx, x, env, depth, file).children] : explainParts(ctx, e, env, depth, file);
}

/** The explanations of what an expression reads, in written order. */
export function explainParts(ctx: ExplainContext, e: ast.Expr, env: Env, depth: number, file: string): Explanation[] {
  const out: Explanation[] = [];
  const ref = ctx.ref;
  // A 0% item is not read at all ("not assessed on this"), so it is no part of the value.
  const weightedItems = (items: readonly ast.WeightItem[]) => {
    const { weights } = scaledWeights(items.map(it => it.weight.text));
    items.forEach((it, k) => { if (weights[k] !== 0) visit(it.expr); });
  };
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
        // The node says `expr@-k` and the year; below it come the parts of expr in that year.
        const children = prev && j >= 0 ? explainBelow(ctx, x.expr, { y: prev, lk: env.lk, i: j }, depth + 1, file) : [];
        out.push({ label: ctx.text(x.span, file), formula: ctx.text(x.span, file), value: valueOf(ctx, x, env), year: env.y.year - x.yearsBack, children: distinct(children) });
        return;
      }
      case 'Call': out.push(explainCall(ctx, x, env, depth, file)); return;
      case 'Binary':
        visit(x.left);
        // `x ?? d`: d is read only when x is missing.
        if (x.op !== '??' || evalRef(ref, x.left, env) === null) visit(x.right);
        return;
      case 'If': case 'Match': case 'Tiers': out.push(...explainBranch(ctx, x, env, depth, file)); return;
      case 'Weighted':
        if (x.items) weightedItems(x.items);
        else if (x.table) {
          const def = ref.level(env.lk).computed.find(c => c.name === x.table!.name)?.def;
          if (def?.kind === 'WeightsDef') {
            visit(def.by);
            const k = evalRef(ref, def.by, env);
            const row = def.rows.find(r => r.member.name === k);
            if (row) weightedItems(row.items);
          }
        }
        return;
      default: for (const c of childExprs(x)) visit(c);
    }
  };
  visit(e);
  return out;
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
  return { ...base, children: distinct(children) };
}

function childExprs(x: ast.Expr): ast.Expr[] {
  switch (x.kind) {
    case 'Unary': return [x.operand];
    case 'Paren': return [x.expr];
    case 'InSet': return [x.value, ...x.set];
    default: return [];
  }
}
