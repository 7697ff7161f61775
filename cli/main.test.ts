// The command dispatcher: usage, unknown commands and per-command help.
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { memoryIo } from './io.ts';

describe('kaoping', () => {
  it('lists the commands and exits 2 when called without one', async () => {
    const io = memoryIo();
    expect(await main([], io)).toBe(2);
    for (const name of ['check', 'fmt', 'eval', 'explain', 'test', 'summary']) expect(io.stdout).toContain(name);
  });

  it('rejects an unknown command with exit 2 and the usage on stderr', async () => {
    const io = memoryIo();
    expect(await main(['evaluate'], io)).toBe(2);
    expect(io.stderr).toContain('unknown command: evaluate');
  });

  it('prints a command\'s usage on stdout for --help and exits 0', async () => {
    const io = memoryIo();
    expect(await main(['eval', '--help'], io)).toBe(0);
    expect(io.stdout).toContain('kaoping eval --rules');
    expect(io.stdout).not.toContain('--help');
    expect(io.stderr).toBe('');
  });

  it('reports an unreadable file without a stack trace', async () => {
    const io = memoryIo();
    expect(await main(['check', 'nowhere.kp'], io)).not.toBe(0);
    expect(io.stderr + io.stdout).toContain('nowhere.kp');
    expect(io.stderr).not.toContain('    at ');
  });
});
