// `match` (patterns belong to the subject, exhaustive or `else`) and `tiers` (conditions, ends in `else`).
// An `else` that is not last is the parser's to report (KP129); here it simply counts as present.
import type * as ast from '../grammar/ast.ts';
import type { Type } from './model.ts';
import type { CheckContext, Env } from './check-context.ts';
import { makeDiagnostic } from './check-codes.ts';
import { checkCondition, checkExpr, joinAlternatives } from './check-expr.ts';
import { membersOf, resolveMember } from './check-names.ts';
import { isError, isNumeric, typeName } from './types.ts';

export function checkMatch(ctx: CheckContext, e: ast.Match, env: Env, expected?: Type): Type {
  const st = checkExpr(ctx, e.subject, env);
  const members = membersOf(ctx, st, env.scope);
  const numeric = isNumeric(st);
  if (!isError(st) && !members && !numeric) {
    ctx.report(makeDiagnostic('patternNotMember', `匹配的对象应为枚举或数值，${ctx.quote(e.subject.span)} 是${typeName(st, 'zh')}`,
      `match needs an enum or a number; ${ctx.quote(e.subject.span)} is ${typeName(st, 'en')}`, e.subject.span));
  }
  const seen = new Set<string>();
  let elseIndex = -1;
  const values: { e: ast.Expr; t: Type }[] = [];
  e.arms.forEach((arm, i) => {
    if (arm.patterns === 'else') {
      if (elseIndex < 0) elseIndex = i;
    } else {
      for (const p of arm.patterns) checkPattern(ctx, p, st, members, numeric, seen);
    }
    const vt = checkExpr(ctx, arm.value, env, expected ?? values.find(v => !isError(v.t))?.t);
    values.push({ e: arm.value, t: vt });
  });
  if (elseIndex < 0 && !isError(st)) {
    if (members) {
      const missing = members.filter(m => !seen.has(m));
      if (missing.length > 0) {
        ctx.report(makeDiagnostic('matchNotExhaustive', `匹配未覆盖 ${missing.join('、')}；请补上这些分支或加“否则”`,
          `match does not cover ${missing.join(', ')}; add arms for them or an \`else\``, e.span));
      }
    } else if (numeric) {
      ctx.report(makeDiagnostic('matchNotExhaustive', '按数值匹配必须以“否则”结尾', 'a match on a number must end with `else`', e.span));
    }
  }
  return joinAlternatives(ctx, e, values);
}

function checkPattern(ctx: CheckContext, p: ast.Ident | ast.NumberLit, st: Type, members: readonly string[] | undefined, numeric: boolean, seen: Set<string>): void {
  const key = p.kind === 'NumberLit' ? `#${p.value}` : p.name;
  if (seen.has(key)) {
    ctx.report(makeDiagnostic('duplicatePattern', `${p.kind === 'NumberLit' ? p.text : p.name} 已在前面的分支中匹配`,
      `${p.kind === 'NumberLit' ? p.text : p.name} is already matched by an earlier arm`, p.span));
    return;
  }
  seen.add(key);
  if (isError(st)) return;
  if (p.kind === 'NumberLit') {
    if (!numeric) {
      ctx.report(makeDiagnostic('patternNotMember', `${p.text} 不是 ${typeName(st, 'zh')} 的成员`, `${p.text} is not a member of ${typeName(st, 'en')}`, p.span));
    }
    return;
  }
  if (!members || !members.includes(p.name)) {
    ctx.report(makeDiagnostic('patternNotMember', `${p.name} 不是 ${typeName(st, 'zh')} 的成员`, `${p.name} is not a member of ${typeName(st, 'en')}`, p.span));
    return;
  }
  if (st.kind === 'enum') resolveMember(ctx, p, st.enumName, p.name);
}

export function checkTiers(ctx: CheckContext, e: ast.Tiers, env: Env, expected?: Type): Type {
  let elseIndex = -1;
  const values: { e: ast.Expr; t: Type }[] = [];
  e.arms.forEach((arm, i) => {
    if (arm.cond === 'else') {
      if (elseIndex < 0) elseIndex = i;
    } else {
      checkCondition(ctx, arm.cond, env, '分档条件', 'a tier condition');
    }
    const vt = checkExpr(ctx, arm.value, env, expected ?? values.find(v => !isError(v.t))?.t);
    values.push({ e: arm.value, t: vt });
  });
  if (elseIndex < 0 && e.arms.length > 0) {
    ctx.report(makeDiagnostic('tiersNoElse', '分档没有“否则”：所有条件都不成立时结果为缺失', '`tiers` has no `else`: when no condition holds the result is missing', e.span));
  }
  return joinAlternatives(ctx, e, values);
}
