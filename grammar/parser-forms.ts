// The bracketed and listed forms inside expressions and definitions (if, match, tiers, weighted,
// sets, weight items, sort keys, expression lists), each rule returning its AST.
import type { IParserConfig, IToken, TokenType } from 'chevrotain';
import type * as A from './ast.ts';
import { between, percentOf } from './build-util.ts';
import { elseLast, matchArm, type SetLit, tierArm } from './build-expr.ts';
import { keywordIdOf } from './lexer.ts';
import { alt, gated } from './parser-base.ts';
import { ExpressionParser } from './parser-expr.ts';
import { MISSING, NO_ARM, NO_EXPRS, NO_IDENT, NO_SET, NO_SORT_KEY, NO_TIER, NO_WEIGHT } from './recovery-values.ts';
import { spanOfToken } from './span.ts';
import * as t from './tokens.ts';

const kw = t.keywordTokens;

/** The forms that expressions and definitions contain; parser-defs.ts adds the definitions. */
export abstract class FormParser extends ExpressionParser {
  constructor(tokens: TokenType[], config: IParserConfig) {
    super(tokens, config);
  }

  /** `SUBRULE<idx>(this.weightItem)`; a lone leaf and its percentage are read directly (see `fastPaths`). */
  protected weightItemAt(idx: number): A.WeightItem {
    if (!this.leafExpressionAhead() || this.LA_FAST(2).tokenType !== t.Percent) return this.subrule(idx, this.weightItem);
    const expr = this.leaf(this.LA_FAST(1));
    const percent = this.LA_FAST(1);
    this.take(percent);
    const weight = percentOf(percent);
    return { kind: 'WeightItem', expr, weight, span: between(expr.span, weight.span) };
  }

  public weightItem = this.RULE('weightItem', (): A.WeightItem => {
    const expr = this.expr(0);
    const percent = this.CONSUME(t.Percent);
    if (this.RECORDING_PHASE) return NO_WEIGHT;
    const weight = percentOf(percent);
    return { kind: 'WeightItem', expr, weight, span: between(expr.span, weight.span) };
  }, this.recovering(NO_WEIGHT));

  public sortKey = this.RULE('sortKey', (): A.SortKey => {
    const expr = this.expr(0);
    const dir = this.OPTION(() => this.OR(this.alts('sortKey/OR/4', () => [alt(() => this.CONSUME(kw.desc)), alt(() => this.CONSUME(kw.asc))])) as IToken);
    if (this.RECORDING_PHASE) return NO_SORT_KEY;
    return {
      kind: 'SortKey', expr, direction: dir && keywordIdOf(dir) === 'asc' ? 'asc' : 'desc',
      span: dir ? between(expr.span, spanOfToken(dir)) : expr.span,
    };
  }, this.recovering(NO_SORT_KEY));

  public exprList = this.RULE('exprList', (): A.Expr[] => {
    const list = [this.expr(0)];
    this.MANY(() => { this.CONSUME(t.Comma); list.push(this.expr(2)); });
    return list;
  }, this.recovering(NO_EXPRS));

  public ifExpr = this.RULE('ifExpr', (): A.Expr => {
    const start = this.CONSUME(kw.if);
    const cond = this.expr(0);
    this.CONSUME(kw.then);
    const then = this.expr(2);
    this.CONSUME(kw.else);
    const otherwise = this.expr(3);
    if (this.RECORDING_PHASE) return MISSING;
    return { kind: 'If', cond, then, else: otherwise, span: between(spanOfToken(start), otherwise.span) };
  }, this.recovering<A.Expr>(MISSING));

  public matchExpr = this.RULE('matchExpr', (): A.Expr => {
    const start = this.CONSUME(kw.match);
    const subject = this.expr(0);
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
    const value = this.expr(0);
    if (this.RECORDING_PHASE) return NO_ARM;
    return Array.isArray(head) ? matchArm(undefined, head, value) : matchArm(head, [], value);
  }, this.recovering(NO_ARM));

  public pattern = this.RULE('pattern', (): A.Ident | A.NumberLit => {
    return this.OR(this.alts('pattern/OR/2', () => [alt(() => this.nameAt(0)), alt(() => this.signedNumberAt(0))])) as A.Ident | A.NumberLit;
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
      alt(() => this.expr(0)),
    ])) as IToken | A.Expr;
    this.CONSUME(t.Arrow);
    const value = this.expr(2);
    if (this.RECORDING_PHASE) return NO_TIER;
    return 'kind' in head ? tierArm(undefined, head, value) : tierArm(head, MISSING, value);
  }, this.recovering(NO_TIER));

  public weightedExpr = this.RULE('weightedExpr', (): A.Expr => {
    const start = this.CONSUME(kw.weighted);
    const body = this.OR(this.alts('weightedExpr/OR/0', () => [
      alt(() => {
        this.CONSUME(t.LBrace);
        const items: A.WeightItem[] = [];
        this.MANY(() => { items.push(this.weightItemAt(0)); this.OPTION(() => this.sep()); });
        const end = this.CONSUME(t.RBrace);
        return { items, end };
      }),
      alt(() => this.nameAt(0)),
    ])) as A.Ident | { items: A.WeightItem[]; end: IToken };
    if (this.RECORDING_PHASE) return MISSING;
    const from = spanOfToken(start);
    if ('kind' in body) return { kind: 'Weighted', table: body, span: between(from, body.span) };
    return { kind: 'Weighted', items: body.items, span: between(from, spanOfToken(body.end)) };
  }, this.recovering<A.Expr>(MISSING));

  public setLit = this.RULE('setLit', (): SetLit => {
    const start = this.CONSUME(t.LBrace);
    const items: A.Expr[] = [];
    this.MANY(() => { items.push(this.expr(0)); this.OPTION(() => this.sep()); });
    const end = this.CONSUME(t.RBrace);
    return this.RECORDING_PHASE ? NO_SET : { items, span: between(spanOfToken(start), spanOfToken(end)) };
  }, this.recovering(NO_SET));
}
