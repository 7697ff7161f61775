// Runs each rule set's own `测试` blocks through `kaoping test`, so they are part of the test suite.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../cli/testing/capture-io.ts';
import { run } from '../cli/test.ts';

const RULES = path.dirname(new URL(import.meta.url).pathname);

describe('the rule sets\' own tests', () => {
  it.each([2013, 2014, 2015])('rules/%i.kp passes every test it carries', async year => {
    const io = captureIo();
    const code = await run([path.join(RULES, `${year}.kp`)], io);
    expect(io.stderr).toBe('');
    expect(io.stdout).toMatch(/(\d+) passed, 0 failed/);
    expect(Number(/(\d+) passed/.exec(io.stdout)![1])).toBeGreaterThanOrEqual(4);
    expect(code).toBe(0);
  });
});
