// The expression half of the grammar, and the primitives definitions share (names, numbers,
// ranges), as a Chevrotain parser that parser.ts extends with the definitions. Precedence is
// applied later, in from-cst-expr.ts, so one nesting level costs few rule frames; a depth guard
// stops runaway nesting before the call stack does.
import { CstParser, EOF, type IOrAlt, type IParserConfig, type IToken, type OrMethodOpts, type TokenType } from 'chevrotain';
import { spanOfToken, type Span } from './span.ts';
import * as t from './tokens.ts';

const kw = t.keywordTokens;
const OP = { LABEL: 'op' };
const RHS = { LABEL: 'rhs' };
const PREFIX = { LABEL: 'prefix' };
const CALLEE = { LABEL: 'callee' };
const NAME_TOK = { LABEL: 'nameTok' };
const MEMBER = { LABEL: 'member' };
const SUFFIX = { LABEL: 'suffix' };
const YEARS = { LABEL: 'years' };

/** Deepest expression nesting (parentheses, prefix operators, if/match/tiers, operator chains) accepted. */
export const MAX_NESTING_DEPTH = 128;

const OPENERS: ReadonlySet<TokenType> = new Set([t.LParen, t.CallParen, t.LBrace]);
const CLOSERS: ReadonlySet<TokenType> = new Set([t.RParen, t.RBrace]);
const SKIP_STOPS: ReadonlySet<TokenType> = new Set([
  kw.then, kw.else, t.Arrow, t.Comma, t.Semicolon, t.Percent,
  ...[...t.ITEM_START_IDS].map(id => kw[id]),
]);
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

/** Expression rules, shared primitives and the nesting guard; parser.ts adds the definitions. */
export abstract class ExpressionParser extends CstParser {
  /** Current nesting, counted on entry to `expression` and per prefix operator. */
  private depth = 0;
  maxDepth = MAX_NESTING_DEPTH;
  depthErrors: DepthError[] = [];
  private skipBalance = 0;
  private skipIfs = 0;

  constructor(tokens: TokenType[], config: IParserConfig) {
    super(tokens, config);
  }

  /** Resets per-parse state; call before setting `input`. */
  prepare(maxDepth: number): void {
    this.depth = 0;
    this.maxDepth = maxDepth;
    this.depthErrors = [];
  }

  private readonly altCache = new Map<string, IOrAlt<unknown>[]>();

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

  /** `,` or `;` (at most one call per rule: it uses the DSL's occurrence index 9). */
  protected sep(): void {
    this.OR9(this.alts('helper/OR9/6', () => [alt(() => this.CONSUME9(t.Comma)), alt(() => this.CONSUME9(t.Semicolon))]));
  }

  public name = this.RULE('name', () => {
    this.OR(this.alts('name/OR/5', () => [
      alt(() => this.CONSUME(t.Word)),
      alt(() => this.CONSUME(t.SoftKeyword), () => this.isNameHere()),
    ]));
  });

  public sourceClause = this.RULE('sourceClause', () => {
    this.CONSUME(kw.source);
    this.CONSUME(t.StringTok);
  });

  public range = this.RULE('range', () => {
    this.SUBRULE(this.signedNumber, { LABEL: 'low' });
    this.CONSUME(t.DotDot);
    this.SUBRULE2(this.signedNumber, { LABEL: 'high' });
  });

  public signedNumber = this.RULE('signedNumber', () => {
    this.OPTION(() => this.CONSUME(t.Minus));
    this.CONSUME(t.NumberTok);
  });

  public weightItem = this.RULE('weightItem', () => {
    this.SUBRULE(this.expression);
    this.CONSUME(t.Percent);
  });

  public sortKey = this.RULE('sortKey', () => {
    this.SUBRULE(this.expression);
    this.OPTION(() => this.OR(this.alts('sortKey/OR/4', () => [alt(() => this.CONSUME(kw.desc)), alt(() => this.CONSUME(kw.asc))])));
  });

  public exprList = this.RULE('exprList', () => {
    this.SUBRULE(this.expression);
    this.MANY(() => { this.CONSUME(t.Comma); this.SUBRULE2(this.expression); });
  });

  /**
   * Operands and binary operators in a flat list; from-cst-expr.ts applies precedence. Past the
   * nesting limit the operand is skipped flatly instead (plain JS, invisible to grammar analysis,
   * so the lookahead of every rule that contains an expression stays exact).
   */
  public expression = this.RULE('expression', () => {
    this.depth++;
    try {
      if (this.depth > this.maxDepth) {
        this.ACTION(() => this.skipDeep());
        return;
      }
      this.SUBRULE(this.operand, RHS);
      this.MANY(this.operatorStep);
    } finally {
      this.depth--;
    }
  });

  // The hot rules reuse their alternatives and options: building them on every call made
  // garbage collection the larger part of parsing.
  private readonly operatorAlts: IOrAlt<unknown>[] = [
    alt(() => { this.CONSUME(t.BinaryOperator, OP); this.SUBRULE2(this.operand, RHS); }),
    alt(() => { this.CONSUME(kw.and, OP); this.SUBRULE3(this.operand, RHS); }),
    alt(() => { this.CONSUME(kw.or, OP); this.SUBRULE4(this.operand, RHS); }),
    alt(() => { this.CONSUME(kw.in, OP); this.SUBRULE(this.setLit, RHS); }),
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
   */
  public operand = this.RULE('operand', () => {
    const saved = this.depth;
    try {
      this.MANY(this.prefixStep);
      this.OR2(this.primaryAlts);
      this.MANY3(this.suffixStep);
    } finally {
      this.depth = saved;
    }
  });

  private readonly prefixAlts: IOrAlt<IToken>[] = [
    alt(() => this.CONSUME(t.Minus, PREFIX)),
    alt(() => this.CONSUME(kw.not, PREFIX)),
  ];

  private readonly prefixStep = (): void => {
    const tok = this.OR(this.prefixAlts);
    this.ACTION(() => {
      this.depth++;
      if (this.depth === this.maxDepth + 1) this.depthErrors.push({ span: spanOfToken(tok) });
    });
  };

  private readonly callArgStep = (): void => {
    this.CONSUME(t.Comma);
    this.SUBRULE2(this.callArg);
  };

  private readonly callArgs = (): void => {
    this.SUBRULE(this.callArg);
    this.MANY2(this.callArgStep);
  };

  private readonly primaryAlts: IOrAlt<unknown>[] = [
    alt(() => this.CONSUME(t.NumberTok)),
    alt(() => this.CONSUME(t.Percent)),
    alt(() => this.CONSUME(t.StringTok)),
    alt(() => this.CONSUME(kw.true)),
    alt(() => this.CONSUME(kw.false)),
    alt(() => this.CONSUME(kw.missing)),
    alt(() => {
        this.CONSUME(t.Callee, CALLEE);
        this.CONSUME(t.CallParen);
        this.OPTION(this.callArgs);
        this.CONSUME(t.RParen);
      }),
    alt(() => this.CONSUME2(t.Word, NAME_TOK)),
    alt(() => this.CONSUME(t.SoftKeyword, NAME_TOK), () => this.isNameHere()),
    alt(() => { this.CONSUME(t.LParen); this.SUBRULE(this.expression); this.CONSUME2(t.RParen); }),
    alt(() => this.SUBRULE(this.ifExpr)),
    alt(() => this.SUBRULE(this.matchExpr)),
    alt(() => this.SUBRULE(this.tiersExpr)),
    alt(() => this.SUBRULE(this.weightedExpr)),
  ];

  private readonly memberAlts: IOrAlt<IToken>[] = [
    alt(() => this.CONSUME3(t.Word, MEMBER)),
    alt(() => this.CONSUME2(t.SoftKeyword, MEMBER)),
  ];

  private readonly suffixAlts: IOrAlt<unknown>[] = [
    alt(() => { this.CONSUME(t.Dot, SUFFIX); this.OR4(this.memberAlts); }),
    alt(() => { this.CONSUME(t.At, SUFFIX); this.CONSUME2(t.Minus); this.CONSUME2(t.NumberTok, YEARS); }),
  ];

  private readonly suffixStep = (): void => {
    this.OR3(this.suffixAlts);
  };

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

  private callArgChoice?: OrMethodOpts<unknown>;

  /** An argument: a year window `-2..0`, or a value or rows with optional `within` and `where`. */
  public callArg = this.RULE('callArg', () => {
    // Decided on one token (plus a hand-written check for `-2..0`): this runs for every argument.
    this.OR(this.callArgChoice ??= {
      MAX_LOOKAHEAD: 1,
      IGNORE_AMBIGUITIES: true,
      DEF: [
      alt(() => this.SUBRULE(this.range), () => this.isRangeAhead()),
      alt(() => {
          this.SUBRULE(this.expression, { LABEL: 'value' });
          this.OPTION(() => { this.CONSUME(kw.within); this.SUBRULE2(this.expression, { LABEL: 'within' }); });
          this.OPTION2(() => { this.CONSUME(kw.where); this.SUBRULE3(this.expression, { LABEL: 'where' }); });
        }),
      alt(() => {
          this.CONSUME2(kw.within);
          this.SUBRULE4(this.expression, { LABEL: 'within' });
          this.OPTION3(() => { this.CONSUME2(kw.where); this.SUBRULE5(this.expression, { LABEL: 'where' }); });
        }),
      ],
    });
  });

  private isRangeAhead(): boolean {
    const k = this.LA(1).tokenType === t.Minus ? 2 : 1;
    return this.LA(k).tokenType === t.NumberTok && this.LA(k + 1).tokenType === t.DotDot;
  }

  public ifExpr = this.RULE('ifExpr', () => {
    this.CONSUME(kw.if);
    this.SUBRULE(this.expression, { LABEL: 'cond' });
    this.CONSUME(kw.then);
    this.SUBRULE2(this.expression, { LABEL: 'then' });
    this.CONSUME(kw.else);
    this.SUBRULE3(this.expression, { LABEL: 'else' });
  });

  public matchExpr = this.RULE('matchExpr', () => {
    this.CONSUME(kw.match);
    this.SUBRULE(this.expression, { LABEL: 'subject' });
    this.CONSUME(t.LBrace);
    this.MANY(gated(this.notNextItem, () => { this.SUBRULE(this.matchArm); this.OPTION(() => this.sep()); }));
    this.CONSUME(t.RBrace);
  });

  public matchArm = this.RULE('matchArm', () => {
    this.OR(this.alts('matchArm/OR/3', () => [
      alt(() => this.CONSUME(kw.else)),
      alt(() => {
          this.SUBRULE(this.pattern);
          this.MANY(() => { this.CONSUME(t.Comma); this.SUBRULE2(this.pattern); });
        }),
    ]));
    this.CONSUME(t.Arrow);
    this.SUBRULE(this.expression);
  });

  public pattern = this.RULE('pattern', () => {
    this.OR(this.alts('pattern/OR/2', () => [alt(() => this.SUBRULE(this.name)), alt(() => this.SUBRULE(this.signedNumber))]));
  });

  public tiersExpr = this.RULE('tiersExpr', () => {
    this.CONSUME(kw.tiers);
    this.CONSUME(t.LBrace);
    this.MANY(() => { this.SUBRULE(this.tierArm); this.OPTION(() => this.sep()); });
    this.CONSUME(t.RBrace);
  });

  public tierArm = this.RULE('tierArm', () => {
    this.OR(this.alts('tierArm/OR/1', () => [
      alt(() => this.CONSUME(kw.else)),
      alt(() => this.SUBRULE(this.expression, { LABEL: 'cond' })),
    ]));
    this.CONSUME(t.Arrow);
    this.SUBRULE2(this.expression, { LABEL: 'value' });
  });

  public weightedExpr = this.RULE('weightedExpr', () => {
    this.CONSUME(kw.weighted);
    this.OR(this.alts('weightedExpr/OR/0', () => [
      alt(() => {
          this.CONSUME(t.LBrace);
          this.MANY(() => { this.SUBRULE(this.weightItem); this.OPTION(() => this.sep()); });
          this.CONSUME(t.RBrace);
        }),
      alt(() => this.SUBRULE(this.name, { LABEL: 'table' })),
    ]));
  });

  public setLit = this.RULE('setLit', () => {
    this.CONSUME(t.LBrace);
    this.MANY(() => { this.SUBRULE(this.expression); this.OPTION(() => this.sep()); });
    this.CONSUME(t.RBrace);
  });
}
