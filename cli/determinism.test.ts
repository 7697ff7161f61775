// Results do not depend on the machine: two processes with different time zones and locales
// produce byte-identical JSON for the same rules and data.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function evalJson(env: Record<string, string>): string {
  return execFileSync(process.execPath, [
    join(root, 'bin', 'kaoping.mjs'), 'eval',
    '--rules', join(root, 'rules', '2015.kp'), '--data', join(root, 'seeds', 'quzhou'),
    '--year', '2015', '--format', 'json',
  ], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

describe('results across machines', () => {
  it('are byte-identical under another time zone and locale', () => {
    const plain = evalJson({ TZ: 'UTC', LANG: 'C', LC_ALL: 'C' });
    const far = evalJson({ TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' });
    expect(plain.length).toBeGreaterThan(1000);
    expect(JSON.parse(plain).results.length).toBeGreaterThan(2000);
    expect(far).toBe(plain);
  });
});
