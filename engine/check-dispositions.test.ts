// Tests of the exclusivity proof behind the equal-severity warning, and of the decision order.
import { describe, expect, it } from 'vitest';
import type * as ast from '../grammar/ast.ts';
import { analyze } from './pipeline.ts';
import { provablyExclusive } from './check-dispositions.ts';

function conditions(a: string, b: string) {
  const text = `ruleset "x" year 2014
enum 岗位类别 { 甲 乙 丙 }
input 岗位: 岗位类别
input 分: points
input 率: percent
input 受处分: bool
disposition A severity 1 when ${a} because "a"
disposition B severity 1 when ${b} because "b"`;
  const r = analyze(text, { path: 'x.kp' });
  const whens = r.model.cadre.computed.filter(c => c.def.kind === 'DispositionDef').map(c => (c.def as ast.DispositionDef).when);
  return { exclusive: provablyExclusive(whens[0], whens[1], r.model.resolutions), codes: r.diagnostics.map(d => d.code) };
}

describe('provablyExclusive', () => {
  const cases: [string, string, boolean][] = [
    ['分 < 60', '分 >= 60', true],
    ['分 < 60', '分 > 50', false],
    ['分 <= 60', '分 >= 60', false],
    ['分 < 60 and 受处分', '60 <= 分', true],
    ['率 < 80%', '率 >= 80% and 率 < 100%', true],
    ['岗位 == 甲', '岗位 == 乙', true],
    ['岗位 == 甲', '岗位 == 岗位类别.甲', false],
    ['岗位 in {甲, 乙}', '岗位 == 丙', true],
    ['岗位 in {甲, 乙}', '岗位 in {乙, 丙}', false],
    ['受处分', 'not 受处分', true],
    ['(受处分) and 分 > 1', 'not (受处分)', true],
    ['受处分 or 分 < 1', 'not 受处分', false],
    ['分 == 3', '分 == 4', true],
  ];
  for (const [a, b, expected] of cases) {
    it(`${a}  vs  ${b}: ${expected ? 'exclusive' : 'may overlap'}`, () => {
      const r = conditions(a, b);
      expect(r.exclusive).toBe(expected);
      expect(r.codes.includes('KP414')).toBe(!expected);
    });
  }
});

describe('decision order', () => {
  it('is severity, then priority, then written order', () => {
    const r = analyze(`ruleset "x" year 2014
input 分: points
disposition 甲 severity 1 when 分 < 1 because "."
disposition 乙 severity 3 when 分 < 2 because "."
disposition 丙 severity 3 priority 2 when 分 < 3 because "."
disposition 丁 severity 3 priority 1 when 分 < 4 because "."
disposition 戊 severity 1 priority 0 when 分 > 5 because "."`, { path: 'x.kp' });
    expect(r.model.dispositions).toEqual(['丙', '丁', '乙', '甲', '戊']);
  });
});
