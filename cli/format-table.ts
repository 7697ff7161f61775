// Plain-text tables for terminals: columns aligned by display width, East Asian wide
// characters counting as two columns, numbers right-aligned.
import type { RuleSetModel } from '../engine/model.ts';
import type { EntityResult, YearResult } from '../engine/result.ts';
import { formatValue, mainValueNames, valueTypes, type Lang } from './format-value.ts';

/** Whether a code point is East Asian Wide or Fullwidth (UAX #11), i.e. two terminal columns. */
function isWide(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) || (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd);
}

/** Combining marks and zero-width characters take no column. */
function isZeroWidth(cp: number): boolean {
  return (cp >= 0x300 && cp <= 0x36f) || cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfeff;
}

/** The number of terminal columns a string takes. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    w += isZeroWidth(cp) ? 0 : isWide(cp) ? 2 : 1;
  }
  return w;
}

export type Align = 'left' | 'right';

/** Lays out rows under headers, two spaces between columns, a dashed rule under the header. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[]): string {
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map(r => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) => cells.map((c, i) => {
    const pad = ' '.repeat(widths[i] - displayWidth(c));
    return align[i] === 'right' ? pad + c : i === cells.length - 1 ? c : c + pad;
  }).join('  ').replace(/\s+$/, '');
  const out = [line(headers), widths.map(w => '-'.repeat(w)).join('  '), ...rows.map(line)];
  return out.join('\n') + '\n';
}

export interface TableOptions {
  readonly lang: Lang;
  /** Values to show; default: the scores, ranks and grades. */
  readonly values?: readonly string[];
}

function decisionText(r: EntityResult, lang: Lang): string {
  if (r.candidates.length > 0) return `${lang === 'en' ? 'choose: ' : '候选：'}${r.candidates.join('/')}`;
  return r.decision ?? '';
}

function levelTable(model: RuleSetModel, results: readonly EntityResult[], unitKind: string | undefined, opts: TableOptions): string {
  const types = valueTypes(model, unitKind);
  const main = mainValueNames(model, unitKind);
  const first = results[0];
  const names = opts.values ?? (first ? Object.keys(first.values).filter(n => main.has(n)) : [...main]);
  const en = opts.lang === 'en';
  const hasDispositions = unitKind === undefined || results.some(r => r.dispositions.length > 0 || r.candidates.length > 0);
  const headers = [en ? 'id' : '编号', en ? 'name' : (unitKind === undefined ? '姓名' : '名称'), ...names];
  if (hasDispositions) headers.push(en ? 'decision' : '决定', en ? 'fired' : '处置');
  const align: Align[] = ['left', 'left', ...names.map(n => {
    const k = types.get(n)?.kind;
    return k === 'points' || k === 'percent' || k === 'number' || k === 'count' ? 'right' as const : 'left' as const;
  }), 'left', 'left'];
  const rows = results.map(r => {
    const cells = [r.id, r.name, ...names.map(n => formatValue(r.values[n], types.get(n), opts.lang))];
    if (hasDispositions) cells.push(decisionText(r, opts.lang), r.dispositions.map(d => d.name).join(en ? ', ' : '、'));
    return cells;
  });
  let out = renderTable(headers, rows, align);
  const flagged = results.filter(r => r.flags.length > 0);
  if (flagged.length > 0) {
    out += `\n${en ? 'To review:' : '提示（请人工复核）：'}\n`;
    for (const r of flagged) for (const f of r.flags) out += `  ${r.id} ${r.name} · ${f.definition}：${f.message}\n`;
  }
  return out;
}

/** The readable form of a year's results: a title line, the cadres' table, then one table per unit kind. */
export function formatYearTable(model: RuleSetModel, result: YearResult, dataName: string, opts: TableOptions): string {
  const en = opts.lang === 'en';
  let out = en
    ? `${result.ruleset} · ${result.year} · data: ${dataName} · ${result.results.length} cadres\n\n`
    : `${result.ruleset} · ${result.year} 年 · 数据：${dataName} · 共 ${result.results.length} 人\n\n`;
  out += levelTable(model, result.results, undefined, opts);
  const kinds = [...new Set(result.units.map(u => u.unitKind))];
  for (const kind of kinds) {
    const units = result.units.filter(u => u.unitKind === kind);
    out += `\n${en ? `units: ${kind}` : `单位：${kind}`} (${units.length})\n\n`;
    out += levelTable(model, units, kind, { lang: opts.lang });
  }
  return out;
}
