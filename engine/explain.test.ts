// Explanations: a removal shows each sub-condition with the three years' ranks; a score goes down to cells and rows.
import { describe, expect, it } from 'vitest';
import { datasetOf, modelOf } from './testing/build.ts';
import { compile } from './compile.ts';
import { evaluate } from './evaluate.ts';
import { explain, type Explanation } from './explain.ts';

const RULES = `ruleset "t" year 2014
input 班子: group
input 综合考核, 民主测评: points 0..100
events 效情形 { 推进工作不力 -3 }
score 年度得分 = weighted { 综合考核 60%, 民主测评 40% } + sum(效情形.分值) round 2 source "考核办法 第五条"
rank 班子排名 = 年度得分 desc within 班子
disposition 免职 severity 5
  when bottom(班子排名, 30%)@-2 and bottom(班子排名, 30%)@-1 and last(班子排名)
  because "连续两年排名靠后，当年末位"
  source "衢委办〔2013〕12号 第三条"
`;

function team(scores: Record<string, number>) {
  return { cadres: Object.entries(scores).map(([id, s]) => ({ id, 班子: 'g', 综合考核: s, 民主测评: s })) };
}

function find(e: Explanation, pred: (x: Explanation) => boolean): Explanation | undefined {
  if (pred(e)) return e;
  for (const c of e.children) { const f = find(c, pred); if (f) return f; }
  return undefined;
}

describe('explain', () => {
  const model = modelOf(RULES);
  const years = {
    2012: team({ a: 90, b: 80, c: 85, y: 60 }),
    2013: team({ a: 88, b: 82, c: 70, y: 65 }),
    2014: { ...team({ a: 91, b: 84, c: 80, y: 75 }), rows: { 效情形: [{ owner: 'y', 日期: '2014-06-12', 情形: '推进工作不力' }] } },
  };
  const data = datasetOf(model, years);
  const compiled = compile(model);
  it('shows each sub-condition of a removal with the three years of ranks, and cites the source', () => {
    expect(evaluate(compiled, data, 2014).toYearResult().results.find(r => r.id === 'y')!.decision).toBe('免职');
    const e = explain(compiled, data, 2014, { cadre: 'y' });
    expect(e.value).toBe('免职');
    const d = e.children[0];
    expect(d.definition).toMatchObject({ name: '免职', source: '衢委办〔2013〕12号 第三条' });
    expect(d.formula).toContain('bottom(班子排名, 30%)@-2');
    expect(d.children.map(c => [c.label, c.value])).toEqual([
      ['bottom(班子排名, 30%)@-2', true], ['bottom(班子排名, 30%)@-1', true], ['last(班子排名)', true],
    ]);
    const ranks = [2012, 2013, 2014].map(y => find(d, x => x.label === '班子排名' && (x.year ?? 2014) === y)?.value);
    expect(ranks).toEqual([4, 4, 4]);
  });
  it('goes down to input cells with their data line and to the event rows', () => {
    const e = explain(compiled, data, 2014, { cadre: 'y', value: '年度得分' });
    expect(e.value).toBe(72);
    expect(e.formula).toBe('weighted { 综合考核 60%, 民主测评 40% } + sum(效情形.分值) round 2');
    expect(e.definition?.source).toBe('考核办法 第五条');
    const cell = find(e, x => x.label === '综合考核')!;
    expect(cell).toMatchObject({ value: 75, origin: { file: 'cadres-2014.csv', line: 5 } });
    const row = find(e, x => x.label.startsWith('效情形：'))!;
    expect(row).toMatchObject({ value: -3, origin: { file: 'rows.csv', line: 2 } });
  });
  it('agrees with the evaluation on the explained value', () => {
    const fast = evaluate(compiled, data, 2014).toYearResult().results;
    for (const r of fast) expect(explain(compiled, data, 2014, { cadre: r.id, value: '班子排名' }).value).toBe(r.values.班子排名);
  });
});
