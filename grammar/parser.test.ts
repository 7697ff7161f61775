// Parser goldens (testdata/parse/{good,bad}), the reference's examples and keyword table,
// spans, recovery, nesting limits and the file-level facts (comments, keyword language).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RuleFile } from './ast.ts';
import { LineMap } from './span.ts';
import { MAX_NESTING_DEPTH, parse } from './parse.ts';
import { SOFT_KEYWORD_IDS } from './tokens.ts';
import { BUILTINS, KEYWORDS } from './vocabulary.ts';

const root = join(import.meta.dirname, '..');
const dir = (kind: 'good' | 'bad'): string => join(root, 'testdata', 'parse', kind);
const cases = (kind: 'good' | 'bad'): string[] =>
  readdirSync(dir(kind)).filter(f => f.endsWith('.kp')).map(f => f.slice(0, -3)).sort();

/** The AST as stable JSON; spans are printed as "start-end" to keep the goldens short. */
function astJson(file: RuleFile): string {
  return JSON.stringify(file, (key, value) => {
    if (key === 'span' && value && typeof value === 'object') return `${value.start}-${value.end}`;
    return value;
  }, 1) + '\n';
}

function diagnosticLines(text: string, file = parse(text)): string {
  const lines = new LineMap(text);
  return file.diagnostics.map(d => {
    const p = lines.position(d.span.start);
    return `${p.line}:${p.column} ${d.severity} ${d.code} ${d.message} | ${d.messageEn ?? ''}`;
  }).join('\n') + '\n';
}

/** Every node's span lies inside the text and inside its parent's span. */
function checkSpans(node: unknown, text: string, parent = { start: 0, end: text.length }): string[] {
  const problems: string[] = [];
  const visit = (value: unknown, outer: { start: number; end: number }, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, outer, `${path}[${i}]`));
      return;
    }
    if (!value || typeof value !== 'object') return;
    const obj = value as { kind?: string; span?: { start: number; end: number } };
    let inner = outer;
    if (obj.span && 'start' in obj.span) {
      const s = obj.span;
      if (!(s.start >= outer.start && s.end <= outer.end && s.start <= s.end)) {
        problems.push(`${path} ${obj.kind ?? ''} ${s.start}-${s.end} outside ${outer.start}-${outer.end}`);
      }
      inner = s;
    }
    for (const [k, v] of Object.entries(value)) if (k !== 'span') visit(v, inner, `${path}.${k}`);
  };
  visit(node, parent, '');
  return problems;
}

describe('golden: good files parse without diagnostics', () => {
  for (const name of cases('good')) {
    it(name, async () => {
      const text = readFileSync(join(dir('good'), `${name}.kp`), 'utf8');
      const result = parse(text);
      expect(diagnosticLines(text, result)).toBe('\n');
      expect(checkSpans(result.file, text)).toEqual([]);
      await expect(astJson(result.file)).toMatchFileSnapshot(join(dir('good'), `${name}.ast.golden`));
    });
  }
});

describe('golden: bad files report every mistake and keep the valid parts', () => {
  for (const name of cases('bad')) {
    it(name, async () => {
      const text = readFileSync(join(dir('bad'), `${name}.kp`), 'utf8');
      const result = parse(text);
      expect(result.diagnostics.length).toBeGreaterThan(0);
      expect(checkSpans(result.file, text)).toEqual([]);
      await expect(diagnosticLines(text, result)).toMatchFileSnapshot(join(dir('bad'), `${name}.diagnostics.golden`));
      await expect(astJson(result.file)).toMatchFileSnapshot(join(dir('bad'), `${name}.ast.golden`));
    });
  }
});

const reference = readFileSync(join(root, 'docs', 'language.md'), 'utf8');

describe('docs/language.md', () => {
  const blocks = [...reference.matchAll(/```kp\n([\s\S]*?)```/g)].map(m => m[1]);

  it('has examples in both keyword languages', () => {
    expect(blocks.length).toBeGreaterThan(20);
    expect(blocks.filter(b => parse(b).file.keywordLang === 'zh').length).toBeGreaterThan(8);
    expect(blocks.filter(b => parse(b).file.keywordLang === 'en').length).toBeGreaterThan(8);
  });

  it('every kp block parses without diagnostics', () => {
    for (const block of blocks) expect(diagnosticLines(block), block).toBe('\n');
  });

  it('the keyword table lists every keyword with all its forms, and nothing else', () => {
    const section = reference.split('\n## Keyword table')[1]?.split('\n## ')[0] ?? '';
    const rows = section.split('\n').filter(l => /^\| `/.test(l)).map(l => l.split('|').map(c => c.trim()));
    const keywordRows = rows.filter(r => r.length > 4 && r[4] === 'keyword');
    const listed = keywordRows.map(r => ({ en: r[1].replace(/`/g, ''), zh: r[2].split('、').map(z => z.trim()) }));
    expect(listed).toEqual(KEYWORDS.map(k => ({ en: k.en, zh: [...k.zh] })));
    const builtinRows = rows.filter(r => r.length > 4 && r[4] !== 'keyword');
    const builtins = builtinRows.map(r => `${r[1].replace(/`/g, '')}=${r[2]}`);
    expect(builtins).toEqual(BUILTINS.map(b => `${b.en}=${b.zh.join('、')}`));
  });

  it('lists exactly the keywords that may serve as names', () => {
    const para = reference.split('**Keywords as names.**')[1]?.split('So `')[0] ?? '';
    const listed = [...para.matchAll(/`([^`]+)`\/`([^`]+)`/g)].map(m => `${m[1]}/${m[2]}`);
    expect(listed).toEqual(KEYWORDS.filter(k => SOFT_KEYWORD_IDS.has(k.id)).map(k => `${k.zh[0]}/${k.en}`));
  });

  it('states the nesting limit the parser enforces', () => {
    expect(reference).toContain(`up to ${MAX_NESTING_DEPTH} levels`);
  });
});

describe('file-level facts', () => {
  it('keeps every comment with its span', () => {
    const text = '# a\nscore x = 1 # b\n#c';
    const { file } = parse(text);
    expect(file.comments.map(c => [c.text, text.slice(c.span.start, c.span.end)])).toEqual([
      ['# a', '# a'], ['# b', '# b'], ['#c', '#c'],
    ]);
  });

  it('takes the keyword language from the majority, ties going to Chinese', () => {
    expect(parse('score a = 1').file.keywordLang).toBe('en');
    expect(parse('得分 a = 1').file.keywordLang).toBe('zh');
    expect(parse('得分 a = 1 and b').file.keywordLang).toBe('zh');
    expect(parse('score a = b and c 或 d or e').file.keywordLang).toBe('en');
    // 等次 here is a name, not the keyword, so the file is English.
    expect(parse('grade 等次 by x { 优秀 >= 1 }').file.keywordLang).toBe('en');
  });

  it('an empty or blank file is an empty rule file', () => {
    for (const text of ['', '   \n\n', '# only a comment']) {
      const r = parse(text);
      expect(r.diagnostics).toEqual([]);
      expect(r.file.items).toEqual([]);
      expect(r.file.span).toEqual({ start: 0, end: text.length });
    }
  });
});

describe('expressions', () => {
  const exprOf = (src: string) => {
    const r = parse(`define x = ${src}`);
    expect(r.diagnostics).toEqual([]);
    const item = r.file.items[0];
    if (item.kind !== 'ScoreDef') throw new Error('expected a definition');
    return item.expr;
  };
  const shape = (e: unknown): string => {
    const n = e as Record<string, unknown> & { kind: string };
    switch (n.kind) {
      case 'Binary': return `(${shape(n.left)} ${n.op} ${shape(n.right)})`;
      case 'Unary': return `(${n.op} ${shape(n.operand)})`;
      case 'NameRef': return (n.name as { name: string }).name;
      case 'NumberLit': case 'PercentLit': return String(n.text) + (n.kind === 'PercentLit' ? '%' : '');
      case 'Paren': return `[${shape(n.expr)}]`;
      case 'History': return `${shape(n.expr)}@-${n.yearsBack}`;
      case 'InSet': return `(${shape(n.value)} in {${(n.set as unknown[]).map(shape).join(',')}})`;
      case 'MemberAccess': return `${shape(n.object)}.${(n.member as { name: string }).name}`;
      case 'Call': return `${(n.callee as { name: string }).name}(${(n.args as unknown[]).map(shape).join(',')})`;
      default: return n.kind;
    }
  };

  it('follows the documented precedence, loosest first', () => {
    expect(shape(exprOf('a or b and c'))).toBe('(a or (b and c))');
    expect(shape(exprOf('not a == b and c'))).toBe('((not (a == b)) and c)');
    expect(shape(exprOf('a + b * c - d / e'))).toBe('((a + (b * c)) - (d / e))');
    expect(shape(exprOf('a ?? b + 1 > c ?? 0'))).toBe('((a ?? (b + 1)) > (c ?? 0))');
    expect(shape(exprOf('-a * b'))).toBe('((- a) * b)');
    expect(shape(exprOf('-x@-1.y'))).toBe('(- x@-1.y)');
    expect(shape(exprOf('a in {A, B} and b'))).toBe('((a in {A,B}) and b)');
    expect(shape(exprOf('a - b - c'))).toBe('((a - b) - c)');
    expect(shape(exprOf('- - 3'))).toBe('(- (- 3))');
  });

  it('writes negative literals in expressions as unary minus on a number', () => {
    expect(shape(exprOf('-3 + 1'))).toBe('((- 3) + 1)');
  });

  it('accepts every spelling of equality and the other comparisons', () => {
    for (const [src, op] of [['a = 1', '=='], ['a == 1', '=='], ['a != 1', '!='], ['a ≠ 1', '!='], ['a <> 1', '!='],
      ['a ≥ 1', '>='], ['a ≤ 1', '<='], ['a ＞＝ 1', '>='], ['a ＜ 1', '<']]) {
      expect(exprOf(src)).toMatchObject({ kind: 'Binary', op });
    }
  });

  it('treats name( as a call only without a space before the parenthesis', () => {
    expect(shape(exprOf('f(x)'))).toBe('f(x)');
    const r = parse('score t = tiers { a > 1 => x (b) > 2 => y else => 0 }');
    expect(r.diagnostics).toEqual([]);
    const t = (r.file.items[0] as unknown as { expr: { arms: unknown[] } }).expr;
    expect(t.arms).toHaveLength(3);
  });

  it('reports chained comparisons', () => {
    const r = parse('define x = 1 < a < 3');
    expect(r.diagnostics.map(d => d.code)).toEqual(['KP125']);
  });

  it('puts per-argument filters in argWhere only when a later argument has one', () => {
    const call = exprOf('overlap(任职 where 职务 == 书记, 任职 where 职务 == 乡镇长)');
    expect(call).toMatchObject({ kind: 'Call', where: { kind: 'Binary' }, argWhere: [{ kind: 'Binary' }, { kind: 'Binary' }] });
    expect((exprOf('sum(x.y where z)') as { argWhere?: unknown }).argWhere).toBeUndefined();
    expect(exprOf('count(within 班子 where a)')).toMatchObject({ args: [], within: [{ kind: 'NameRef' }], where: { kind: 'NameRef' } });
  });

  it('keeps numbers as written after full-width normalisation, percentages as fractions', () => {
    expect(exprOf('１．５０')).toMatchObject({ kind: 'NumberLit', value: 1.5, text: '1.50' });
    expect(exprOf('33.3%')).toMatchObject({ kind: 'PercentLit', value: 0.333, text: '33.3' });
    expect(exprOf('７％')).toMatchObject({ kind: 'PercentLit', value: 0.07, text: '7' });
  });
});

describe('nesting depth', () => {
  const deep: Record<string, (n: number) => string> = {
    parentheses: n => `${'('.repeat(n)}1${')'.repeat(n)}`,
    minus: n => `${'-'.repeat(n)}1`,
    not: n => `${'not '.repeat(n)}x`,
    if: n => `${'if c then '.repeat(n)}1${' else 2'.repeat(n)}`,
    match: n => `${'match x { 1 => '.repeat(n)}1${' }'.repeat(n)}`,
    calls: n => `${'f('.repeat(n)}1${')'.repeat(n)}`,
  };
  for (const [name, make] of Object.entries(deep)) {
    it(`${name}: 100 levels parse, 10,000 give one positioned error and keep the rest`, () => {
      const ok = parse(`score a = ${make(100)}\nscore b = 2`);
      expect(ok.diagnostics).toEqual([]);
      expect(ok.file.items).toHaveLength(2);
      const text = `score a = ${make(10_000)}\nscore b = 2`;
      const bad = parse(text);
      const codes = bad.diagnostics.map(d => d.code);
      expect(codes.filter(c => c === 'KP122')).toHaveLength(1);
      expect(codes.every(c => c === 'KP122' || c === 'KP121')).toBe(true);
      const d = bad.diagnostics.find(x => x.code === 'KP122')!;
      expect(d.span.start).toBeGreaterThan(10);
      expect(d.span.end).toBeLessThanOrEqual(text.length);
      expect(bad.file.items.map(i => (i as { name: { name: string } }).name.name)).toEqual(['b']);
    });
  }

  it('unclosed openers far past the limit give one error, and the next definition survives', () => {
    const r = parse(`score a = ${'('.repeat(10_000)}\nscore b = 2`);
    expect(r.diagnostics.map(d => d.code)).toEqual(['KP122']);
    expect(r.file.items.map(i => (i as { name: { name: string } }).name.name)).toEqual(['b']);
  });

  it('a chain of operators deeper than the limit is reported', () => {
    const r = parse(`score a = 1${' + 1'.repeat(MAX_NESTING_DEPTH + 5)}`);
    expect(r.diagnostics.map(d => d.code)).toEqual(['KP122']);
    expect(r.file.items).toEqual([]);
  });

  it('honours a smaller maxDepth option', () => {
    expect(parse('score a = ((1))', { maxDepth: 2 }).diagnostics.map(d => d.code)).toContain('KP122');
    expect(parse('score a = (1)', { maxDepth: 2 }).diagnostics).toEqual([]);
  });
});

describe('recovery', () => {
  it('anchors a missing token at the end of the previous token when the next one is on another line', () => {
    const text = 'score a = 1 +\nscore b = 2';
    const r = parse(text);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0].span).toEqual({ start: 13, end: 13 });
    expect(r.diagnostics[0].message).toBe('“+” 之后应为值或表达式，但这一行已结束');
    expect(r.file.items.map(i => (i as { name: { name: string } }).name.name)).toEqual(['b']);
  });

  it('says what a weight should look like', () => {
    const r = parse('score a = weighted { 综合考核, 承诺考绩 50% }');
    expect(r.diagnostics[0].message).toBe('综合考核 之后应为权重，如 30%，而此处是 “,”');
    expect(r.diagnostics[0].messageEn).toBe("expected a weight such as 30% after 综合考核, found ','");
  });
});

describe('docs/diagnostics.md, KP1xx', () => {
  const doc = readFileSync(join(root, 'docs', 'diagnostics.md'), 'utf8');
  const sections = doc.split(/^### /m).filter(s => /^KP1\d\d\n/.test(s));

  it('has a section for every lexing and parsing code the grammar reports', () => {
    const sources = readdirSync(import.meta.dirname).filter(f => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const used = new Set(sources.flatMap(f => readFileSync(join(import.meta.dirname, f), 'utf8').match(/\bKP1\d\d\b/g) ?? []));
    used.delete('KP199');
    expect(sections.map(s => s.slice(0, 5)).sort()).toEqual([...used].sort());
  });

  for (const section of sections) {
    const code = section.slice(0, 5);
    it(`${code}: the example is reported with the documented message`, () => {
      const text = /^```kp\n([\s\S]*?)^```$/m.exec(section)![1].replace(/\n$/, '');
      const quotes = [...section.matchAll(/^> (.+)$/gm)].map(m => m[1]);
      const d = parse(text).diagnostics.find(x => x.code === code);
      expect(d, `${code} not reported`).toBeDefined();
      expect(quotes).toEqual([d!.message, d!.messageEn]);
    });
  }
});
