// The grammar as Chevrotain rules (CST only, recovery on): the file, its header and every kind of
// definition, on top of the expression rules of parser-expr.ts.
import { EOF, type CstNode, type IToken, type TokenType } from 'chevrotain';
import { alt, ExpressionParser, gated, ITEM_STARTS } from './parser-expr.ts';
import { cacheErrorMessages, messages, type ErrorInternals } from './parser-errors.ts';
import * as t from './tokens.ts';

export { MAX_NESTING_DEPTH } from './parser-expr.ts';
export type { DepthError } from './parser-expr.ts';
export type { ExpectedInfo } from './parser-errors.ts';

const kw = t.keywordTokens;

/** The whole grammar: the file, its header and every kind of definition. */
class KaopingParser extends ExpressionParser {
  constructor() {
    super(t.parserTokens as TokenType[], {
      recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: messages, nodeLocationTracking: 'onlyOffset',
    });
    this.performSelfAnalysis();
    cacheErrorMessages(this as unknown as ErrorInternals);
  }

  public ruleFile = this.RULE('ruleFile', () => {
    // One token of lookahead here: with `junk` matching any token, deeper lookahead analysis
    // would enumerate every definition's token paths and take seconds at start-up.
    this.OPTION({ MAX_LOOKAHEAD: 1, DEF: () => this.SUBRULE(this.header) });
    this.MANY(() => this.OR({
      MAX_LOOKAHEAD: 1,
      IGNORE_AMBIGUITIES: true,
      DEF: [
        alt(() => this.SUBRULE(this.item)),
        alt(() => this.SUBRULE(this.junk)),
      ],
    }));
  });

  /** Tokens that cannot start an item, skipped up to the next definition keyword. */
  public junk = this.RULE('junk', () => {
    this.CONSUME(t.Any);
    this.MANY(gated(() => this.LA(1).tokenType !== EOF && !ITEM_STARTS.has(this.LA(1).tokenType), () => this.CONSUME2(t.Any)));
  });

  public header = this.RULE('header', () => {
    this.CONSUME(kw.ruleset);
    this.CONSUME(t.StringTok, { LABEL: 'title' });
    this.OPTION(() => { this.CONSUME(kw.year); this.CONSUME(t.NumberTok, { LABEL: 'year' }); });
    this.OPTION2(() => {
      this.CONSUME(kw.extends);
      this.OR(this.alts('header/OR/17', () => [
        alt(() => this.CONSUME2(t.NumberTok, { LABEL: 'extends' })),
        alt(() => this.CONSUME2(t.StringTok, { LABEL: 'extends' })),
      ]));
    });
    this.OPTION3(() => this.SUBRULE(this.sourceClause));
  });

  public item = this.RULE('item', () => {
    this.OR(this.alts('item/OR/16', () => [
      alt(() => this.SUBRULE(this.remove)),
      alt(() => this.SUBRULE(this.testCase)),
      alt(() => this.SUBRULE(this.unitBlock)),
      alt(() => this.SUBRULE(this.definition)),
    ]));
    this.OPTION(() => this.sep());
  });

  public remove = this.RULE('remove', () => {
    this.CONSUME(kw.remove);
    this.SUBRULE(this.name);
  });

  public unitBlock = this.RULE('unitBlock', () => {
    this.OPTION(() => this.CONSUME(kw.override));
    this.CONSUME(kw.unit);
    this.SUBRULE(this.name);
    this.CONSUME(t.LBrace);
    this.MANY(() => {
      this.OR(this.alts('unitBlock/OR/15', () => [
        alt(() => this.SUBRULE(this.remove)),
        alt(() => this.SUBRULE(this.definition)),
      ]));
      this.OPTION2(() => this.sep());
    });
    this.CONSUME(t.RBrace);
    this.OPTION3(() => this.SUBRULE(this.sourceClause));
  });

  public definition = this.RULE('definition', () => {
    this.OPTION(() => this.CONSUME(kw.override));
    this.OR(this.alts('definition/OR/14', () => [
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
    ]));
  });

  public enumDef = this.RULE('enumDef', () => {
    this.CONSUME(kw.enum);
    this.SUBRULE(this.name);
    this.CONSUME(t.LBrace);
    this.MANY(gated(this.notNextItem, () => { this.SUBRULE2(this.name, { LABEL: 'member' }); this.OPTION(() => this.sep()); }));
    this.CONSUME(t.RBrace);
    this.OPTION2(() => this.SUBRULE(this.sourceClause));
  });

  public inputDef = this.RULE('inputDef', () => {
    this.CONSUME(kw.input);
    this.SUBRULE(this.name);
    this.MANY(() => { this.CONSUME(t.Comma); this.SUBRULE2(this.name); });
    this.CONSUME(t.Colon);
    this.SUBRULE(this.typeRef);
    this.OPTION(() => this.CONSUME(kw.optional));
    this.OPTION2(() => this.SUBRULE(this.sourceClause));
  });

  public typeRef = this.RULE('typeRef', () => {
    this.SUBRULE(this.name);
    this.OPTION(() => this.SUBRULE(this.range));
  });

  /** `records` and `periods`: a name and a block of field declarations. */
  public rowsDef = this.RULE('rowsDef', () => {
    this.OR(this.alts('rowsDef/OR/13', () => [alt(() => this.CONSUME(kw.records)), alt(() => this.CONSUME(kw.periods))]));
    this.SUBRULE(this.name);
    this.CONSUME(t.LBrace);
    this.MANY(gated(this.notNextItem, () => { this.SUBRULE(this.fieldDecl); this.OPTION(() => this.sep()); }));
    this.CONSUME(t.RBrace);
    this.OPTION2(() => this.SUBRULE(this.sourceClause));
  });

  public fieldDecl = this.RULE('fieldDecl', () => {
    this.SUBRULE(this.name);
    this.CONSUME(t.Colon);
    this.SUBRULE(this.typeRef);
    this.OPTION(() => this.CONSUME(kw.optional));
  });

  public eventsDef = this.RULE('eventsDef', () => {
    this.CONSUME(kw.events);
    this.SUBRULE(this.name);
    this.CONSUME(t.LBrace);
    this.MANY(gated(this.notNextItem, () => {
        this.OR(this.alts('eventsDef/OR/12', () => [
          alt(() => this.SUBRULE(this.fieldDecl)),
          alt(() => this.SUBRULE(this.situation)),
        ]));
        this.OPTION(() => this.sep());
      }));
    this.CONSUME(t.RBrace);
    this.OPTION2(() => this.SUBRULE(this.sourceClause));
  });

  public situation = this.RULE('situation', () => {
    this.SUBRULE(this.name);
    this.SUBRULE(this.signedNumber);
    this.OPTION(() => this.CONSUME(t.StringTok));
    this.OPTION2(() => this.SUBRULE(this.sourceClause));
  });

  /** `score` and `define`. */
  public scoreDef = this.RULE('scoreDef', () => {
    this.OR(this.alts('scoreDef/OR/11', () => [alt(() => this.CONSUME(kw.score)), alt(() => this.CONSUME(kw.define))]));
    this.SUBRULE(this.name);
    this.CONSUME(t.Equals);
    this.SUBRULE(this.expression);
    this.OPTION(() => { this.CONSUME(kw.round); this.CONSUME(t.NumberTok); });
    this.OPTION2(() => this.SUBRULE(this.sourceClause));
  });

  public weightsDef = this.RULE('weightsDef', () => {
    this.CONSUME(kw.weights);
    this.SUBRULE(this.name);
    this.CONSUME(kw.by);
    this.SUBRULE(this.expression);
    this.CONSUME(t.LBrace);
    this.MANY(gated(this.notNextItem, () => { this.SUBRULE(this.weightsRow); this.OPTION(() => this.sep()); }));
    this.CONSUME(t.RBrace);
    this.OPTION2(() => this.SUBRULE(this.sourceClause));
  });

  public weightsRow = this.RULE('weightsRow', () => {
    this.SUBRULE(this.name);
    this.CONSUME(t.Colon);
    this.SUBRULE(this.weightItem);
    // Rows follow each other without a separator, so `经济型:` after an item starts the next row.
    this.MANY(gated(() => (this.LA(1).tokenType === t.Comma ? this.LA(3) : this.LA(2)).tokenType !== t.Colon, () => { this.OPTION(() => this.CONSUME(t.Comma)); this.SUBRULE2(this.weightItem); }));
  });

  public tableDef = this.RULE('tableDef', () => {
    this.CONSUME(kw.table);
    this.SUBRULE(this.name);
    this.CONSUME(kw.by);
    this.SUBRULE(this.expression);
    this.CONSUME(t.LBrace);
    this.MANY(gated(this.notNextItem, () => { this.SUBRULE(this.tableRow); this.OPTION(() => this.sep()); }));
    this.CONSUME(t.RBrace);
    this.OPTION2(() => this.SUBRULE(this.sourceClause));
  });

  public tableRow = this.RULE('tableRow', () => {
    this.OR(this.alts('tableRow/OR/10', () => [alt(() => this.CONSUME(kw.else)), alt(() => this.SUBRULE(this.name))]));
    this.CONSUME(t.Colon);
    this.SUBRULE(this.expression);
  });

  public rankDef = this.RULE('rankDef', () => {
    this.CONSUME(kw.rank);
    this.SUBRULE(this.name);
    this.CONSUME(t.Equals);
    this.SUBRULE(this.sortKey, { LABEL: 'key' });
    this.MANY(() => this.OR(this.alts('rankDef/OR/9', () => [
      alt(() => { this.CONSUME(kw.within); this.SUBRULE(this.exprList, { LABEL: 'within' }); }),
      alt(() => { this.CONSUME(kw.where); this.SUBRULE(this.expression, { LABEL: 'where' }); }),
      alt(() => {
          this.CONSUME(kw.tiebreak);
          this.SUBRULE2(this.sortKey, { LABEL: 'tiebreak' });
          this.MANY2(() => { this.CONSUME(t.Comma); this.SUBRULE3(this.sortKey, { LABEL: 'tiebreak' }); });
        }),
    ])));
    this.OPTION(() => this.SUBRULE(this.sourceClause));
  });

  public gradeDef = this.RULE('gradeDef', () => {
    this.CONSUME(kw.grade);
    this.SUBRULE(this.name);
    this.CONSUME(kw.by);
    this.SUBRULE(this.expression, { LABEL: 'by' });
    this.OPTION(() => { this.CONSUME(kw.where); this.SUBRULE2(this.expression, { LABEL: 'where' }); });
    this.CONSUME(t.LBrace);
    this.MANY(gated(this.notNextItem, () => {
        this.OR(this.alts('gradeDef/OR/8', () => [
          alt(() => this.SUBRULE(this.ungraded)),
          alt(() => this.SUBRULE(this.gradeLevel)),
        ]));
        this.OPTION2(() => this.CONSUME(t.Semicolon));
      }));
    this.CONSUME(t.RBrace);
    this.OPTION3(() => this.SUBRULE(this.sourceClause));
  });

  public ungraded = this.RULE('ungraded', () => {
    this.CONSUME(kw.ungraded);
    this.CONSUME(kw.when);
    this.SUBRULE(this.expression);
  });

  public gradeLevel = this.RULE('gradeLevel', () => {
    this.SUBRULE(this.name);
    this.OPTION(() => {
      this.OR(this.alts('gradeLevel/OR/7', () => [alt(() => this.CONSUME(t.GreaterEq, { LABEL: 'op' })), alt(() => this.CONSUME(t.Greater, { LABEL: 'op' }))]));
      this.SUBRULE(this.expression, { LABEL: 'threshold' });
    });
    this.MANY(() => this.OR2(this.alts('gradeLevel/OR2/6', () => [
      alt(() => this.SUBRULE(this.quota)),
      alt(() => { this.CONSUME(kw.unless); this.SUBRULE2(this.expression, { LABEL: 'unless' }); }),
    ])));
  });

  public quota = this.RULE('quota', () => {
    this.CONSUME(kw.quota);
    this.OR(this.alts('quota/OR/5', () => [
      alt(() => this.CONSUME(t.Percent, { LABEL: 'amount' })),
      alt(() => this.CONSUME(t.NumberTok, { LABEL: 'amount' })),
    ]));
    this.MANY(() => this.OR2(this.alts('quota/OR2/4', () => [
      alt(() => { this.CONSUME(kw.within); this.SUBRULE(this.exprList, { LABEL: 'within' }); }),
      alt(() => this.CONSUME(kw.up, { LABEL: 'rounding' })),
      alt(() => this.CONSUME(kw.down, { LABEL: 'rounding' })),
      alt(() => this.CONSUME(kw.nearest, { LABEL: 'rounding' })),
    ])));
  });

  /** Clauses in any order; which are required and which repeat is checked when building the AST. */
  public dispositionDef = this.RULE('dispositionDef', () => {
    this.CONSUME(kw.disposition);
    this.SUBRULE(this.name);
    this.MANY(() => this.OR(this.alts('dispositionDef/OR/3', () => [
      alt(() => { this.CONSUME(kw.severity); this.SUBRULE(this.signedNumber, { LABEL: 'severity' }); }),
      alt(() => { this.CONSUME(kw.priority); this.SUBRULE2(this.signedNumber, { LABEL: 'priority' }); }),
      alt(() => { this.CONSUME(kw.when); this.SUBRULE(this.expression, { LABEL: 'when' }); }),
      alt(() => {
          this.CONSUME(kw.candidates);
          this.SUBRULE2(this.name, { LABEL: 'candidate' });
          this.MANY2(() => { this.CONSUME(t.Comma); this.SUBRULE3(this.name, { LABEL: 'candidate' }); });
        }),
      alt(() => { this.CONSUME(kw.because); this.CONSUME(t.StringTok, { LABEL: 'because' }); }),
      alt(() => this.SUBRULE(this.sourceClause)),
    ])));
  });

  public testCase = this.RULE('testCase', () => {
    this.CONSUME(kw.test);
    this.CONSUME(t.StringTok, { LABEL: 'title' });
    this.CONSUME(t.LBrace);
    this.MANY(() => {
      this.SUBRULE(this.testStep);
      this.OPTION(() => this.sep());
    });
    this.CONSUME(t.RBrace);
  });

  /** `given …` or `expect …`. */
  public testStep = this.RULE('testStep', () => {
    this.OR(this.alts('testStep/OR/2', () => [alt(() => this.CONSUME(kw.given)), alt(() => this.CONSUME(kw.expect))]));
    this.OPTION(() => this.CONSUME(t.NumberTok, { LABEL: 'year' }));
    this.OPTION2(() => { this.CONSUME(kw.unit); this.SUBRULE(this.name, { LABEL: 'unitKind' }); });
    this.OR2(this.alts('testStep/OR2/1', () => [
      alt(() => this.CONSUME(t.Word, { LABEL: 'subject' })),
      alt(() => this.CONSUME(t.StringTok, { LABEL: 'subject' })),
    ]));
    this.OPTION3(() => this.SUBRULE2(this.name, { LABEL: 'table' }));
    this.CONSUME(t.LBrace);
    this.MANY(gated(this.notNextItem, () => { this.SUBRULE(this.assignment); this.OPTION4(() => this.sep()); }));
    this.CONSUME(t.RBrace);
  });

  public assignment = this.RULE('assignment', () => {
    this.SUBRULE(this.name);
    this.OR(this.alts('assignment/OR/0', () => [
      alt(() => this.CONSUME(t.Equals)),
      alt(() => this.CONSUME(t.EqEq)),
      alt(() => this.CONSUME(t.Colon)),
    ]));
    this.SUBRULE(this.expression);
  });

  // ---------- expressions ----------
}

/** The one parser instance: building it analyses the grammar, so it is done once per module load. */
export const parser = new KaopingParser();

/** Parses tokens into a CST; errors are in `parser.errors`, nesting errors in `parser.depthErrors`. */
export function parseTokens(tokens: IToken[], maxDepth: number): CstNode {
  parser.prepare(maxDepth);
  parser.input = tokens;
  // Recognition errors are Chevrotain's control flow and their stack traces are never read;
  // capturing them was most of the cost of a syntax error.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parser.ruleFile();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
