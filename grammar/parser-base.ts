// What every grammar rule shares, below the grammar itself: Chevrotain's embedded-actions parser
// with the conversion context, the nesting guard, and the tracking of consumed tokens and
// recoveries that gives spans and "touched by recovery" without building a CST.
import { EmbeddedActionsParser, EOF, type IOrAlt, type IParserConfig, type IRuleConfig, type IToken, type TokenType } from 'chevrotain';
import { Ctx, type CtxMark, expressionDepth } from './build-util.ts';
import { spanOfToken, type Span } from './span.ts';
import * as t from './tokens.ts';

const kw = t.keywordTokens;

/** Deepest expression nesting (parentheses, prefix operators, if/match/tiers, operator chains) accepted. */
export const MAX_NESTING_DEPTH = 128;

export const ITEM_STARTS: ReadonlySet<TokenType> = new Set([...t.ITEM_START_IDS].map(id => kw[id]));
/** Definitions whose name is followed by `{`: such a keyword right before `{` lacks its name. */
const BLOCK_STARTS: ReadonlySet<TokenType> = new Set(['enum', 'records', 'events', 'periods', 'unit'].map(id => kw[id]));

/** What follows `keyword name` when a keyword that is also a noun really begins a definition. */
const AFTER_DEFINITION_NAME: ReadonlyMap<TokenType, ReadonlySet<TokenType>> = new Map([
  ...['enum', 'records', 'events', 'periods', 'unit'].map(id => [kw[id], new Set([t.LBrace])] as const),
  ...['score', 'define', 'rank'].map(id => [kw[id], new Set([t.Equals])] as const),
  ...['weights', 'table', 'grade'].map(id => [kw[id], new Set([kw.by])] as const),
  [kw.input, new Set([t.Comma, t.Colon])],
  [kw.disposition, new Set(['severity', 'priority', 'when', 'candidates', 'because', 'source'].map(id => kw[id]))],
]);

/** An alternative for OR, built by a function so the arrow stays anonymous (see below). */
export function alt<T>(ALT: () => T, GATE?: () => boolean): IOrAlt<T> {
  return GATE ? { GATE, ALT } : { ALT };
}

/**
 * A gated repetition or option. Tools that keep function names (tsx, used by the CLI and the
 * benchmarks) wrap every arrow written as `{ ALT: () => … }` in a naming call each time it is
 * created; passing the arrows as arguments keeps them anonymous and parsing fast.
 */
export function gated<T>(GATE: () => boolean, DEF: () => T): { GATE: () => boolean; DEF: () => T } {
  return { GATE, DEF };
}

/** Where nesting went past the limit, recorded while parsing. */
export interface DepthError {
  /** The text that was skipped (empty at the end of the previous token when nothing was). */
  readonly span: Span;
}

/**
 * Where a rule invocation began: the count of real tokens consumed, of recoveries and of tokens
 * invented by recovery. Comparing with the counts at its end tells what it covered.
 */
export interface Mark {
  readonly tokens: number;
  readonly resyncs: number;
  readonly inserted: number;
}

/** Where an attempted part began: its mark, and where the conversion context stood. */
export interface Scope extends Mark {
  readonly ctx: CtxMark;
}

/** What an attempted part (the header, an item, a definition in a unit) came to. */
export interface Settled<T> {
  /** From its first to its last real token (empty at 0 when it has none). */
  readonly span: Span;
  /** Whether recovery touched it: a re-synced or failed rule inside, or an invented token. */
  readonly recovered: boolean;
  /** Its tree, when nothing makes it unusable. */
  readonly value: T | undefined;
}

const OPENERS: ReadonlySet<TokenType> = new Set([t.LParen, t.CallParen, t.LBrace]);
const CLOSERS: ReadonlySet<TokenType> = new Set([t.RParen, t.RBrace]);
const SKIP_STOPS: ReadonlySet<TokenType> = new Set([
  kw.then, kw.else, t.Arrow, t.Comma, t.Semicolon, t.Percent,
  ...[...t.ITEM_START_IDS].map(id => kw[id]),
]);

/** What Chevrotain calls for every consumed token; a no-op in embedded-actions parsers. */
interface TokenHook {
  cstPostTerminal(label: string, token: IToken): void;
}

const NO_SPAN: Span = { start: 0, end: 0 };

/**
 * Shared state and helpers of the grammar rules. The grammar is one parser class built in layers,
 * one file each: expressions (parser-expr.ts), bracketed forms (parser-forms.ts), definitions of
 * data and scores (parser-defs.ts), of outcomes (parser-outcomes.ts), and the file (parser.ts).
 */
export abstract class ParserBase extends EmbeddedActionsParser {
  /** Diagnostics and keyword-names of tree building; replaced for every parse. */
  ctx = new Ctx(MAX_NESTING_DEPTH);
  /** Current nesting, counted on entry to `expression` and per prefix operator. */
  protected depth = 0;
  maxDepth = MAX_NESTING_DEPTH;
  depthErrors: DepthError[] = [];
  /** Offsets of every consumed real token, in order, and how many there are. */
  private starts = new Int32Array(256);
  private ends = new Int32Array(256);
  private consumed = 0;
  /** Rule invocations that recovery re-synced, and tokens it invented. */
  private resyncs = 0;
  private inserted = 0;
  private readonly altCache = new Map<string, IOrAlt<unknown>[]>();
  private skipBalance = 0;
  private skipIfs = 0;

  constructor(tokens: TokenType[], config: IParserConfig) {
    super(tokens, config);
  }

  /**
   * Watches every consumed token. Chevrotain's CST builder is told of each token through
   * `cstPostTerminal`, which embedded-actions parsers leave a no-op: it is the one place that sees
   * every token (tokens invented by recovery included) and no skipped one. Call after self-analysis.
   */
  protected watchTokens(): void {
    (this as unknown as TokenHook).cstPostTerminal = this.onToken;
  }

  /** Records a consumed token: called by Chevrotain for every CONSUME, and by the shortcuts of parser-expr.ts. */
  protected onToken(_label: string, token: IToken): void {
    if (token.isInsertedInRecovery === true || Number.isNaN(token.startOffset)) {
      this.inserted++;
      return;
    }
    const i = this.consumed++;
    this.starts[i] = token.startOffset;
    // Offset-only lexing leaves `endOffset` unset (lexer.ts); the end follows from the image.
    this.ends[i] = token.startOffset + token.image.length;
  }

  /** Resets per-parse state; call before setting `input`. */
  prepare(maxDepth: number, tokenCount: number): void {
    this.depth = 0;
    this.maxDepth = maxDepth;
    this.depthErrors = [];
    this.ctx = new Ctx(maxDepth);
    this.consumed = 0;
    this.resyncs = 0;
    this.inserted = 0;
    if (this.starts.length < tokenCount) {
      this.starts = new Int32Array(tokenCount);
      this.ends = new Int32Array(tokenCount);
    }
  }

  /** The rule options that count a re-sync and give the rule's value after one. */
  protected recovering<T>(placeholder: T): IRuleConfig<T> {
    return {
      recoveryValueFunc: () => {
        this.resyncs++;
        return placeholder;
      },
    };
  }

  protected mark(): Mark {
    return { tokens: this.consumed, resyncs: this.resyncs, inserted: this.inserted };
  }

  /** Opens a part that is kept or dropped on its own (the header, an item, a definition in a unit). */
  protected openScope(): Scope {
    this.ctx.broken = false;
    return { tokens: this.consumed, resyncs: this.resyncs, inserted: this.inserted, ctx: this.ctx.mark() };
  }

  /**
   * Decides whether a part that ended (`completed`: normally rather than by a syntax error passing
   * through) is kept. Parts that recovery touched or that hold over-deep nesting count as never
   * built; parts whose tree building found a problem are dropped, their diagnostics kept.
   */
  protected settle<T>(scope: Scope, value: T | undefined, completed: boolean): Settled<T> {
    const span = this.spanSince(scope.tokens);
    const recovered = !completed || this.recoveredSince(scope);
    if (recovered || this.tooDeepWithin(span)) {
      this.ctx.rollback(scope.ctx);
      return { span, recovered, value: undefined };
    }
    if (this.ctx.broken) return { span, recovered, value: undefined };
    // Each expression node owns a token of its own (a literal, an operator, a bracket, a keyword),
    // so a tree is at most as deep as its part has tokens, plus one leaf without (a placeholder).
    if (this.consumed - scope.tokens >= this.maxDepth && span.end - span.start > this.maxDepth && expressionDepth(value) > this.maxDepth) {
      this.ctx.error('KP122', span, `表达式嵌套过深（超过 ${this.maxDepth} 层），请拆成几个得分或定义`,
        `expression nested too deeply (more than ${this.maxDepth} levels); split it into several definitions`);
      return { span, recovered, value: undefined };
    }
    return { span, recovered, value };
  }

  /** Whether the nesting guard cut something inside `span` (an empty cut belongs to the token before it). */
  private tooDeepWithin(span: Span): boolean {
    for (const d of this.depthErrors) {
      const at = d.span.start === d.span.end ? d.span.start - 1 : d.span.start;
      if (at >= span.start && at < span.end) return true;
    }
    return false;
  }

  /** The number of real tokens consumed so far: a mark for `spanSince`. */
  protected get tokenCount(): number {
    return this.consumed;
  }

  /**
   * From the first to the last real token consumed since `tokens` (an earlier `tokenCount`);
   * empty at 0 when there is none. Tokens skipped by recovery or by the nesting guard do not count.
   */
  protected spanSince(tokens: number): Span {
    if (this.consumed <= tokens) return NO_SPAN;
    return { start: this.starts[tokens], end: this.ends[this.consumed - 1] };
  }

  /** Whether recovery re-synced a rule or invented a token since `m`. */
  protected recoveredSince(m: Mark): boolean {
    return this.resyncs !== m.resyncs || this.inserted !== m.inserted;
  }

  /**
   * The alternatives of one OR, built on its first run and reused: building them on every call
   * (an array, an object and closures per alternative) made garbage collection a third of parsing.
   * The closures may refer only to `this` and constants, never to a rule's local variables.
   */
  protected alts(key: string, make: () => IOrAlt<unknown>[]): IOrAlt<unknown>[] {
    let cached = this.altCache.get(key);
    if (cached === undefined) {
      cached = make();
      this.altCache.set(key, cached);
    }
    return cached;
  }

  /**
   * Skips an operand nested past the limit, tracking brackets and if/else so the enclosing
   * levels resume cleanly. Plain JS, invisible to grammar analysis, so the lookahead of every
   * rule that contains an expression stays exact.
   */
  protected skipDeep(): void {
    this.skipBalance = 0;
    this.skipIfs = 0;
    const first = this.LA(1);
    let last: IToken | undefined;
    for (let next = first; this.skipMore(next.tokenType); next = this.SKIP_TOKEN()) {
      this.skipped(next.tokenType);
      last = next;
    }
    const before = this.LA(0);
    const at = before.tokenType === EOF ? 0 : spanOfToken(before).end;
    this.depthErrors.push({ span: last ? { start: first.startOffset, end: spanOfToken(last).end } : { start: at, end: at } });
  }

  private skipMore(type: TokenType): boolean {
    if (type === EOF) return false;
    // Even inside unclosed brackets, `score 名称 =` begins the next definition.
    if (ITEM_STARTS.has(type) && this.startsDefinition()) return false;
    if (CLOSERS.has(type)) return this.skipBalance > 0;
    if (this.skipBalance > 0) return true;
    if (this.skipIfs > 0) return !ITEM_STARTS.has(type);
    return !SKIP_STOPS.has(type);
  }

  private skipped(type: TokenType): void {
    if (OPENERS.has(type)) this.skipBalance++;
    else if (CLOSERS.has(type)) this.skipBalance--;
    else if (this.skipBalance === 0 && type === kw.if) this.skipIfs++;
    else if (this.skipBalance === 0 && type === kw.else) this.skipIfs--;
  }

  /** `,` or `;` (at most one call per rule: it uses the DSL's occurrence index 9). */
  protected sep(): void {
    this.OR9(this.alts('helper/OR9/6', () => [alt(() => this.CONSUME9(t.Comma)), alt(() => this.CONSUME9(t.Semicolon))]));
  }

  /**
   * A keyword that starts definitions (得分, 排名, …) followed by a name, text or `{` is the next
   * definition, not a name here: `score a = 1 +` must not swallow `score b = 2`.
   */
  protected readonly notNextItem = (): boolean => this.isNameHere();

  protected isNameHere(): boolean {
    return !ITEM_STARTS.has(this.LA(1).tokenType) || !this.startsDefinition();
  }

  /** Whether the tokens ahead read as the start of a definition (`得分 乙 =`, `单位 乡镇 {`, `测试 "…"`). */
  protected startsDefinition(): boolean {
    const first = this.LA(1).tokenType;
    const next = this.LA(2).tokenType;
    if (first === kw.test || first === kw.ruleset) return next === t.StringTok;
    if (first === kw.override) return ITEM_STARTS.has(next);
    if (next === t.LBrace) return BLOCK_STARTS.has(first);
    if (next !== t.Word && !(next.CATEGORIES ?? []).includes(t.SoftKeyword)) return false;
    if (first === kw.remove) return true;
    return AFTER_DEFINITION_NAME.get(first)?.has(this.LA(3).tokenType) ?? false;
  }
}
