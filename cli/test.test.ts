// `kaoping test`: ✓/✗ per test, failures with expected and actual values at the expectation, the
// closing count, and exit 1 on a failure or on rule errors.
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { memoryIo } from './io.ts';
import { captureIo } from './testing/capture-io.ts';

async function testCli(...args: string[]) {
  const io = captureIo();
  const code = await main(['test', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

describe('kaoping test', () => {
  it('passes a file whose tests all hold (history, rows, units)', async () => {
    const r = await testCli('testdata/data/tests/pass.kp');
    expect(r).toEqual({
      code: 0,
      out: '✓ 两次未完成目标，第二年组织调整\n✓ 乡镇按类别排名\n2 passed, 0 failed（通过 2 项，失败 0 项）\n',
      err: '',
    });
  });

  it('lists each differing value with the expectation\'s position, and exits 1', async () => {
    const r = await testCli('--lang', 'en', 'testdata/data/tests/fail.kp', 'testdata/data/tests/pass.kp');
    expect(r.code).toBe(1);
    expect(r.out).toBe([
      'testdata/data/tests/fail.kp',
      '✓ 通过的测试',
      '✗ 预期有误',
      '    testdata/data/tests/fail.kp:19:14: error KP801 2014 甲 年度得分: expected 81, got 80',
      '    testdata/data/tests/fail.kp:19:25: error KP801 2014 甲 班子排名: expected 1, got 2',
      '    testdata/data/tests/fail.kp:19:35: error KP801 2014 甲 目标完成率: expected 90%, got 95%',
      '    testdata/data/tests/fail.kp:19:48: error KP801 2014 甲 诫勉谈话: expected no, got yes',
      '    testdata/data/tests/fail.kp:20:14: error KP801 2014 乙 决定: expected 诫勉谈话, got missing',
      '✗ 预期了没有给出的人',
      '    testdata/data/tests/fail.kp:25:10: error KP803 丁 is not given in 2014; nothing to expect',
      'testdata/data/tests/pass.kp',
      '✓ 两次未完成目标，第二年组织调整',
      '✓ 乡镇按类别排名',
      '3 passed, 2 failed',
      '',
    ].join('\n'));
  });

  it('runs no tests of a file with rule errors and exits 1', async () => {
    const io = memoryIo({ 'r.kp': 'ruleset "x" year 2014\nscore 乙 = 丙\ntest "t" { given 甲 { } expect 甲 { 乙 = 1 } }\n' });
    const code = await main(['test', 'r.kp'], io);
    expect(code).toBe(1);
    expect(io.stdout).toMatch(/^r\.kp:2:11: error KP201 .*\nr\.kp：规则有错误，未运行测试\n0 passed, 0 failed/);
  });

  it('exits 2 without a file or with an unknown option', async () => {
    expect((await testCli()).code).toBe(2);
    expect((await testCli('--bogus', 'x.kp')).code).toBe(2);
  });
});
