// The definitions of outcomes (rank, grade with its levels and quotas, disposition), each rule
// returning its AST; clause order is free, so repeats and omissions are checked on the node.
import type { IParserConfig, IToken, TokenType } from 'chevrotain';
import type * as A from './ast.ts';
import * as B from './build-defs.ts';
import { alt, gated } from './parser-base.ts';
import { DefinitionParser } from './parser-defs.ts';
import { MISSING, NO_DEF, NO_LEVEL, NO_QUOTA } from './recovery-values.ts';
import * as t from './tokens.ts';

const kw = t.keywordTokens;

/** What a `disposition` clause is, as its alternative returns it. */
type DispositionClause =
  | { readonly c: 'severity' | 'priority'; readonly n: A.NumberLit }
  | { readonly c: 'when'; readonly e: A.Expr }
  | { readonly c: 'candidates'; readonly kw: IToken; readonly names: A.Ident[] }
  | { readonly c: 'because'; readonly s: IToken }
  | { readonly c: 'source'; readonly s: A.StringLit };

/** `within`, `where` or `tiebreak` of a rank. */
type RankClause =
  | B.WithinList
  | { readonly where: A.Expr }
  | { readonly kw: IToken; readonly keys: A.SortKey[] };

/** Rank, grade and disposition; parser.ts adds the file, the header, units and tests. */
export abstract class OutcomeParser extends DefinitionParser {
  constructor(tokens: TokenType[], config: IParserConfig) {
    super(tokens, config);
  }

  /** `within a, b` of a rank or a quota: the list, its span, and where the context stood before it. */
  private withinList(): B.WithinList {
    const start = this.tokenCount;
    const mark = this.ctx.mark();
    const list = this.SUBRULE(this.exprList);
    return { list, span: this.spanSince(start), mark };
  }

  public rankDef = this.RULE('rankDef', (): A.Definition => {
    const override = this.defOverride;
    const start = this.defStart;
    this.CONSUME(kw.rank);
    const name = this.nameAt(0);
    this.CONSUME(t.Equals);
    const key = this.SUBRULE(this.sortKey);
    const within: B.WithinList[] = [];
    const wheres: A.Expr[] = [];
    const tiebreakKws: IToken[] = [];
    const tiebreak: A.SortKey[] = [];
    this.MANY(() => {
      const clause = this.OR(this.alts('rankDef/OR/9', () => [
        alt((): RankClause => { this.CONSUME(kw.within); return this.withinList(); }),
        alt((): RankClause => { this.CONSUME(kw.where); return { where: this.expr(0) }; }),
        alt((): RankClause => {
          const tk = this.CONSUME(kw.tiebreak);
          const keys = [this.SUBRULE2(this.sortKey)];
          this.MANY2(() => { this.CONSUME(t.Comma); keys.push(this.SUBRULE3(this.sortKey)); });
          return { kw: tk, keys };
        }),
      ])) as RankClause;
      if (this.RECORDING_PHASE) return;
      if ('list' in clause) B.addWithin(this.ctx, within, clause);
      else if ('where' in clause) wheres.push(clause.where);
      else {
        tiebreakKws.push(clause.kw);
        tiebreak.push(...clause.keys);
      }
    });
    const source = this.OPTION(() => this.SUBRULE(this.sourceClause));
    if (this.RECORDING_PHASE) return NO_DEF;
    const b = this.base(name, source ? [source] : [], override, start);
    return B.rankDef(this.ctx, b, key, within, wheres, tiebreakKws, tiebreak);
  }, this.recovering(NO_DEF));

  public gradeDef = this.RULE('gradeDef', (): A.Definition => {
    const override = this.defOverride;
    const start = this.defStart;
    this.CONSUME(kw.grade);
    const name = this.nameAt(0);
    this.CONSUME(kw.by);
    const by = this.expr(0);
    const where = this.OPTION(() => { this.CONSUME(kw.where); return this.expr(2); });
    this.CONSUME(t.LBrace);
    const levels: A.GradeLevel[] = [];
    const ungraded: A.Expr[] = [];
    this.MANY(gated(this.notNextItem, () => {
      const entry = this.OR(this.alts('gradeDef/OR/8', () => [
        alt(() => this.SUBRULE(this.ungraded)),
        alt(() => this.SUBRULE(this.gradeLevel)),
      ])) as A.Expr | A.GradeLevel;
      if (entry.kind === 'GradeLevel') levels.push(entry);
      else ungraded.push(entry);
      this.OPTION2(() => this.CONSUME(t.Semicolon));
    }));
    this.CONSUME(t.RBrace);
    const source = this.OPTION3(() => this.SUBRULE(this.sourceClause));
    if (this.RECORDING_PHASE) return NO_DEF;
    const b = this.base(name, source ? [source] : [], override, start);
    return B.gradeDef(this.ctx, b, by, where, levels, ungraded);
  }, this.recovering(NO_DEF));

  public ungraded = this.RULE('ungraded', (): A.Expr => {
    this.CONSUME(kw.ungraded);
    this.CONSUME(kw.when);
    return this.expr(0);
  }, this.recovering<A.Expr>(MISSING));

  public gradeLevel = this.RULE('gradeLevel', (): A.GradeLevel => {
    const start = this.tokenCount;
    const name = this.nameAt(0);
    let op: IToken | undefined;
    const threshold = this.OPTION(() => {
      op = this.OR(this.alts('gradeLevel/OR/7', () => [alt(() => this.CONSUME(t.GreaterEq)), alt(() => this.CONSUME(t.Greater))])) as IToken;
      return this.expr(0);
    });
    const quotas: A.Quota[] = [];
    const unlesses: A.Expr[] = [];
    this.MANY(() => {
      const entry = this.OR2(this.alts('gradeLevel/OR2/6', () => [
        alt(() => this.SUBRULE(this.quota)),
        alt(() => { this.CONSUME(kw.unless); return this.expr(2); }),
      ])) as A.Quota | A.Expr;
      if (entry.kind === 'Quota') quotas.push(entry);
      else unlesses.push(entry);
    });
    if (this.RECORDING_PHASE) return NO_LEVEL;
    return B.gradeLevel(this.ctx, name, op, threshold, quotas, unlesses, this.spanSince(start));
  }, this.recovering(NO_LEVEL));

  public quota = this.RULE('quota', (): A.Quota => {
    const start = this.tokenCount;
    this.CONSUME(kw.quota);
    const amount = this.OR(this.alts('quota/OR/5', () => [
      alt(() => this.CONSUME(t.Percent)),
      alt(() => this.CONSUME(t.NumberTok)),
    ])) as IToken;
    const within: B.WithinList[] = [];
    const roundings: IToken[] = [];
    this.MANY(() => {
      const clause = this.OR2(this.alts('quota/OR2/4', () => [
        alt(() => { this.CONSUME(kw.within); return this.withinList(); }),
        alt(() => this.CONSUME(kw.up)),
        alt(() => this.CONSUME(kw.down)),
        alt(() => this.CONSUME(kw.nearest)),
      ])) as B.WithinList | IToken;
      if (this.RECORDING_PHASE) return;
      if ('list' in clause) B.addWithin(this.ctx, within, clause);
      else roundings.push(clause);
    });
    if (this.RECORDING_PHASE) return NO_QUOTA;
    return B.quota(this.ctx, amount, within, roundings, this.spanSince(start));
  }, this.recovering(NO_QUOTA));

  /** Clauses in any order; which are required and which repeat is checked when building the node. */
  public dispositionDef = this.RULE('dispositionDef', (): A.Definition => {
    const override = this.defOverride;
    const start = this.defStart;
    this.CONSUME(kw.disposition);
    const name = this.nameAt(0);
    const c: B.DispositionClauses = { severity: [], priority: [], when: [], because: [], candidateKws: [], candidates: [] };
    const sources: A.StringLit[] = [];
    this.MANY(() => {
      const clause = this.OR(this.alts('dispositionDef/OR/3', () => [
        alt((): DispositionClause => { this.CONSUME(kw.severity); return { c: 'severity', n: this.signedNumberAt(0) }; }),
        alt((): DispositionClause => { this.CONSUME(kw.priority); return { c: 'priority', n: this.signedNumberAt(2) }; }),
        alt((): DispositionClause => { this.CONSUME(kw.when); return { c: 'when', e: this.expr(0) }; }),
        alt((): DispositionClause => {
          const tk = this.CONSUME(kw.candidates);
          const names = [this.nameAt(2)];
          this.MANY2(() => { this.CONSUME(t.Comma); names.push(this.nameAt(3)); });
          return { c: 'candidates', kw: tk, names };
        }),
        alt((): DispositionClause => { this.CONSUME(kw.because); return { c: 'because', s: this.CONSUME(t.StringTok) }; }),
        alt((): DispositionClause => ({ c: 'source', s: this.SUBRULE(this.sourceClause) })),
      ])) as DispositionClause;
      if (this.RECORDING_PHASE) return;
      switch (clause.c) {
        case 'severity': c.severity.push(clause.n); break;
        case 'priority': c.priority.push(clause.n); break;
        case 'when': c.when.push(clause.e); break;
        case 'candidates': c.candidateKws.push(clause.kw); c.candidates.push(...clause.names); break;
        case 'because': c.because.push(clause.s); break;
        default: sources.push(clause.s);
      }
    });
    if (this.RECORDING_PHASE) return NO_DEF;
    return B.dispositionDef(this.ctx, this.base(name, sources, override, start), c);
  }, this.recovering(NO_DEF));
}
