// The definitions of data and scores (enum, input, records/periods, events, score/define,
// weights, table), and `definition`, which dispatches to every kind, each rule returning its AST.
import type { IParserConfig, IToken, TokenType } from 'chevrotain';
import type * as A from './ast.ts';
import * as B from './build-defs.ts';
import { stringOf } from './build-util.ts';
import { alt, gated, type Scope, type Settled } from './parser-base.ts';
import type { Rule } from './parser-expr.ts';
import { FormParser } from './parser-forms.ts';
import { NO_DEF, NO_FIELD, NO_SITUATION, NO_TABLE_ROW, NO_TYPE, NO_WEIGHTS_ROW } from './recovery-values.ts';
import * as t from './tokens.ts';

const kw = t.keywordTokens;

/** A definition inside a unit block, as the unit sees it once read. */
export type UnitMember = Settled<A.Definition | A.Remove>;

/** Definitions of data and scores; parser-outcomes.ts adds rank, grade and disposition. */
export abstract class DefinitionParser extends FormParser {
  /** Members of the unit block being read (undefined outside one). */
  protected unitMembers: UnitMember[] | undefined = undefined;
  /** Set by `definition` for the kind's rule it calls: whether `override` was written, and where it began. */
  protected defOverride = false;
  protected defStart = 0;

  protected abstract readonly rankDef: Rule<A.Definition>;
  protected abstract readonly gradeDef: Rule<A.Definition>;
  protected abstract readonly dispositionDef: Rule<A.Definition>;

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

  /** The parts every definition shares; its span runs from `override` or the keyword to the last token read. */
  protected base(name: A.Ident, sources: readonly A.StringLit[], override: boolean, start: number): B.Base {
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
    const name = this.nameAt(0);
    this.CONSUME(t.LBrace);
    const members: A.Ident[] = [];
    this.MANY(gated(this.notNextItem, () => { members.push(this.nameAt(2)); this.OPTION(() => this.sep()); }));
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
    const names = [this.nameAt(0)];
    this.MANY(() => { this.CONSUME(t.Comma); names.push(this.nameAt(2)); });
    this.CONSUME(t.Colon);
    const type = this.SUBRULE(this.typeRef);
    const optional = this.OPTION(() => this.CONSUME(kw.optional));
    const source = this.OPTION2(() => this.SUBRULE(this.sourceClause));
    if (this.RECORDING_PHASE) return NO_DEF;
    const b = this.base(names[0], source ? [source] : [], override, start);
    return { kind: 'InputDef', override, name: b.name, source: b.source, span: b.span, names, type, optional: !!optional };
  }, this.recovering(NO_DEF));

  public typeRef = this.RULE('typeRef', (): A.TypeRef => {
    const name = this.nameAt(0);
    const range = this.OPTION(() => this.SUBRULE(this.range));
    return this.RECORDING_PHASE ? NO_TYPE : B.typeRef(name, range);
  }, this.recovering(NO_TYPE));

  /** `records` and `periods`: a name and a block of field declarations. */
  public rowsDef = this.RULE('rowsDef', (): A.Definition => {
    const override = this.defOverride;
    const start = this.defStart;
    const head = this.OR(this.alts('rowsDef/OR/13', () => [alt(() => this.CONSUME(kw.records)), alt(() => this.CONSUME(kw.periods))])) as IToken;
    const name = this.nameAt(0);
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
    const name = this.nameAt(0);
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
    const name = this.nameAt(0);
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
    const name = this.nameAt(0);
    const points = this.signedNumberAt(0);
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
    const name = this.nameAt(0);
    this.CONSUME(t.Equals);
    const expr = this.expr(0);
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
    const name = this.nameAt(0);
    this.CONSUME(kw.by);
    const by = this.expr(0);
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
    const member = this.nameAt(0);
    this.CONSUME(t.Colon);
    const items = [this.weightItemAt(0)];
    this.MANY(gated(this.sameRow, () => { this.OPTION(() => this.CONSUME(t.Comma)); items.push(this.weightItemAt(2)); }));
    if (this.RECORDING_PHASE) return NO_WEIGHTS_ROW;
    return { kind: 'WeightsRow', member, items, span: this.spanSince(start) };
  }, this.recovering(NO_WEIGHTS_ROW));

  public tableDef = this.RULE('tableDef', (): A.Definition => {
    const override = this.defOverride;
    const start = this.defStart;
    this.CONSUME(kw.table);
    const name = this.nameAt(0);
    this.CONSUME(kw.by);
    const by = this.expr(0);
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
    const member = this.OR(this.alts('tableRow/OR/10', () => [alt(() => this.CONSUME(kw.else)), alt(() => this.nameAt(0))])) as IToken | A.Ident;
    this.CONSUME(t.Colon);
    const value = this.expr(0);
    if (this.RECORDING_PHASE) return NO_TABLE_ROW;
    return { kind: 'TableRow', member: 'kind' in member ? member : 'else', value, span: this.spanSince(start) };
  }, this.recovering(NO_TABLE_ROW));

}
