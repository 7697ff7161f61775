// Types every expression node and reports misuse of operators (units, percent, yes/no, text).
import type * as ast from '../grammar/ast.ts';
import type { Fix } from '../grammar/diagnostic.ts';
import type { Type } from './model.ts';
import type { CheckContext, Env } from './check-context.ts';
import { makeDiagnostic } from './check-codes.ts';
import { checkCall } from './check-calls.ts';
import { checkMatch, checkTiers } from './check-match.ts';
import { checkMemberAccess, checkNameRef, isUnboundBare } from './check-names.ts';
import { checkWeighted } from './check-weights.ts';
import {
  addType, compatibleValues, divType, equalityType, isError, isNumeric, joinType, mulType, orderType, T, typeName, type Rule,
} from './types.ts';

/** Types `e` (recording the type of every node), resolving names; `expected` gives enum context. */
export function checkExpr(ctx: CheckContext, e: ast.Expr, env: Env, expected?: Type): Type {
  const t = infer(ctx, e, env, expected);
  return ctx.setType(e, t);
}

function infer(ctx: CheckContext, e: ast.Expr, env: Env, expected?: Type): Type {
  switch (e.kind) {
    case 'NumberLit': return T.number;
    case 'PercentLit': return T.percent;
    case 'StringLit': return T.text;
    case 'BoolLit': return T.bool;
    case 'MissingLit': return expected ?? T.error;
    case 'Paren': return checkExpr(ctx, e.expr, env, expected);
    case 'NameRef': return checkNameRef(ctx, e, env, expected);
    case 'MemberAccess': return checkMemberAccess(ctx, e, env, o => checkExpr(ctx, o, env));
    case 'Unary': return checkUnary(ctx, e, env);
    case 'Binary': return checkBinary(ctx, e, env, expected);
    case 'InSet': return checkInSet(ctx, e, env);
    case 'Call': return checkCall(ctx, e, env);
    case 'History': return checkHistory(ctx, e, env, expected);
    case 'If': return checkIf(ctx, e, env, expected);
    case 'Match': return checkMatch(ctx, e, env, expected);
    case 'Tiers': return checkTiers(ctx, e, env, expected);
    case 'Weighted': return checkWeighted(ctx, e, env);
  }
}

/** Checks a condition: it must be a yes/no value. */
export function checkCondition(ctx: CheckContext, e: ast.Expr, env: Env, whatZh: string, whatEn: string): void {
  const t = checkExpr(ctx, e, env);
  if (t.kind === 'bool' || isError(t)) return;
  if (t.kind === 'rows') {
    reportRows(ctx, e);
    return;
  }
  ctx.report(makeDiagnostic('notBool', `${whatZh}应为是/否条件，${ctx.quote(e.span)} 是${typeName(t, 'zh')}`,
    `${whatEn} must be a yes/no condition; ${ctx.quote(e.span)} is ${typeName(t, 'en')}`, e.span));
}

/** Rows appear where a value is needed. */
export function reportRows(ctx: CheckContext, e: ast.Expr): void {
  ctx.report(makeDiagnostic('aggregateForm', `${ctx.quote(e.span)} 是明细行，只能在汇总函数中使用（如 count、sum）`,
    `${ctx.quote(e.span)} is a set of rows; use it inside an aggregate such as count or sum`, e.span));
}

function stripParens(e: ast.Expr): ast.Expr {
  return e.kind === 'Paren' ? stripParens(e.expr) : e;
}

/** The quick fix that writes a bare number literal as a percent (`100` → `100%`). */
export function percentFix(e: ast.Expr): Fix | undefined {
  const lit = stripParens(e);
  if (lit.kind !== 'NumberLit') return undefined;
  return { title: `改为 ${lit.text}%`, edits: [{ span: lit.span, text: `${lit.text}%` }] };
}

/** The quick fix that drops the `%` of a percent literal compared with points (`90%` → `90`). */
function dropPercentFix(e: ast.Expr): Fix | undefined {
  const lit = stripParens(e);
  if (lit.kind !== 'PercentLit') return undefined;
  return { title: `改为 ${lit.text}`, edits: [{ span: lit.span, text: lit.text }] };
}

/** Reports a refused operator rule. `compare` words percent problems as comparisons. */
export function reportRule(ctx: CheckContext, rule: Rule, node: ast.Expr, a: { e: ast.Expr; t: Type }, b: { e: ast.Expr; t: Type }, opText: string, compare: boolean): void {
  if (rule.ok) return;
  const qa = ctx.quote(a.e.span);
  const qb = ctx.quote(b.e.span);
  switch (rule.reason) {
    case 'percentMix': {
      const [pct, other] = a.t.kind === 'percent' ? [a, b] : [b, a];
      const fix = percentFix(other.e) ?? (compare ? dropPercentFix(pct.e) : undefined);
      const hintZh = fix ? `；写作 ${fix.edits[0].text}` : '';
      const hintEn = fix ? `; write ${fix.edits[0].text}` : '';
      if (compare) {
        ctx.report(makeDiagnostic('percentCompare', `百分比 ${ctx.quote(pct.e.span)} 不能与${typeName(other.t, 'zh')} ${ctx.quote(other.e.span)} 比较${hintZh}`,
          `percent ${ctx.quote(pct.e.span)} compared with ${typeName(other.t, 'en')} ${ctx.quote(other.e.span)}${hintEn}`, node.span, { fix }));
      } else {
        ctx.report(makeDiagnostic('percentMix', `百分比 ${ctx.quote(pct.e.span)} 与${typeName(other.t, 'zh')} ${ctx.quote(other.e.span)} 不能用 ${opText} 混算${hintZh}`,
          `percent ${ctx.quote(pct.e.span)} mixed with ${typeName(other.t, 'en')} ${ctx.quote(other.e.span)} in ${opText}${hintEn}`, node.span, { fix }));
      }
      return;
    }
    case 'bool': {
      const side = a.t.kind === 'bool' ? qa : qb;
      ctx.report(makeDiagnostic('boolAsNumber', `${side} 是是/否值，只能用作条件，不能用于 ${opText}`,
        `${side} is a yes/no value; it can only be a condition, not an operand of ${opText}`, node.span));
      return;
    }
    case 'discrete': {
      const side = a.t.kind === 'text' || a.t.kind === 'group' || a.t.kind === 'enum' || a.t.kind === 'unitRef' ? a : b;
      ctx.report(makeDiagnostic('textOperator', `${typeName(side.t, 'zh')} ${ctx.quote(side.e.span)} 只能用 ==、!=、属于 比较，不能用 ${opText}`,
        `${typeName(side.t, 'en')} ${ctx.quote(side.e.span)} allows only ==, !=, in and within, not ${opText}`, node.span));
      return;
    }
    case 'mismatch':
      if (a.t.kind === 'rows' || b.t.kind === 'rows') {
        reportRows(ctx, a.t.kind === 'rows' ? a.e : b.e);
        return;
      }
      ctx.report(makeDiagnostic('typeMismatch', `${qa}（${typeName(a.t, 'zh')}）与 ${qb}（${typeName(b.t, 'zh')}）不能用 ${opText}`,
        `${qa} (${typeName(a.t, 'en')}) and ${qb} (${typeName(b.t, 'en')}) cannot be combined with ${opText}`, node.span));
  }
}

function checkUnary(ctx: CheckContext, e: ast.Unary, env: Env): Type {
  if (e.op === 'not') {
    checkCondition(ctx, e.operand, env, '“非”的对象', 'the operand of `not`');
    return T.bool;
  }
  const t = checkExpr(ctx, e.operand, env);
  if (isNumeric(t) || isError(t)) return t;
  const rule = addType(t, T.number);
  reportRule(ctx, rule.ok ? { ok: false, reason: 'mismatch' } : rule, e, { e: e.operand, t }, { e: e.operand, t }, '-', false);
  return T.error;
}

function checkBinary(ctx: CheckContext, e: ast.Binary, env: Env, expected?: Type): Type {
  switch (e.op) {
    case 'and': case 'or':
      checkCondition(ctx, e.left, env, `“${e.op === 'and' ? '且' : '或'}”的左边`, `the left of \`${e.op}\``);
      checkCondition(ctx, e.right, env, `“${e.op === 'and' ? '且' : '或'}”的右边`, `the right of \`${e.op}\``);
      return T.bool;
    case '??': {
      const lt = checkExpr(ctx, e.left, env, expected);
      const rt = checkExpr(ctx, e.right, env, isError(lt) ? expected : lt);
      const rule = joinType(lt, rt);
      if (!rule.ok) reportBranches(ctx, e, [{ e: e.left, t: lt }, { e: e.right, t: rt }], rule);
      return rule.ok ? rule.type : T.error;
    }
    case '==': case '!=': {
      // A bare member on the left (`经济型 == 类别`) takes its enum from the right.
      let lt: Type;
      let rt: Type;
      if (isUnboundBare(e.left, env) && !isUnboundBare(e.right, env)) {
        rt = checkExpr(ctx, e.right, env);
        lt = checkExpr(ctx, e.left, env, rt);
      } else {
        lt = checkExpr(ctx, e.left, env);
        rt = checkExpr(ctx, e.right, env, lt);
      }
      const rule = equalityType(lt, rt);
      reportRule(ctx, rule, e, { e: e.left, t: lt }, { e: e.right, t: rt }, e.op, true);
      return T.bool;
    }
    default: {
      const lt = checkExpr(ctx, e.left, env);
      const rt = checkExpr(ctx, e.right, env);
      const compare = e.op === '<' || e.op === '<=' || e.op === '>' || e.op === '>=';
      if (compare && (dateAgainstLiteral(ctx, lt, e.right) || dateAgainstLiteral(ctx, rt, e.left))) return T.bool;
      const rule = compare ? orderType(lt, rt) : e.op === '*' ? mulType(lt, rt) : e.op === '/' ? divType(lt, rt) : addType(lt, rt);
      reportRule(ctx, rule, e, { e: e.left, t: lt }, { e: e.right, t: rt }, e.op, compare);
      return compare ? T.bool : rule.ok ? rule.type : T.error;
    }
  }
}

/** Whether text is a real calendar day written YYYY-MM-DD. */
export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return days !== undefined && d >= 1 && d <= days;
}

/**
 * A date compared with a written day (`日期 >= "2014-07-01"`): the literal must be a valid
 * YYYY-MM-DD. Returns whether the comparison was of that form.
 */
function dateAgainstLiteral(ctx: CheckContext, dateSide: Type, other: ast.Expr): boolean {
  const lit = stripParens(other);
  if (dateSide.kind !== 'date' || lit.kind !== 'StringLit') return false;
  if (!isCalendarDay(lit.value)) {
    ctx.report(makeDiagnostic('typeMismatch', `日期应写作 "YYYY-MM-DD"，如 "2014-07-01"，不是 "${lit.value}"`,
      `a date is written "YYYY-MM-DD", such as "2014-07-01", not "${lit.value}"`, lit.span));
  }
  return true;
}

/** Reports alternatives (branches, rows of a table, `??`) that do not share a type. */
export function reportBranches(ctx: CheckContext, node: ast.Node & { span: ast.Expr['span'] }, parts: readonly { e: ast.Expr; t: Type }[], rule: Rule): void {
  if (rule.ok) return;
  if (rule.reason === 'percentMix') {
    const other = parts.find(p => p.t.kind !== 'percent' && isNumeric(p.t));
    const fix = other ? percentFix(other.e) : undefined;
    ctx.report(makeDiagnostic('percentMix', `各分支的取值混用了百分比与非百分比数值：${parts.map(p => `${ctx.quote(p.e.span)}（${typeName(p.t, 'zh')}）`).join('、')}`,
      `alternatives mix percent and non-percent numbers: ${parts.map(p => `${ctx.quote(p.e.span)} (${typeName(p.t, 'en')})`).join(', ')}`, node.span, { fix }));
    return;
  }
  ctx.report(makeDiagnostic('branchMismatch', `各分支的取值类型不一致：${parts.map(p => `${ctx.quote(p.e.span)}（${typeName(p.t, 'zh')}）`).join('、')}`,
    `alternatives have incompatible types: ${parts.map(p => `${ctx.quote(p.e.span)} (${typeName(p.t, 'en')})`).join(', ')}`, node.span));
}

/** Joins the types of alternatives left to right, reporting the first that does not fit. */
export function joinAlternatives(ctx: CheckContext, node: ast.Node & { span: ast.Expr['span'] }, parts: readonly { e: ast.Expr; t: Type }[]): Type {
  let acc: { e: ast.Expr; t: Type } | undefined;
  for (const p of parts) {
    if (!acc) {
      acc = p;
      continue;
    }
    const rule = joinType(acc.t, p.t);
    if (!rule.ok) {
      reportBranches(ctx, node, [acc, p], rule);
      return T.error;
    }
    acc = { e: acc.e, t: rule.type };
  }
  const t = acc?.t ?? T.error;
  // `missing` takes the type of its siblings.
  for (const p of parts) if (p.e.kind === 'MissingLit' && !isError(t)) ctx.setType(p.e, t);
  return t;
}

function checkInSet(ctx: CheckContext, e: ast.InSet, env: Env): Type {
  const vt = checkExpr(ctx, e.value, env);
  for (const item of e.set) {
    const it = checkExpr(ctx, item, env, vt);
    if (!compatibleValues(vt, it)) {
      ctx.report(makeDiagnostic('typeMismatch', `${ctx.quote(item.span)}（${typeName(it, 'zh')}）不是 ${ctx.quote(e.value.span)}（${typeName(vt, 'zh')}）可能的取值`,
        `${ctx.quote(item.span)} (${typeName(it, 'en')}) is not a possible value of ${ctx.quote(e.value.span)} (${typeName(vt, 'en')})`, item.span));
    }
  }
  return T.bool;
}

function checkHistory(ctx: CheckContext, e: ast.History, env: Env, expected?: Type): Type {
  if (!Number.isInteger(e.yearsBack) || e.yearsBack < 1) {
    ctx.report(makeDiagnostic('badHistory', `@-${e.yearsBack}：回溯年数应为正整数`, `@-${e.yearsBack}: the number of years back must be a positive whole number`, e.span));
  }
  return checkExpr(ctx, e.expr, { ...env, sameYear: false }, expected);
}

function checkIf(ctx: CheckContext, e: ast.If, env: Env, expected?: Type): Type {
  checkCondition(ctx, e.cond, env, '“如果”的条件', 'the condition of `if`');
  const tt = checkExpr(ctx, e.then, env, expected);
  const et = checkExpr(ctx, e.else, env, expected ?? (isError(tt) ? undefined : tt));
  return joinAlternatives(ctx, e, [{ e: e.then, t: tt }, { e: e.else, t: et }]);
}
