// Tests of `kaoping check`: text and JSON output, exit codes, English messages, bases found by year.
import { describe, expect, it } from 'vitest';
import { memoryIo, UsageError } from './io.ts';
import { run } from './check.ts';
import { loadRules } from './load-rules.ts';

const GOOD = `ruleset "衢州" year 2013
input 综合考核: points
score 年度得分 = 综合考核
`;
const BAD = `ruleset "衢州" year 2014 extends 2013
input 目标完成率: percent
define 未完成 = 目标完成率 < 100
override score 年度得分 = 综合考合
`;

describe('kaoping check', () => {
  it('prints nothing and exits 0 for a clean file', async () => {
    const io = memoryIo({ 'rules/2013.kp': GOOD });
    expect(await run(['rules/2013.kp'], io)).toBe(0);
    expect(io.stdout).toBe('');
  });

  it('prints one sorted line per diagnostic and exits 1 on errors, finding the base by year', async () => {
    const io = memoryIo({ 'rules/2013.kp': GOOD, 'rules/2014.kp': BAD, 'rules/notes.txt': 'x' });
    expect(await run(['rules/2014.kp'], io)).toBe(1);
    expect(io.stdout).toBe([
      'rules/2014.kp:3:14: error KP302 百分比 目标完成率 不能与数值 100 比较；写作 100%',
      'rules/2014.kp:4:23: error KP201 未定义的名称：综合考合；是否指 综合考核？',
      '',
    ].join('\n'));
  });

  it('prints English messages with --lang en and JSON with --format json', async () => {
    const io = memoryIo({ 'rules/2013.kp': GOOD, 'rules/2014.kp': BAD });
    expect(await run(['--lang', 'en', '--format=json', 'rules/2014.kp'], io)).toBe(1);
    const out = JSON.parse(io.stdout);
    expect(out[0]).toEqual({
      file: 'rules/2014.kp', line: 3, column: 14, endLine: 3, endColumn: 25, severity: 'error', code: 'KP302',
      message: 'percent 目标完成率 compared with number 100; write 100%',
    });
    expect(out).toHaveLength(2);
  });

  it('reports a missing base and exits 0 for warnings only', async () => {
    const io = memoryIo({ 'a/2014.kp': BAD });
    expect(await run(['a/2014.kp'], io)).toBe(1);
    expect(io.stdout).toContain('a/2014.kp:1:32: error KP501');
    const warn = memoryIo({ 'w.kp': `ruleset "w" year 2014\ninput 未用: points\n` });
    expect(await run(['w.kp'], warn)).toBe(0);
    expect(warn.stdout).toBe('w.kp:2:7: warning KP203 输入 未用 未被使用\n');
  });

  it('checks several files in the order given', async () => {
    const io = memoryIo({ 'x/2013.kp': GOOD, 'x/2014.kp': BAD, 'y.kp': `ruleset "y" year 2014\ninput 未用: points\n` });
    await run(['y.kp', 'x/2014.kp'], io);
    expect(io.stdout.split('\n').filter(Boolean).map(l => l.split(':')[0])).toEqual(['y.kp', 'x/2014.kp', 'x/2014.kp']);
  });

  it('refuses bad arguments', async () => {
    await expect(run([], memoryIo())).rejects.toBeInstanceOf(UsageError);
    await expect(run(['--format', 'xml', 'a.kp'], memoryIo())).rejects.toBeInstanceOf(UsageError);
    await expect(run(['--bogus', 'a.kp'], memoryIo())).rejects.toBeInstanceOf(UsageError);
  });

  it('finds bases by the year in their header, the first name in code-point order winning', () => {
    const io = memoryIo({
      'r/b.kp': 'ruleset "b" year 2013\n', 'r/a.kp': 'ruleset "a" year 2013\n', 'r/c.kp': 'ruleset "c" year 2012\n',
      'r/x.txt': 'ruleset "x" year 2011\n', 'r/main.kp': GOOD, 'other/d.kp': 'ruleset "d" year 2010\n',
    });
    const rules = loadRules('r/main.kp', io);
    expect(rules.text).toBe(GOOD);
    expect(rules.loadBase(2013)?.path).toBe('r/a.kp');
    expect(rules.loadBase(2012)?.text).toBe('ruleset "c" year 2012\n');
    expect(rules.loadBase(2011)).toBeUndefined();
    expect(rules.loadBase(2010)).toBeUndefined();
  });
});
