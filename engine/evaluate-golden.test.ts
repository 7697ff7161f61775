// Evaluation goldens: each testdata/eval/good/<case>.kp with <case>.data.json (plain rows per year) is
// evaluated; the year result must equal the reference interpreter's and the committed golden file.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { datasetOf, modelOf, type YearSpec } from './testing/build.ts';
import { compile } from './compile.ts';
import { evaluate } from './evaluate.ts';
import { evaluateReference } from './reference.ts';

const DIR = path.join(import.meta.dirname, '..', 'testdata', 'eval', 'good');
const cases = fs.readdirSync(DIR).filter(f => f.endsWith('.kp')).map(f => f.slice(0, -3)).sort();

describe('evaluation goldens', () => {
  for (const name of cases) {
    it(name, async () => {
      const model = modelOf(fs.readFileSync(path.join(DIR, `${name}.kp`), 'utf8'), `${name}.kp`);
      const years = JSON.parse(fs.readFileSync(path.join(DIR, `${name}.data.json`), 'utf8')) as Record<number, YearSpec>;
      const data = datasetOf(model, years);
      const year = Math.max(...Object.keys(years).map(Number));
      const result = evaluate(compile(model), data, year).toYearResult();
      expect(result).toEqual(evaluateReference(model, data, year));
      await expect(JSON.stringify(result, null, 2) + '\n').toMatchFileSnapshot(path.join(DIR, `${name}.eval.golden`));
    });
  }
});
