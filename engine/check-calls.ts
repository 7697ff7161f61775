// Calls of built-in functions: aggregates over rows, group members or values; ranks; history; plain functions.
import type * as ast from '../grammar/ast.ts';
import type { Type } from './model.ts';
import type { CheckContext, Env } from './check-context.ts';
import { makeDiagnostic } from './check-codes.ts';
import { builtinFunction, builtinFunctionNames, type Signature } from './builtins.ts';
import { checkCondition, checkExpr, reportRows, reportRule } from './check-expr.ts';
import { fieldType, undefinedDiagnostic } from './check-names.ts';
import { lookupField, suggest, type RowsSym } from './resolve.ts';
import { addType, isError, isGroupable, isNumeric, T, typeName } from './types.ts';

type Arg = ast.Expr | ast.RangeLit;

export function checkCall(ctx: CheckContext, e: ast.Call, env: Env): Type {
  const name = e.callee.name;
  const own = name ? env.scope.lookup(name) : undefined;
  const sig = name ? builtinFunction(name) : undefined;
  if (own || !sig) {
    if (own) {
      ctx.report(makeDiagnostic('notAFunction', `${name} 是定义，不是函数，不能这样调用`, `${name} is a definition, not a function`, e.callee.span));
    } else if (name) {
      ctx.report(undefinedDiagnostic(ctx, name, e.callee.span, suggest(name, builtinFunctionNames()), '函数', 'function'));
    }
    for (const a of e.args) if (a.kind !== 'RangeLit') checkExpr(ctx, a, env);
    return T.error;
  }
  ctx.resolutions.set(e.callee, { kind: 'builtinFunction', id: sig.id });
  if (e.args.length < sig.minArgs || e.args.length > sig.maxArgs) {
    ctx.report(makeDiagnostic('argumentCount', `${name} 的参数个数不对：${sig.usage}`, `wrong number of arguments to ${name}: ${sig.usage}`, e.span));
    for (const a of e.args) if (a.kind !== 'RangeLit') checkExpr(ctx, a, env);
    return T.error;
  }
  if (sig.forms.length === 0 && (e.where || e.within)) {
    const clause = e.where ? e.where : e.within![0];
    ctx.report(makeDiagnostic('aggregateForm', `${name} 不是汇总函数，不能带“限于”或“组内”`, `${name} is not an aggregate; it takes no \`where\` or \`within\``, clause.span));
  }
  // A filter after a later argument belongs to `overlap` only (`overlap(任职 where …, 任职 where …)`).
  (e.argWhere ?? []).forEach((w, i) => {
    if (!w || i === 0 || sig.id === 'overlap') return;
    checkExpr(ctx, w, env);
    ctx.report(makeDiagnostic('aggregateForm', `“限于”只能跟在 ${name} 的第一个参数之后`, `\`where\` may follow only the first argument of ${name}`, w.span));
  });
  switch (sig.id) {
    case 'sum': case 'mean': case 'min': case 'max': case 'count': case 'share':
      return checkAggregate(ctx, e, env, sig);
    case 'days': case 'longest': case 'overlap': case 'on':
      return checkPeriods(ctx, e, env, sig);
    case 'bottom': case 'top': case 'last': case 'first': case 'size':
      return checkRankFunction(ctx, e, env, sig.id);
    case 'streak': case 'years':
      return checkHistoryFunction(ctx, e, env, sig.id);
    default:
      return checkPlain(ctx, e, env, sig.id);
  }
}

function expr(ctx: CheckContext, a: Arg, env: Env, usage: string): ast.Expr | undefined {
  if (a.kind !== 'RangeLit') return a;
  ctx.report(makeDiagnostic('argumentType', `此处不能写区间：${usage}`, `a range is not allowed here: ${usage}`, a.span));
  return undefined;
}

function argTypeError(ctx: CheckContext, fn: string, a: ast.Expr, t: Type, wantZh: string, wantEn: string): void {
  if (isError(t)) return;
  if (t.kind === 'rows') {
    reportRows(ctx, a);
    return;
  }
  ctx.report(makeDiagnostic('argumentType', `${fn} 的参数应为${wantZh}，${ctx.quote(a.span)} 是${typeName(t, 'zh')}`,
    `${fn} needs ${wantEn}; ${ctx.quote(a.span)} is ${typeName(t, 'en')}`, a.span));
}

/** The rows a call works on: checks the first argument and then `where` with its fields in scope. */
function checkRowsArg(ctx: CheckContext, a: ast.Expr, where: ast.Expr | undefined, env: Env): { t: Type; rows?: RowsSym } {
  const t = checkExpr(ctx, a, env);
  const rows = t.kind === 'rows' ? env.scope.lookup(t.table) : undefined;
  const sym = rows?.kind === 'rows' ? rows : undefined;
  if (where) checkCondition(ctx, where, sym ? { ...env, rows: sym } : env, '“限于”条件', 'the `where` condition');
  return { t, rows: sym };
}

function checkAggregate(ctx: CheckContext, e: ast.Call, env: Env, sig: Signature): Type {
  const fn = e.callee.name;
  const id = sig.id;
  if (e.within) {
    for (const g of e.within) checkGroupKey(ctx, g, env);
    const a = e.args[0] ? expr(ctx, e.args[0], env, sig.usage) : undefined;
    const t = a ? checkExpr(ctx, a, env) : undefined;
    if (e.where) checkCondition(ctx, e.where, env, '“限于”条件', 'the `where` condition');
    if (e.args.length > 1) ctx.report(makeDiagnostic('argumentCount', `组内汇总只取一个值：${sig.usage}`, `a group aggregate takes one value: ${sig.usage}`, e.span));
    if (id === 'count') return T.count;
    if (id === 'share') return T.percent;
    if (!a || !t) {
      ctx.report(makeDiagnostic('argumentCount', `${fn} 需要一个值：${sig.usage}`, `${fn} needs a value: ${sig.usage}`, e.span));
      return T.error;
    }
    if (!isNumeric(t)) {
      argTypeError(ctx, fn, a, t, '数值', 'a number');
      return T.error;
    }
    return id === 'mean' && t.kind === 'count' ? T.number : t;
  }
  const first = e.args[0] && e.args[0].kind !== 'RangeLit' ? e.args[0] : undefined;
  const firstType = first ? checkRowsArg(ctx, first, e.where, env) : undefined;
  if (firstType && firstType.t.kind === 'rows') {
    if (e.args.length > 1) ctx.report(makeDiagnostic('argumentCount', `对明细汇总只取一个参数：${sig.usage}`, `an aggregate over rows takes one argument: ${sig.usage}`, e.span));
    if (id === 'count') return T.count;
    if (id === 'share') return T.percent;
    const rows = firstType.rows;
    const field = firstType.t.field;
    if (!rows || field === undefined) {
      ctx.report(makeDiagnostic('aggregateForm', `${fn} 需要明细的某个字段，如 ${ctx.quote(first!.span)}.字段`,
        `${fn} needs a field of the rows, such as ${ctx.quote(first!.span)}.field`, first!.span));
      return T.error;
    }
    const f = lookupField(rows, field);
    const ft = f ? fieldType(ctx, rows, f) : T.error;
    if (isNumeric(ft) || isError(ft) || ((id === 'min' || id === 'max') && ft.kind === 'date')) return id === 'mean' && ft.kind === 'count' ? T.number : ft;
    argTypeError(ctx, fn, first!, ft, '数值字段', 'a numeric field');
    return T.error;
  }
  // Over plain values.
  if (e.where) {
    ctx.report(makeDiagnostic('aggregateForm', `“限于”只能用于明细或组内汇总`, '`where` applies only to rows or a group', e.where.span));
  }
  if (id === 'count' || id === 'share') {
    if (first && firstType && !isError(firstType.t)) {
      ctx.report(makeDiagnostic('aggregateForm', `${fn} 需要明细行或“组内”：${sig.usage}`, `${fn} needs rows or \`within\`: ${sig.usage}`, first.span));
    } else if (!first) {
      ctx.report(makeDiagnostic('argumentCount', `${fn} 需要明细行或“组内”：${sig.usage}`, `${fn} needs rows or \`within\`: ${sig.usage}`, e.span));
    }
    return T.error;
  }
  if (e.args.length === 0) {
    ctx.report(makeDiagnostic('argumentCount', `${fn} 至少需要一个参数：${sig.usage}`, `${fn} needs at least one argument: ${sig.usage}`, e.span));
    return T.error;
  }
  return joinNumericArgs(ctx, e, env, fn, firstType?.t, id === 'mean');
}

/** The common numeric type of plain arguments (percent only with percent). */
function joinNumericArgs(ctx: CheckContext, e: ast.Call, env: Env, fn: string, firstType: Type | undefined, mean: boolean): Type {
  let acc: { e: ast.Expr; t: Type } | undefined;
  e.args.forEach((a, i) => {
    const ex = expr(ctx, a, env, fn);
    if (!ex) return;
    const t = i === 0 && firstType ? firstType : checkExpr(ctx, ex, env);
    if (!isNumeric(t)) {
      argTypeError(ctx, fn, ex, t, '数值', 'a number');
      acc = { e: ex, t: T.error };
      return;
    }
    if (!acc) {
      acc = { e: ex, t };
      return;
    }
    const rule = addType(acc.t, t);
    reportRule(ctx, rule, ex, acc, { e: ex, t }, fn, false);
    acc = { e: acc.e, t: rule.ok ? rule.type : T.error };
  });
  const t: Type = acc ? acc.t : T.error;
  return mean && t.kind === 'count' ? T.number : t;
}

/** `within` keys: groups, enums, unit links or text. */
export function checkGroupKey(ctx: CheckContext, g: ast.Expr, env: Env): void {
  const t = checkExpr(ctx, g, env);
  if (isGroupable(t)) return;
  ctx.report(makeDiagnostic('notGroupable', `“组内”应为分组、枚举、单位或文本，${ctx.quote(g.span)} 是${typeName(t, 'zh')}`,
    `\`within\` needs a group, enum, unit link or text; ${ctx.quote(g.span)} is ${typeName(t, 'en')}`, g.span));
}

function checkPeriods(ctx: CheckContext, e: ast.Call, env: Env, sig: Signature): Type {
  const fn = e.callee.name;
  const periodsArg = (a: Arg, where: ast.Expr | undefined) => {
    const ex = expr(ctx, a, env, sig.usage);
    if (!ex) return;
    const r = checkRowsArg(ctx, ex, where, env);
    if (isError(r.t)) return;
    if (r.t.kind === 'rows' && (r.t.field !== undefined || r.rows?.def.kind !== 'PeriodsDef')) {
      ctx.report(makeDiagnostic('argumentType', `${fn} 的参数应为时段明细（periods），${ctx.quote(ex.span)} 不是`,
        `${fn} needs periods; ${ctx.quote(ex.span)} is not`, ex.span));
    } else if (r.t.kind !== 'rows') {
      argTypeError(ctx, fn, ex, r.t, '时段明细', 'periods');
    }
  };
  periodsArg(e.args[0], e.where);
  if (sig.id === 'overlap') periodsArg(e.args[1], e.argWhere?.[1]);
  if (sig.id === 'on') {
    const day = e.args[1];
    const ok = day.kind === 'StringLit' && /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(day.value);
    if (day.kind !== 'RangeLit') checkExpr(ctx, day, env);
    if (!ok) ctx.report(makeDiagnostic('argumentType', `${fn} 的日期应写作 "MM-DD"，如 "12-31"`, `${fn} needs a day written "MM-DD", such as "12-31"`, day.span));
    return T.bool;
  }
  return T.count;
}

/** `bottom(rank, 30%)`, `last(rank)`: the first argument must name a rank. */
function checkRankFunction(ctx: CheckContext, e: ast.Call, env: Env, id: string): Type {
  const fn = e.callee.name;
  const a = expr(ctx, e.args[0], env, fn);
  if (a) {
    const t = checkExpr(ctx, a, env);
    const r = ctx.resolutions.get(a);
    const unit = r?.kind === 'unitValue' ? ctx.root.lookup(r.unitKind) : undefined;
    const target = r?.kind === 'computed' ? env.scope.lookup(r.name)
      : unit?.kind === 'unit' && r?.kind === 'unitValue' ? unit.scope.lookup(r.name) : undefined;
    const isRank = target?.kind === 'computed' && target.def.kind === 'RankDef';
    // An argument that did not resolve has been reported already.
    if (!isRank && !(r === undefined && isError(t))) {
      ctx.report(makeDiagnostic('rankArgument', `${fn} 的第一个参数应为排名的名称，${ctx.quote(a.span)} 不是排名`,
        `the first argument of ${fn} must name a rank; ${ctx.quote(a.span)} is not one`, a.span));
    }
  }
  if (id === 'bottom' || id === 'top') {
    const n = expr(ctx, e.args[1], env, fn);
    if (n) {
      const t = checkExpr(ctx, n, env);
      const pct = n.kind === 'PercentLit' ? n.value : undefined;
      const badType = !isError(t) && t.kind !== 'percent' && t.kind !== 'count' && t.kind !== 'number';
      const badValue = (pct !== undefined && (pct < 0 || pct > 1)) || (n.kind === 'NumberLit' && (!Number.isInteger(n.value) || n.value < 0));
      if (badType || badValue) {
        ctx.report(makeDiagnostic('rankArgument', `${fn} 的第二个参数应为 0–100% 的比例或人数（整数），如 30% 或 3`,
          `the second argument of ${fn} must be a share from 0 to 100% or a whole count, such as 30% or 3`, n.span));
      }
    }
  }
  return id === 'size' ? T.count : T.bool;
}

function checkHistoryFunction(ctx: CheckContext, e: ast.Call, env: Env, id: string): Type {
  const fn = e.callee.name;
  const cond = expr(ctx, e.args[0], env, fn);
  if (id === 'years') {
    const w = e.args[1];
    // The window reads the current year only when it ends at 0.
    const current = w.kind !== 'RangeLit' || w.high.value >= 0;
    if (cond) checkCondition(ctx, cond, current ? env : { ...env, sameYear: false }, `${fn} 的条件`, `the condition of ${fn}`);
    if (w.kind !== 'RangeLit') {
      checkExpr(ctx, w, env);
      ctx.report(makeDiagnostic('badHistory', `${fn} 的第二个参数应为年份区间，如 -4..0`, `the second argument of ${fn} must be a year window such as -4..0`, w.span));
    } else if (!Number.isInteger(w.low.value) || !Number.isInteger(w.high.value) || w.high.value > 0 || w.low.value > w.high.value) {
      ctx.report(makeDiagnostic('badHistory', `年份区间 ${w.low.text}..${w.high.text} 无效：应为整数且 起 ≤ 止 ≤ 0`,
        `year window ${w.low.text}..${w.high.text} is invalid: whole numbers with start ≤ end ≤ 0`, w.span));
    }
    return T.count;
  }
  if (cond) checkCondition(ctx, cond, env, `${fn} 的条件`, `the condition of ${fn}`);
  return T.count;
}

function checkPlain(ctx: CheckContext, e: ast.Call, env: Env, id: string): Type {
  const fn = e.callee.name;
  const args = e.args.map(a => expr(ctx, a, env, fn));
  const types = args.map(a => (a ? checkExpr(ctx, a, env) : T.error));
  const a0 = args[0];
  const t0 = types[0];
  switch (id) {
    case 'has': return T.bool;
    case 'month': case 'quarter':
      if (a0 && t0.kind !== 'date') argTypeError(ctx, fn, a0, t0, '日期', 'a date');
      return T.number;
    case 'clamp': {
      let acc = t0;
      args.forEach((a, i) => {
        if (!a) return;
        if (!isNumeric(types[i])) {
          argTypeError(ctx, fn, a, types[i], '数值', 'a number');
          acc = T.error;
          return;
        }
        if (i === 0) return;
        const rule = addType(acc, types[i]);
        reportRule(ctx, rule, a, { e: a0!, t: t0 }, { e: a, t: types[i] }, fn, false);
      });
      return isNumeric(t0) ? t0 : T.error;
    }
    default: // abs, floor, ceil
      if (a0 && !isNumeric(t0)) {
        argTypeError(ctx, fn, a0, t0, '数值', 'a number');
        return T.error;
      }
      return t0;
  }
}
