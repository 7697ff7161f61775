// The summary command: counting decisions and grades by year, area and township class, and a real run.
import { describe, expect, it } from 'vitest';
import type { EntityResult, YearResult } from '../engine/result.ts';
import { captureIo } from './testing/capture-io.ts';
import { formatSummary, run, summarize } from './summary.ts';

function cadre(id: string, decision: string | null, fired: readonly string[], grade: string | null, cls: string | null): EntityResult {
  return {
    id, name: id, values: { 年度等次: grade, 所在类别: cls },
    dispositions: fired.map(name => ({ name, severity: 1, because: null })),
    decision, candidates: [], flags: [],
  };
}

function year(y: number, results: EntityResult[]): YearResult {
  return { ruleset: 't', year: y, results, units: [] };
}

describe('summarize', () => {
  const results = new Map<number, YearResult>([
    [2013, year(2013, [
      cadre('a', '降职', ['诫勉谈话', '降职'], '不称职', '经济型'),
      cadre('b', null, [], '优秀', null),
      cadre('c', '调离岗位', ['调离岗位'], '称职', '生态型'),
    ])],
    [2014, year(2014, [
      cadre('a', null, [], '称职', '经济型'),
      cadre('b', '免职', ['免职'], null, null),
      // Candidates proposed but nothing decided still counts as handled.
      cadre('c', null, ['组织调整'], '基本称职', '生态型'),
    ])],
  ]);
  const areas: Record<string, string> = { a: '龙游县', b: '市直', c: '开化县' };
  const s = summarize(results, (_y, id) => areas[id]);

  it('counts decisions and handled cadre-years per year and in total', () => {
    expect(s.byYear[2013]).toEqual({ cadres: 3, handled: 2, decisions: { 降职: 1, 调离岗位: 1 }, grades: { 不称职: 1, 优秀: 1, 称职: 1 } });
    expect(s.byYear[2014].handled).toBe(2);
    expect(s.byYear[2014].grades).toEqual({ 称职: 1, 未定等次: 1, 基本称职: 1 });
    expect(s.figures).toEqual({ handled: 4, transferred: 1, demotedOrRemoved: 2 });
  });

  it('slices by area and by township class across the years', () => {
    expect(s.byArea.龙游县).toMatchObject({ cadres: 2, handled: 1, decisions: { 降职: 1 } });
    expect(s.byArea.市直).toMatchObject({ cadres: 2, handled: 1, decisions: { 免职: 1 } });
    expect(s.byClass.生态型).toMatchObject({ cadres: 2, handled: 2, decisions: { 调离岗位: 1 } });
    expect(s.byClass.非乡镇干部.cadres).toBe(2);
  });

  it('prints every section and the totals line', () => {
    const text = formatSummary(s, '测试');
    for (const heading of ['一、处置决定', '二、年度等次', '三、按县（市、区）', '四、按乡镇类别']) expect(text).toContain(heading);
    expect(text).toContain('合计：2013–2014 年共处置 4 人次，其中调离岗位 1 人次，降职、免职 2 人次。');
    expect(text.indexOf('市直')).toBeLessThan(text.indexOf('龙游县'));
  });
});

describe('kaoping summary', () => {
  it('evaluates the seed data with the year\'s rules', async () => {
    const io = captureIo();
    const code = await run(['--years', '2013', '--format', 'json'], io);
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    const s = JSON.parse(io.stdout);
    expect(s.years).toEqual([2013]);
    expect(s.byYear['2013'].cadres).toBeGreaterThan(2900);
    // Every decision counted once, and the areas add up to the year.
    const decided = Object.values(s.byYear['2013'].decisions as Record<string, number>).reduce((x, y) => x + y, 0);
    expect(decided).toBe(s.figures.handled);
    const areaTotal = Object.values(s.byArea as Record<string, { cadres: number }>).reduce((x, c) => x + c.cadres, 0);
    expect(areaTotal).toBe(s.byYear['2013'].cadres);
    expect(Object.keys(s.byArea).sort()).toEqual(['常山县', '市直', '开化县', '柯城区', '江山市', '衢江区', '龙游县'].sort());
  });

  it('refuses an unknown format', async () => {
    await expect(run(['--format', 'xml'], captureIo())).rejects.toThrow('--format');
  });
});
