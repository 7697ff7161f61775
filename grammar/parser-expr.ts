// The expression half of the grammar, and the primitives definitions share (names, numbers,
// ranges), each rule returning its AST. Operators are read as a flat list and precedence is
// applied when the expression ends (build-expr.ts), so one nesting level costs few rule frames;
// a depth guard stops runaway nesting before the call stack does.
import { EOF, type IOrAlt, type IParserConfig, type IToken, type OrMethodOpts, type TokenType } from 'chevrotain';
import type * as A from './ast.ts';
import { between, identOf, numberOf, percentOf, stringOf } from './build-util.ts';
import {
  call, type CallArg, elseLast, type FlatExpr, history, matchArm, memberAccess, precedence, type SetLit, tierArm,
} from './build-expr.ts';
import { keywordIdOf } from './lexer.ts';
import { alt, gated, ITEM_STARTS, ParserBase } from './parser-base.ts';
import { spanOfToken, type Span } from './span.ts';
import * as t from './tokens.ts';

export { MAX_NESTING_DEPTH } from './parser-base.ts';
export type { DepthError } from './parser-base.ts';

const kw = t.keywordTokens;

const NO_SPAN: Span = { start: 0, end: 0 };
/** What a rule gives after recovery re-synced it (the part is dropped; the value only has to be well-formed). */
export const MISSING: A.MissingLit = { kind: 'MissingLit', span: NO_SPAN };
export const NO_IDENT: A.Ident = { kind: 'Ident', name: '', span: NO_SPAN };
export const NO_STRING: A.StringLit = { kind: 'StringLit', value: '', span: NO_SPAN };
const NO_NUMBER: A.NumberLit = { kind: 'NumberLit', value: 0, text: '0', span: NO_SPAN };
const NO_RANGE: A.RangeLit = { kind: 'RangeLit', low: NO_NUMBER, high: NO_NUMBER, span: NO_SPAN };
const NO_WEIGHT: A.WeightItem = { kind: 'WeightItem', expr: MISSING, weight: { kind: 'PercentLit', value: 0, text: '0', span: NO_SPAN }, span: NO_SPAN };
const NO_SORT_KEY: A.SortKey = { kind: 'SortKey', expr: MISSING, direction: 'desc', span: NO_SPAN };
const NO_ARM: A.MatchArm = { kind: 'MatchArm', patterns: 'else', value: MISSING, span: NO_SPAN };
const NO_TIER: A.TierArm = { kind: 'TierArm', cond: 'else', value: MISSING, span: NO_SPAN };
const NO_SET: SetLit = { items: [], span: NO_SPAN };
const NO_ARG: CallArg = {};
const NO_EXPRS: readonly A.Expr[] = Object.freeze([]);

const OPENERS: ReadonlySet<TokenType> = new Set([t.LParen, t.CallParen, t.LBrace]);
const CLOSERS: ReadonlySet<TokenType> = new Set([t.RParen, t.RBrace]);
const SKIP_STOPS: ReadonlySet<TokenType> = new Set([
  kw.then, kw.else, t.Arrow, t.Comma, t.Semicolon, t.Percent,
  ...[...t.ITEM_START_IDS].map(id => kw[id]),
]);

/** Expression rules, shared primitives and the nesting guard; parser-defs.ts adds the definitions. */
export abstract class ExpressionParser extends ParserBase {
  private skipBalance = 0;
  private skipIfs = 0;
  /** Prefix operators read by the current operand, and those of the operand last completed. */
  private pendingPrefixes: IToken[] | undefined = undefined;
  private lastPrefixes: IToken[] | undefined = undefined;
  /** The postfix chain of the operand being read. */
  private head: A.Expr = MISSING;
  /** Operators and operands after the first of the expressions being read, innermost last. */
  private readonly chainOps: IToken[] = [];
  private readonly chainRhs: (A.Expr | SetLit)[] = [];
  private readonly chainPrefixes: (IToken[] | undefined)[] = [];

  constructor(tokens: TokenType[], config: IParserConfig) {
    super(tokens, config);
  }

  /** Resets per-parse state; call before setting `input`. */
  override prepare(maxDepth: number, tokenCount: number): void {
    super.prepare(maxDepth, tokenCount);
    this.chainOps.length = 0;
    this.chainRhs.length = 0;
    this.chainPrefixes.length = 0;
  }

  /**
   * A keyword accepted as a name: checked in the alternative rather than as a gate, so the OR
   * decides on one token through Chevrotain's table (a gated OR re-reads its gates on every call).
   * Failing here raises the very error the gated OR raised: nothing was consumed yet.
   */
  private checkSoftName(occurrence: number): void {
    if (!this.RECORDING_PHASE && !this.isNameHere()) {
      (this as unknown as { raiseNoAltException(o: number, m: undefined): never }).raiseNoAltException(occurrence, undefined);
    }
  }

  public name = this.RULE('name', (): A.Ident => {
    const token = this.OR(this.alts('name/OR/5', () => [
      alt(() => this.CONSUME(t.Word)),
      alt(() => { this.checkSoftName(0); return this.CONSUME(t.SoftKeyword); }),
    ])) as IToken;
    return this.RECORDING_PHASE ? NO_IDENT : identOf(this.ctx, token);
  }, this.recovering(NO_IDENT));

  public sourceClause = this.RULE('sourceClause', (): A.StringLit => {
    this.CONSUME(kw.source);
    const text = this.CONSUME(t.StringTok);
    return this.RECORDING_PHASE ? NO_STRING : stringOf(text);
  }, this.recovering(NO_STRING));

  public range = this.RULE('range', (): A.RangeLit => {
    const low = this.SUBRULE(this.signedNumber);
    this.CONSUME(t.DotDot);
    const high = this.SUBRULE2(this.signedNumber);
    return this.RECORDING_PHASE ? NO_RANGE : { kind: 'RangeLit', low, high, span: between(low.span, high.span) };
  }, this.recovering(NO_RANGE));

  public signedNumber = this.RULE('signedNumber', (): A.NumberLit => {
    const minus = this.OPTION(() => this.CONSUME(t.Minus));
    const digits = this.CONSUME(t.NumberTok);
    return this.RECORDING_PHASE ? NO_NUMBER : numberOf(digits, minus);
  }, this.recovering(NO_NUMBER));

  public weightItem = this.RULE('weightItem', (): A.WeightItem => {
    const expr = this.SUBRULE(this.expression);
    const percent = this.CONSUME(t.Percent);
    if (this.RECORDING_PHASE) return NO_WEIGHT;
    const weight = percentOf(percent);
    return { kind: 'WeightItem', expr, weight, span: between(expr.span, weight.span) };
  }, this.recovering(NO_WEIGHT));

  public sortKey = this.RULE('sortKey', (): A.SortKey => {
    const expr = this.SUBRULE(this.expression);
    const dir = this.OPTION(() => this.OR(this.alts('sortKey/OR/4', () => [alt(() => this.CONSUME(kw.desc)), alt(() => this.CONSUME(kw.asc))])) as IToken);
    if (this.RECORDING_PHASE) return NO_SORT_KEY;
    return {
      kind: 'SortKey', expr, direction: dir && keywordIdOf(dir) === 'asc' ? 'asc' : 'desc',
      span: dir ? between(expr.span, spanOfToken(dir)) : expr.span,
    };
  }, this.recovering(NO_SORT_KEY));

  public exprList = this.RULE('exprList', (): A.Expr[] => {
    const list = [this.SUBRULE(this.expression)];
    this.MANY(() => { this.CONSUME(t.Comma); list.push(this.SUBRULE2(this.expression)); });
    return list;
  }, this.recovering(NO_EXPRS as A.Expr[]));

  /**
   * Operands and binary operators in a flat list; build-expr.ts applies precedence. Past the
   * nesting limit the operand is skipped flatly instead (plain JS, invisible to grammar analysis,
   * so the lookahead of every rule that contains an expression stays exact).
   */
  public expression = this.RULE('expression', (): A.Expr => {
    this.depth++;
    const base = this.chainOps.length;
    try {
      if (this.depth > this.maxDepth) {
        if (!this.RECORDING_PHASE) this.skipDeep();
        return MISSING;
      }
      const cuts = this.depthErrors.length;
      const first = this.SUBRULE(this.operand);
      const firstPrefixes = this.lastPrefixes;
      this.MANY(this.operatorStep);
      // Past the nesting guard the definition is dropped anyway, and thousands of prefix
      // operators would overflow the stack of the precedence loop.
      if (this.RECORDING_PHASE || this.depthErrors.length !== cuts) return MISSING;
      // A lone operand without operators is most expressions: no lists, no precedence loop.
      if (this.chainOps.length === base && firstPrefixes === undefined) return first;
      const flat: FlatExpr = {
        rhs: [first, ...this.chainRhs.slice(base)],
        prefixes: [firstPrefixes, ...this.chainPrefixes.slice(base)],
        ops: this.chainOps.slice(base),
      };
      return precedence(this.ctx, flat);
    } finally {
      this.depth--;
      this.chainOps.length = base;
      this.chainRhs.length = base;
      this.chainPrefixes.length = base;
    }
  }, this.recovering<A.Expr>(MISSING));

  private pushStep(op: IToken, rhs: A.Expr | SetLit, prefixes: IToken[] | undefined): void {
    this.chainOps.push(op);
    this.chainRhs.push(rhs);
    this.chainPrefixes.push(prefixes);
  }

  // The hot rules reuse their alternatives: building them on every call made garbage
  // collection the larger part of parsing.
  private readonly operatorAlts: IOrAlt<unknown>[] = [
    alt(() => { const op = this.CONSUME(t.BinaryOperator); this.pushStep(op, this.SUBRULE2(this.operand), this.lastPrefixes); }),
    alt(() => { const op = this.CONSUME(kw.and); this.pushStep(op, this.SUBRULE3(this.operand), this.lastPrefixes); }),
    alt(() => { const op = this.CONSUME(kw.or); this.pushStep(op, this.SUBRULE4(this.operand), this.lastPrefixes); }),
    alt(() => { const op = this.CONSUME(kw.in); this.pushStep(op, this.SUBRULE(this.setLit), undefined); }),
  ];

  private readonly operatorStep = (): void => {
    this.OR(this.operatorAlts);
  };

  /** Skips the over-deep operand, tracking brackets and if/else so the enclosing levels resume cleanly. */
  private skipDeep(): void {
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

  /**
   * Prefix operators, one primary and its postfix chain in one rule: expressions are most of a
   * file, and each rule invocation costs, so the common leaves (names, numbers, calls) stay flat.
   * The operand's value is its postfix chain; its prefixes are left in `lastPrefixes`.
   */
  public operand = this.RULE('operand', (): A.Expr => {
    const saved = this.depth;
    try {
      this.pendingPrefixes = undefined;
      this.MANY(this.prefixStep);
      const prefixes = this.pendingPrefixes;
      this.pendingPrefixes = undefined;
      const primary = this.OR2(this.primaryAlts) as A.Expr;
      this.head = primary;
      this.MANY3(this.suffixStep);
      const value = this.head;
      this.lastPrefixes = prefixes;
      return value;
    } finally {
      this.depth = saved;
    }
  }, this.recovering<A.Expr>(MISSING));

  private readonly prefixAlts: IOrAlt<IToken>[] = [
    alt(() => this.CONSUME(t.Minus)),
    alt(() => this.CONSUME(kw.not)),
  ];

  private readonly prefixStep = (): void => {
    const tok = this.OR(this.prefixAlts);
    if (this.RECORDING_PHASE) return;
    (this.pendingPrefixes ??= []).push(tok);
    this.depth++;
    if (this.depth === this.maxDepth + 1) this.depthErrors.push({ span: spanOfToken(tok) });
  };

  private readonly primaryAlts: IOrAlt<unknown>[] = [
    alt(() => { const tk = this.CONSUME(t.NumberTok); return this.RECORDING_PHASE ? MISSING : numberOf(tk); }),
    alt(() => { const tk = this.CONSUME(t.Percent); return this.RECORDING_PHASE ? MISSING : percentOf(tk); }),
    alt(() => { const tk = this.CONSUME(t.StringTok); return this.RECORDING_PHASE ? MISSING : stringOf(tk); }),
    alt(() => { const tk = this.CONSUME(kw.true); return { kind: 'BoolLit', value: true, span: spanOfToken(tk) }; }),
    alt(() => { const tk = this.CONSUME(kw.false); return { kind: 'BoolLit', value: false, span: spanOfToken(tk) }; }),
    alt(() => { const tk = this.CONSUME(kw.missing); return { kind: 'MissingLit', span: spanOfToken(tk) }; }),
    alt(() => {
      const callee = this.CONSUME(t.Callee);
      this.CONSUME(t.CallParen);
      const args: CallArg[] = [];
      this.OPTION(() => {
        args.push(this.SUBRULE(this.callArg));
        this.MANY2(() => { this.CONSUME(t.Comma); args.push(this.SUBRULE2(this.callArg)); });
      });
      const rparen = this.CONSUME(t.RParen);
      return this.RECORDING_PHASE ? MISSING : call(this.ctx, callee, args, rparen);
    }),
    alt(() => this.nameRef(this.CONSUME2(t.Word))),
    alt(() => { this.checkSoftName(2); return this.nameRef(this.CONSUME(t.SoftKeyword)); }),
    alt(() => {
      const open = this.CONSUME(t.LParen);
      const expr = this.SUBRULE(this.expression);
      const close = this.CONSUME2(t.RParen);
      return this.RECORDING_PHASE ? MISSING : { kind: 'Paren', expr, span: between(spanOfToken(open), spanOfToken(close)) };
    }),
    alt(() => this.SUBRULE(this.ifExpr)),
    alt(() => this.SUBRULE(this.matchExpr)),
    alt(() => this.SUBRULE(this.tiersExpr)),
    alt(() => this.SUBRULE(this.weightedExpr)),
  ];

  private nameRef(token: IToken): A.Expr {
    if (this.RECORDING_PHASE) return MISSING;
    const name = identOf(this.ctx, token);
    return { kind: 'NameRef', name, span: name.span };
  }

  private readonly memberAlts: IOrAlt<IToken>[] = [
    alt(() => this.CONSUME3(t.Word)),
    alt(() => this.CONSUME2(t.SoftKeyword)),
  ];

  private readonly suffixAlts: IOrAlt<unknown>[] = [
    alt(() => {
      this.CONSUME(t.Dot);
      const member = this.OR4(this.memberAlts);
      if (!this.RECORDING_PHASE) this.head = memberAccess(this.ctx, this.head, member);
    }),
    alt(() => {
      this.CONSUME(t.At);
      this.CONSUME2(t.Minus);
      const years = this.CONSUME2(t.NumberTok);
      if (!this.RECORDING_PHASE) this.head = history(this.ctx, this.head, years);
    }),
  ];

  private readonly suffixStep = (): void => {
    this.OR3(this.suffixAlts);
  };

  private callArgChoice?: OrMethodOpts<unknown>;

  /** An argument: a year window `-2..0`, or a value or rows with optional `within` and `where`. */
  public callArg = this.RULE('callArg', (): CallArg => {
    // Decided on one token (plus a hand-written check for `-2..0`): this runs for every argument.
    return this.OR(this.callArgChoice ??= {
      MAX_LOOKAHEAD: 1,
      IGNORE_AMBIGUITIES: true,
      DEF: [
        alt((): CallArg => ({ range: this.SUBRULE(this.range) }), () => this.isRangeAhead()),
        alt((): CallArg => {
          const value = this.SUBRULE(this.expression);
          const within = this.OPTION(() => { this.CONSUME(kw.within); return this.SUBRULE2(this.expression); });
          const where = this.OPTION2(() => { this.CONSUME(kw.where); return this.SUBRULE3(this.expression); });
          return { value, within, where };
        }),
        alt((): CallArg => {
          this.CONSUME2(kw.within);
          const within = this.SUBRULE4(this.expression);
          const where = this.OPTION3(() => { this.CONSUME2(kw.where); return this.SUBRULE5(this.expression); });
          return { within, where };
        }),
      ],
    }) as CallArg;
  }, this.recovering(NO_ARG));

  private isRangeAhead(): boolean {
    const k = this.LA(1).tokenType === t.Minus ? 2 : 1;
    return this.LA(k).tokenType === t.NumberTok && this.LA(k + 1).tokenType === t.DotDot;
  }

  public ifExpr = this.RULE('ifExpr', (): A.Expr => {
    const start = this.CONSUME(kw.if);
    const cond = this.SUBRULE(this.expression);
    this.CONSUME(kw.then);
    const then = this.SUBRULE2(this.expression);
    this.CONSUME(kw.else);
    const otherwise = this.SUBRULE3(this.expression);
    if (this.RECORDING_PHASE) return MISSING;
    return { kind: 'If', cond, then, else: otherwise, span: between(spanOfToken(start), otherwise.span) };
  }, this.recovering<A.Expr>(MISSING));

  public matchExpr = this.RULE('matchExpr', (): A.Expr => {
    const start = this.CONSUME(kw.match);
    const subject = this.SUBRULE(this.expression);
    this.CONSUME(t.LBrace);
    const arms: A.MatchArm[] = [];
    this.MANY(gated(this.notNextItem, () => { arms.push(this.SUBRULE(this.matchArm)); this.OPTION(() => this.sep()); }));
    const end = this.CONSUME(t.RBrace);
    if (this.RECORDING_PHASE) return MISSING;
    elseLast(this.ctx, arms, i => arms[i].patterns === 'else');
    return { kind: 'Match', subject, arms, span: between(spanOfToken(start), spanOfToken(end)) };
  }, this.recovering<A.Expr>(MISSING));

  public matchArm = this.RULE('matchArm', (): A.MatchArm => {
    const head = this.OR(this.alts('matchArm/OR/3', () => [
      alt(() => this.CONSUME(kw.else)),
      alt(() => {
        const patterns = [this.SUBRULE(this.pattern)];
        this.MANY(() => { this.CONSUME(t.Comma); patterns.push(this.SUBRULE2(this.pattern)); });
        return patterns;
      }),
    ])) as IToken | (A.Ident | A.NumberLit)[];
    this.CONSUME(t.Arrow);
    const value = this.SUBRULE(this.expression);
    if (this.RECORDING_PHASE) return NO_ARM;
    return Array.isArray(head) ? matchArm(undefined, head, value) : matchArm(head, [], value);
  }, this.recovering(NO_ARM));

  public pattern = this.RULE('pattern', (): A.Ident | A.NumberLit => {
    return this.OR(this.alts('pattern/OR/2', () => [alt(() => this.SUBRULE(this.name)), alt(() => this.SUBRULE(this.signedNumber))])) as A.Ident | A.NumberLit;
  }, this.recovering<A.Ident | A.NumberLit>(NO_IDENT));

  public tiersExpr = this.RULE('tiersExpr', (): A.Expr => {
    const start = this.CONSUME(kw.tiers);
    this.CONSUME(t.LBrace);
    const arms: A.TierArm[] = [];
    this.MANY(() => { arms.push(this.SUBRULE(this.tierArm)); this.OPTION(() => this.sep()); });
    const end = this.CONSUME(t.RBrace);
    if (this.RECORDING_PHASE) return MISSING;
    elseLast(this.ctx, arms, i => arms[i].cond === 'else');
    return { kind: 'Tiers', arms, span: between(spanOfToken(start), spanOfToken(end)) };
  }, this.recovering<A.Expr>(MISSING));

  public tierArm = this.RULE('tierArm', (): A.TierArm => {
    const head = this.OR(this.alts('tierArm/OR/1', () => [
      alt(() => this.CONSUME(kw.else)),
      alt(() => this.SUBRULE(this.expression)),
    ])) as IToken | A.Expr;
    this.CONSUME(t.Arrow);
    const value = this.SUBRULE2(this.expression);
    if (this.RECORDING_PHASE) return NO_TIER;
    return 'kind' in head ? tierArm(undefined, head, value) : tierArm(head, MISSING, value);
  }, this.recovering(NO_TIER));

  public weightedExpr = this.RULE('weightedExpr', (): A.Expr => {
    const start = this.CONSUME(kw.weighted);
    const body = this.OR(this.alts('weightedExpr/OR/0', () => [
      alt(() => {
        this.CONSUME(t.LBrace);
        const items: A.WeightItem[] = [];
        this.MANY(() => { items.push(this.SUBRULE(this.weightItem)); this.OPTION(() => this.sep()); });
        const end = this.CONSUME(t.RBrace);
        return { items, end };
      }),
      alt(() => this.SUBRULE(this.name)),
    ])) as A.Ident | { items: A.WeightItem[]; end: IToken };
    if (this.RECORDING_PHASE) return MISSING;
    const from = spanOfToken(start);
    if ('kind' in body) return { kind: 'Weighted', table: body, span: between(from, body.span) };
    return { kind: 'Weighted', items: body.items, span: between(from, spanOfToken(body.end)) };
  }, this.recovering<A.Expr>(MISSING));

  public setLit = this.RULE('setLit', (): SetLit => {
    const start = this.CONSUME(t.LBrace);
    const items: A.Expr[] = [];
    this.MANY(() => { items.push(this.SUBRULE(this.expression)); this.OPTION(() => this.sep()); });
    const end = this.CONSUME(t.RBrace);
    return this.RECORDING_PHASE ? NO_SET : { items, span: between(spanOfToken(start), spanOfToken(end)) };
  }, this.recovering(NO_SET));
}
