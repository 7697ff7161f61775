// Lexer: whole-word keywords in both languages, CJK names, full-width twins and lookalikes,
// call parens, and that every character of any text ends up in a token or a diagnostic.
import { describe, expect, it } from 'vitest';
import { lex, tokenize } from './lexer.ts';
import { BUILTINS, KEYWORDS } from './vocabulary.ts';

const kinds = (text: string): string[] => tokenize(text).map(t => `${t.kind}:${t.image}${t.keywordId ? `=${t.keywordId}` : ''}`);

describe('keywords', () => {
  it('recognises every form of every keyword, in both languages', () => {
    for (const k of KEYWORDS) {
      for (const form of [k.en, ...k.zh]) {
        expect(tokenize(form), form).toEqual([{ kind: 'keyword', image: form, span: { start: 0, end: form.length }, keywordId: k.id }]);
      }
    }
  });

  it('reserves keywords only as whole words', () => {
    expect(kinds('年度得分 按时完成率 按 否则 否 不是 是否 scores Score')).toEqual([
      'identifier:年度得分', 'identifier:按时完成率', 'keyword:按=by', 'keyword:否则=else', 'keyword:否=false',
      'keyword:不是=not', 'identifier:是否', 'identifier:scores', 'identifier:Score',
    ]);
  });

  it('leaves built-in names as identifiers', () => {
    for (const b of BUILTINS) {
      for (const form of [b.en, ...b.zh]) expect(tokenize(form)[0].kind, form).toBe('identifier');
    }
  });
});

describe('names', () => {
  it('accepts CJK ideographs of every documented range, Latin letters, digits, _ and ·', () => {
    for (const name of ['阿卜杜·热合曼', '㐀㒤', '豈更', '二〇一四年', 'score_2', '名次分2', 'x·y', '_a']) {
      expect(kinds(name), name).toEqual([`identifier:${name}`]);
    }
  });

  it('does not start a name with a digit', () => {
    expect(kinds('2乡')).toEqual(['number:2', 'identifier:乡']);
  });
});

describe('numbers, percentages and strings', () => {
  it('splits ranges and keeps percentages whole', () => {
    expect(kinds('0..100 -2..0 30% 2.5% 1.')).toEqual([
      'number:0', 'operator:..', 'number:100', 'operator:-', 'number:2', 'operator:..', 'number:0',
      'percent:30%', 'percent:2.5%', 'number:1', 'punctuation:.',
    ]);
  });

  it('accepts ASCII, Chinese and mixed double quotes; strings end at the line', () => {
    expect(kinds('"a" “b” "衢委办〔2013〕12号"\n"c” x\n“d" y')).toEqual([
      'string:"a"', 'string:“b”', 'string:"衢委办〔2013〕12号"', 'string:"c”', 'identifier:x', 'string:“d"', 'identifier:y',
    ]);
    // A string ends at the next quote of its own kind when the line has one.
    expect(kinds('"他说“好”" “引“号”')).toEqual(['string:"他说“好”"', 'string:“引“号”']);
    expect(lex('"abc\nx').diagnostics.map(d => d.code)).toEqual(['KP101']);
  });

  it('reports single quotes with a fix to double quotes', () => {
    const r = lex("'甲' ‘乙’");
    expect(r.diagnostics.map(d => [d.code, d.fix?.edits[0].text])).toEqual([['KP102', '"甲"'], ['KP102', '"乙"']]);
  });
});

describe('full-width characters', () => {
  it('reads full-width punctuation and digits as their ASCII twins, without diagnostics', () => {
    const text = '： ， ； （ ） ｛ ｝ ＝ ＞ ＜ ＋ － ＊ ／ ＠ ． ？？ ０．５ ３０％ 、 ≥ ≤ ≠ × ÷ ＝＝ ！＝ ＞＝ ＜＝ ＝＞ ．． ＃ 注释';
    expect(lex(text).diagnostics).toEqual([]);
    const ascii = ': , ; ( ) { } = > < + - * / @ . ?? 0.5 30% , >= <= != * / == != >= <= => .. # 注释';
    const shape = (s: string) => lex(s).tokens.map(t => t.tokenType.name).join(' ');
    expect(shape(text)).toBe(shape(ascii));
  });

  it('reads ambiguous lookalikes as their likely meaning and offers a one-click fix', () => {
    const r = lex('a。b 【1】 0…1 0～1 a && b || !c');
    expect(r.diagnostics.map(d => [d.code, d.fix?.edits[0].text])).toEqual([
      ['KP103', '.'], ['KP103', '('], ['KP103', ')'], ['KP103', '..'], ['KP103', '..'], ['KP103', 'and'], ['KP103', 'or'],
      ['KP103', 'not '],
    ]);
    expect(r.tokens.map(t => t.tokenType.name)).toEqual([
      'Word', 'Dot', 'Word', 'LParen', 'Number', 'RParen', 'Number', 'DotDot', 'Number', 'Number', 'DotDot', 'Number',
      'Word', 'Kw_and', 'Word', 'Kw_or', 'Kw_not', 'Word',
    ]);
  });

  it('reports a run of unknown characters once, with a fix that deletes it', () => {
    const r = lex('a $€ b ¥');
    expect(r.diagnostics.map(d => [d.code, d.span.start, d.span.end, d.fix?.edits[0].text])).toEqual([
      ['KP100', 2, 4, ''], ['KP100', 7, 8, ''],
    ]);
  });
});

describe('calls', () => {
  it('tags a parenthesis as a call only right after a name', () => {
    const names = (text: string) => lex(text).tokens.map(t => t.tokenType.name);
    expect(names('f(x)')).toEqual(['Callee', 'CallParen', 'Word', 'RParen']);
    expect(names('f (x)')).toEqual(['Word', 'LParen', 'Word', 'RParen']);
    expect(names('合计（x）')).toEqual(['Callee', 'CallParen', 'Word', 'RParen']);
    expect(names('如果(x)')).toEqual(['Kw_if', 'LParen', 'Word', 'RParen']);
  });
});

describe('robustness', () => {
  it('accounts for every character of every code unit: tokens in order, the rest whitespace or reported', () => {
    let text = '';
    for (let c = 0; c < 0x10000; c += 7) text += `${String.fromCharCode(c)}a`;
    const r = lex(text);
    let covered = 0;
    const marks = new Uint8Array(text.length);
    for (const t of r.tokens) {
      expect(t.startOffset).toBeGreaterThanOrEqual(covered);
      covered = t.startOffset + t.image.length;
      marks.fill(1, t.startOffset, covered);
    }
    for (const d of r.diagnostics) if (d.code === 'KP100') marks.fill(1, d.span.start, d.span.end);
    for (const c of r.comments) marks.fill(1, c.span.start, c.span.end);
    for (let i = 0; i < text.length; i++) {
      if (!marks[i]) expect(/[\s\u00a0\u3000\ufeff]/.test(text[i]), `offset ${i} U+${text.charCodeAt(i).toString(16)}`).toBe(true);
    }
  });

  it('gives the highlighter comments and invalid characters too, in order', () => {
    expect(kinds('a # 注释\n$ b')).toEqual(['identifier:a', 'comment:# 注释', 'invalid:$', 'identifier:b']);
  });
});
