// The seed rule files are in the formatter's canonical layout, so `kaoping fmt --check rules/*.kp` passes on them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from '../grammar/parse.ts';
import { format } from '../grammar/print.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('rules/*.kp', () => {
  for (const name of fs.readdirSync(here).filter(f => f.endsWith('.kp')).sort()) {
    it(`${name} is formatted`, () => {
      const text = fs.readFileSync(path.join(here, name), 'utf8');
      expect(format(parse(text).file, { source: text })).toBe(text);
    });
  }
});
