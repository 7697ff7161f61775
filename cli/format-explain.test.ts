// The explanation printer: indentation, definition places and sources, history years, data origins,
// the depth cut, and a repeat shown in full when the cut hid its first occurrence.
import { describe, expect, it } from 'vitest';
import { explanationJson, formatExplanation, type ExplainNode } from './format-explain.ts';
import { fixtureModelWithValues } from '../dataset/testing/fixture-model.ts';

const model = {
  ...fixtureModelWithValues(),
  files: [{ file: 'r/2014.kp', year: 2014, text: 'line one\nline two\nscore 完成度 = …\n' }],
};

const tree: ExplainNode = {
  label: '决定：诫勉谈话', value: '诫勉谈话',
  children: [{
    label: '诫勉谈话：未完成年度目标', value: true,
    definition: { name: '诫勉谈话', span: { start: 9, end: 17 }, file: 'r/2014.kp', source: '某文件 第三条' },
    formula: '完成度\n    < 100%',
    children: [
      { label: '完成度', value: 0.88, definition: { name: '完成度', span: { start: 18, end: 30 }, file: 'r/2014.kp' }, children: [] },
      { label: '完成度', value: null, year: 2013, origin: { file: 'records/2013.csv', line: 7 }, children: [] },
      { label: '备注', value: '一\n二', children: [] },
    ],
  }],
};

describe('formatExplanation', () => {
  it('indents children, shows file:line and 依据, formats percent and missing, and one line per node', () => {
    expect(formatExplanation(tree, model, { lang: 'zh', dataDir: 'data' })).toBe([
      '决定：诫勉谈话',
      '└─ 诫勉谈话：未完成年度目标 = 是  [r/2014.kp:2]  依据：某文件 第三条',
      '   │  公式：完成度 < 100%',
      '   ├─ 完成度 = 88%  [r/2014.kp:3]',
      '   ├─ 完成度（2013 年） = 缺失  [数据 data/records/2013.csv:7]',
      '   └─ 备注 = 一⏎二',
      '',
    ].join('\n'));
  });

  it('speaks English on request', () => {
    const text = formatExplanation(tree, model, { lang: 'en' });
    expect(text).toContain('诫勉谈话：未完成年度目标 = yes  [r/2014.kp:2]  source: 某文件 第三条');
    expect(text).toContain('│  formula: 完成度 < 100%');
    expect(text).toContain('完成度 (2013) = missing  [data records/2013.csv:7]');
  });
});

describe('the depth cut', () => {
  const leaf = (label: string, value: number): ExplainNode => ({ label, value, children: [] });
  const 得分: ExplainNode = { label: '得分', value: 70, formula: 'a + b', children: [leaf('a', 30), leaf('b', 40)] };
  const again: ExplainNode = { label: '得分（见上）', value: 70, formula: 'a + b', original: 得分, children: [] };
  // 得分 is first met deep under 排名, then again right under the root.
  const root: ExplainNode = {
    label: '决定：调整', value: '调整',
    children: [{ label: '排名', value: 9, children: [得分] }, { label: '得分 < 80', value: true, children: [again] }],
  };

  it('marks each cut subtree, and shows a repeat in full where its first node was cut away', () => {
    expect(formatExplanation(root, model, { lang: 'zh', depth: 2 })).toBe([
      '决定：调整',
      '├─ 排名 = 9',
      '│  └─ 得分 = 70',
      '│     │  公式：a + b',
      '│     └─ …（用 --depth 查看更深）',
      '└─ 得分 < 80 = 是',
      '   └─ 得分 = 70',
      '      │  公式：a + b',
      '      └─ …（用 --depth 查看更深）',
      '',
    ].join('\n'));
    expect(formatExplanation(root, model, { lang: 'zh', depth: 3 }).split('\n').slice(-3)).toEqual([
      '   └─ 得分（见上） = 70',
      '         公式：a + b',
      '',
    ]);
    expect(formatExplanation(root, model, { lang: 'zh', depth: 0 })).toBe('决定：调整\n└─ …（用 --depth 查看更深）\n');
  });

  it('cuts JSON the same way when asked, and marks the cut nodes', () => {
    const json = explanationJson(root, model, undefined, 1) as any;
    expect(json.children.map((c: any) => [c.label, c.truncated, c.children.length])).toEqual([['排名', true, 0], ['得分 < 80', true, 0]]);
    const whole = explanationJson(root, model) as any;
    expect(whole.children[1].children[0]).toEqual({ label: '得分（见上）', formula: 'a + b', value: 70, children: [] });
  });
});

describe('explanationJson', () => {
  it('gives definitions as file and line, and data origins under the folder', () => {
    const json = explanationJson(tree, model, 'data') as any;
    expect(json.children[0].definition).toEqual({ name: '诫勉谈话', file: 'r/2014.kp', line: 2, source: '某文件 第三条' });
    expect(json.children[0].children[1]).toEqual({ label: '完成度', year: 2013, origin: { file: 'data/records/2013.csv', line: 7 }, value: null, children: [] });
  });
});
