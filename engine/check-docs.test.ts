// docs/diagnostics.md is complete and true: every code in the source is documented, every checker example fails as shown.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES } from './check-codes.ts';
import { analyze } from './pipeline.ts';

const repo = path.join(import.meta.dirname, '..');
const doc = readFileSync(path.join(repo, 'docs', 'diagnostics.md'), 'utf8');

/** Codes written in the non-test sources of a folder. */
function codesIn(folder: string): string[] {
  const codes = new Set<string>();
  for (const name of readdirSync(path.join(repo, folder))) {
    if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
    for (const m of readFileSync(path.join(repo, folder, name), 'utf8').matchAll(/\bKP\d{3}\b/g)) codes.add(m[0]);
  }
  return [...codes].sort();
}

/** Codes the document describes: in a heading or in a table row. */
const documented = new Set(doc.split('\n').filter(l => /^(#|\|)/.test(l)).flatMap(l => l.match(/\bKP\d{3}\b/g) ?? []));

describe('docs/diagnostics.md', () => {
  it('documents every code used in engine/ and grammar/', () => {
    const missing = [...codesIn('engine'), ...codesIn('grammar')].filter(c => !documented.has(c));
    expect(missing).toEqual([]);
  });

  for (const info of Object.values(CODES)) {
    it(`${info.code}: the example fails with the documented message`, () => {
      const section = doc.split(/^### /m).find(s => s.startsWith(`${info.code}\n`));
      expect(section, `no section for ${info.code}`).toBeDefined();
      expect(section).toContain(`**${info.severity}** — ${info.title}.`);
      const blocks = [...section!.matchAll(/^```(kp(?: base)?)\n([\s\S]*?)^```$/gm)].map(m => ({ base: m[1] === 'kp base', text: m[2] }));
      const quotes = [...section!.matchAll(/^> (.+)$/gm)].map(m => m[1]);
      const withHeader = (t: string) => (/^(ruleset|规则集)/.test(t) ? t : `ruleset "示例" year 2014\n${t}`);
      const yearOf = (t: string) => Number(/(?:year|年度) (\d{4})/.exec(t)![1]);
      const texts = blocks.map(b => ({ ...b, text: withHeader(b.text) }));
      const main = texts.find(b => !b.base)!;
      const byYear = new Map(texts.map(b => [yearOf(b.text), b.text]));
      const r = analyze(main.text, {
        path: `${yearOf(main.text)}.kp`,
        loadBase: y => (byYear.has(y) ? { path: `${y}.kp`, text: byYear.get(y)! } : undefined),
      });
      const d = r.diagnostics.find(x => x.code === info.code);
      expect(d, `${info.code} not reported; got ${r.diagnostics.map(x => x.code).join(' ')}`).toBeDefined();
      expect(quotes).toEqual([d!.message, d!.messageEn]);
    });
  }
});
