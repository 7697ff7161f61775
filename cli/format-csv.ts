// The CSV form of a year's results: one row per cadre (or unit), one column per value, then the
// decision and the candidates — for spreadsheets.
import type { RuleSetModel } from '../engine/model.ts';
import { compareIds, type EntityResult, type UnitResult, type Value, type YearResult } from '../engine/result.ts';
import { formatNumber, valueTypes, type Lang } from './format-value.ts';
import type { Type } from '../engine/model.ts';

/** RFC 4180 quoting: only when a cell holds a comma, quote, line break or edge space. */
export function csvCell(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A value as the dataset format writes it: percent in points with `%`, 是/否 (or true/false), missing empty. */
function csvValue(v: Value | undefined, type: Type | undefined, lang: Lang): string {
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '';
  if (typeof v === 'boolean') return lang === 'en' ? String(v) : v ? '是' : '否';
  if (typeof v === 'number') return type?.kind === 'percent' ? `${formatNumber(v * 100)}%` : String(Object.is(v, -0) ? 0 : v);
  return v;
}

function rowsOf(results: readonly EntityResult[], types: Map<string, Type>, lead: (r: EntityResult) => string[], lang: Lang, header: string[]): string {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const r of results) for (const k of Object.keys(r.values)) if (!seen.has(k)) { seen.add(k); names.push(k); }
  const en = lang === 'en';
  const lines = [[...header, ...names, en ? 'decision' : '决定', en ? 'candidates' : '候选']];
  for (const r of results) {
    lines.push([...lead(r), ...names.map(n => csvValue(r.values[n], types.get(n), lang)), r.decision ?? '', r.candidates.join('|')]);
  }
  return lines.map(l => l.map(csvCell).join(',')).join('\n') + '\n';
}

/** Cadres, in code-point order of id. */
export function formatResultCsv(model: RuleSetModel, result: YearResult, lang: Lang): string {
  const sorted = [...result.results].sort((a, b) => compareIds(a.id, b.id));
  const en = lang === 'en';
  return rowsOf(sorted, valueTypes(model), r => [r.id, r.name], lang, en ? ['id', 'name'] : ['编号', '姓名']);
}

/** Units of every kind (by kind, then id), the values of all kinds side by side. */
export function formatUnitCsv(model: RuleSetModel, result: YearResult, lang: Lang): string {
  const sorted = [...result.units].sort((a, b) => compareIds(a.unitKind, b.unitKind) || compareIds(a.id, b.id));
  const types = new Map<string, Type>();
  for (const u of model.units) for (const [k, t] of valueTypes(model, u.unitKind)) if (!types.has(k)) types.set(k, t);
  const en = lang === 'en';
  return rowsOf(sorted, types, r => [(r as UnitResult).unitKind, r.id, r.name], lang, en ? ['unitKind', 'id', 'name'] : ['单位类别', '编号', '名称']);
}
