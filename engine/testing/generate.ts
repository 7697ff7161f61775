// Random rule sets and random data for differential tests: every program is valid Kaoping (scores,
// weights, matches, tiers, rows and group aggregates, ranks and rank tests, grades with quotas, history,
// streaks, units with a link, dispositions with candidates), and the data has ties, gaps and missing cells.
import type { YearSpec, Row } from './build.ts';
import { mulberry32 } from '../../grammar/testing/prng.ts';

/** A small seeded PRNG; tests only — the engine never draws random numbers. */
export const rng = mulberry32;

class Pick {
  constructor(readonly r: () => number) {}
  int(lo: number, hi: number): number { return lo + Math.floor(this.r() * (hi - lo + 1)); }
  one<T>(xs: readonly T[]): T { return xs[Math.floor(this.r() * xs.length)]; }
  chance(p: number): boolean { return this.r() < p; }
}

const HEADER = `ruleset "随机" year 2014
enum 类 { 甲 乙 丙 }
unit 乡 {
  input 乡分: points 0..100 optional
  rank 乡名次 = 乡分 desc
}
input 组: group
input 类别: 类 optional
input 所在乡: 乡 optional
input x1, x2, x3: points 0..100 optional
input f1: bool optional
events 事 { A -2  B -5 }
records 票 { v: number }
`;

/** Generates one rule set: the fixed header plus random definitions. */
export function generateRules(seed: number): string {
  const p = new Pick(rng(seed));
  const scores: string[] = [];
  // Scores come before the rank (its key is one of them), so only what follows the rank may read it.
  let ranked = false;
  const lines: string[] = [HEADER];
  const num = (d: number): string => {
    const leaves = ['x1', 'x2', 'x3', ...scores, String(p.int(0, 9)), `${p.int(0, 99)}.${p.int(0, 9)}5`];
    if (d <= 0 || p.chance(0.3)) return p.one(leaves);
    switch (p.int(0, 15)) {
      case 0: case 1: return `(${num(d - 1)} ${p.one(['+', '-', '*', '/'])} ${num(d - 1)})`;
      case 2: return `(if ${cond(d - 1)} then ${num(d - 1)} else ${num(d - 1)})`;
      case 3: return `(match 类别 { 甲 => ${num(d - 1)}  乙, 丙 => ${num(d - 1)} })`;
      case 4: { const w = p.int(1, 99); return `weighted { ${num(d - 1)} ${w}%, ${num(d - 1)} ${100 - w}% }`; }
      case 5: return `clamp(${num(d - 1)}, 10, 90)`;
      case 6: return `${p.one(['abs', 'floor', 'ceil'])}(${num(d - 1)})`;
      case 7: return `${p.one(['min', 'max'])}(${num(d - 1)}, ${num(d - 1)})`;
      case 8: return `(${p.one(['x1', 'x2', 'x3'])} ?? ${p.int(0, 50)})`;
      case 9: return `${p.one(['x1', 'x2', ...scores])}@-${p.int(1, 2)}`;
      case 10: return p.one(['sum(事.分值)', 'count(事 where 情形 == A)', 'mean(票.v)', 'max(票.v where v > 3)', '(share(票 where v >= 5) * 100)', 'count(事 where month(日期) <= 6)']);
      case 11: return `${p.one(['max', 'min', 'mean', 'sum'])}(${p.one(['x1', 'x2', ...scores])} within 组${p.chance(0.5) ? ' where f1' : ''})`;
      case 12: return `(tiers { ${num(d - 1)} >= 50 => ${num(d - 1)}  else => ${p.int(0, 9)} })`;
      case 13: return `(所在乡.乡分 ?? 0)`;
      case 14: return p.one(['streak(x1 >= 50)', 'years(x2 < 60, -2..0)', 'count(within 组)', ...(ranked ? ['size(名次)'] : [])]);
      default: return ranked ? p.one(['名次', '(名次 ?? 0)']) : p.one(leaves);
    }
  };
  const cond = (d: number): string => {
    if (d <= 0 || p.chance(0.3)) {
      return p.one([
        `${num(0)} ${p.one(['<', '<=', '>', '>=', '==', '!='])} ${num(0)}`, 'f1', 'has(x3)', '类别 == 甲', '类别 in {乙, 丙}',
        'last(所在乡.乡名次)', ...(ranked ? ['bottom(名次, 30%)', 'top(名次, 2)', 'last(名次)', 'first(名次)'] : []),
      ]);
    }
    switch (p.int(0, 4)) {
      case 0: return `(${cond(d - 1)} and ${cond(d - 1)})`;
      case 1: return `(${cond(d - 1)} or ${cond(d - 1)})`;
      case 2: return `not (${cond(d - 1)})`;
      case 3: return `(${cond(d - 1)})@-1`;
      default: return `${num(d - 1)} ${p.one(['<', '>=', '=='])} ${num(d - 1)}`;
    }
  };
  const k = p.int(2, 5);
  for (let s = 0; s < k; s++) {
    const round = p.chance(0.5) ? ` round ${p.int(0, 2)}` : '';
    lines.push(`score s${s} = ${num(3)}${round}`);
    scores.push(`s${s}`);
  }
  const key = p.one(scores);
  const tb = p.chance(0.5) ? ` tiebreak ${p.one(['x1', 'x2'])} ${p.one(['asc', 'desc'])}` : '';
  const where = p.chance(0.3) ? ' where has(x1)' : '';
  ranked = true;
  lines.push(`rank 名次 = ${key} ${p.one(['desc', 'asc'])} within 组${where}${tb}`);
  lines.push(`define c0 = ${cond(2)}`);
  lines.push(`score after = ${num(2)} round 1`);
  const share = p.int(1, 6) * 10;
  lines.push(`grade 等次 by ${p.one(scores)} {
  优 >= ${p.int(30, 70)} quota ${share}% within 组 ${p.one(['up', 'down', 'nearest'])} unless ${cond(1)}
  良 > ${p.int(10, 29)}
  差
  ungraded when not has(x2)
}`);
  lines.push(`define 是优 = 等次 == 优`);
  lines.push(`disposition D3 severity 3 when ${cond(2)} candidates D1, D2 because "候选"`);
  lines.push(`disposition D2 severity 2 when ${cond(2)} because "二"`);
  lines.push(`disposition D1 severity 1 when ${cond(2)} because "一"`);
  lines.push(`define 上年 = 决定@-1 == D2`);
  return lines.join('\n') + '\n';
}

/** Random data for the generated rules: three years, some cadres absent earlier, ties and missing cells. */
export function generateData(seed: number): Record<number, YearSpec> {
  const p = new Pick(rng(seed ^ 0x5bd1e995));
  const n = p.int(3, 14);
  const ids = Array.from({ length: n }, (_, k) => `c${String(p.int(0, 99)).padStart(2, '0')}${k}`);
  const units = ['u1', 'u2', 'u3'];
  const val = () => (p.chance(0.12) ? null : p.chance(0.4) ? p.one([50, 60, 70, 59.995, 1.005, 80.5]) : p.int(0, 1000) / 10);
  const out: Record<number, YearSpec> = {};
  for (const year of [2012, 2013, 2014]) {
    const present = ids.filter(() => year === 2014 || p.chance(0.8));
    const cadres: Row[] = present.map(id => ({
      id, 组: p.one(['g1', 'g2', 'g3']), 类别: p.chance(0.1) ? null : p.one(['甲', '乙', '丙']),
      所在乡: p.chance(0.15) ? null : p.one(units), x1: val(), x2: val(), x3: val(), f1: p.chance(0.1) ? null : p.chance(0.5),
    }));
    if (p.chance(0.5)) cadres.reverse();
    const events: Row[] = [];
    const votes: Row[] = [];
    for (const c of present) {
      for (let e = p.int(0, 3); e > 0; e--) {
        events.push({ owner: c, 日期: `${year}-${String(p.int(1, 12)).padStart(2, '0')}-${String(p.int(1, 28)).padStart(2, '0')}`, 情形: p.one(['A', 'B']), 分值: p.chance(0.2) ? -p.int(1, 4) : null });
      }
      for (let v = p.int(0, 3); v > 0; v--) votes.push({ owner: c, v: p.chance(0.1) ? null : p.int(0, 9) });
    }
    const unitRows: Row[] = units.filter(() => p.chance(0.9)).map(id => ({ id, 乡分: p.chance(0.1) ? null : p.one([40, 50, 60, 70]) }));
    out[year] = { cadres, units: { 乡: unitRows }, rows: { 事: events, 票: votes } };
  }
  return out;
}
