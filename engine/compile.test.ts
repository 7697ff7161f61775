// The compiler: fused kernels, and generated code that never contains a name from the rule file.
import { describe, expect, it } from 'vitest';
import { modelOf } from './testing/build.ts';
import { compile } from './compile.ts';

const RULES = `ruleset "t" year 2014
enum 乡镇类别 { 经济型 生态型 }
input 类别: 乡镇类别
input 班子: group
input alpha, beta: points 0..100
weights W by 类别 { 经济型: alpha 60%, beta 40%  生态型: alpha 40%, beta 60% }
score total = weighted W round 2
define 一乡 = 班子 == "一乡"
rank R = total desc within 班子
score pct = R / size(R)
disposition Y severity 2 when total < 60 because "低"
disposition X severity 3 when pct > 0.9 and 一乡 because "末段"
`;

describe('compile', () => {
  const compiled = compile(modelOf(RULES));
  const kernels = compiled.current.filter(e => e.kind === 'kernel');
  it('fuses row-wise steps around the rank into two loops', () => {
    expect(compiled.current.map(e => (e.kind === 'kernel' ? 'kernel' : e.step.kind))).toEqual(['kernel', 'rank', 'kernel']);
  });
  it('never splices a name, text or label from the rules into generated code', () => {
    const names = ['乡镇类别', '经济型', '生态型', '类别', '班子', 'alpha', 'beta', 'total', '一乡', 'pct', '低', '末段', 'W', 'R', 'X', 'Y'];
    for (const k of kernels) {
      if (k.kind !== 'kernel') continue;
      const code = k.source.replace(/\b(H_\w+|H\.\w+)\b/g, '');
      for (const n of names) expect(code.includes(n), `${n} in\n${k.source}`).toBe(false);
    }
    // the text constant reaches the kernel as data
    expect(kernels.flatMap(k => (k.kind === 'kernel' ? k.consts : []))).toEqual([{ text: '一乡' }]);
  });
  it('evaluates earlier years only for what history reads', () => {
    expect(compiled.past).toEqual([]);
  });
});
