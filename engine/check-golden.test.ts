// Golden tests of the checker: testdata/check/good/*.kp check clean; bad/<case>.kp → <case>.check.golden.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLocated, locate } from '../grammar/diagnostic.ts';
import { LineMap } from '../grammar/span.ts';
import { analyze } from './pipeline.ts';
import { CODES } from './check-codes.ts';

const root = path.join(import.meta.dirname, '..', 'testdata', 'check');

/** Base files of a case are named `<case>.<year>.kp`; they are not cases of their own. */
const BASE_FILE = /\.\d{4}\.kp$/;

function cases(dir: string): string[] {
  return readdirSync(path.join(root, dir)).filter(n => n.endsWith('.kp') && !BASE_FILE.test(n)).sort();
}

/** Finds `<case>.<year>.kp` beside the case, or the case itself when its header has that year. */
function loaderFor(dir: string, name: string, ownYear: number | undefined) {
  const stem = name.slice(0, -'.kp'.length);
  return (year: number) => {
    const file = year === ownYear ? name : `${stem}.${year}.kp`;
    try {
      return { path: file, text: readFileSync(path.join(root, dir, file), 'utf8') };
    } catch {
      return undefined;
    }
  };
}

function run(dir: string, name: string) {
  const text = readFileSync(path.join(root, dir, name), 'utf8');
  const year = /(?:year|年度)\s+(\d{4})/.exec(text)?.[1];
  const result = analyze(text, { path: name, loadBase: loaderFor(dir, name, year ? Number(year) : undefined) });
  const lines = new LineMap(text);
  return { result, lines: result.diagnostics.map(d => formatLocated(locate(name, lines, d))) };
}

describe('good rule files check without any diagnostic', () => {
  for (const name of cases('good')) {
    it(name, () => {
      expect(run('good', name).lines).toEqual([]);
    });
  }
});

describe('bad rule files give the diagnostics of their golden file', () => {
  for (const name of cases('bad')) {
    it(name, async () => {
      const { lines } = run('bad', name);
      const golden = path.join(root, 'bad', name.replace(/\.kp$/, '.check.golden'));
      await expect(lines.join('\n') + '\n').toMatchFileSnapshot(golden);
    });
  }

  it('cover every checker code, each in the case named after it', () => {
    const all = new Set<string>();
    for (const name of cases('bad')) {
      const { result } = run('bad', name);
      for (const d of result.diagnostics) all.add(d.code);
      const named = /^kp(\d{3})/.exec(name)?.[1];
      if (named) expect(result.diagnostics.map(d => d.code), name).toContain(`KP${named}`);
    }
    const missing = Object.values(CODES).map(c => c.code).filter(c => !all.has(c));
    expect(missing).toEqual([]);
  });
});
