// `kaoping eval`: the three output formats, hashes, determinism, and the exit codes of bad rules,
// bad data and bad usage.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { main } from './main.ts';
import { memoryIo } from './io.ts';
import { captureIo } from './testing/capture-io.ts';
import { dataHash, engineHash, rulesHash } from './hash.ts';
import { readDatasetFolder } from './load-dataset.ts';

const RULES = 'testdata/data/rules/2014.kp';
const GOOD = 'testdata/data/good';

async function evalCli(...args: string[]) {
  const io = captureIo();
  const code = await main(['eval', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

describe('kaoping eval', () => {
  it('prints a table with Chinese headers, the main values, decision and dispositions', async () => {
    const r = await evalCli('--rules', RULES, '--data', GOOD, '--year', '2014');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // 年度得分 = 综合考核 70% + 效 30%; c01 has two 推进工作不力 (−3 each), c02 one 不敢担当 at its own −4.
    expect(r.out).toBe([
      '测试规则 · 2014 年 · 数据：测试数据 · 共 3 人',
      '',
      '编号  姓名   效  年度得分  班子排名  等次  决定      处置',
      '----  ----  ---  --------  --------  ----  --------  --------',
      'c01   甲     94      87.7         1  称职',
      'c02   乙     96      77.8         2  称职  诫勉谈话  诫勉谈话',
      'c03   丙    100        93         1  优秀',
      '',
      '单位：乡镇 (2)',
      '',
      '编号  名称  乡镇得分  乡镇排名',
      '----  ----  --------  --------',
      't1    一乡      81.5         1',
      't2    二镇        77         1',
      '',
    ].join('\n'));
  });

  it('prints the documented JSON with the hashes of rules, data and engine, byte-identical across runs', async () => {
    const a = await evalCli('--rules', RULES, '--data', GOOD, '--year', '2014', '--format', 'json');
    const b = await evalCli('--rules', RULES, '--data', GOOD, '--year', '2014', '--format=json');
    expect(a.code).toBe(0);
    expect(b.out).toBe(a.out);
    const json = JSON.parse(a.out);
    expect(Object.keys(json)).toEqual(['ruleset', 'year', 'hashes', 'results', 'units']);
    expect(json.ruleset).toBe('测试规则');
    expect(json.year).toBe(2014);
    expect(json.hashes).toEqual({
      rules: rulesHash([fs.readFileSync(RULES, 'utf8'), fs.readFileSync('testdata/data/rules/2013.kp', 'utf8')]),
      data: dataHash(readDatasetFolder(GOOD, captureIo())),
      engine: engineHash(),
    });
    expect(json.results.map((r: { cadre: string }) => r.cadre)).toEqual(['c01', 'c02', 'c03']);
    expect(json.results[1]).toMatchObject({
      cadre: 'c02', name: '乙',
      values: { 目标完成率: 0.88, 到任日期: '2012-03-01', 效: 96, 年度得分: 77.8, 等次: '称职' },
      dispositions: [{ name: '诫勉谈话', severity: 1, because: '未完成年度目标' }],
      decision: '诫勉谈话', candidates: [], flags: [],
    });
    expect(json.units.map((u: { unit: string; unitKind: string }) => [u.unitKind, u.unit])).toEqual([['乡镇', 't1'], ['乡镇', 't2']]);
  });

  it('prints CSV of cadres, or of units, in either language', async () => {
    const r = await evalCli('--rules', RULES, '--data', GOOD, '--year', '2014', '--format', 'csv');
    expect(r.out.split('\n')).toEqual([
      '编号,姓名,岗位,班子,所在乡镇,综合考核,目标完成率,受处分,谈话次数,到任日期,效,年度得分,班子排名,等次,决定,候选',
      'c01,甲,乡镇干部,一乡班子,t1,85,120%,是,0,,94,87.7,1,称职,,',
      'c02,乙,乡镇干部,一乡班子,t1,70,88%,否,1,2012-03-01,96,77.8,2,称职,诫勉谈话,',
      'c03,丙,市管领导干部,市领导,,90,100%,,,,100,93,1,优秀,,',
      '',
    ]);
    const u = await evalCli('--rules', RULES, '--data', GOOD, '--year', '2014', '--format', 'csv', '--units', '--lang', 'en');
    expect(u.out).toBe('unitKind,id,name,类别,总分,乡镇得分,乡镇排名,decision,candidates\n乡镇,t1,一乡,复合型,82.5,81.5,1,,\n乡镇,t2,二镇,生态型,77,77,1,,\n');
  });

  it('shows only the chosen values with --values', async () => {
    // 2013: c01 80 × 70% + (100 − 3) × 30% = 85.1; c02 72.5 × 70% + 100 × 30% = 80.75.
    const r = await evalCli('--rules', RULES, '--data', GOOD, '--year', '2013', '--values', '年度得分，目标完成率');
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(2, 6)).toEqual([
      '编号  姓名  年度得分  目标完成率  决定      处置',
      '----  ----  --------  ----------  --------  --------',
      'c01   甲        85.1         95%  诫勉谈话  诫勉谈话',
      'c02   乙       80.75        101%',
    ]);
    expect((await evalCli('--rules', RULES, '--data', GOOD, '--year', '2013', '--values', '不存在')).code).toBe(2);
  });

  it('stops with file:line:column lines and exit 1 on bad data, evaluating nothing', async () => {
    const r = await evalCli('--rules', RULES, '--data', 'testdata/data/bad-rows', '--year', '2014');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toHaveLength(25);
    expect(lines).toContain('testdata/data/bad-rows/records/2014.csv:2:5: error KP621 「综合考核」的值「八十」不是数值');
    expect(lines).toContain('testdata/data/bad-rows/periods/2014.csv:3:2: error KP624 「起」的值「2014/05/01」不是有效日期（应为 YYYY-MM-DD）');
    expect(lines.at(-1)).toBe('数据有 24 个错误，未计算');
  });

  it('reports a year the data does not have', async () => {
    const r = await evalCli('--rules', RULES, '--data', GOOD, '--year', '2016', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toBe('testdata/data/good/dataset.yaml:3:8: error KP605 the dataset has no year 2016 (it has 2013, 2014)\n1 errors in the data; nothing evaluated\n');
  });

  it('stops with the rules\' errors and exit 1 before reading any data', async () => {
    const io = memoryIo({ 'r.kp': 'ruleset "x" year 2014\ninput 甲: points\nscore 乙 = 甲 + 丙\n' });
    const code = await main(['eval', '--rules', 'r.kp', '--data', 'nowhere', '--year', '2014'], io);
    expect(code).toBe(1);
    expect(io.stderr).toMatch(/^r\.kp:3:15: error KP201 /);
    expect(io.stderr.endsWith('规则有错误，未计算\n')).toBe(true);
  });

  it('exits 2 on wrong usage', async () => {
    for (const args of [
      ['--rules', RULES, '--data', GOOD],
      ['--rules', RULES, '--data', GOOD, '--year', '2014', '--format', 'xml'],
      ['--rules', RULES, '--data', GOOD, '--year', '14'],
      ['--rules', RULES, '--data', GOOD, '--year', '2014', '--bogus'],
      ['--rules', RULES, '--data', GOOD, '--year', '2014', 'extra'],
    ]) {
      const r = await evalCli(...args);
      expect(r.code).toBe(2);
      expect(r.err).toContain('kaoping eval');
    }
  });
});
