// Checks each definition by kind and gives every symbol its type (computed ones checked on first use).
import type * as ast from '../grammar/ast.ts';
import type { Type } from './model.ts';
import type { CheckContext, Env } from './check-context.ts';
import { makeDiagnostic } from './check-codes.ts';
import { checkGroupKey } from './check-calls.ts';
import { checkDispositionDef } from './check-dispositions.ts';
import { checkCondition, checkExpr, reportRows } from './check-expr.ts';
import { checkGradeDef } from './check-grades.ts';
import { typeRefType } from './check-names.ts';
import { checkTableDef, checkWeightsDef } from './check-weights.ts';
import type { ComputedSym, Sym } from './resolve.ts';
import { enumType, isError, isNumeric, rowsType, T, typeName, unitRefType } from './types.ts';

const PENDING: Type = Object.freeze({ kind: 'error' }) as Type;

/** The type of a symbol's value. A computed definition is checked the first time its type is asked. */
export function symbolType(ctx: CheckContext, sym: Sym, memo: Map<Sym, Type>): Type {
  switch (sym.kind) {
    case 'enum': return enumType(sym.name);
    case 'unit': return unitRefType(sym.name);
    case 'rows': return rowsType(sym.name);
    case 'input': {
      const scope = ctx.scopeOf.get(sym) ?? ctx.root;
      return ctx.inFile(sym.entry.origin.file, () => typeRefType(ctx, sym.def.type, scope));
    }
    case 'computed': {
      const known = memo.get(sym);
      // PENDING: asked again while being checked — a cycle, reported by the cycle check.
      if (known) return known === PENDING ? T.error : known;
      memo.set(sym, PENDING);
      const t = ctx.inFile(sym.entry.origin.file, () => checkComputed(ctx, sym));
      memo.set(sym, t);
      return t;
    }
  }
}

function checkComputed(ctx: CheckContext, sym: ComputedSym): Type {
  const deps = new Set<string>();
  ctx.deps.set(sym, deps);
  const env: Env = { scope: ctx.scopeOf.get(sym) ?? ctx.root, sameYear: true, deps };
  const def = sym.def;
  switch (def.kind) {
    case 'ScoreDef': return checkScoreDef(ctx, def, env);
    case 'WeightsDef': return checkWeightsDef(ctx, def, env);
    case 'TableDef': return checkTableDef(ctx, def, env);
    case 'RankDef': return checkRankDef(ctx, def, env);
    case 'GradeDef': return checkGradeDef(ctx, def, env);
    case 'DispositionDef': return checkDispositionDef(ctx, def, env);
  }
}

function checkScoreDef(ctx: CheckContext, def: ast.ScoreDef, env: Env): Type {
  const t = checkExpr(ctx, def.expr, env);
  if (t.kind === 'rows') {
    reportRows(ctx, def.expr);
    return T.error;
  }
  if (def.form === 'score' && !isNumeric(t) && !isError(t)) {
    ctx.report(makeDiagnostic('scoreNotNumber', `得分 ${def.name.name} 的值应为数值，此处是${typeName(t, 'zh')}；其他类型请用“定义”`,
      `score ${def.name.name} must be a number, not ${typeName(t, 'en')}; use \`define\` for other values`, def.expr.span));
  }
  if (def.round) {
    const r = def.round;
    if (!Number.isInteger(r.value) || r.value < 0 || r.value > 10) {
      ctx.report(makeDiagnostic('roundNotNumber', `保留位数应为 0 到 10 的整数，不是 ${r.text}`, `\`round\` takes a whole number of digits from 0 to 10, not ${r.text}`, r.span));
    } else if (!isNumeric(t) && !isError(t)) {
      ctx.report(makeDiagnostic('roundNotNumber', `只有数值可以保留小数，${def.name.name} 是${typeName(t, 'zh')}`,
        `only numbers can be rounded; ${def.name.name} is ${typeName(t, 'en')}`, r.span));
    }
  }
  return t;
}

function checkSortKey(ctx: CheckContext, k: ast.SortKey, env: Env, what: string, whatEn: string): void {
  const t = checkExpr(ctx, k.expr, env);
  if (isNumeric(t) || isError(t) || t.kind === 'date') return;
  if (t.kind === 'rows') {
    reportRows(ctx, k.expr);
    return;
  }
  ctx.report(makeDiagnostic('rankKeyNotNumber', `${what}应为数值，${ctx.quote(k.expr.span)} 是${typeName(t, 'zh')}`,
    `${whatEn} must be a number; ${ctx.quote(k.expr.span)} is ${typeName(t, 'en')}`, k.expr.span));
}

function checkRankDef(ctx: CheckContext, def: ast.RankDef, env: Env): Type {
  checkSortKey(ctx, def.key, env, '排名依据', 'the rank key');
  for (const g of def.within) checkGroupKey(ctx, g, env);
  if (def.where) checkCondition(ctx, def.where, env, '排名的“限于”条件', 'the `where` of a rank');
  for (const k of def.tiebreak) checkSortKey(ctx, k, env, '并列比较项', 'a tie-break key');
  return T.count;
}

/** Checks declarations that are not computed: enums, inputs, rows (members, fields, ranges). */
export function checkDeclaration(ctx: CheckContext, sym: Sym, typeOf: (s: Sym) => Type): void {
  if (sym.kind === 'enum') {
    reportDuplicates(ctx, sym.def.members, '成员', 'member');
  } else if (sym.kind === 'input') {
    if (sym.entry.ident !== sym.def.names[0]) return;
    const t = typeOf(sym);
    const range = sym.def.type.range;
    if (range && !isError(t)) {
      if (!isNumeric(t)) {
        ctx.report(makeDiagnostic('badRange', `${typeName(t, 'zh')} 类型不能带取值范围`, `a ${typeName(t, 'en')} cannot have a range`, range.span));
      } else if (range.low.value > range.high.value) {
        ctx.report(makeDiagnostic('badRange', `取值范围 ${range.low.text}..${range.high.text} 的下限大于上限`,
          `range ${range.low.text}..${range.high.text}: the low end is above the high end`, range.span));
      }
    }
  } else if (sym.kind === 'rows') {
    const def = sym.def;
    const implicit = def.kind === 'EventsDef' ? ['日期', '情形', '分值', 'date', 'situation', 'points']
      : def.kind === 'PeriodsDef' ? ['起', '止', 'from', 'to'] : [];
    const seen = new Set(implicit);
    for (const f of def.fields) {
      if (seen.has(f.name.name)) {
        ctx.report(makeDiagnostic('duplicateMember', `字段重复：${f.name.name}`, `duplicate field: ${f.name.name}`, f.name.span));
      }
      seen.add(f.name.name);
      typeRefType(ctx, f.type, ctx.scopeOf.get(sym) ?? ctx.root);
      if (f.type.range) {
        const ft = ctx.typeRefs.get(f.type) ?? T.error;
        if (!isNumeric(ft) && !isError(ft)) {
          ctx.report(makeDiagnostic('badRange', `${typeName(ft, 'zh')} 类型不能带取值范围`, `a ${typeName(ft, 'en')} cannot have a range`, f.type.range.span));
        }
      }
    }
    if (def.kind === 'EventsDef') reportDuplicates(ctx, def.situations.map(s => s.name), '情形', 'situation');
  }
}

/** Reports repeated names in a list (members, situations, levels). */
export function reportDuplicates(ctx: CheckContext, idents: readonly ast.Ident[], whatZh: string, whatEn: string): void {
  const seen = new Set<string>();
  for (const id of idents) {
    if (seen.has(id.name)) ctx.report(makeDiagnostic('duplicateMember', `${whatZh}重复：${id.name}`, `duplicate ${whatEn}: ${id.name}`, id.span));
    seen.add(id.name);
  }
}
