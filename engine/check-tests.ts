// Language tests: `given` names inputs (or fields of a row table), `expect` names values; their values are typed.
import type * as ast from '../grammar/ast.ts';
import type { Type } from './model.ts';
import type { CheckContext, Env } from './check-context.ts';
import { makeDiagnostic } from './check-codes.ts';
import { DECISION_FORMS } from './builtins.ts';
import { checkExpr, isCalendarDay, reportRule } from './check-expr.ts';
import { fieldType, undefinedDiagnostic } from './check-names.ts';
import { lookupField, suggest, type LevelScope, type RowsSym } from './resolve.ts';
import { DECISION_ENUM, enumType, equalityType, T } from './types.ts';

function levelOf(ctx: CheckContext, step: ast.Given | ast.Expect): LevelScope | undefined {
  if (!step.unitKind) return ctx.root;
  const unit = ctx.root.lookup(step.unitKind.name);
  if (unit?.kind === 'unit') return unit.scope;
  const kinds = ctx.root.order.filter(s => s.kind === 'unit').map(s => s.name);
  ctx.report(undefinedDiagnostic(ctx, step.unitKind.name, step.unitKind.span, suggest(step.unitKind.name, kinds), '单位类别', 'unit kind'));
  return undefined;
}

/** The type a `given` assignment sets, or undefined after reporting why it cannot. */
function givenTarget(ctx: CheckContext, scope: LevelScope, rows: RowsSym | undefined, a: ast.Assignment): Type | undefined {
  const name = a.name.name;
  if (rows) {
    const f = lookupField(rows, name);
    if (f) return fieldType(ctx, rows, f);
    ctx.report(undefinedDiagnostic(ctx, name, a.name.span, suggest(name, rows.fields.keys()), '字段', 'field'));
    return undefined;
  }
  const sym = scope.lookup(name);
  if (sym?.kind === 'input') {
    ctx.resolutions.set(a.name, { kind: 'input', level: scope.level, name });
    return ctx.symType(sym);
  }
  if (sym) {
    ctx.report(makeDiagnostic('wrongKindOfName', `“已知”只能给出输入，${name} 不是输入`, `\`given\` sets inputs only; ${name} is not an input`, a.name.span));
    return undefined;
  }
  const inputs = scope.order.filter(s => s.kind === 'input').map(s => s.name);
  ctx.report(undefinedDiagnostic(ctx, name, a.name.span, suggest(name, inputs), '输入', 'input'));
  return undefined;
}

/** The type an `expect` assignment states, or undefined after reporting why it cannot. */
function expectTarget(ctx: CheckContext, scope: LevelScope, a: ast.Assignment): Type | undefined {
  const name = a.name.name;
  const sym = scope.lookup(name);
  if (sym?.kind === 'input') {
    ctx.resolutions.set(a.name, { kind: 'input', level: scope.level, name });
    return ctx.symType(sym);
  }
  if (sym?.kind === 'computed') {
    if (sym.def.kind === 'DispositionDef') {
      ctx.resolutions.set(a.name, { kind: 'disposition', name });
      return T.bool;
    }
    ctx.resolutions.set(a.name, { kind: 'computed', level: scope.level, name });
    return ctx.symType(sym);
  }
  if (!sym && DECISION_FORMS.includes(name)) {
    ctx.resolutions.set(a.name, { kind: 'decision' });
    return enumType(DECISION_ENUM);
  }
  if (sym) {
    ctx.report(makeDiagnostic('wrongKindOfName', `“预期”只能写值，${name} 不是值`, `\`expect\` states values; ${name} is not one`, a.name.span));
    return undefined;
  }
  const values = scope.order.filter(s => s.kind === 'input' || s.kind === 'computed').map(s => s.name);
  ctx.report(undefinedDiagnostic(ctx, name, a.name.span, suggest(name, [...values, ...DECISION_FORMS])));
  return undefined;
}

function checkValue(ctx: CheckContext, a: ast.Assignment, target: Type | undefined, env: Env): void {
  const vt = checkExpr(ctx, a.value, env, target);
  if (!target || a.value.kind === 'MissingLit') return;
  if (target.kind === 'date' && a.value.kind === 'StringLit' && !isCalendarDay(a.value.value)) {
    ctx.report(makeDiagnostic('typeMismatch', `日期应写作 "YYYY-MM-DD"，如 "2014-07-01"，不是 "${a.value.value}"`,
      `a date is written "YYYY-MM-DD", such as "2014-07-01", not "${a.value.value}"`, a.value.span));
    return;
  }
  reportRule(ctx, equalityType(target, vt), a.value, { e: a.value, t: vt }, { e: a.value, t: target }, '=', true);
}

/** Checks the tests of the checked file. */
export function checkTests(ctx: CheckContext, tests: readonly ast.TestCase[]): void {
  for (const test of tests) {
    for (const step of test.steps) {
      const scope = levelOf(ctx, step);
      if (!scope) continue;
      const env: Env = { scope, sameYear: true };
      let rows: RowsSym | undefined;
      if (step.kind === 'Given' && step.table) {
        const sym = scope.lookup(step.table.name);
        if (sym?.kind === 'rows') {
          rows = sym;
          ctx.resolutions.set(step.table, { kind: 'table', name: sym.name });
        } else {
          const tables = scope.order.filter(s => s.kind === 'rows').map(s => s.name);
          ctx.report(sym
            ? makeDiagnostic('wrongKindOfName', `${step.table.name} 不是明细表`, `${step.table.name} is not a rows table`, step.table.span)
            : undefinedDiagnostic(ctx, step.table.name, step.table.span, suggest(step.table.name, tables), '明细表', 'rows table'));
          continue;
        }
      }
      for (const a of step.assignments) {
        const target = step.kind === 'Given' ? givenTarget(ctx, scope, rows, a) : expectTarget(ctx, scope, a);
        checkValue(ctx, a, target, env);
      }
    }
  }
}
