// The formatter over hand-built trees: layout rules, parentheses, keyword language, built-in names, literals.
import { describe, expect, it } from 'vitest';
import type { BinaryOp, Definition, Expr, Item, RuleFile } from './ast.ts';
import { parse } from './parse.ts';
import { format } from './print.ts';
import { attachComments } from './print-comments.ts';
import { group, hardline, indent, layout, line, lineSuffix, displayWidth } from './print-doc.ts';
import { ident, num, pct, str } from './testing/arbitrary-expr.ts';

const S = { start: 0, end: 0 };
const n = (name: string): Expr => ({ kind: 'NameRef', name: ident(name), span: S });
const bin = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'Binary', op, left, right, span: S });
const file = (items: Item[], keywordLang: 'zh' | 'en' = 'en'): RuleFile => ({ kind: 'RuleFile', items, comments: [], keywordLang, span: S });
const score = (name: string, expr: Expr, extra: Partial<Definition> = {}): Definition =>
  ({ kind: 'ScoreDef', override: false, name: ident(name), form: 'score', expr, span: S, ...extra }) as Definition;
const printExpr = (e: Expr) => format(file([score('x', e)])).replace(/^score x = /, '').replace(/\n$/, '');

describe('document layout', () => {
  it('keeps a group on one line when it fits and breaks it otherwise', () => {
    const doc = group(['f(', indent([line, 'aaaa,', line, 'bbbb']), line, ')']);
    expect(layout(doc, { width: 40, indentWidth: 2 })).toBe('f( aaaa, bbbb )');
    expect(layout(doc, { width: 10, indentWidth: 2 })).toBe('f(\n  aaaa,\n  bbbb\n)');
  });

  it('counts a CJK character as two columns', () => {
    expect(displayWidth('年度得分ab')).toBe(10);
    const doc = group(['年度得分', line, '年度得分']);
    expect(layout(doc, { width: 17, indentWidth: 2 })).toBe('年度得分 年度得分');
    expect(layout(doc, { width: 16, indentWidth: 2 })).toBe('年度得分\n年度得分');
  });

  it('writes an end-of-line suffix after what follows on the same line, and breaks its groups', () => {
    const doc = group(['{', indent([line, 'a', lineSuffix('  # c'), { t: 'breakParent' }, ',', line, 'b']), line, '}']);
    expect(layout(doc, { width: 80, indentWidth: 2 })).toBe('{\n  a,  # c\n  b\n}');
  });

  it('trims trailing spaces of blank lines', () => {
    expect(layout(indent(['a', hardline, hardline, 'b']), { width: 80, indentWidth: 2 })).toBe('a\n\n  b');
  });
});

describe('parentheses', () => {
  it('prints parentheses that were written', () => {
    expect(printExpr({ kind: 'Paren', expr: bin('+', n('a'), n('b')), span: S })).toBe('(a + b)');
  });

  it('adds parentheses a hand-built tree needs, and no others', () => {
    expect(printExpr(bin('*', bin('+', n('a'), n('b')), n('c')))).toBe('(a + b) * c');
    expect(printExpr(bin('+', bin('*', n('a'), n('b')), n('c')))).toBe('a * b + c');
    expect(printExpr(bin('-', n('a'), bin('-', n('b'), n('c'))))).toBe('a - (b - c)');
    expect(printExpr(bin('-', bin('-', n('a'), n('b')), n('c')))).toBe('a - b - c');
    expect(printExpr(bin('<', bin('<', n('a'), n('b')), n('c')))).toBe('(a < b) < c');
    expect(printExpr({ kind: 'Unary', op: 'not', operand: bin('and', n('a'), n('b')), span: S })).toBe('not (a and b)');
    expect(printExpr({ kind: 'Unary', op: 'not', operand: bin('==', n('a'), n('b')), span: S })).toBe('not a == b');
    expect(printExpr({ kind: 'Unary', op: '-', operand: bin('+', n('a'), n('b')), span: S })).toBe('-(a + b)');
    expect(printExpr({ kind: 'History', expr: bin('+', n('a'), n('b')), yearsBack: 2, span: S })).toBe('(a + b)@-2');
    const ifExpr: Expr = { kind: 'If', cond: n('c'), then: n('a'), else: n('b'), span: S };
    expect(printExpr(bin('+', ifExpr, n('d')))).toBe('(if c then a else b) + d');
    expect(printExpr(bin('*', bin('+', n('d'), ifExpr), n('e')))).toBe('(d + if c then a else b) * e');
    expect(printExpr(bin('+', bin('*', n('d'), ifExpr), n('e')))).toBe('d * (if c then a else b) + e');
  });

  it('leaves a prefix `not` or an `if` bare at the right end, where the parser reads it the same', () => {
    const not = (x: Expr): Expr => ({ kind: 'Unary', op: 'not', operand: x, span: S });
    expect(printExpr(bin('+', n('d'), { kind: 'If', cond: n('c'), then: n('a'), else: n('b'), span: S }))).toBe('d + if c then a else b');
    expect(printExpr(bin('==', n('a'), not(n('b'))))).toBe('a == not b');
    expect(printExpr(bin('+', not(n('a')), n('b')))).toBe('(not a) + b');
    expect(printExpr(bin('*', n('a'), not(bin('+', n('b'), n('c')))))).toBe('a * not b + c');
    expect(printExpr(bin('+', bin('*', n('a'), not(n('b'))), n('c')))).toBe('a * (not b) + c');
    expect(printExpr(bin('and', not(n('a')), n('b')))).toBe('not a and b');
    expect(printExpr({ kind: 'Unary', op: '-', operand: { kind: 'Unary', op: '-', operand: n('a'), span: S }, span: S })).toBe('- -a');
  });
});

describe('keywords and built-in names', () => {
  const f = file([
    { kind: 'InputDef', override: false, name: ident('综合考核'), names: [ident('综合考核'), ident('承诺考绩')],
      type: { kind: 'TypeRef', name: ident('points'), range: { kind: 'RangeLit', low: num('0'), high: num('100'), span: S }, span: S },
      optional: true, span: S },
    score('效', { kind: 'Call', callee: ident('clamp'), args: [bin('+', num('100'), { kind: 'Call', callee: ident('合计'), args: [n('扣分')], span: S }), num('0'), num('100')], span: S }),
  ]);

  it('writes every keyword, built-in type and built-in function in the chosen language', () => {
    expect(format(f, { lang: 'zh' })).toBe('输入 综合考核, 承诺考绩: 分值 0..100 可缺\n\n得分 效 = 限定(100 + 合计(扣分), 0, 100)\n');
    expect(format(f, { lang: 'en' })).toBe('input 综合考核, 承诺考绩: points 0..100 optional\n\nscore 效 = clamp(100 + sum(扣分), 0, 100)\n');
  });

  it("defaults to the file's own keyword language", () => {
    expect(format({ ...f, keywordLang: 'zh' })).toBe(format(f, { lang: 'zh' }));
  });

  it('leaves a built-in name alone when the file declares a name equal to one of its forms', () => {
    const own = file([...f.items, score('合计', num('1'))]);
    expect(format(own, { lang: 'en' })).toContain('score 效 = clamp(100 + 合计(扣分), 0, 100)');
    const ownType = file([...f.items, { kind: 'EnumDef', override: false, name: ident('points'), members: [ident('高')], span: S }]);
    expect(format(ownType, { lang: 'zh' })).toContain('输入 综合考核, 承诺考绩: points 0..100 可缺');
  });
});

describe('literals', () => {
  it('keeps numbers and percentages as written', () => {
    expect(printExpr(bin('*', num('1.50'), pct('2.5')))).toBe('1.50 * 2.5%');
  });

  it('quotes strings so that they lex back to the same value', () => {
    expect(printExpr(str('推进重点工作不力'))).toBe('"推进重点工作不力"');
    expect(printExpr(str('a "b" c'))).toBe('“a "b" c”');
    expect(() => printExpr(str('a\nb'))).toThrow(/cannot be written/);
  });
});

describe('layout', () => {
  const enumDef = (name: string, members: string[]): Definition =>
    ({ kind: 'EnumDef', override: false, name: ident(name), members: members.map(ident), span: S });

  it('keeps a short enum on one line and puts a long one one member per line', () => {
    expect(format(file([enumDef('乡镇类别', ['经济型', '生态型', '复合型'])]))).toBe('enum 乡镇类别 { 经济型 生态型 复合型 }\n');
    const long = Array.from({ length: 12 }, (_, i) => `很长的类别名称${i}`);
    expect(format(file([enumDef('E', long)]))).toBe(`enum E {\n${long.map(m => `  ${m}\n`).join('')}}\n`);
  });

  it('groups consecutive one-line definitions of one kind and separates the rest by a blank line', () => {
    const out = format(file([enumDef('A', ['x']), enumDef('B', ['y']), score('s', num('1')), score('t', num('2')), enumDef('C', ['z'])]));
    expect(out).toBe('enum A { x }\nenum B { y }\n\nscore s = 1\nscore t = 2\n\nenum C { z }\n');
  });

  it('starts a new run at an own-line comment and does not count the comment as the item\'s lines', () => {
    const src = 'input a: number\n# section\ninput b: number\ninput c: number\n\n\ninput d: number\n';
    const out = format(parse(src).file, { source: src });
    expect(out).toBe('input a: number\n\n# section\ninput b: number\ninput c: number\ninput d: number\n');
  });

  it('breaks a long weighted block one item per line, with commas', () => {
    const names = ['综合考核', '承诺考绩', '重点任务', '民主测评', '领导点评', '单位评价'];
    const weights = ['30', '20', '15', '15', '10', '10'];
    const w: Expr = { kind: 'Weighted', items: names.map((x, i) => ({ kind: 'WeightItem', expr: n(x), weight: pct(weights[i]), span: S })), span: S };
    const out = format(file([score('年度得分加上一个很长的名字以便超出一行', w, { round: num('2') } as Partial<Definition>)]));
    expect(out).toBe(
      'score 年度得分加上一个很长的名字以便超出一行 = weighted {\n' +
      names.map((x, i) => `  ${x} ${weights[i]}%${i < 5 ? ',' : ''}\n`).join('') +
      '} round 2\n',
    );
  });

  it('writes match arms one per line', () => {
    const m: Expr = { kind: 'Match', subject: n('班子排名'), arms: [
      { kind: 'MatchArm', patterns: [num('1')], value: num('60'), span: S },
      { kind: 'MatchArm', patterns: [num('2'), num('3')], value: num('57'), span: S },
      { kind: 'MatchArm', patterns: 'else', value: { kind: 'MissingLit', span: S }, span: S },
    ], span: S };
    expect(format(file([score('名次分', m)], 'zh'))).toBe('得分 名次分 = 匹配 班子排名 {\n  1 => 60\n  2, 3 => 57\n  否则 => 缺失\n}\n');
  });

  it('puts a long disposition clause by clause', () => {
    const cond = bin('and', bin('and', { kind: 'History', expr: { kind: 'Call', callee: ident('bottom'), args: [n('班子排名'), pct('30')], span: S }, yearsBack: 2, span: S },
      { kind: 'History', expr: { kind: 'Call', callee: ident('bottom'), args: [n('班子排名'), pct('30')], span: S }, yearsBack: 1, span: S }),
      { kind: 'Call', callee: ident('last'), args: [n('班子排名')], span: S });
    const d: Definition = { kind: 'DispositionDef', override: false, name: ident('免职'), severity: num('5'), when: cond, candidates: [], because: str('连续两年排名靠后，当年末位'), span: S };
    expect(format(file([d]))).toBe(
      'disposition 免职 severity 5\n' +
      '  when bottom(班子排名, 30%)@-2 and bottom(班子排名, 30%)@-1 and last(班子排名)\n' +
      '  because "连续两年排名靠后，当年末位"\n',
    );
  });
});

describe('comment attachment', () => {
  const text = [
    '# 文件开头',            // leading of the first item
    'enum 类别 {  # 开括号后',  // after `{`
    '  经济型  # 行尾',        // trailing of 经济型
    '  # 独占一行',            // leading of 生态型
    '  生态型',
    '  # 块末',                // dangling in the enum
    '}',
    'score 甲 = 1 +  # 表达式中',  // inside an expression: leading of the score
    '  2',
    '# 文件末尾',              // dangling at the end of the file
  ].join('\n');
  const { file } = parse(text);

  it('puts each comment in exactly one place', () => {
    const map = attachComments(file, text);
    const placed = [...map.values()].flatMap(a => [...a.leading, ...a.trailing, ...a.open, ...a.dangling]);
    expect(placed.map(c => c.text).sort()).toEqual(file.comments.map(c => c.text).sort());
    const enumDef = file.items[0] as Extract<Item, { kind: 'EnumDef' }>;
    const where = (t: string) => {
      for (const [node, a] of map) {
        for (const k of ['leading', 'trailing', 'open', 'dangling'] as const) {
          if (a[k].some(c => c.text === t)) return { node, k };
        }
      }
      return undefined;
    };
    expect(where('# 文件开头')).toEqual({ node: enumDef, k: 'leading' });
    expect(where('# 开括号后')).toEqual({ node: enumDef, k: 'open' });
    expect(where('# 行尾')).toEqual({ node: enumDef.members[0], k: 'trailing' });
    expect(where('# 独占一行')).toEqual({ node: enumDef.members[1], k: 'leading' });
    expect(where('# 块末')).toEqual({ node: enumDef, k: 'dangling' });
    expect(where('# 表达式中')).toEqual({ node: file.items[1], k: 'leading' });
    expect(where('# 文件末尾')).toEqual({ node: file, k: 'dangling' });
  });

  it('prints them back in place; without the source text every comment gets a line of its own', () => {
    expect(format(file, { source: text })).toBe([
      '# 文件开头', 'enum 类别 {  # 开括号后', '  经济型  # 行尾', '  # 独占一行', '  生态型', '  # 块末', '}', '',
      '# 表达式中', 'score 甲 = 1 + 2', '', '# 文件末尾', '',
    ].join('\n'));
    expect(format(file)).toBe([
      '# 文件开头', 'enum 类别 {', '  # 开括号后', '  经济型', '  # 行尾', '  # 独占一行', '  生态型', '  # 块末', '}', '',
      '# 表达式中', 'score 甲 = 1 + 2', '', '# 文件末尾', '',
    ].join('\n'));
  });
});
