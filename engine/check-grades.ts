// Grades: thresholds strictly decrease, a level without threshold comes last, quotas within 0–100%, gates are yes/no.
import type * as ast from '../grammar/ast.ts';
import type { Type } from './model.ts';
import type { CheckContext, Env } from './check-context.ts';
import { makeDiagnostic } from './check-codes.ts';
import { checkGroupKey } from './check-calls.ts';
import { checkCondition, checkExpr, reportRows, reportRule } from './check-expr.ts';
import { enumType, isError, isNumeric, orderType, typeName } from './types.ts';

/** The value of a constant threshold (`90`, `85%`, `-3`), or undefined when it is computed. */
export function constantValue(e: ast.Expr): number | undefined {
  switch (e.kind) {
    case 'NumberLit': case 'PercentLit': return e.value;
    case 'Paren': return constantValue(e.expr);
    case 'Unary': {
      const v = e.op === '-' ? constantValue(e.operand) : undefined;
      return v === undefined ? undefined : -v;
    }
    default: return undefined;
  }
}

function levelText(ctx: CheckContext, l: ast.GradeLevel): string {
  return l.threshold ? `${l.name.name} ${l.op ?? '>='} ${ctx.quote(l.threshold.span)}` : l.name.name;
}

export function checkGradeDef(ctx: CheckContext, def: ast.GradeDef, env: Env): Type {
  const byType = checkExpr(ctx, def.by, env);
  if (byType.kind === 'rows') reportRows(ctx, def.by);
  else if (!isNumeric(byType) && !isError(byType)) {
    ctx.report(makeDiagnostic('scoreNotNumber', `等次的“按”应为数值，${ctx.quote(def.by.span)} 是${typeName(byType, 'zh')}`,
      `a grade is given by a number; ${ctx.quote(def.by.span)} is ${typeName(byType, 'en')}`, def.by.span));
  }
  if (def.where) checkCondition(ctx, def.where, env, '等次的“限于”条件', 'the `where` of a grade');
  const names = new Set<string>();
  let open: ast.GradeLevel | undefined;
  let prev: { level: ast.GradeLevel; value: number } | undefined;
  def.levels.forEach((level, i) => {
    if (names.has(level.name.name)) {
      ctx.report(makeDiagnostic('duplicateMember', `等次重复：${level.name.name}`, `duplicate grade level: ${level.name.name}`, level.name.span));
    }
    names.add(level.name.name);
    if (open && open === def.levels[i - 1]) {
      ctx.report(makeDiagnostic('gradeUnreachable', `${open.name.name} 没有分数线，其后的 ${level.name.name} 永远评不到；没有分数线的等次应放在最后`,
        `${open.name.name} has no threshold, so ${level.name.name} after it is unreachable; the level without a threshold must be last`, level.span));
    }
    if (!level.threshold) open ??= level;
    checkLevel(ctx, level, byType, env);
    const v = level.threshold ? constantValue(level.threshold) : undefined;
    if (v !== undefined) {
      // Equal thresholds are fine only as `> c` followed by `>= c` (c itself falls to the lower level).
      const ordered = !prev || v < prev.value || (v === prev.value && prev.level.op === '>' && (level.op ?? '>=') === '>=');
      if (!ordered && prev) {
        ctx.report(makeDiagnostic('gradeOrder', `等次分数线应逐级降低：${levelText(ctx, level)} 不低于上一级 ${levelText(ctx, prev.level)}`,
          `grade thresholds must strictly decrease: ${levelText(ctx, level)} is not below ${levelText(ctx, prev.level)}`, level.threshold!.span));
      }
      prev = { level, value: v };
    }
  });
  const last = def.levels[def.levels.length - 1];
  if (last?.threshold && !open) {
    ctx.report(makeDiagnostic('gradeGap', `最后一个等次 ${levelText(ctx, last)} 有分数线：低于它的得分没有等次；最后一级通常不设分数线`,
      `the last level ${levelText(ctx, last)} has a threshold: scores below it get no grade; the last level usually has none`, last.span));
  }
  if (def.ungradedWhen) checkCondition(ctx, def.ungradedWhen, env, '“不定等次”的条件', 'the `ungraded when` condition');
  return enumType(def.name.name);
}

function checkLevel(ctx: CheckContext, level: ast.GradeLevel, byType: Type, env: Env): void {
  if (level.threshold) {
    const t = checkExpr(ctx, level.threshold, env);
    const rule = orderType(byType, t);
    if (!rule.ok && !(rule.reason === 'mismatch' && !isNumeric(byType))) {
      reportRule(ctx, rule, level.threshold, { e: level.threshold, t }, { e: level.threshold, t: byType }, level.op ?? '>=', true);
    }
  }
  if (level.quota) {
    const q = level.quota;
    const a = q.amount;
    checkExpr(ctx, a, env);
    const bad = a.kind === 'PercentLit' ? a.value < 0 || a.value > 1 : !Number.isInteger(a.value) || a.value < 0;
    if (bad) {
      ctx.report(makeDiagnostic('quotaRange', `限额应为 0–100% 的比例或不小于 0 的整数人数，不是 ${a.text}${a.kind === 'PercentLit' ? '%' : ''}`,
        `a quota is a share from 0 to 100% or a whole number of people, not ${a.text}${a.kind === 'PercentLit' ? '%' : ''}`, a.span));
    }
    for (const g of q.within) checkGroupKey(ctx, g, env);
  }
  if (level.unless) checkCondition(ctx, level.unless, env, '“除非”的条件', 'the `unless` condition');
}
