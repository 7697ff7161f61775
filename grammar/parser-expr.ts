// The expression half of the grammar and the primitives definitions share (names, numbers,
// ranges), each rule returning its AST. Operators are read as a flat list and precedence is
// applied when the expression ends (build-expr.ts), so one nesting level costs few rule frames;
// the depth guard stops runaway nesting before the call stack does.
import { type IOrAlt, type IParserConfig, type IToken, type OrMethodOpts, type ParserMethod, tokenMatcher, type TokenType } from 'chevrotain';
import type * as A from './ast.ts';
import { between, identOf, numberOf, percentOf, stringOf } from './build-util.ts';
import { call, type CallArg, type FlatExpr, history, memberAccess, precedence, type SetLit } from './build-expr.ts';
import { alt, ParserBase } from './parser-base.ts';
import { MISSING, NO_ARG, NO_IDENT, NO_NUMBER, NO_RANGE, NO_STRING } from './recovery-values.ts';
import { spanOfToken } from './span.ts';
import * as t from './tokens.ts';

export { MAX_NESTING_DEPTH } from './parser-base.ts';
export type { DepthError } from './parser-base.ts';

const kw = t.keywordTokens;

/** A rule taking no arguments. */
export type Rule<T> = ParserMethod<[], T>;

/** A table by tokenTypeIdx of the given token types and every type in their categories. */
function typeTable(types: readonly TokenType[]): readonly boolean[] {
  const out: boolean[] = [];
  for (const type of t.parserTokens) {
    const probe = { tokenType: type, tokenTypeIdx: type.tokenTypeIdx! } as IToken;
    out[type.tokenTypeIdx!] = types.some(x => tokenMatcher(probe, x));
  }
  return out;
}

/** Tokens that are a whole operand by themselves (see `leaf`). */
const LEAVES = typeTable([t.Word, t.NumberTok, t.Percent, t.StringTok]);
/** Tokens after which an operand goes on: its postfix loop (`.member`, `@-k`). */
const SUFFIXES = typeTable([t.Dot, t.At]);
/** Tokens after which an expression goes on: the postfix loop or the operator loop. */
const CONTINUES = typeTable([t.Dot, t.At, t.BinaryOperator, kw.and, kw.or, kw.in]);

/** Expression rules and shared primitives; the bracketed forms they refer to are in parser-forms.ts. */
export abstract class ExpressionParser extends ParserBase {
  /** Prefix operators read by the current operand, and those of the operand last completed. */
  private pendingPrefixes: IToken[] | undefined = undefined;
  private lastPrefixes: IToken[] | undefined = undefined;
  /** The postfix chain of the operand being read. */
  private head: A.Expr = MISSING;
  /** Operators and operands after the first of the expressions being read, innermost last. */
  private readonly chainOps: IToken[] = [];
  private readonly chainRhs: (A.Expr | SetLit)[] = [];
  private readonly chainPrefixes: (IToken[] | undefined)[] = [];

  protected abstract readonly ifExpr: Rule<A.Expr>;
  protected abstract readonly matchExpr: Rule<A.Expr>;
  protected abstract readonly tiersExpr: Rule<A.Expr>;
  protected abstract readonly weightedExpr: Rule<A.Expr>;
  protected abstract readonly setLit: Rule<SetLit>;

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

  /**
   * Shortcuts past the grammar for the commonest leaves: a word where a name is expected; a lone
   * name, number, percentage or text as an operand or a whole expression; a number as a signed
   * number. Through the grammar such a leaf takes one alternative, enters no loop and cannot fail,
   * and a rule invocation that succeeds leaves nothing behind in Chevrotain's state, so reading
   * the token directly changes nothing but the cost (a third of all rule invocations). Grammar
   * recording always goes through the rules; with `fastPaths` off parsing does too, and the tests
   * check that both ways give the same result.
   */
  fastPaths = true;

  /** Consumes `token` (the next one) as CONSUME would. */
  protected take(token: IToken): void {
    this.SKIP_TOKEN();
    this.onToken('', token);
  }

  /** Consumes a token of LEAVES and returns it as an expression. */
  protected leaf(token: IToken): A.Expr {
    this.take(token);
    const type = token.tokenType;
    return type === t.Word ? this.nameRef(token) : type === t.NumberTok ? numberOf(token) : type === t.Percent ? percentOf(token) : stringOf(token);
  }

  /** Whether the next token alone is an expression, at a depth the guard allows. */
  protected leafExpressionAhead(): boolean {
    return this.fastPaths && !this.RECORDING_PHASE && this.depth < this.maxDepth &&
      LEAVES[this.LA_FAST(1).tokenTypeIdx] && !CONTINUES[this.LA_FAST(2).tokenTypeIdx];
  }

  /** `SUBRULE<idx>(this.name)`. */
  protected nameAt(idx: number): A.Ident {
    const token = this.LA_FAST(1);
    if (!this.fastPaths || this.RECORDING_PHASE || token.tokenType !== t.Word) return this.subrule(idx, this.name);
    this.take(token);
    return identOf(this.ctx, token);
  }

  /** `SUBRULE<idx>(this.expression)`. */
  protected expr(idx: number): A.Expr {
    return this.leafExpressionAhead() ? this.leaf(this.LA_FAST(1)) : this.subrule(idx, this.expression);
  }

  /** `SUBRULE<idx>(this.operand)`. */
  private operandAt(idx: number): A.Expr {
    const token = this.LA_FAST(1);
    if (!this.fastPaths || this.RECORDING_PHASE || !LEAVES[token.tokenTypeIdx] || SUFFIXES[this.LA_FAST(2).tokenTypeIdx]) {
      return this.subrule(idx, this.operand);
    }
    this.lastPrefixes = undefined;
    return this.leaf(token);
  }

  /** `SUBRULE<idx>(this.signedNumber)`. */
  protected signedNumberAt(idx: number): A.NumberLit {
    const token = this.LA_FAST(1);
    if (!this.fastPaths || this.RECORDING_PHASE || token.tokenType !== t.NumberTok) return this.subrule(idx, this.signedNumber);
    this.take(token);
    return numberOf(token);
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
    const low = this.signedNumberAt(0);
    this.CONSUME(t.DotDot);
    const high = this.signedNumberAt(2);
    return this.RECORDING_PHASE ? NO_RANGE : { kind: 'RangeLit', low, high, span: between(low.span, high.span) };
  }, this.recovering(NO_RANGE));

  public signedNumber = this.RULE('signedNumber', (): A.NumberLit => {
    const minus = this.OPTION(() => this.CONSUME(t.Minus));
    const digits = this.CONSUME(t.NumberTok);
    return this.RECORDING_PHASE ? NO_NUMBER : numberOf(digits, minus);
  }, this.recovering(NO_NUMBER));

  /** Operands and binary operators in a flat list; build-expr.ts applies precedence. */
  public expression = this.RULE('expression', (): A.Expr => {
    this.depth++;
    const base = this.chainOps.length;
    try {
      if (this.depth > this.maxDepth) {
        if (!this.RECORDING_PHASE) this.skipDeep();
        return MISSING;
      }
      const cuts = this.depthErrors.length;
      const first = this.operandAt(0);
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

  // The hot rules reuse their alternatives and steps: building them on every call made garbage
  // collection the larger part of parsing. They keep what they read in fields, not in locals.
  private readonly operatorAlts: IOrAlt<unknown>[] = [
    alt(() => { const op = this.CONSUME(t.BinaryOperator); this.pushStep(op, this.operandAt(2), this.lastPrefixes); }),
    alt(() => { const op = this.CONSUME(kw.and); this.pushStep(op, this.operandAt(3), this.lastPrefixes); }),
    alt(() => { const op = this.CONSUME(kw.or); this.pushStep(op, this.operandAt(4), this.lastPrefixes); }),
    alt(() => { const op = this.CONSUME(kw.in); this.pushStep(op, this.SUBRULE(this.setLit), undefined); }),
  ];

  private readonly operatorStep = (): void => {
    this.OR(this.operatorAlts);
  };

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
      this.head = this.OR2(this.primaryAlts) as A.Expr;
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
      const expr = this.expr(0);
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
          const value = this.expr(0);
          const within = this.OPTION(() => { this.CONSUME(kw.within); return this.expr(2); });
          const where = this.OPTION2(() => { this.CONSUME(kw.where); return this.expr(3); });
          return { value, within, where };
        }),
        alt((): CallArg => {
          this.CONSUME2(kw.within);
          const within = this.expr(4);
          const where = this.OPTION3(() => { this.CONSUME2(kw.where); return this.expr(5); });
          return { within, where };
        }),
      ],
    }) as CallArg;
  }, this.recovering(NO_ARG));

  private isRangeAhead(): boolean {
    const k = this.LA(1).tokenType === t.Minus ? 2 : 1;
    return this.LA(k).tokenType === t.NumberTok && this.LA(k + 1).tokenType === t.DotDot;
  }
}
