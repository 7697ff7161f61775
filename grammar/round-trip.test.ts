// The formatter's laws, on golden files, on the reference's examples and on generated programs (fast-check).
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleFile } from './ast.ts';
import { tokenize } from './lexer.ts';
import { parse } from './parse.ts';
import { format, type FormatOptions } from './print.ts';
import { BUILTINS } from './vocabulary.ts';
import { arbitraryRuleFile, generateProgramText, generateRuleFile, seededChoices } from './testing/arbitrary.ts';
import { kpFiles } from './testing/kp-files.node.ts';

const root = path.resolve(import.meta.dirname, '..');
const fmtDir = path.join(root, 'testdata/fmt');

/** Parses text that must be valid; fails the test with the diagnostics otherwise. */
function parseValid(text: string): RuleFile {
  const { file, diagnostics } = parse(text);
  const errors = diagnostics.filter(d => d.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`does not parse:\n${errors.map(d => `${d.code} @${d.span.start}: ${d.message}`).join('\n')}\n--- text ---\n${text}`);
  }
  return file;
}

function fmt(text: string, options: FormatOptions = {}): string {
  return format(parseValid(text), { ...options, source: text });
}

const canonical = (kind: 'type' | 'function', name: string): string =>
  BUILTINS.find(b => b.builtin === kind && (b.en === name || b.zh.includes(name)))?.id ?? name;

/**
 * What a file means, for comparison: the tree without spans, comments or keyword language, with
 * built-in type and function names in one spelling (the formatter may translate them).
 * Parentheses are kept: the formatter must print them as written.
 */
function meaning(file: RuleFile): unknown {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(x => walk(x));
    if (typeof v !== 'object' || v === null) return v;
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) {
      if (k === 'span' || k === 'comments' || k === 'keywordLang' || o[k] === undefined) continue;
      out[k] = walk(o[k]);
    }
    if (o.kind === 'Call') out.callee = canonical('function', (o.callee as { name: string }).name);
    if (o.kind === 'TypeRef') out.name = canonical('type', (o.name as { name: string }).name);
    return out;
  };
  return walk(file);
}

function commentTexts(file: RuleFile): string[] {
  return file.comments.map(c => c.text.replace(/\s+$/, '')).sort();
}

/** Every law for one source text: idempotent, same meaning, comments kept, languages interchangeable. */
function checkLaws(text: string): void {
  const original = parseValid(text);
  const once = fmt(text);
  expect(fmt(once)).toBe(once);
  const reparsed = parseValid(once);
  expect(meaning(reparsed)).toEqual(meaning(original));
  expect(commentTexts(reparsed)).toEqual(commentTexts(original));
  const en = fmt(text, { lang: 'en' });
  const zh = fmt(text, { lang: 'zh' });
  expect(fmt(en, { lang: 'zh' })).toBe(zh);
  expect(fmt(zh, { lang: 'en' })).toBe(en);
  expect(meaning(parseValid(en))).toEqual(meaning(original));
  expect(commentTexts(parseValid(zh))).toEqual(commentTexts(original));
}

const cases = fs.readdirSync(fmtDir).filter(f => f.endsWith('.kp')).sort();

describe('golden files (testdata/fmt)', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(0));
  for (const name of cases) {
    const base = name.slice(0, -'.kp'.length);
    const text = fs.readFileSync(path.join(fmtDir, name), 'utf8');
    it(`${base}: formats as the goldens say`, async () => {
      await expect(fmt(text)).toMatchFileSnapshot(path.join(fmtDir, `${base}.fmt.golden`));
      await expect(fmt(text, { lang: 'en' })).toMatchFileSnapshot(path.join(fmtDir, `${base}.en.golden`));
      await expect(fmt(text, { lang: 'zh' })).toMatchFileSnapshot(path.join(fmtDir, `${base}.zh.golden`));
    });
    it(`${base}: obeys the laws`, () => checkLaws(text));
  }
});

describe('examples of docs/language.md', () => {
  const doc = fs.readFileSync(path.join(root, 'docs/language.md'), 'utf8');
  const blocks = [...doc.matchAll(/```kp\n([\s\S]*?)```/g)].map(m => m[1]);
  it('has examples', () => expect(blocks.length).toBeGreaterThan(0));
  blocks.forEach((block, i) => {
    it(`example ${i + 1} obeys the laws`, () => checkLaws(block));
  });
});

describe('every rule file of the repository that parses', () => {
  const files = [...kpFiles(path.join(root, 'rules')), ...kpFiles(path.join(root, 'testdata'))]
    .filter(f => !f.startsWith(fmtDir + path.sep));
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    if (parse(text).diagnostics.some(d => d.severity === 'error')) continue;
    it(`${path.relative(root, f)} obeys the laws`, () => checkLaws(text));
  }
});

/** Inserts a numbered comment at the end of some lines and on lines of its own between others. */
function sprinkleComments(text: string, picks: readonly number[]): { text: string; count: number } {
  const lines = text.split('\n');
  const out: string[] = [];
  let count = 0;
  lines.forEach((l, i) => {
    const p = picks[i % picks.length] ?? 0;
    if (p % 5 === 1) out.push(`${' '.repeat(p % 7)}# 注释 own ${count++}`);
    out.push(p % 5 === 2 && l.trim() !== '' ? `${l}  # 注释 end ${count++}` : l);
  });
  return { text: out.join('\n'), count };
}

/** Breaks lines after some tokens with a comment: comments in the middle of definitions and expressions. */
function commentsBetweenTokens(text: string, picks: readonly number[]): { text: string; count: number } {
  const cuts = tokenize(text)
    .filter(t => t.kind !== 'comment' && text[t.span.end] === ' ')
    .map(t => t.span.end)
    .filter((_, i) => (picks[i % picks.length] ?? 0) % 4 === 1);
  let out = '';
  let from = 0;
  cuts.forEach((at, i) => {
    out += `${text.slice(from, at)}  # 注释 mid ${i}\n`;
    from = at + 1;
  });
  return { text: out + text.slice(from), count: cuts.length };
}

/** Every `kind` in grammar/ast.ts. */
const ALL_KINDS = [
  'RuleFile', 'Header', 'Remove', 'UnitBlock', 'EnumDef', 'TypeRef', 'InputDef', 'FieldDecl', 'RecordsDef', 'Situation',
  'EventsDef', 'PeriodsDef', 'ScoreDef', 'WeightItem', 'WeightsRow', 'WeightsDef', 'TableRow', 'TableDef', 'SortKey',
  'RankDef', 'Quota', 'GradeLevel', 'GradeDef', 'DispositionDef', 'Given', 'Expect', 'Assignment', 'TestCase',
  'NumberLit', 'PercentLit', 'StringLit', 'BoolLit', 'MissingLit', 'NameRef', 'MemberAccess', 'Unary', 'Binary', 'InSet',
  'Call', 'History', 'If', 'MatchArm', 'Match', 'TierArm', 'Tiers', 'Weighted', 'Paren', 'RangeLit', 'Ident',
];

describe('the program generator', () => {
  it('is deterministic for a seed', () => {
    expect(generateProgramText(42)).toBe(generateProgramText(42));
    expect(generateProgramText(42)).not.toBe(generateProgramText(43));
  });

  it('reaches every kind of node, every operator and the optional parts', () => {
    const seen = new Set<string>();
    const visit = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(visit);
      if (typeof v !== 'object' || v === null) return;
      const o = v as Record<string, unknown>;
      if (typeof o.kind === 'string') seen.add(o.kind);
      if (o.kind === 'Binary' || o.kind === 'Unary') seen.add(`op ${String(o.op)}`);
      for (const [k, x] of Object.entries(o)) {
        if (x === true || (x !== undefined && x !== false && ['round', 'rounding', 'argWhere', 'ungradedWhen', 'unitKind', 'table', 'priority', 'because', 'source', 'extends', 'within', 'where', 'unless', 'description'].includes(k))) seen.add(`field ${k}`);
        visit(x);
      }
    };
    for (let seed = 0; seed < 400; seed++) visit(generateRuleFile(seededChoices(seed)));
    const ops = ['+', '-', '*', '/', '==', '!=', '<', '<=', '>', '>=', 'and', 'or', '??', 'not'].map(o => `op ${o}`);
    const fields = ['round', 'rounding', 'argWhere', 'ungradedWhen', 'unitKind', 'table', 'priority', 'because', 'source',
      'extends', 'within', 'where', 'unless', 'description', 'override', 'optional'].map(f => `field ${f}`);
    expect([...ALL_KINDS, ...ops, ...fields].filter(k => !seen.has(k))).toEqual([]);
  });
});

/** Runs per property; `KP_PROPERTY_RUNS=20000` searches longer than the everyday suite does. */
const runs = (n: number): number => Number(process.env.KP_PROPERTY_RUNS) || n;

describe('generated programs (fast-check)', () => {
  const files = arbitraryRuleFile({ maxItems: 6, maxDepth: 3 });

  it('print to text that parses back to the same tree', () => {
    fc.assert(fc.property(files, fc.constantFrom<'zh' | 'en'>('zh', 'en'), (file, lang) => {
      const text = format(file, { lang });
      expect(meaning(parseValid(text))).toEqual(meaning(file));
    }), { numRuns: runs(300) });
  });

  it('format to a fixed point, in either language', () => {
    fc.assert(fc.property(files, file => {
      const text = format(file);
      expect(fmt(text)).toBe(text);
      const en = fmt(text, { lang: 'en' });
      expect(fmt(en, { lang: 'zh' })).toBe(fmt(text, { lang: 'zh' }));
    }), { numRuns: runs(200) });
  });

  /** Comments added by `place` survive formatting once each, with the meaning and a fixed point kept. */
  const keepsComments = (place: (text: string, picks: number[]) => { text: string; count: number }) => {
    fc.assert(fc.property(files, fc.array(fc.nat(20), { minLength: 1, maxLength: 40 }), (file, picks) => {
      const { text, count } = place(format(file), picks);
      const withComments = parseValid(text);
      expect(withComments.comments.length).toBe(count);
      const once = fmt(text);
      const reparsed = parseValid(once);
      expect(commentTexts(reparsed)).toEqual(commentTexts(withComments));
      expect(meaning(reparsed)).toEqual(meaning(withComments));
      expect(fmt(once)).toBe(once);
    }), { numRuns: runs(200) });
  };

  it('keep every comment, once, and stay at a fixed point with comments', () => {
    keepsComments(sprinkleComments);
  });

  it('keep every comment written between two tokens, anywhere', () => {
    keepsComments(commentsBetweenTokens);
  });
});
