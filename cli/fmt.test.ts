// `kaoping fmt`: printing, --write, --check, --lang, refusal on syntax errors, usage errors.
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { memoryIo } from './io.ts';
import { run } from './fmt.ts';

const messy = '输入   综合考核 : 分值 0..100   # 综合\nscore 年度得分=综合考核*50%+1\n';
const tidy = '输入 综合考核: 分值 0..100  # 综合\n\n得分 年度得分 = 综合考核 * 50% + 1\n';
const tidyEn = 'input 综合考核: points 0..100  # 综合\n\nscore 年度得分 = 综合考核 * 50% + 1\n';

describe('kaoping fmt', () => {
  it('prints the formatted text of one file, keywords in the language most of the file uses', async () => {
    const io = memoryIo({ 'a.kp': messy });
    expect(await run(['a.kp'], io)).toBe(0);
    expect(io.stdout).toBe(tidy);
    expect(io.files['a.kp']).toBe(messy);
  });

  it('rewrites keywords and built-in names into the language of --lang', async () => {
    const io = memoryIo({ 'a.kp': messy });
    expect(await run(['--lang', 'en', 'a.kp'], io)).toBe(0);
    expect(io.stdout).toBe(tidyEn);
    const io2 = memoryIo({ 'a.kp': tidyEn });
    expect(await run(['--lang=zh', 'a.kp'], io2)).toBe(0);
    expect(io2.stdout).toBe(tidy);
  });

  it('rewrites the files that change with --write and leaves the others alone', async () => {
    const io = memoryIo({ 'a.kp': messy, 'b.kp': tidy });
    let writes = 0;
    const write = io.writeFile.bind(io);
    io.writeFile = (p, t) => { writes++; write(p, t); };
    expect(await run(['--write', 'a.kp', 'b.kp'], io)).toBe(0);
    expect(io.files).toEqual({ 'a.kp': tidy, 'b.kp': tidy });
    expect(writes).toBe(1);
    expect(io.stdout).toBe('');
  });

  it('lists the files that would change with --check and exits 1', async () => {
    const io = memoryIo({ 'a.kp': messy, 'b.kp': tidy });
    expect(await run(['--check', 'a.kp', 'b.kp'], io)).toBe(1);
    expect(io.stdout).toBe('a.kp\n');
    expect(io.files['a.kp']).toBe(messy);
    const clean = memoryIo({ 'b.kp': tidy });
    expect(await run(['--check', 'b.kp'], clean)).toBe(0);
    expect(clean.stdout).toBe('');
  });

  it('refuses a file with syntax errors: prints its diagnostics, exits 1 and writes nothing', async () => {
    const broken = 'score 甲 = 1\nscore 乙 = (2 +\n';
    const io = memoryIo({ 'a.kp': messy, 'bad.kp': broken });
    expect(await run(['--write', 'a.kp', 'bad.kp'], io)).toBe(1);
    expect(io.files).toEqual({ 'a.kp': messy, 'bad.kp': broken });
    expect(io.stdout).toBe('');
    expect(io.stderr).toMatch(/^bad\.kp:\d+:\d+: error KP1\d\d \S/m);
    for (const l of io.stderr.trim().split('\n')) expect(l).toMatch(/^bad\.kp:\d+:\d+: error KP1\d\d /);
  });

  it('reports wrong usage with exit code 2 through the command dispatcher', async () => {
    const cases: string[][] = [[], ['--lang', 'fr', 'a.kp'], ['--write', '--check', 'a.kp'], ['a.kp', 'b.kp'], ['--bogus', 'a.kp']];
    for (const args of cases) {
      const io = memoryIo({ 'a.kp': tidy, 'b.kp': tidy });
      expect(await main(['fmt', ...args], io)).toBe(2);
      expect(io.stderr).toMatch(/usage: kaoping fmt|unknown option|--lang|exclude|no file|several files/);
    }
  });

  it('reports a missing file with exit code 2', async () => {
    const io = memoryIo({});
    expect(await main(['fmt', 'nope.kp'], io)).toBe(2);
    expect(io.stderr).toContain('nope.kp');
  });
});
