// Tests of the stage table: order, sorted diagnostics from every stage, and the speed of parse+check.
import { describe, expect, it } from 'vitest';
import { compareDiagnostics } from '../grammar/diagnostic.ts';
import { check } from './check.ts';
import { analyze, STAGES } from './pipeline.ts';

/** A valid rule file of about `lines` lines: blocks of inputs, a weights table, scores, a rank, a grade, dispositions. */
function generate(lines: number): string {
  const out = ['ruleset "生成" year 2015', 'enum 类别 { 甲 乙 丙 }', 'input 类: 类别', 'input 班子: group', 'input 完成率: percent 0..200'];
  for (let g = 1; out.length < lines; g++) {
    const x = (k: number) => `组${g}项${k}`;
    out.push(
      `input ${x(1)}, ${x(2)}, ${x(3)}: points 0..100`,
      `weights 组${g}权重 by 类 {`,
      `  甲: ${x(1)} 50%, ${x(2)} 50%;`,
      `  乙: ${x(1)} 33.33%, ${x(2)} 33.33%, ${x(3)} 33.34%;`,
      `  丙: ${x(3)} 100%`,
      '}',
      `score 组${g}分 = weighted 组${g}权重 round 2`,
      `score 组${g}总 = if 完成率 >= 100% then 组${g}分 else 组${g}分 * 90%`,
      `rank 组${g}名次 = 组${g}总 desc within 班子 tiebreak ${x(1)} desc`,
      `grade 组${g}等次 by 组${g}总 { 优 >= 90 quota 15% within 班子  良 >= 70  差 }`,
      `disposition 组${g}警示 severity ${g + 1} when 组${g}总 < 60 and last(组${g}名次) because "末位"`,
      '',
    );
  }
  return out.join('\n') + '\n';
}

describe('pipeline', () => {
  it('runs parse, then check', () => {
    expect(STAGES.map(s => s.name)).toEqual(['parse', 'check']);
  });

  it('returns the diagnostics of every stage, sorted', () => {
    const text = `ruleset "x" year 2014
input a: points
score b = a +
score c = 不存在 + a
score d = a + 100%`;
    const r = analyze(text, { path: 'x.kp' });
    const codes = r.diagnostics.map(d => d.code);
    expect(codes.some(c => c.startsWith('KP1'))).toBe(true);
    expect(codes).toContain('KP201');
    expect(codes).toContain('KP301');
    expect([...r.diagnostics].sort(compareDiagnostics)).toEqual(r.diagnostics);
    expect(r.model.cadre.computed.map(c => c.name)).toContain('c');
  });

  it('parses and checks a generated 5,000-line file without errors; the check takes bounded time', () => {
    const text = generate(5000);
    const first = analyze(text, { path: 'gen.kp' });
    expect(first.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
    expect(first.model.cadre.computed.length).toBeGreaterThan(2000);
    const t0 = performance.now();
    check(first.file, { path: 'gen.kp', text });
    // The target is far lower (npm run bench); this bound only catches a quadratic pass on a busy machine.
    expect(performance.now() - t0).toBeLessThan(1500);
  });
});
