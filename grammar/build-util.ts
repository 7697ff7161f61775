// Shared pieces of building the AST while parsing: the conversion context, spans, literals,
// clause-repeat checks and the nesting-depth measure.
import type { IToken } from 'chevrotain';
import type { Ident, NumberLit, PercentLit, StringLit } from './ast.ts';
import type { Diagnostic } from './diagnostic.ts';
import { normalizeDigits } from './lexer.ts';
import { spanOfToken, type Span } from './span.ts';

/** How far a context had got: taking it back drops what a discarded part of the file reported. */
export interface CtxMark {
  readonly diagnostics: number;
  readonly names: number;
}

/** State of one conversion: diagnostics, the nesting limit and the keyword tokens used as names. */
export class Ctx {
  readonly diagnostics: Diagnostic[] = [];
  /** Set when the definition being converted turned out unusable; the item is then left out. */
  broken = false;
  /** Keyword tokens that served as names, so they do not count towards the file's keyword language. */
  readonly keywordsAsNames: IToken[] = [];

  constructor(readonly maxDepth: number) {}

  error(code: string, span: Span, message: string, messageEn: string, breaks = true): void {
    this.diagnostics.push({ code, severity: 'error', span, message, messageEn });
    if (breaks) this.broken = true;
  }

  mark(): CtxMark {
    return { diagnostics: this.diagnostics.length, names: this.keywordsAsNames.length };
  }

  /**
   * Forgets everything reported since `m`. Tree building runs while parsing, also for parts that
   * recovery touched or that a clause repeat makes redundant; those parts count as never built.
   */
  rollback(m: CtxMark): void {
    this.diagnostics.length = m.diagnostics;
    this.keywordsAsNames.length = m.names;
  }
}

export function between(a: Span, b: Span): Span {
  return { start: a.start, end: b.end };
}

/** A name token (a word, or a keyword accepted as a name) as an Ident. */
export function identOf(ctx: Ctx, token: IToken): Ident {
  if (token.tokenType.name !== 'Word') ctx.keywordsAsNames.push(token);
  return identOfToken(token);
}

export function identOfToken(token: IToken): Ident {
  return { kind: 'Ident', name: normalizeDigits(token.image), span: spanOfToken(token) };
}

export function numberOf(token: IToken, minus?: IToken): NumberLit {
  const digits = normalizeDigits(token.image);
  const text = minus ? `-${digits}` : digits;
  const span = spanOfToken(token);
  return { kind: 'NumberLit', value: Number(text), text, span: minus ? between(spanOfToken(minus), span) : span };
}

export function percentOf(token: IToken): PercentLit {
  const text = normalizeDigits(token.image.slice(0, -1));
  // `${text}e-2` is parsed with one rounding, so 33.3% is exactly the double nearest 0.333.
  return { kind: 'PercentLit', value: Number(`${text}e-2`), text, span: spanOfToken(token) };
}

const CLOSING_QUOTES = new Set(['"', '”', '’', "'"]);

export function stringOf(token: IToken): StringLit {
  const image = token.image;
  const closed = image.length >= 2 && CLOSING_QUOTES.has(image[image.length - 1]);
  return { kind: 'StringLit', value: image.slice(1, closed ? -1 : undefined), span: spanOfToken(token) };
}

/** Reports a clause written more than once (`zh`/`en`: the clause keyword in both languages); returns the first. */
export function once<T extends { span: Span }>(ctx: Ctx, values: readonly T[], zh: string, en: string): T | undefined {
  for (let i = 1; i < values.length; i++) {
    ctx.error('KP123', values[i].span, `“${zh}”重复`, `\`${en}\` is written more than once`);
  }
  return values[0];
}

const EXPR_KINDS: ReadonlySet<string> = new Set([
  'NumberLit', 'PercentLit', 'StringLit', 'BoolLit', 'MissingLit', 'NameRef', 'MemberAccess', 'Unary', 'Binary',
  'InSet', 'Call', 'History', 'If', 'Match', 'Tiers', 'Weighted', 'Paren',
]);

/**
 * The deepest chain of nested expressions in a tree, counting expression nodes only; iterative,
 * because operator chains can make a tree far deeper than the call stack allows to recurse.
 */
export function expressionDepth(root: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (Array.isArray(value)) {
      for (const v of value) stack.push([v, depth]);
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    const kind = (value as { kind?: unknown }).kind;
    const d = typeof kind === 'string' && EXPR_KINDS.has(kind) ? depth + 1 : depth;
    if (d > max) max = d;
    for (const key in value) {
      if (key !== 'span') stack.push([(value as Record<string, unknown>)[key], d]);
    }
  }
  return max;
}

/** Requires a whole number (a year, a number of decimals, a severity); reports otherwise. */
export function wholeNumber(ctx: Ctx, n: NumberLit, what: string, whatEn: string): NumberLit {
  if (!Number.isInteger(n.value)) {
    ctx.error('KP128', n.span, `${what}应为整数，而不是 ${n.text}`, `${whatEn} must be a whole number, not ${n.text}`);
  }
  return n;
}
