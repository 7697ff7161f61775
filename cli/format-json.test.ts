// The JSON result shape: exact keys, code-point order, hashes, units only when the rules have them.
import { describe, expect, it } from 'vitest';
import { formatResultJson, toResultJson } from './format-json.ts';
import { sampleResult } from './testing/sample-result.ts';

const hashes = { rules: 'r'.repeat(64), data: 'd'.repeat(64), engine: 'e'.repeat(64) };

describe('toResultJson', () => {
  it('has the documented shape, cadres in code-point order of id', () => {
    const json = toResultJson(sampleResult(), hashes, true) as Record<string, any>;
    expect(Object.keys(json)).toEqual(['ruleset', 'year', 'hashes', 'results', 'units']);
    expect(json.hashes).toEqual(hashes);
    expect(json.results.map((r: any) => r.cadre)).toEqual(['c01', 'c02', 'c10']);
    expect(Object.keys(json.results[0])).toEqual(['cadre', 'name', 'values', 'dispositions', 'decision', 'candidates', 'flags']);
    expect(json.results[1]).toMatchObject({
      cadre: 'c02',
      values: { 目标完成率: 0.88, 受处分: false, 等次: '基本称职' },
      dispositions: [{ name: '诫勉谈话', severity: 1, because: '未完成年度目标' }],
      decision: '诫勉谈话',
      candidates: [],
    });
    expect(json.results[2]).toMatchObject({ decision: null, candidates: ['调离岗位', '降职'] });
    expect(json.units).toEqual([{ unit: 't1', unitKind: '乡镇', name: '一乡', values: { 类别: '经济型', 总分: 82.5 }, dispositions: [], decision: null, candidates: [], flags: [] }]);
  });

  it('leaves units out when the rules have none, and never writes NaN', () => {
    const r = sampleResult();
    const withNaN = { ...r, results: [{ ...r.results[0], values: { x: NaN, y: Infinity } }] };
    const json = toResultJson(withNaN, hashes, false) as Record<string, any>;
    expect('units' in json).toBe(false);
    expect(json.results[0].values).toEqual({ x: null, y: null });
  });

  it('prints the same bytes for the same result, whatever the order of the input rows', () => {
    const a = sampleResult();
    const b = { ...a, results: [...a.results].reverse() };
    expect(formatResultJson(b, hashes, true)).toBe(formatResultJson(a, hashes, true));
    expect(formatResultJson(a, hashes, true).endsWith('}\n')).toBe(true);
  });
});
