// Hashes: stable, sensitive to every byte and to how text is split into parts.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { dataHash, engineHash, engineSources, rulesHash, sha256 } from './hash.ts';

describe('hashes', () => {
  it('is sha256 over length-prefixed parts', () => {
    const expected = createHash('sha256').update('6\n考评').digest('hex');
    expect(sha256(['考评'])).toBe(expected);
    expect(sha256(['ab', 'c'])).not.toBe(sha256(['a', 'bc']));
  });

  it('hashes rules in the given order, the data regardless of file order', () => {
    expect(rulesHash(['a', 'b'])).not.toBe(rulesHash(['b', 'a']));
    const files = [{ path: 'b.csv', text: '1' }, { path: 'a.csv', text: '2' }];
    expect(dataHash(files)).toBe(dataHash([...files].reverse()));
    expect(dataHash(files)).not.toBe(dataHash([{ path: 'b.csv', text: '2' }, { path: 'a.csv', text: '1' }]));
  });

  it('hashes the sources of grammar/ and engine/ without tests, and sees any change', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-hash-'));
    try {
      fs.mkdirSync(path.join(root, 'engine/testing'), { recursive: true });
      fs.mkdirSync(path.join(root, 'grammar'));
      fs.writeFileSync(path.join(root, 'engine/a.ts'), 'export const a = 1;\n');
      fs.writeFileSync(path.join(root, 'engine/a.test.ts'), 'test\n');
      fs.writeFileSync(path.join(root, 'engine/testing/h.ts'), 'helper\n');
      fs.writeFileSync(path.join(root, 'grammar/b.ts'), 'export const b = 2;\n');
      expect(engineSources(root).map(f => f.path)).toEqual(['engine/a.ts', 'grammar/b.ts']);
      const before = engineHash(root);
      fs.writeFileSync(path.join(root, 'engine/a.test.ts'), 'changed test\n');
      expect(engineHash(root)).toBe(before);
      fs.writeFileSync(path.join(root, 'engine/a.ts'), 'export const a = 2;\n');
      expect(engineHash(root)).not.toBe(before);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
    expect(engineHash()).toMatch(/^[0-9a-f]{64}$/);
  });
});
