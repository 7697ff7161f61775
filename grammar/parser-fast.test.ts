// The parser's shortcuts for lone leaves (parser-expr.ts, `fastPaths`) change nothing: with them on
// and off, every rule file, every cut and damaged copy of one, and generated programs parse to the
// same AST and diagnostics, also under small nesting limits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { tokenize } from './lexer.ts';
import { parse } from './parse.ts';
import { parser } from './parser.ts';
import { generateProgramText } from './testing/arbitrary.ts';
import { kpFiles } from './testing/kp-files.node.ts';

const root = join(import.meta.dirname, '..');

function bothWays(text: string, maxDepth?: number): [string, string] {
  const options = maxDepth === undefined ? {} : { maxDepth };
  const fast = JSON.stringify(parse(text, options));
  parser.fastPaths = false;
  try {
    return [fast, JSON.stringify(parse(text, options))];
  } finally {
    parser.fastPaths = true;
  }
}

/**
 * The text without one token, with two tokens swapped, and cut after a token, at `count` places
 * spread over it: the shapes where a leaf meets an error.
 */
function damaged(text: string, count: number): string[] {
  const tokens = tokenize(text).filter(t => t.kind !== 'comment');
  const out: string[] = [];
  const step = Math.max(1, Math.floor(tokens.length / count));
  for (let i = 3; i < tokens.length; i += step) {
    const s = tokens[i].span;
    out.push(text.slice(0, s.start) + text.slice(s.end));
    out.push(text.slice(0, s.end));
    const next = tokens[i + 1];
    if (next) out.push(text.slice(0, s.start) + text.slice(next.span.start, next.span.end) + text.slice(s.end, next.span.start) + text.slice(s.start, s.end) + text.slice(next.span.end));
  }
  return out;
}

it('reads every rule file, damaged copies and generated programs alike with and without the shortcuts', () => {
  const sources = [
    ...kpFiles(join(root, 'testdata')), ...kpFiles(join(root, 'rules')),
  ].map(p => readFileSync(p, 'utf8'));
  sources.push(...Array.from({ length: 30 }, (_, i) => generateProgramText(500 + i, { maxItems: 6, maxDepth: 4 })));
  let compared = 0;
  const mismatches: string[] = [];
  for (const source of sources) {
    for (const text of [source, ...damaged(source, 5)]) {
      // Small nesting limits move where the shortcuts stop applying; short texts show that well enough.
      for (const depth of text.length < 1500 ? [undefined, 1, 2] : [undefined]) {
        const [fast, slow] = bothWays(text, depth);
        compared++;
        if (fast !== slow && mismatches.length < 3) mismatches.push(`depth ${depth ?? '-'}: ${JSON.stringify(text.slice(0, 200))}`);
      }
    }
  }
  expect(mismatches).toEqual([]);
  expect(compared).toBeGreaterThan(1_500);
});
