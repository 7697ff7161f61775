// Text → tokens: one Chevrotain lexer, then classification of words into keywords and names,
// call parens, full-width lookalikes and invalid characters, each reported with a positioned diagnostic.
import { Lexer, type IToken, type TokenType } from 'chevrotain';
import type { Comment } from './ast.ts';
import type { Diagnostic } from './diagnostic.ts';
import { spanOfToken, type Span } from './span.ts';
import { keywordOf } from './vocabulary.ts';
import * as t from './tokens.ts';

/** A token as the editor's highlighter sees it. */
export interface TokenInfo {
  readonly kind: 'keyword' | 'identifier' | 'number' | 'percent' | 'string' | 'comment' | 'operator' | 'punctuation' | 'invalid';
  readonly image: string;
  readonly span: Span;
  /** The keyword's canonical id (vocabulary.ts) when kind is 'keyword'. */
  readonly keywordId?: string;
}

/** What the parser needs from lexing. */
export interface LexResult {
  /** Tokens for the parser: keywords, call parens and lookalikes re-tagged, invalid ones dropped. */
  readonly tokens: IToken[];
  readonly comments: Comment[];
  readonly diagnostics: Diagnostic[];
}

const lexer = new Lexer(t.lexerTokens as TokenType[], {
  positionTracking: 'onlyOffset',
  ensureOptimizations: false,
});

const twinOf = new Map(t.LOOKALIKES.map(l => [l.token, l]));

/** Full-width digits (and the full-width decimal point) as ASCII: `９０．５` → `90.5`. */
const FULL_WIDTH_DIGIT = /[\uff10-\uff19\uff0e]/;

export function normalizeDigits(s: string): string {
  if (!FULL_WIDTH_DIGIT.test(s)) return s;
  return s.replace(/[\uff10-\uff19\uff0e]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function retag(token: IToken, type: TokenType): void {
  token.tokenType = type;
  token.tokenTypeIdx = type.tokenTypeIdx!;
}

/** The keyword id of a word token, if the whole word is a keyword form. */
export function keywordIdOf(token: IToken): string | undefined {
  return keywordIds.get(token.tokenType);
}

const keywordIds = new Map<TokenType, string>(Object.entries(t.keywordTokens).map(([id, type]) => [type, id]));

/** Lexes a text for the parser. Never throws; every character ends up in a token or a diagnostic. */
export function lex(text: string): LexResult {
  const result = lexer.tokenize(text);
  const diagnostics: Diagnostic[] = [];
  // Chevrotain's fresh token array is compacted in place: invalid tokens are dropped from it.
  const tokens = result.tokens;
  let kept = 0;
  let invalidRun: IToken[] = [];
  const flushInvalid = (): void => {
    if (invalidRun.length === 0) return;
    const first = invalidRun[0];
    const last = invalidRun[invalidRun.length - 1];
    const span = { start: first.startOffset, end: spanOfToken(last).end };
    const chars = text.slice(span.start, span.end);
    diagnostics.push({
      code: 'KP100', severity: 'error', span,
      message: `无法识别的字符 “${chars}”`,
      messageEn: `unrecognised character${chars.length > 1 ? 's' : ''} '${chars}'`,
      fix: { title: '删除', edits: [{ span, text: '' }] },
    });
    invalidRun = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const type = token.tokenType;
    if (type === t.Invalid) {
      const prev = invalidRun[invalidRun.length - 1];
      if (prev && spanOfToken(prev).end !== token.startOffset) flushInvalid();
      invalidRun.push(token);
      continue;
    }
    flushInvalid();
    if (type === t.Word) {
      const kw = keywordOf(token.image);
      if (kw) retag(token, t.keywordTokens[kw.id]);
    } else if (type === t.LParen) {
      const prev = kept > 0 ? tokens[kept - 1] : undefined;
      if (prev && prev.tokenType === t.Word && spanOfToken(prev).end === token.startOffset) {
        retag(prev, t.Callee);
        retag(token, t.CallParen);
      }
    } else if (type === t.SingleQuoted) {
      const span = spanOfToken(token);
      const inner = token.image.slice(1, -1);
      diagnostics.push({
        code: 'KP102', severity: 'error', span,
        message: '文字应使用双引号 "…" 或 “…”',
        messageEn: 'text must be written in double quotes "…"',
        fix: { title: '改为双引号', edits: [{ span, text: `"${inner}"` }] },
      });
      retag(token, t.StringTok);
    } else if (type === t.Unterminated) {
      const span = spanOfToken(token);
      diagnostics.push({
        code: 'KP101', severity: 'error', span,
        message: '文字缺少结尾的引号',
        messageEn: 'text is missing its closing quote',
        fix: { title: '补上引号', edits: [{ span: { start: span.end, end: span.end }, text: '"' }] },
      });
      retag(token, t.StringTok);
    } else {
      const look = twinOf.get(type);
      if (look) {
        const span = spanOfToken(token);
        diagnostics.push({
          code: 'KP103', severity: 'error', span,
          message: `“${token.image}” 含义不明确，应为 “${look.fix.trim()}”`,
          messageEn: `'${token.image}' is ambiguous here; write '${look.fix.trim()}'`,
          fix: { title: `改为 ${look.fix.trim()}`, edits: [{ span, text: look.fix }] },
        });
        retag(token, look.twin);
      }
    }
    tokens[kept++] = token;
  }
  tokens.length = kept;
  flushInvalid();
  const comments: Comment[] = (result.groups.comments ?? []).map(c => ({ text: c.image, span: spanOfToken(c) }));
  return { tokens, comments, diagnostics };
}

const OPERATORS: ReadonlySet<TokenType> = new Set([
  t.Arrow, t.EqEq, t.NotEq, t.LessEq, t.GreaterEq, t.Less, t.Greater, t.Equals, t.Coalesce, t.Plus, t.Minus,
  t.Star, t.Slash, t.DotDot, t.At, t.RangeLookalike, t.DoubleAmp, t.DoublePipe, t.Bang,
]);

function kindOf(type: TokenType): TokenInfo['kind'] {
  if (type === t.Word) return 'identifier';
  if (type === t.NumberTok) return 'number';
  if (type === t.Percent) return 'percent';
  if (type === t.StringTok || type === t.SingleQuoted || type === t.Unterminated) return 'string';
  if (type === t.CommentTok) return 'comment';
  if (type === t.Invalid) return 'invalid';
  if (OPERATORS.has(type)) return 'operator';
  return 'punctuation';
}

/**
 * Every token of a text with its kind, in order, comments included — for syntax highlighting.
 * Classification is lexical: a keyword used as a name (see SoftKeyword) is still a keyword here.
 */
export function tokenize(text: string): TokenInfo[] {
  const result = lexer.tokenize(text);
  const all = [...result.tokens, ...(result.groups.comments ?? [])].sort((a, b) => a.startOffset - b.startOffset);
  return all.map(token => {
    const span = spanOfToken(token);
    if (token.tokenType === t.Word) {
      const kw = keywordOf(token.image);
      if (kw) return { kind: 'keyword', image: token.image, span, keywordId: kw.id };
    }
    return { kind: kindOf(token.tokenType), image: token.image, span };
  });
}
