// Shared pieces of the CST → AST conversion: the conversion context, child access, spans and literals.
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Ident, NumberLit, PercentLit, StringLit } from './ast.ts';
import type { Diagnostic } from './diagnostic.ts';
import { normalizeDigits } from './lexer.ts';
import { spanOfToken, type Span } from './span.ts';

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
}

export function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

export function tok(n: CstNode, key: string, i = 0): IToken | undefined {
  return n.children[key]?.[i] as IToken | undefined;
}

/** Shared by every absent child list, so looking one up allocates nothing. */
const NONE: readonly never[] = Object.freeze([]);

export function toks(n: CstNode, key: string): readonly IToken[] {
  return (n.children[key] ?? NONE) as IToken[];
}

export function sub(n: CstNode, key: string, i = 0): CstNode | undefined {
  return n.children[key]?.[i] as CstNode | undefined;
}

export function subs(n: CstNode, key: string): readonly CstNode[] {
  return (n.children[key] ?? NONE) as CstNode[];
}

/** True when recovery touched this subtree: a re-synced rule or a token invented by recovery. */
export function isRecovered(n: CstNode): boolean {
  if (n.recoveredNode) return true;
  for (const key in n.children) {
    for (const c of n.children[key]) {
      if (isToken(c) ? c.isInsertedInRecovery === true || Number.isNaN(c.startOffset) : isRecovered(c)) return true;
    }
  }
  return false;
}

const isRealToken = (t: IToken): boolean => !t.isInsertedInRecovery && !Number.isNaN(t.startOffset);

/** Start offset of the first real token of an element (Infinity when it has none). */
function firstOffset(e: CstElement): number {
  if (isToken(e)) return isRealToken(e) ? e.startOffset : Infinity;
  let best = Infinity;
  for (const key in e.children) {
    // Children are grouped by name, each group in order, so only each group's first real element matters.
    for (const c of e.children[key]) {
      const o = firstOffset(c);
      if (o !== Infinity) {
        if (o < best) best = o;
        break;
      }
    }
  }
  return best;
}

/** End offset (exclusive) of the last real token of an element (-Infinity when it has none). */
function lastOffset(e: CstElement): number {
  if (isToken(e)) return isRealToken(e) ? spanOfToken(e).end : -Infinity;
  let best = -Infinity;
  for (const key in e.children) {
    const group = e.children[key];
    for (let i = group.length - 1; i >= 0; i--) {
      const o = lastOffset(group[i]);
      if (o !== -Infinity) {
        if (o > best) best = o;
        break;
      }
    }
  }
  return best;
}

/** The span from the first to the last real token of a subtree (empty span at 0 when it has none). */
export function cstSpan(n: CstNode): Span {
  const loc = n.location;
  // Chevrotain tracks node offsets while parsing; they are NaN where recovery invented or skipped tokens.
  if (loc && !Number.isNaN(loc.startOffset) && loc.endOffset !== undefined && !Number.isNaN(loc.endOffset) && !n.recoveredNode) {
    return { start: loc.startOffset, end: loc.endOffset + 1 };
  }
  const start = firstOffset(n);
  return start === Infinity ? { start: 0, end: 0 } : { start, end: lastOffset(n) };
}

export function between(a: Span, b: Span): Span {
  return { start: a.start, end: b.end };
}

/** A `name` node (a word, or a keyword accepted as a name) as an Ident. */
export function identOf(ctx: Ctx, nameNode: CstNode): Ident {
  const word = tok(nameNode, 'Word');
  const token = word ?? tok(nameNode, 'SoftKeyword')!;
  if (!word) ctx.keywordsAsNames.push(token);
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

/** `signedNumber` node → NumberLit (negative when a minus precedes it). */
export function signedNumberOf(n: CstNode): NumberLit {
  return numberOf(tok(n, 'Number')!, tok(n, 'Minus'));
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
