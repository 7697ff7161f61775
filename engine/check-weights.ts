// Weighted sums, weights tables and parameter tables: exact 100% sums, one row per member, `by` an enum.
import type * as ast from '../grammar/ast.ts';
import type { Type } from './model.ts';
import type { CheckContext, Env } from './check-context.ts';
import { makeDiagnostic } from './check-codes.ts';
import { checkExpr, joinAlternatives, reportRule } from './check-expr.ts';
import { membersOf, resolveMember, undefinedDiagnostic } from './check-names.ts';
import { suggest } from './resolve.ts';
import { addType, isError, mulType, T, typeName } from './types.ts';

/** A decimal as an integer count of 10^-scale units. */
interface Scaled {
  readonly units: number;
  readonly scale: number;
}

const MAX_SCALE = 9;

/** Reads a percent as written ("2.5" of `2.5%`) exactly, without binary floating point. */
function scaledPercent(lit: ast.PercentLit): Scaled {
  const m = /^(\d*)(?:\.(\d*))?$/.exec(lit.text.trim());
  if (!m) return { units: Math.round(lit.value * 100 * 100), scale: 2 };
  const frac = (m[2] ?? '').slice(0, MAX_SCALE);
  return { units: Number((m[1] || '0') + frac), scale: frac.length };
}

/** Sums percents exactly (in units of the finest written decimal place). */
export function sumPercents(lits: readonly ast.PercentLit[]): Scaled {
  const parts = lits.map(scaledPercent);
  const scale = parts.reduce((s, p) => Math.max(s, p.scale), 0);
  const units = parts.reduce((s, p) => s + p.units * 10 ** (scale - p.scale), 0);
  return { units, scale };
}

/** 9000 at scale 2 → "90"; 9950 at scale 2 → "99.5". */
export function formatScaled(v: Scaled): string {
  const neg = v.units < 0;
  const digits = String(Math.abs(v.units)).padStart(v.scale + 1, '0');
  const int = digits.slice(0, digits.length - v.scale);
  const frac = digits.slice(digits.length - v.scale).replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? '.' + frac : ''}`;
}

function isHundred(v: Scaled): boolean {
  return v.units === 100 * 10 ** v.scale;
}

/** Checks the items of a weighted block or weights row and returns the type of the weighted sum. */
function checkItems(ctx: CheckContext, items: readonly ast.WeightItem[], env: Env): Type {
  let acc: { e: ast.Expr; t: Type } | undefined;
  for (const item of items) {
    const it = checkExpr(ctx, item.expr, env);
    const term = mulType(it, T.percent);
    if (!term.ok) {
      reportRule(ctx, term, item.expr, { e: item.expr, t: it }, { e: item.expr, t: it }, '加权 / weighted', false);
      continue;
    }
    if (!acc) {
      acc = { e: item.expr, t: term.type };
      continue;
    }
    const sum = addType(acc.t, term.type);
    if (!sum.ok) reportRule(ctx, sum, item.expr, acc, { e: item.expr, t: term.type }, '加权 / weighted', false);
    acc = { e: acc.e, t: sum.ok ? sum.type : T.error };
  }
  return acc?.t ?? T.error;
}

/** `weighted { … }` or `weighted 表名`. */
export function checkWeighted(ctx: CheckContext, e: ast.Weighted, env: Env): Type {
  if (e.items) {
    const t = checkItems(ctx, e.items, env);
    const sum = sumPercents(e.items.map(i => i.weight));
    if (e.items.length > 0 && !isHundred(sum)) {
      ctx.report(makeDiagnostic('weightedSum', `加权合计 ${formatScaled(sum)}%，应为 100%`, `weights sum to ${formatScaled(sum)}%, not 100%`, e.span));
    }
    return t;
  }
  if (!e.table || !e.table.name) return T.error;
  const name = e.table.name;
  const sym = env.scope.lookup(name);
  if (!sym) {
    const tables = env.scope.order.filter(s => s.kind === 'computed' && s.def.kind === 'WeightsDef').map(s => s.name);
    ctx.report(undefinedDiagnostic(ctx, name, e.table.span, suggest(name, tables), '权重表', 'weights table'));
    return T.error;
  }
  ctx.used.add(sym);
  if (sym.kind !== 'computed' || sym.def.kind !== 'WeightsDef') {
    ctx.report(makeDiagnostic('wrongKindOfName', `${name} 不是权重表`, `${name} is not a weights table`, e.table.span));
    return T.error;
  }
  ctx.resolutions.set(e.table, { kind: 'computed', level: env.scope.level, name });
  ctx.read(env, name);
  return ctx.symType(sym);
}

/** Checks a `by` key; returns its members (undefined when it is not an enum). */
function checkKey(ctx: CheckContext, by: ast.Expr, env: Env, what: string): { t: Type; members: readonly string[] | undefined } {
  const t = checkExpr(ctx, by, env);
  const members = membersOf(ctx, t, env.scope);
  if (!members && !isError(t)) {
    ctx.report(makeDiagnostic('keyNotEnum', `${what}的“按”应为枚举，${ctx.quote(by.span)} 是${typeName(t, 'zh')}`,
      `the \`by\` key of a ${what === '权重表' ? 'weights table' : 'parameter table'} must be an enum; ${ctx.quote(by.span)} is ${typeName(t, 'en')}`, by.span));
  }
  return { t, members };
}

/** Checks a row key against the enum; false when it is not a member or a duplicate. */
function checkRowKey(ctx: CheckContext, member: ast.Ident, key: { t: Type; members: readonly string[] | undefined }, seen: Set<string>): void {
  const name = member.name;
  if (seen.has(name)) {
    ctx.report(makeDiagnostic('duplicateRow', `${name} 行重复`, `duplicate row ${name}`, member.span));
    return;
  }
  seen.add(name);
  if (!key.members || key.t.kind !== 'enum') return;
  if (key.members.includes(name)) {
    resolveMember(ctx, member, key.t.enumName, name);
    return;
  }
  const s = suggest(name, key.members);
  ctx.report(makeDiagnostic('rowNotMember', `${name} 不是 ${key.t.enumName} 的成员${s.length ? `；是否指 ${s.join('、')}？` : ''}`,
    `${name} is not a member of ${key.t.enumName}${s.length ? `; did you mean ${s.join(', ')}?` : ''}`, member.span, {
      suggestions: s, fix: s.length ? { title: `改为 ${s[0]}`, edits: [{ span: member.span, text: s[0] }] } : undefined,
    }));
}

/** `weights 能权重 by 类别 { … }`: each row sums to 100%, every member has a row. Returns the sum's type. */
export function checkWeightsDef(ctx: CheckContext, def: ast.WeightsDef, env: Env): Type {
  const key = checkKey(ctx, def.by, env, '权重表');
  const seen = new Set<string>();
  const parts: { e: ast.Expr; t: Type }[] = [];
  for (const row of def.rows) {
    checkRowKey(ctx, row.member, key, seen);
    const t = checkItems(ctx, row.items, env);
    if (row.items.length > 0) parts.push({ e: row.items[0].expr, t });
    const sum = sumPercents(row.items.map(i => i.weight));
    if (!isHundred(sum)) {
      ctx.report(makeDiagnostic('weightsRowSum', `${row.member.name} 行权重合计 ${formatScaled(sum)}%，应为 100%`,
        `row ${row.member.name}: weights sum to ${formatScaled(sum)}%, not 100%`, row.span));
    }
  }
  const missing = key.members?.filter(m => !seen.has(m)) ?? [];
  if (missing.length > 0) {
    ctx.report(makeDiagnostic('weightsMissingRow', `权重表 ${def.name.name} 缺少 ${missing.join('、')} 行`,
      `weights table ${def.name.name} has no row for ${missing.join(', ')}`, def.name.span));
  }
  return joinAlternatives(ctx, def, parts);
}

/** `table 难度系数 by 类别 { 经济型: 1.0 … else: 1.1 }`: every member has a row or there is an `else`. */
export function checkTableDef(ctx: CheckContext, def: ast.TableDef, env: Env): Type {
  const key = checkKey(ctx, def.by, env, '参数表');
  const seen = new Set<string>();
  let hasElse = false;
  const parts: { e: ast.Expr; t: Type }[] = [];
  for (const row of def.rows) {
    if (row.member === 'else') {
      if (hasElse) ctx.report(makeDiagnostic('duplicateRow', '“否则”行重复', 'duplicate `else` row', row.span));
      hasElse = true;
    } else {
      checkRowKey(ctx, row.member, key, seen);
    }
    parts.push({ e: row.value, t: checkExpr(ctx, row.value, env, parts.find(p => !isError(p.t))?.t) });
  }
  const missing = key.members?.filter(m => !seen.has(m)) ?? [];
  if (!hasElse && missing.length > 0) {
    ctx.report(makeDiagnostic('tableMissingRow', `参数表 ${def.name.name} 缺少 ${missing.join('、')} 行，且没有“否则”`,
      `parameter table ${def.name.name} has no row for ${missing.join(', ')} and no \`else\``, def.name.span));
  }
  return joinAlternatives(ctx, def, parts);
}
