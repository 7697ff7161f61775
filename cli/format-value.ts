// How a value is shown to a person: percent as %, yes/no in words, missing as 缺失 — one place
// for the table, the CSV and the explanation tree.
import type { RuleSetModel, Type } from '../engine/model.ts';
import type { Value } from '../engine/result.ts';

export type Lang = 'zh' | 'en';

/** The type of every input and computed value of one level (cadre, or a unit kind), by name. */
export function valueTypes(model: RuleSetModel, unitKind?: string): Map<string, Type> {
  const level = unitKind === undefined ? model.cadre : model.units.find(u => u.unitKind === unitKind);
  const types = new Map<string, Type>();
  if (!level) return types;
  for (const i of level.inputs) types.set(i.name, i.type);
  for (const c of level.computed) types.set(c.name, c.type);
  return types;
}

/**
 * The names shown by default in a table: scores, ranks and grades — what a reader looks for
 * first — leaving out inputs, `define`d helper values, parameter tables and the dispositions
 * (shown in their own columns).
 */
export function mainValueNames(model: RuleSetModel, unitKind?: string): Set<string> {
  const level = unitKind === undefined ? model.cadre : model.units.find(u => u.unitKind === unitKind);
  const names = new Set<string>();
  for (const c of level?.computed ?? []) {
    const shown = c.def.kind === 'ScoreDef' ? c.def.form === 'score' : c.def.kind === 'RankDef' || c.def.kind === 'GradeDef';
    if (shown) names.add(c.name);
  }
  return names;
}

/**
 * A number as a person writes it: at most six decimals, no trailing zeros, no exponent for
 * everyday magnitudes, and never `-0`. Binary noise such as 0.1 + 0.2 is not shown.
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '' : n > 0 ? '∞' : '-∞';
  const fixed = Math.abs(n) < 1e15 ? Number(n.toFixed(6)) : n;
  const s = Object.is(fixed, -0) ? '0' : String(fixed);
  return s;
}

export function missingText(lang: Lang): string {
  return lang === 'en' ? 'missing' : '缺失';
}

/** A value for display; `type` tells a percent (a fraction) from a plain number. */
export function formatValue(v: Value | undefined, type: Type | undefined, lang: Lang): string {
  if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return missingText(lang);
  if (typeof v === 'boolean') return lang === 'en' ? (v ? 'yes' : 'no') : v ? '是' : '否';
  if (typeof v === 'number') return type?.kind === 'percent' ? `${formatNumber(v * 100)}%` : formatNumber(v);
  return v;
}
