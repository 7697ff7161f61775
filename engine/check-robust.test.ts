// The checker never throws: mutated golden files and rule sets still give a model and diagnostics.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from './pipeline.ts';
import { definitionExprs, walkExprs } from './check-walk.ts';

const root = path.join(import.meta.dirname, '..', 'testdata', 'check');
const sources = ['good', 'bad'].flatMap(d => readdirSync(path.join(root, d)).filter(n => n.endsWith('.kp')).map(n => readFileSync(path.join(root, d, n), 'utf8')));

/** Fragments that make typical mistakes when dropped into a rule file. */
const PIECES = ['(', ')', '{', '}', ' and ', ' not ', '@-1', '.', ',', ' within 班子 ', ' where ', '%', '100', '"x"', ' else ', ' => ',
  'missing', '决定', 'override ', 'remove 效 ', '\n', ' 年度得分 ', ' sum(', ' match 岗位 {', 'tiers {', ' ?? ', '==', ' unit 乡镇 { '];

describe('robustness', () => {
  it('checks 300 seeded mutations of the golden files without throwing, typing every expression', () => {
    let seed = 20140612;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      let t = sources[rnd(sources.length)];
      for (let j = 1 + rnd(3); j > 0; j--) {
        const at = rnd(t.length + 1);
        const op = rnd(3);
        if (op === 0) t = t.slice(0, at) + PIECES[rnd(PIECES.length)] + t.slice(at);
        else if (op === 1) t = t.slice(0, at) + t.slice(at + 1 + rnd(12));
        else {
          const from = rnd(t.length);
          t = t.slice(0, at) + t.slice(from, from + rnd(40)) + t.slice(at);
        }
      }
      const r = analyze(t, { path: 'm.kp', loadBase: y => (y === 2013 ? { path: 'b.kp', text: sources[0] } : undefined) });
      const roots = [r.model.cadre, ...r.model.units].flatMap(l => l.computed.flatMap(c => definitionExprs(c.def)));
      let untyped = 0;
      walkExprs(roots, e => void (r.model.types.has(e) || untyped++));
      expect(untyped, t).toBe(0);
    }
  });
});
