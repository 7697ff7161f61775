// Lowering expressions to plan expressions: literals, names (slots, members, unit values), operators,
// match, tiers, weighted sums, keyed tables and history; builtin calls go to lower-call.ts.
import type * as ast from '../grammar/ast.ts';
import type { Type } from './model.ts';
import type { PExpr } from './plan.ts';
import type { Ctx, Lowering } from './lower-state.ts';
import { scaledWeights } from './decimal.ts';
import { parseDate } from './dates.ts';
import { isError, isNumeric, DECISION_ENUM } from './types.ts';
import { lowerCall } from './lower-call.ts';

/** Lowers an expression at `ctx.level` (an entity level), or in the rows of `ctx.rows` inside a `where`. */
export function lowerExpr(L: Lowering, e: ast.Expr, ctx: Ctx, expected?: Type): PExpr {
  switch (e.kind) {
    case 'NumberLit': case 'PercentLit': return { op: 'num', value: e.value };
    case 'BoolLit': return { op: 'num', value: e.value ? 1 : 0 };
    case 'MissingLit': return { op: 'num', value: NaN };
    case 'StringLit': return stringConst(L, e.value, expected ?? L.type(e));
    case 'Paren': return L.expr(e.expr, ctx, expected);
    case 'NameRef': case 'MemberAccess': return lowerName(L, e, ctx);
    case 'Unary': return e.op === '-' ? { op: 'neg', a: L.expr(e.operand, ctx) } : { op: 'not', a: L.expr(e.operand, ctx) };
    case 'Binary': return binary(L, e, ctx);
    case 'InSet': {
      const t = L.type(e.value);
      return { op: 'in', exact: !numericLike(t), a: L.expr(e.value, ctx), set: e.set.map(x => L.expr(x, ctx, t)) };
    }
    case 'If': return { op: 'if', cond: L.expr(e.cond, ctx), then: L.expr(e.then, ctx), else: L.expr(e.else, ctx) };
    case 'Match': return match(L, e, ctx);
    case 'Tiers': {
      const arms = e.arms.filter(a => a.cond !== 'else').map(a => ({ cond: L.expr(a.cond as ast.Expr, ctx), value: L.expr(a.value, ctx) }));
      const other = e.arms.find(a => a.cond === 'else');
      return { op: 'tiers', arms, otherwise: other ? L.expr(other.value, ctx) : undefined };
    }
    case 'Weighted': return e.table ? weightsTable(L, e.table.name, ctx) : weighted(L, e.items ?? [], ctx);
    case 'History': return history(L, e.expr, e.yearsBack, ctx);
    case 'Call': return lowerCall(L, e, ctx);
  }
}

/** A value chosen by the member of an enum key; members without a case give missing. */
export function byKey(L: Lowering, keyExpr: ast.Expr, ctx: Ctx, caseOf: (member: string) => PExpr | undefined): PExpr {
  const t = L.type(keyExpr);
  const labels = t.kind === 'enum' ? L.labelsOf(t.enumName, ctx.level) : [];
  const cases = labels.map(m => caseOf(m) ?? { op: 'num' as const, value: NaN });
  return { op: 'byKey', key: L.expr(keyExpr, ctx), cases };
}

// Dates compare as day numbers; an expression without a type never forces an exact (code) comparison.
function numericLike(t: Type): boolean {
  return isNumeric(t) || t.kind === 'date' || isError(t);
}

function stringConst(L: Lowering, text: string, t: Type): PExpr {
  if (t.kind === 'date') return { op: 'num', value: parseDate(text) };
  if (t.kind === 'unitRef') return { op: 'unitId', level: L.entityByKind.get(t.unitKind) ?? -1, id: text };
  return { op: 'text', text };
}

function lowerName(L: Lowering, e: ast.NameRef | ast.MemberAccess, ctx: Ctx): PExpr {
  const r = L.res(e);
  if (!r) throw new Error(`lower: unresolved name at ${e.span.start}`);
  const entity = ctx.level;
  const fromOwner = ctx.rows !== undefined ? { kind: 'owner' as const } : undefined;
  switch (r.kind) {
    case 'input': case 'computed': {
      const level = r.level === 'cadre' ? L.entityByKind.get('')! : entity;
      return { op: 'slot', level, slot: L.slotOf(level, r.name), via: fromOwner };
    }
    case 'field': {
      const rows = L.rowsByTable.get(r.table)!;
      return { op: 'slot', level: rows, slot: L.slotOf(rows, r.field) };
    }
    case 'member': return { op: 'num', value: L.labelsOf(r.enumName, entity).indexOf(r.member) };
    case 'situation': return { op: 'num', value: L.labelsOf(r.table, entity).indexOf(r.situation) };
    case 'disposition': {
      const t = L.type(e);
      if (t.kind === 'enum') return { op: 'num', value: L.labelsOf(DECISION_ENUM, entity).indexOf(r.name) };
      return { op: 'slot', level: entity, slot: L.slotOf(entity, r.name), via: fromOwner };
    }
    case 'decision': return { op: 'slot', level: entity, slot: L.decisionSlot[entity], via: fromOwner };
    case 'unitValue': {
      const unit = L.entityByKind.get(r.unitKind)!;
      const link = L.slotOf(entity, r.link);
      if (fromOwner) {
        // Inside a where: read the owner's link, then the unit (through a hidden slot at the owner level).
        const at = L.toSlot({ op: 'slot', level: unit, slot: L.slotOf(unit, r.name), via: { kind: 'link', slot: link } }, entity, `${r.link}.${r.name}`);
        return { op: 'slot', level: entity, slot: at, via: fromOwner };
      }
      return { op: 'slot', level: unit, slot: L.slotOf(unit, r.name), via: { kind: 'link', slot: link } };
    }
    case 'table': throw new Error('lower: rows used outside an aggregate');
    case 'builtinFunction': throw new Error('lower: function used as a value');
  }
}

function binary(L: Lowering, e: ast.Binary, ctx: Ctx): PExpr {
  const lt = L.type(e.left), rt = L.type(e.right);
  switch (e.op) {
    case '+': case '-': case '*': case '/':
      return { op: 'arith', fn: e.op, a: L.expr(e.left, ctx), b: L.expr(e.right, ctx) };
    case 'and': case 'or': return { op: e.op, a: L.expr(e.left, ctx), b: L.expr(e.right, ctx) };
    case '??': return { op: 'coalesce', a: L.expr(e.left, ctx), b: L.expr(e.right, ctx) };
    default: {
      const exact = !numericLike(lt) || !numericLike(rt);
      return { op: 'cmp', fn: e.op, exact, a: L.expr(e.left, ctx, rt), b: L.expr(e.right, ctx, lt) };
    }
  }
}

function match(L: Lowering, e: ast.Match, ctx: Ctx): PExpr {
  const t = L.type(e.subject);
  const labels = t.kind === 'enum' ? L.labelsOf(t.enumName, ctx.level) : [];
  const arms: { values: number[]; value: PExpr }[] = [];
  let otherwise: PExpr | undefined;
  for (const a of e.arms) {
    if (a.patterns === 'else') { otherwise = L.expr(a.value, ctx); continue; }
    const values = a.patterns.map(p => (p.kind === 'NumberLit' ? p.value : labels.indexOf(p.name)));
    arms.push({ values, value: L.expr(a.value, ctx) });
  }
  return { op: 'match', exact: t.kind !== 'error' && !numericLike(t), subject: L.expr(e.subject, ctx), arms, otherwise };
}

function weighted(L: Lowering, items: readonly ast.WeightItem[], ctx: Ctx): PExpr {
  const { weights, divisor } = scaledWeights(items.map(i => i.weight.text));
  const out: { e: PExpr; w: number }[] = [];
  items.forEach((it, k) => { if (weights[k] !== 0) out.push({ e: L.expr(it.expr, ctx), w: weights[k] }); });
  return { op: 'weighted', items: out, divisor };
}

function weightsTable(L: Lowering, name: string, ctx: Ctx): PExpr {
  const info = L.findComputed(ctx.level, name);
  if (!info || info.def.kind !== 'WeightsDef') throw new Error(`lower: ${name} is not a weights table`);
  const def = info.def;
  return byKey(L, def.by, ctx, m => {
    const row = def.rows.find(r => r.member.name === m);
    return row ? weighted(L, row.items, ctx) : undefined;
  });
}

/** `body@-back`: the body's slot is evaluated in the earlier year and aligned by id. */
function history(L: Lowering, body: ast.Expr, back: number, ctx: Ctx): PExpr {
  const level = ctx.level;
  const b = L.expr(body, { level });
  const kind = L.kindOf(L.type(body), level);
  const bodySlot = L.toSlot(b, level, `history-body`, kind.value, kind.codes);
  return L.historyOf(level, bodySlot, back, kind.value, kind.codes, ctx);
}
