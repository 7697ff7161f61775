// Every token of the language: patterns (ASCII and full-width twins), keyword token types built
// from the vocabulary, and the categories the parser and the editor's highlighter rely on.
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { KEYWORDS } from './vocabulary.ts';

/** Category of every token, so a gated loop can skip "anything" when recovering. */
export const Any = createToken({ name: 'Any', pattern: Lexer.NA });
/** Category of every keyword token. */
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA, categories: [Any] });
/**
 * Keywords that are also everyday nouns (等次, 排名, 得分, 单位, …). Where a name is expected they
 * are accepted as names, so `grade 等次 by 年度得分` and `quota 15% within 单位` read naturally.
 */
export const SoftKeyword = createToken({ name: 'SoftKeyword', pattern: Lexer.NA, categories: [Any] });
/** Category of the binary operators of expressions. */
export const BinaryOperator = createToken({ name: 'BinaryOperator', pattern: Lexer.NA, categories: [Any] });
export const Comparison = createToken({ name: 'Comparison', pattern: Lexer.NA, categories: [Any, BinaryOperator] });

/** Ids of the keywords accepted as names (see SoftKeyword). */
export const SOFT_KEYWORD_IDS: ReadonlySet<string> = new Set([
  'year', 'unit', 'enum', 'input', 'records', 'events', 'periods', 'score', 'define', 'weights',
  'table', 'rank', 'grade', 'severity', 'priority', 'source', 'because', 'candidates', 'test',
]);

/** One token type per keyword id; the lexer re-tags a whole word that is one of its forms. */
export const keywordTokens: Readonly<Record<string, TokenType>> = Object.fromEntries(
  KEYWORDS.map(k => [k.id, createToken({
    name: `Kw_${k.id}`,
    pattern: Lexer.NA,
    categories: SOFT_KEYWORD_IDS.has(k.id) ? [Any, Keyword, SoftKeyword] : [Any, Keyword],
  })]),
);

const cjk = '\\u3007\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const digit = '0-9\\uff10-\\uff19';
const number = `[${digit}]+(?:[.\\uff0e][${digit}]+)?`;

export const WhiteSpace = createToken({
  name: 'WhiteSpace', pattern: /[ \t\r\n\u00a0\u3000\ufeff]+/, group: Lexer.SKIPPED, line_breaks: true,
});
export const CommentTok = createToken({ name: 'Comment', pattern: /[#\uff03][^\r\n]*/, group: 'comments' });

// Strings end at the first closing quote on the same line; ASCII and Chinese quotes may be mixed.
export const StringTok = createToken({
  name: 'String',
  pattern: /"[^"\r\n]*"|“[^”\r\n]*”|"[^"”\r\n]*”|“[^"”\r\n]*"/,
  categories: [Any],
});
/** `'…'` and `‘…’`: parsed as a string, reported with a fix to double quotes. */
export const SingleQuoted = createToken({ name: 'SingleQuoted', pattern: /'[^'\r\n]*'|‘[^’\r\n]*’/, categories: [Any] });
/** A string with no closing quote on its line: parsed as a string to the line end, reported. */
export const Unterminated = createToken({ name: 'Unterminated', pattern: /["“‘'][^\r\n]*/, categories: [Any] });

export const Percent = createToken({ name: 'Percent', pattern: new RegExp(`${number}[%\\uff05]`), categories: [Any] });
export const NumberTok = createToken({ name: 'Number', pattern: new RegExp(number), categories: [Any] });
/** A name: CJK ideographs, Latin letters, digits (not first), `_` and `·`. */
export const Word = createToken({
  name: 'Word',
  pattern: new RegExp(`[A-Za-z_${cjk}\\u00b7][A-Za-z0-9_${cjk}\\u00b7\\uff10-\\uff19]*`),
  categories: [Any],
});

export const Arrow = createToken({ name: 'Arrow', pattern: /[=\uff1d][>\uff1e]|⇒/, categories: [Any] });
export const EqEq = createToken({ name: 'EqEq', pattern: /[=\uff1d]{2}/, categories: [Any, Comparison] });
export const NotEq = createToken({ name: 'NotEq', pattern: /[!\uff01][=\uff1d]|≠|[<\uff1c][>\uff1e]/, categories: [Any, Comparison] });
export const LessEq = createToken({ name: 'LessEq', pattern: /[<\uff1c][=\uff1d]|[≤≦]/, categories: [Any, Comparison] });
export const GreaterEq = createToken({ name: 'GreaterEq', pattern: /[>\uff1e][=\uff1d]|[≥≧]/, categories: [Any, Comparison] });
export const Less = createToken({ name: 'Less', pattern: /[<\uff1c]/, categories: [Any, Comparison] });
export const Greater = createToken({ name: 'Greater', pattern: /[>\uff1e]/, categories: [Any, Comparison] });
/** `=`: equality in expressions, assignment in tests. */
export const Equals = createToken({ name: 'Equals', pattern: /[=\uff1d]/, categories: [Any, Comparison] });
export const Coalesce = createToken({ name: 'Coalesce', pattern: /[?\uff1f]{2}/, categories: [Any, BinaryOperator] });
export const Plus = createToken({ name: 'Plus', pattern: /[+\uff0b]/, categories: [Any, BinaryOperator] });
export const Minus = createToken({ name: 'Minus', pattern: /[-\uff0d\u2212]/, categories: [Any, BinaryOperator] });
export const Star = createToken({ name: 'Star', pattern: /[*\uff0a×]/, categories: [Any, BinaryOperator] });
export const Slash = createToken({ name: 'Slash', pattern: /[/\uff0f÷]/, categories: [Any, BinaryOperator] });
export const DotDot = createToken({ name: 'DotDot', pattern: /\.\.|\uff0e\uff0e/, categories: [Any] });
export const Dot = createToken({ name: 'Dot', pattern: /[.\uff0e]/, categories: [Any] });
export const At = createToken({ name: 'At', pattern: /[@\uff20]/, categories: [Any] });
export const Comma = createToken({ name: 'Comma', pattern: /[,\uff0c、]/, categories: [Any] });
export const Semicolon = createToken({ name: 'Semicolon', pattern: /[;\uff1b]/, categories: [Any] });
export const Colon = createToken({ name: 'Colon', pattern: /[:\uff1a]/, categories: [Any] });
export const LParen = createToken({ name: 'LParen', pattern: /[(\uff08]/, categories: [Any] });
/** `(` written immediately after a name: a call. The lexer re-tags LParen; it has no pattern. */
export const CallParen = createToken({ name: 'CallParen', pattern: Lexer.NA, categories: [Any] });
/** The name right before a CallParen, re-tagged too so a call is told from a name by one token. */
export const Callee = createToken({ name: 'Callee', pattern: Lexer.NA, categories: [Any] });
export const RParen = createToken({ name: 'RParen', pattern: /[)\uff09]/, categories: [Any] });
export const LBrace = createToken({ name: 'LBrace', pattern: /[{\uff5b]/, categories: [Any] });
export const RBrace = createToken({ name: 'RBrace', pattern: /[}\uff5d]/, categories: [Any] });

/**
 * Characters that probably mean an ASCII token but are not certain to: parsed as `twin`,
 * reported with a one-click fix replacing them by `fix`.
 */
export interface Lookalike {
  readonly token: TokenType;
  readonly twin: TokenType;
  readonly fix: string;
}

const lookalike = (name: string, pattern: RegExp): TokenType => createToken({ name, pattern, categories: [Any] });
export const IdeographicStop = lookalike('IdeographicStop', /。/);
export const LenticularOpen = lookalike('LenticularOpen', /[【〔［\[]/);
export const LenticularClose = lookalike('LenticularClose', /[】〕］\]]/);
export const RangeLookalike = lookalike('RangeLookalike', /…+|[～~〜]/);
export const DoubleAmp = lookalike('DoubleAmp', /&&|＆＆/);
export const DoublePipe = lookalike('DoublePipe', /\|\||｜｜/);
export const Bang = lookalike('Bang', /[!\uff01]/);

export const LOOKALIKES: readonly Lookalike[] = [
  { token: IdeographicStop, twin: Dot, fix: '.' },
  { token: LenticularOpen, twin: LParen, fix: '(' },
  { token: LenticularClose, twin: RParen, fix: ')' },
  { token: RangeLookalike, twin: DotDot, fix: '..' },
  { token: DoubleAmp, twin: keywordTokens.and, fix: 'and' },
  { token: DoublePipe, twin: keywordTokens.or, fix: 'or' },
  { token: Bang, twin: keywordTokens.not, fix: 'not ' },
];

/** Any other character: reported and dropped before parsing. */
// Not `[\s\S]`: Chevrotain's first-character optimisation mis-reads that class and drops characters.
export const Invalid = createToken({ name: 'Invalid', pattern: /[\u0000-\uffff]/, categories: [Any] });

/** The lexer's token types, in matching order (the first pattern that matches wins). */
export const lexerTokens: readonly TokenType[] = [
  WhiteSpace, CommentTok, StringTok, SingleQuoted, Unterminated, Percent, NumberTok, Word,
  Arrow, EqEq, NotEq, LessEq, GreaterEq, Less, Greater, Equals, Coalesce, Plus, Minus, Star, Slash,
  DotDot, Dot, At, Comma, Semicolon, Colon, LParen, RParen, LBrace, RBrace,
  IdeographicStop, LenticularOpen, LenticularClose, RangeLookalike, DoubleAmp, DoublePipe, Bang,
  Invalid,
];

/** Every token type the parser sees: lexed ones, keywords, the call paren and the categories. */
export const parserTokens: readonly TokenType[] = [
  Any, Keyword, SoftKeyword, BinaryOperator, Comparison, CallParen, Callee,
  ...Object.values(keywordTokens),
  ...lexerTokens.filter(t => t !== WhiteSpace && t !== CommentTok && t !== Invalid),
];

/** Keyword ids that begin a definition or item: recovery stops skipping at them. */
export const ITEM_START_IDS: ReadonlySet<string> = new Set([
  'ruleset', 'override', 'remove', 'unit', 'enum', 'input', 'records', 'events', 'periods', 'score',
  'define', 'weights', 'table', 'rank', 'grade', 'disposition', 'test',
]);
