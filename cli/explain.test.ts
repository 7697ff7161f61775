// `kaoping explain`: the tree behind a decision (with last year's disposition) cut at three levels
// unless --depth says otherwise, a value, a unit's value, JSON, and the exit codes of an absent
// subject or wrong usage.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { main } from './main.ts';
import { memoryIo } from './io.ts';

const RULES = 'testdata/data/rules/2014.kp';
const DATA = 'testdata/data/good';

/** The fixture folders in memory, with c01 missing the 2014 target (85%) after missing it in 2013 (95%). */
function io() {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of fs.readdirSync(d)) {
      const p = path.join(d, n);
      if (fs.statSync(p).isDirectory()) walk(p);
      else files[p] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(DATA);
  walk('testdata/data/rules');
  files[`${DATA}/records/2014.csv`] = files[`${DATA}/records/2014.csv`].replace('"120%"', '85');
  return memoryIo(files);
}

async function explainCli(...args: string[]) {
  const m = io();
  const code = await main(['explain', '--rules', RULES, '--data', DATA, '--year', '2014', ...args], m);
  return { code, out: m.stdout, err: m.stderr };
}

describe('kaoping explain', () => {
  const WHOLE = [
    '决定：组织调整',
    '├─ 组织调整：连续未完成目标 = 是  [testdata/data/rules/2014.kp:3]',
    '│  │  公式：目标完成率 < 90% and 诫勉谈话@-1',
    '│  ├─ 目标完成率 < 90% = 是',
    '│  │  └─ 目标完成率 = 85%  [testdata/data/rules/2013.kp:19]  [数据 testdata/data/good/records/2014.csv:3]',
    '│  └─ 诫勉谈话@-1（2013 年） = 是',
    '│     └─ 诫勉谈话：未完成年度目标（2013 年） = 是  [testdata/data/rules/2013.kp:40]',
    '│        │  公式：目标完成率 < 100%',
    '│        └─ 目标完成率（2013 年） = 95%  [testdata/data/rules/2013.kp:19]  [数据 testdata/data/good/records/2013.csv:2]',
    '└─ 诫勉谈话：未完成年度目标 = 是  [testdata/data/rules/2013.kp:40]',
    '   │  公式：目标完成率 < 100%',
    '   └─ 目标完成率 = 85%  [testdata/data/rules/2013.kp:19]  [数据 testdata/data/good/records/2014.csv:3]',
    '',
  ];

  it('shows the decision, every fired disposition and last year\'s disposition behind it, four levels deep', async () => {
    const r = await explainCli('--cadre', 'c01');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // This fixture's tree is five levels deep at most: the default cut (four) reaches last year's
    // 诫勉谈话 and its condition's input, so the whole tree shows — the same as --depth 4.
    expect(r.out).toBe(WHOLE.join('\n'));
    expect(r.out).toBe((await explainCli('--cadre', 'c01', '--depth', '4')).out);
    // One level less cuts that input, and says so.
    expect((await explainCli('--cadre', 'c01', '--depth', '3')).out).toBe([
      ...WHOLE.slice(0, 8),
      '│        └─ …（用 --depth 查看更深）',
      ...WHOLE.slice(9),
    ].join('\n'));
  });

  it('--depth all shows the whole tree, --depth N cuts below level N', async () => {
    expect((await explainCli('--cadre', 'c01', '--depth', 'all')).out).toBe(WHOLE.join('\n'));
    expect((await explainCli('--cadre', 'c01', '--depth', '9')).out).toBe(WHOLE.join('\n'));
    expect((await explainCli('--cadre', 'c01', '--depth=1', '--lang', 'en')).out).toBe([
      '决定：组织调整',
      '├─ 组织调整：连续未完成目标 = yes  [testdata/data/rules/2014.kp:3]',
      '│  │  formula: 目标完成率 < 90% and 诫勉谈话@-1',
      '│  └─ … (use --depth to see more)',
      '└─ 诫勉谈话：未完成年度目标 = yes  [testdata/data/rules/2013.kp:40]',
      '   │  formula: 目标完成率 < 100%',
      '   └─ … (use --depth to see more)',
      '',
    ].join('\n'));
  });

  it('JSON is whole unless --depth is given; then cut nodes say truncated', async () => {
    const whole = JSON.parse((await explainCli('--cadre', 'c01', '--format', 'json')).out);
    const nodes = (n: any): any[] => [n, ...n.children.flatMap(nodes)];
    expect(nodes(whole).find(n => n.label === '目标完成率' && n.year === 2013)).toMatchObject({ value: 0.95 });
    expect(nodes(whole).some(n => 'truncated' in n)).toBe(false);
    const cut = JSON.parse((await explainCli('--cadre', 'c01', '--format', 'json', '--depth', '1')).out);
    expect(cut.children.map((c: any) => [c.definition.name, c.truncated, c.children])).toEqual([
      ['组织调整', true, []], ['诫勉谈话', true, []],
    ]);
  });

  it('explains one value down to the event rows, with the legal source', async () => {
    const r = await explainCli('--cadre', 'c01', '--value', '年度得分', '--lang', 'en');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    // 85 × 70% + (100 − 3 − 3) × 30% = 87.7
    expect(lines[0]).toBe('年度得分 = 87.7  [testdata/data/rules/2013.kp:32]  source: 测试文件 第一条');
    expect(r.out).toContain('备注=河道垃圾⏎未清理 = -3  [data testdata/data/good/events/2014.csv:3]');
  });

  it('explains a unit\'s value as JSON', async () => {
    const r = await explainCli('--unit', '乡镇:t1', '--value', '乡镇排名', '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ label: '乡镇排名', value: 1, definition: { name: '乡镇排名', file: 'testdata/data/rules/2013.kp', line: 12 } });
    // A unit's input cell names the line of its record, like a cadre's.
    expect(json.children[0].children[0]).toMatchObject({ label: '总分', value: 82.5, origin: { file: 'testdata/data/good/township-records/2014.csv', line: 3 } });
    expect(json.children[0].children[1].children[0]).toEqual({
      label: '乡镇督查：扣分=1', origin: { file: 'testdata/data/good/inspections/2014.csv', line: 2 }, value: 1, children: [],
    });
  });

  it('exits 1 for a cadre, unit or value that is not there, and 2 on wrong usage', async () => {
    expect(await explainCli('--cadre', 'c99')).toEqual({ code: 1, out: '', err: '2014 年数据中没有干部 c99\n' });
    expect((await explainCli('--unit', '乡镇:t9')).code).toBe(1);
    expect((await explainCli('--unit', '部门:t1')).code).toBe(1);
    expect((await explainCli('--cadre', 'c01', '--value', '不存在')).err).toBe('没有名为 不存在 的值\n');
    expect((await explainCli()).code).toBe(2);
    expect((await explainCli('--cadre', 'c01', '--unit', '乡镇:t1')).code).toBe(2);
    expect((await explainCli('--unit', 't1')).code).toBe(2);
    expect((await explainCli('--cadre', 'c01', '--format', 'table')).code).toBe(2);
    for (const d of ['-1', 'deep', '2.5']) {
      const r = await explainCli('--cadre', 'c01', `--depth=${d}`);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--depth');
    }
  });
});
