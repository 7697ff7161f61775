// The definitions of the grammar (enum, input, records/periods, events, score/define, weights,
// table, rank, grade, disposition), each rule returning its AST, on top of the expressions.
import type { IParserConfig, IToken, TokenType } from 'chevrotain';
import type * as A from './ast.ts';
import * as B from './build-defs.ts';
import { stringOf } from './build-util.ts';
import { alt, gated, type Scope, type Settled } from './parser-base.ts';
import { ExpressionParser, MISSING, NO_IDENT } from './parser-expr.ts';
import type { Span } from './span.ts';
import * as t from './tokens.ts';

const kw = t.keywordTokens;

const NO_SPAN: Span = { start: 0, end: 0 };
const NO_DEF: A.Definition = { kind: 'EnumDef', override: false, name: NO_IDENT, source: undefined, span: NO_SPAN, members: [] };
const NO_TYPE: A.TypeRef = B.typeRef(NO_IDENT, undefined);
const NO_FIELD: A.FieldDecl = { kind: 'FieldDecl', name: NO_IDENT, type: NO_TYPE, optional: false, span: NO_SPAN };
const NO_SITUATION: A.Situation = {
  kind: 'Situation', name: NO_IDENT, points: { kind: 'NumberLit', value: 0, text: '0', span: NO_SPAN },
  description: undefined, source: undefined, span: NO_SPAN,
};
const NO_WEIGHTS_ROW: A.WeightsRow = { kind: 'WeightsRow', member: NO_IDENT, items: [], span: NO_SPAN };
const NO_TABLE_ROW: A.TableRow = { kind: 'TableRow', member: 'else', value: MISSING, span: NO_SPAN };
const NO_LEVEL: A.GradeLevel = {
  kind: 'GradeLevel', name: NO_IDENT, op: undefined, threshold: undefined, quota: undefined, unless: undefined, span: NO_SPAN,
};
const NO_QUOTA: A.Quota = { kind: 'Quota', amount: { kind: 'NumberLit', value: 0, text: '0', span: NO_SPAN }, within: [], rounding: undefined, span: NO_SPAN };

/** A definition inside a unit block, as the unit sees it once read. */
export type UnitMember = Settled<A.Definition | A.Remove>;

/** What a `disposition` clause is, as its alternative returns it. */
type DispositionClause =
  | { readonly c: 'severity' | 'priority'; readonly n: A.NumberLit }
  | { readonly c: 'when'; readonly e: A.Expr }
  | { readonly c: 'candidates'; readonly kw: IToken; readonly names: A.Ident[] }
  | { readonly c: 'because'; readonly s: IToken }
  | { readonly c: 'source'; readonly s: A.StringLit };

/** `within`, `where` or `tiebreak` of a rank, or a quota's `within` or rounding. */
type RankClause =
  | B.WithinList
  | { readonly where: A.Expr }
  | { readonly kw: IToken; readonly keys: A.SortKey[] };

/** Every kind of definition; parser.ts adds the file, the header, units and tests. */
export abstract class DefinitionParser extends ExpressionParser {
  /** Members of the unit block being read (undefined outside one). */
  protected unitMembers: UnitMember[] | undefined = undefined;
  /** Set by `definition` for the kind's rule it calls: whether `override` was written, and where it began. */
  private defOverride = false;
  private defStart = 0;

  constructor(tokens: TokenType[], config: IParserConfig) {
    super(tokens, config);
  }

  /** Opens the scope of a unit member: it is kept or dropped on its own. */
  protected openMember(): Scope | undefined {
    return this.unitMembers !== undefined && !this.RECORDING_PHASE ? this.openScope() : undefined;
  }

  protected closeMember(scope: Scope | undefined, value: A.Definition | A.Remove | undefined, completed: boolean): void {
    if (scope !== undefined) this.unitMembers!.push(this.settle(scope, value, completed));
  }

  /** The parts every definition shares, read by the kind's rule on entry. */
  private base(name: A.Ident, sources: readonly A.StringLit[], override: boolean, start: number): B.Base {
    return { override, name, source: B.sourceOf(this.ctx, sources), span: this.spanSince(start) };
  }

  public definition = this.RULE('definition', (): A.Definition => {
    const scope = this.openMember();
    let value: A.Definition | undefined;
    let completed = false;
    try {
      const start = this.tokenCount;
      const override = this.OPTION(() => this.CONSUME(kw.override));
      this.defOverride = override !== undefined;
      this.defStart = start;
      value = this.OR(this.alts('definition/OR/14', () => [
        alt(() => this.SUBRULE(this.enumDef)),
        alt(() => this.SUBRULE(this.inputDef)),
        alt(() => this.SUBRULE(this.rowsDef)),
        alt(() => this.SUBRULE(this.eventsDef)),
        alt(() => this.SUBRULE(this.scoreDef)),
        alt(() => this.SUBRULE(this.weightsDef)),
        alt(() => this.SUBRULE(this.tableDef)),
        alt(() => this.SUBRULE(this.rankDef)),
        alt(() => this.SUBRULE(this.gradeDef)),
        alt(() => this.SUBRULE(this.dispositionDef)),
      ])) as A.Definition;
      completed = true;
      return value;
    } finally {
      this.closeMember(scope, value, completed);
    }
  }, this.recovering(NO_DEF));

  public enumDef = this.RULE('enumDef', (): A.Definition => {
    const override = this.defOverride;
    const start = this.defStart;
    this.CONSUME(kw.enum);
    const name = this.SUBRULE(this.name);
    this.CONSUME(t.LBrace);
    const members: A.Ident[] = [];
    this.MANY(gated(this.notNextItem, () => { members.push(this.SUBRULE2(this.name)); this.OPTION(() => this.sep()); }));
    this.CONSUME(t.RBrace);
    const source = this.OPTION2(() => this.SUBRULE(this.sourceClause));
    if (this.RECORDING_PHASE) return NO_DEF;
    const b = this.base(name, source ? [source] : [], override, start);
    return { kind: 'EnumDef', override, name, source: b.source, span: b.span, members };
  }, this.recovering(NO_DEF));

  public inputDef = this.RULE('inputDef', (): A.Definition => {
    const override = this.defOverride;
    const start = this.defStart;
    this.CONSUME(kw.input);
    const names = [this.SUBRULE(this.name)];
    this.MANY(() => { this.CONSUME(t.Comma); names.push(this.SUBRULE2(this.name)); });
    this.CONSUME(t.Colon);
    const type = this.SUBRULE(this.typeRef);
    const optional = this.OPTION(() => this.CONSUME(kw.optional));
    const source = this.OPTION2(() => this.SUBRULE(this.sourceClause));
    if (this.RECORDING_PHASE) return NO_DEF;
    const b = this.base(names[0], source ? [source] : [], override, start);
    return { kind: 'InputDef', override, name: b.name, source: b.source, span: b.span, names, type, optional: !!optional };
  }, this.recovering(NO_DEF));

  public typeRef = this.RULE('typeRef', (): A.TypeRef => {
    const name = this.SUBRULE(this.name);
    const range = this.OPTION(() => this.SUBRULE(this.range));
    return this.RECORDING_PHASE ? NO_TYPE : B.typeRef(name, range);
  }, this.recovering(NO_TYPE));

  /** `records` and `periods`: a name and a block of field declarations. */
  public rowsDef = this.RULE('rowsDef', (): A.Definition => {
    const override = this.defOverride;
    const start = this.defStart;
    const head = this.OR(this.alts('rowsDef/OR/13', () => [alt(() => this.CONSUME(kw.records)), alt(() => this.CONSUME(kw.periods))])) as IToken;
    const name = this.SUBRULE(this.name);
    this.CONSUME(t.LBrace);
    const fields: A.FieldDecl[] = [];
    this.MANY(gated(this.notNextItem, () => { fields.push(this.SUBRULE(this.fieldDecl)); this.OPTION(() => this.sep()); }));
    this.CONSUME(t.RBrace);
    const source = this.OPTION2(() => this.SUBRULE(this.sourceClause));
    if (this.RECORDING_PHASE) return NO_DEF;
    const b = this.base(name, source ? [source] : [], override, start);
    return head.tokenType === kw.records
      ? { kind: 'RecordsDef', override, name, source: b.source, span: b.span, fields }
      : { kind: 'PeriodsDef', override, name, source: b.source, span: b.span, fields };
  }, this.recovering(NO_DEF));

  public fieldDecl = this.RULE('fieldDecl', (): A.FieldDecl => {
    const start = this.tokenCount;
    const name = this.SUBRULE(this.name);
    this.CONSUME(t.Colon);
    const type = this.SUBRULE(this.typeRef);
    const optional = this.OPTION(() => this.CONSUME(kw.optional));
    if (this.RECORDING_PHASE) return NO_FIELD;
    return { kind: 'FieldDecl', name, type, optional: !!optional, span: this.spanSince(start) };
  }, this.recovering(NO_FIELD));

  public eventsDef = this.RULE('eventsDef', (): A.Definition => {
    const override = this.defOverride;
    const start = this.defStart;
    this.CONSUME(kw.events);
    const name = this.SUBRULE(this.name);
    this.CONSUME(t.LBrace);
    const situations: A.Situation[] = [];
    const fields: A.FieldDecl[] = [];
    this.MANY(gated(this.notNextItem, () => {
      const entry = this.OR(this.alts('eventsDef/OR/12', () => [
        alt(() => this.SUBRULE(this.fieldDecl)),
        alt(() => this.SUBRULE(this.situation)),
      ])) as A.FieldDecl | A.Situation;
      if (entry.kind === 'Situation') situations.push(entry);
      else fields.push(entry);
      this.OPTION(() => this.sep());
    }));
    this.CONSUME(t.RBrace);
    const source = this.OPTION2(() => this.SUBRULE(this.sourceClause));
    if (this.RECORDING_PHASE) return NO_DEF;
    const b = this.base(name, source ? [source] : [], override, start);
    return { kind: 'EventsDef', override, name, source: b.source, span: b.span, situations, fields };
  }, this.recovering(NO_DEF));

  public situation = this.RULE('situation', (): A.Situation => {
    const start = this.tokenCount;
    const name = this.SUBRULE(this.name);
    const points = this.SUBRULE(this.signedNumber);
    const desc = this.OPTION(() => this.CONSUME(t.StringTok));
    const source = this.OPTION2(() => this.SUBRULE(this.sourceClause));
    if (this.RECORDING_PHASE) return NO_SITUATION;
    return {
      kind: 'Situation', name, points, description: desc ? stringOf(desc) : undefined, source, span: this.spanSince(start),
    };
  }, this.recovering(NO_SITUATION));

  /** `score` and `define`. */
  public scoreDef = this.RULE('scoreDef', (): A.Definition => {
    const override = this.defOverride;
    const start = this.defStart;
    const head = this.OR(this.alts('scoreDef/OR/11', () => [alt(() => this.CONSUME(kw.score)), alt(() => this.CONSUME(kw.define))])) as IToken;
    const name = this.SUBRULE(this.name);
    this.CONSUME(t.Equals);
    const expr = this.SUBRULE(this.expression);
    const round = this.OPTION(() => { this.CONSUME(kw.round); return this.CONSUME(t.NumberTok); });
    const source = this.OPTION2(() => this.SUBRULE(this.sourceClause));
    if (this.RECORDING_PHASE) return NO_DEF;
    const b = this.base(name, source ? [source] : [], override, start);
    return B.scoreDef(this.ctx, b, head.tokenType === kw.define ? 'define' : 'score', expr, round);
  }, this.recovering(NO_DEF));

  public weightsDef = this.RULE('weightsDef', (): A.Definition => {
    const override = this.defOverride;
    const start = this.defStart;
    this.CONSUME(kw.weights);
    const name = this.SUBRULE(this.name);
    this.CONSUME(kw.by);
    const by = this.SUBRULE(this.expression);
    this.CONSUME(t.LBrace);
    const rows: A.WeightsRow[] = [];
    this.MANY(gated(this.notNextItem, () => { rows.push(this.SUBRULE(this.weightsRow)); this.OPTION(() => this.sep()); }));
    this.CONSUME(t.RBrace);
    const source = this.OPTION2(() => this.SUBRULE(this.sourceClause));
    if (this.RECORDING_PHASE) return NO_DEF;
    const b = this.base(name, source ? [source] : [], override, start);
    return { kind: 'WeightsDef', override, name, source: b.source, span: b.span, by, rows };
  }, this.recovering(NO_DEF));

  /** Rows follow each other without a separator, so `经济型:` after an item starts the next row. */
  private readonly sameRow = (): boolean => (this.LA(1).tokenType === t.Comma ? this.LA(3) : this.LA(2)).tokenType !== t.Colon;

  public weightsRow = this.RULE('weightsRow', (): A.WeightsRow => {
    const start = this.tokenCount;
    const member = this.SUBRULE(this.name);
    this.CONSUME(t.Colon);
    const items = [this.SUBRULE(this.weightItem)];
    this.MANY(gated(this.sameRow, () => { this.OPTION(() => this.CONSUME(t.Comma)); items.push(this.SUBRULE2(this.weightItem)); }));
    if (this.RECORDING_PHASE) return NO_WEIGHTS_ROW;
    return { kind: 'WeightsRow', member, items, span: this.spanSince(start) };
  }, this.recovering(NO_WEIGHTS_ROW));

  public tableDef = this.RULE('tableDef', (): A.Definition => {
    const override = this.defOverride;
    const start = this.defStart;
    this.CONSUME(kw.table);
    const name = this.SUBRULE(this.name);
    this.CONSUME(kw.by);
    const by = this.SUBRULE(this.expression);
    this.CONSUME(t.LBrace);
    const rows: A.TableRow[] = [];
    this.MANY(gated(this.notNextItem, () => { rows.push(this.SUBRULE(this.tableRow)); this.OPTION(() => this.sep()); }));
    this.CONSUME(t.RBrace);
    const source = this.OPTION2(() => this.SUBRULE(this.sourceClause));
    if (this.RECORDING_PHASE) return NO_DEF;
    const b = this.base(name, source ? [source] : [], override, start);
    return { kind: 'TableDef', override, name, source: b.source, span: b.span, by, rows };
  }, this.recovering(NO_DEF));

  public tableRow = this.RULE('tableRow', (): A.TableRow => {
    const start = this.tokenCount;
    const member = this.OR(this.alts('tableRow/OR/10', () => [alt(() => this.CONSUME(kw.else)), alt(() => this.SUBRULE(this.name))])) as IToken | A.Ident;
    this.CONSUME(t.Colon);
    const value = this.SUBRULE(this.expression);
    if (this.RECORDING_PHASE) return NO_TABLE_ROW;
    return { kind: 'TableRow', member: 'kind' in member ? member : 'else', value, span: this.spanSince(start) };
  }, this.recovering(NO_TABLE_ROW));

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
    const name = this.SUBRULE(this.name);
    this.CONSUME(t.Equals);
    const key = this.SUBRULE(this.sortKey);
    const within: B.WithinList[] = [];
    const wheres: A.Expr[] = [];
    const tiebreakKws: IToken[] = [];
    const tiebreak: A.SortKey[] = [];
    this.MANY(() => {
      const clause = this.OR(this.alts('rankDef/OR/9', () => [
        alt((): RankClause => { this.CONSUME(kw.within); return this.withinList(); }),
        alt((): RankClause => { this.CONSUME(kw.where); return { where: this.SUBRULE(this.expression) }; }),
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
    const name = this.SUBRULE(this.name);
    this.CONSUME(kw.by);
    const by = this.SUBRULE(this.expression);
    const where = this.OPTION(() => { this.CONSUME(kw.where); return this.SUBRULE2(this.expression); });
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
    return this.SUBRULE(this.expression);
  }, this.recovering<A.Expr>(MISSING));

  public gradeLevel = this.RULE('gradeLevel', (): A.GradeLevel => {
    const start = this.tokenCount;
    const name = this.SUBRULE(this.name);
    let op: IToken | undefined;
    const threshold = this.OPTION(() => {
      op = this.OR(this.alts('gradeLevel/OR/7', () => [alt(() => this.CONSUME(t.GreaterEq)), alt(() => this.CONSUME(t.Greater))])) as IToken;
      return this.SUBRULE(this.expression);
    });
    const quotas: A.Quota[] = [];
    const unlesses: A.Expr[] = [];
    this.MANY(() => {
      const entry = this.OR2(this.alts('gradeLevel/OR2/6', () => [
        alt(() => this.SUBRULE(this.quota)),
        alt(() => { this.CONSUME(kw.unless); return this.SUBRULE2(this.expression); }),
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
    const name = this.SUBRULE(this.name);
    const c: B.DispositionClauses = { severity: [], priority: [], when: [], because: [], candidateKws: [], candidates: [] };
    const sources: A.StringLit[] = [];
    this.MANY(() => {
      const clause = this.OR(this.alts('dispositionDef/OR/3', () => [
        alt((): DispositionClause => { this.CONSUME(kw.severity); return { c: 'severity', n: this.SUBRULE(this.signedNumber) }; }),
        alt((): DispositionClause => { this.CONSUME(kw.priority); return { c: 'priority', n: this.SUBRULE2(this.signedNumber) }; }),
        alt((): DispositionClause => { this.CONSUME(kw.when); return { c: 'when', e: this.SUBRULE(this.expression) }; }),
        alt((): DispositionClause => {
          const tk = this.CONSUME(kw.candidates);
          const names = [this.SUBRULE2(this.name)];
          this.MANY2(() => { this.CONSUME(t.Comma); names.push(this.SUBRULE3(this.name)); });
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

