// Every KP6xx example in docs/diagnostics.md is loaded and must report exactly the quoted lines.
/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { analyze } from '../engine/pipeline.ts';
import { loadDataset, formatDataDiagnostic, type DatasetFile } from './index.ts';

const doc = Object.values(import.meta.glob('../docs/diagnostics.md', { query: '?raw', import: 'default', eager: true }))[0] as string;

const DEFAULTS: Record<string, string> = {
  'dataset.yaml': 'name: 示例\nyears: [2014]\ncadres: cadres.csv\nrecords: records/{year}.csv\n',
  'cadres.csv': 'id,name\nc01,甲\nc02,乙\n',
  'records/2014.csv': 'id\nc01\nc02\n',
};

interface Example {
  readonly code: string;
  readonly rules: string;
  readonly files: Map<string, string>;
  readonly quotes: string[];
}

/** The examples of one section: a `kp` block, files as "`path`:" followed by a block, quoted lines. */
function examples(section: string): Example[] {
  return section.split(/^### /m).slice(1).map(part => {
    const code = part.slice(0, part.indexOf('\n')).trim();
    const rules = /```kp\n([\s\S]*?)```/.exec(part)?.[1] ?? '';
    const files = new Map<string, string>();
    for (const m of part.matchAll(/^`([^`]+)`[:：]\n```\w*\n([\s\S]*?)```/gm)) files.set(m[1], m[2]);
    const quotes = [...part.matchAll(/^> (.+)$/gm)].map(m => m[1]);
    return { code, rules, files, quotes };
  });
}

const section = doc.slice(doc.indexOf('## KP6xx'), doc.indexOf('## KP7xx'));
const list = examples(section);

describe('KP6xx examples in docs/diagnostics.md', () => {
  it('has an example for every data code the loader reports', () => {
    expect(list.map(e => e.code)).toEqual([
      'KP601', 'KP602', 'KP603', 'KP604', 'KP605', 'KP610', 'KP611', 'KP612', 'KP613', 'KP614',
      'KP620', 'KP621', 'KP622', 'KP623', 'KP624', 'KP625', 'KP630', 'KP631', 'KP632', 'KP633', 'KP634', 'KP635', 'KP640',
    ]);
  });

  for (const e of list) {
    it(`${e.code} reports the quoted lines`, () => {
      const text = e.rules.startsWith('ruleset') ? e.rules : `ruleset "示例" year 2014\n${e.rules}`;
      const a = analyze(text, { path: 'example.kp' });
      expect(a.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
      const merged = new Map(Object.entries(DEFAULTS));
      for (const [k, v] of e.files) merged.set(k, v);
      const files: DatasetFile[] = [...merged].map(([path, t]) => ({ path, text: t }));
      const r = loadDataset(files, a.model, { year: 2014 });
      const zh = r.diagnostics.map(d => formatDataDiagnostic(d, 'zh'));
      const en = r.diagnostics.map(d => formatDataDiagnostic(d, 'en'));
      expect(e.quotes.length).toBeGreaterThan(0);
      expect(e.quotes.filter(q => !zh.includes(q) && !en.includes(q))).toEqual([]);
      expect(r.diagnostics.every(d => d.code === e.code)).toBe(true);
    });
  }
});
