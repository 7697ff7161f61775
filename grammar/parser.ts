// The grammar's top: the file, its header, items, unit blocks and tests, and the record of each
// item (where it lies, whether recovery touched it, its tree when usable) that parse.ts reads.
import { EOF, type IToken, type OrMethodOpts, type TokenType } from 'chevrotain';
import type * as A from './ast.ts';
import * as B from './build-defs.ts';
import { between, stringOf } from './build-util.ts';
import { alt, gated, ITEM_STARTS, type Settled } from './parser-base.ts';
import { type UnitMember } from './parser-defs.ts';
import { OutcomeParser } from './parser-outcomes.ts';
import { cacheErrorMessages, messages, type ErrorInternals } from './parser-errors.ts';
import { NO_ASSIGNMENT, NO_REMOVE, NO_STEP, NO_TEST } from './recovery-values.ts';
import type { Span } from './span.ts';
import * as t from './tokens.ts';

export { MAX_NESTING_DEPTH } from './parser-expr.ts';
export type { DepthError } from './parser-expr.ts';
export type { ExpectedInfo } from './parser-errors.ts';

const kw = t.keywordTokens;

const NO_SPAN: Span = { start: 0, end: 0 };

/** A unit block as read: its definitions, each kept or dropped on its own, and the block's tree. */
export interface UnitRecord {
  readonly members: UnitMember[];
  value: A.UnitBlock | undefined;
}

/** One item of the file as read. */
export interface ItemRecord {
  /** From its first to its last real token. */
  span: Span;
  /** Whether recovery touched it (see Settled). */
  recovered: boolean;
  /** Its tree, when usable. */
  value: A.Item | undefined;
  /** Set when the item is a unit block. */
  unit: UnitRecord | undefined;
}

/** The file as read: header, items and the first token of every run of skipped tokens. */
export interface ParsedFile {
  readonly header: Settled<A.Header> | undefined;
  readonly items: readonly ItemRecord[];
  readonly junk: readonly IToken[];
}

/** The whole grammar: the file, its header and every kind of item. */
class KaopingParser extends OutcomeParser {
  private headerRead: Settled<A.Header> | undefined = undefined;
  private items: ItemRecord[] = [];
  private junkFirsts: IToken[] = [];
  private currentItem: ItemRecord | undefined = undefined;
  private fileChoice?: OrMethodOpts<unknown>;

  constructor() {
    super(t.parserTokens as TokenType[], { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: messages });
    this.performSelfAnalysis();
    cacheErrorMessages(this as unknown as ErrorInternals);
    this.watchTokens();
  }

  /** Resets per-parse state; call before setting `input`. */
  override prepare(maxDepth: number, tokenCount: number): void {
    super.prepare(maxDepth, tokenCount);
    this.headerRead = undefined;
    this.items = [];
    this.junkFirsts = [];
    this.currentItem = undefined;
    this.unitMembers = undefined;
  }

  /** What the last parse read. */
  result(): ParsedFile {
    return { header: this.headerRead, items: this.items, junk: this.junkFirsts };
  }

  public ruleFile = this.RULE('ruleFile', () => {
    // One token of lookahead here: with `junk` matching any token, deeper lookahead analysis
    // would enumerate every definition's token paths and take seconds at start-up.
    this.OPTION({ MAX_LOOKAHEAD: 1, DEF: () => this.SUBRULE(this.header) });
    this.MANY(() => this.OR(this.fileChoice ??= {
      MAX_LOOKAHEAD: 1,
      IGNORE_AMBIGUITIES: true,
      DEF: [
        alt(() => this.SUBRULE(this.item)),
        alt(() => this.SUBRULE(this.junk)),
      ],
    }));
  });

  private readonly junkMore = (): boolean => this.LA(1).tokenType !== EOF && !ITEM_STARTS.has(this.LA(1).tokenType);

  /** Tokens that cannot start an item, skipped up to the next definition keyword. */
  public junk = this.RULE('junk', () => {
    const first = this.CONSUME(t.Any);
    if (!this.RECORDING_PHASE) this.junkFirsts.push(first);
    this.MANY(gated(this.junkMore, () => this.CONSUME2(t.Any)));
  });

  public header = this.RULE('header', () => {
    const scope = this.RECORDING_PHASE ? undefined : this.openScope();
    let value: A.Header | undefined;
    let completed = false;
    try {
      this.CONSUME(kw.ruleset);
      const title = this.CONSUME(t.StringTok);
      const year = this.OPTION(() => { this.CONSUME(kw.year); return this.CONSUME(t.NumberTok); });
      const ext = this.OPTION2(() => {
        this.CONSUME(kw.extends);
        return this.OR(this.alts('header/OR/17', () => [
          alt(() => this.CONSUME2(t.NumberTok)),
          alt(() => this.CONSUME2(t.StringTok)),
        ])) as IToken;
      });
      const source = this.OPTION3(() => this.SUBRULE(this.sourceClause));
      if (scope) value = B.header(this.ctx, title, year, ext, source, this.spanSince(scope.tokens));
      completed = true;
    } finally {
      if (scope) this.headerRead = this.settle(scope, value, completed);
    }
  });

  /** A definition, a unit block, a removal or a test; each is kept or dropped on its own. */
  public item = this.RULE('item', () => {
    const scope = this.RECORDING_PHASE ? undefined : this.openScope();
    const record: ItemRecord = { span: NO_SPAN, recovered: false, value: undefined, unit: undefined };
    if (scope) {
      this.items.push(record);
      this.currentItem = record;
    }
    let value: A.Item | undefined;
    let completed = false;
    try {
      value = this.OR(this.alts('item/OR/16', () => [
        alt(() => this.SUBRULE(this.remove)),
        alt(() => this.SUBRULE(this.testCase)),
        alt(() => this.SUBRULE(this.unitBlock)),
        alt(() => this.SUBRULE(this.definition)),
      ])) as A.Item | undefined;
      this.OPTION(() => this.sep());
      completed = true;
    } finally {
      if (scope) {
        this.currentItem = undefined;
        if (record.unit) {
          // A unit block is not kept or dropped as a whole: its definitions are, one by one.
          record.span = this.spanSince(scope.tokens);
          record.recovered = !completed || this.recoveredSince(scope);
          record.value = record.unit.value;
        } else {
          const settled = this.settle(scope, value, completed);
          record.span = settled.span;
          record.recovered = settled.recovered;
          record.value = settled.value;
        }
      }
    }
  });

  public remove = this.RULE('remove', (): A.Remove => {
    const scope = this.openMember();
    let value: A.Remove | undefined;
    let completed = false;
    try {
      const start = this.tokenCount;
      this.CONSUME(kw.remove);
      const name = this.nameAt(0);
      value = this.RECORDING_PHASE ? NO_REMOVE : { kind: 'Remove', name, span: this.spanSince(start) };
      completed = true;
      return value;
    } finally {
      this.closeMember(scope, value, completed);
    }
  }, this.recovering(NO_REMOVE));

  /**
   * A unit block is used unless its name or `{` had to be invented or skipped; its definitions
   * are kept or dropped one by one, and its `source` is left out when recovery touched it.
   */
  public unitBlock = this.RULE('unitBlock', (): A.UnitBlock | undefined => {
    const scope = this.RECORDING_PHASE ? undefined : this.openScope();
    const unit: UnitRecord = { members: [], value: undefined };
    if (scope && this.currentItem) this.currentItem.unit = unit;
    let override = false;
    let name: A.Ident | undefined;
    let opened = false;
    let source: A.StringLit | undefined;
    try {
      override = this.OPTION(() => this.CONSUME(kw.override)) !== undefined;
      this.CONSUME(kw.unit);
      const beforeName = this.RECORDING_PHASE ? undefined : this.mark();
      const ident = this.nameAt(0);
      if (beforeName && !this.recoveredSince(beforeName)) name = ident;
      opened = this.CONSUME(t.LBrace).isInsertedInRecovery !== true;
      if (scope) this.unitMembers = unit.members;
      this.MANY(() => {
        this.OR(this.alts('unitBlock/OR/15', () => [
          alt(() => this.SUBRULE(this.remove)),
          alt(() => this.SUBRULE(this.definition)),
        ]));
        this.OPTION2(() => this.sep());
      });
      this.CONSUME(t.RBrace);
      this.OPTION3(() => {
        const beforeSource = this.RECORDING_PHASE ? undefined : this.mark();
        const text = this.SUBRULE(this.sourceClause);
        if (beforeSource && !this.recoveredSince(beforeSource)) source = text;
      });
    } finally {
      this.unitMembers = undefined;
      if (scope) {
        if (name && opened) {
          const items: (A.Definition | A.Remove)[] = [];
          for (const m of unit.members) if (m.value) items.push(m.value);
          items.sort((a, b) => a.span.start - b.span.start);
          unit.value = {
            kind: 'UnitBlock', override, name, items, ...(source ? { source } : {}), span: this.spanSince(scope.tokens),
          };
        } else {
          this.ctx.rollback(scope.ctx);
        }
      }
    }
    return unit.value;
  }, this.recovering<A.UnitBlock | undefined>(undefined));

  public testCase = this.RULE('testCase', (): A.TestCase => {
    const start = this.tokenCount;
    this.CONSUME(kw.test);
    const title = this.CONSUME(t.StringTok);
    this.CONSUME(t.LBrace);
    const steps: (A.Given | A.Expect)[] = [];
    this.MANY(() => {
      steps.push(this.SUBRULE(this.testStep));
      this.OPTION(() => this.sep());
    });
    this.CONSUME(t.RBrace);
    if (this.RECORDING_PHASE) return NO_TEST;
    return { kind: 'TestCase', title: stringOf(title), steps, span: this.spanSince(start) };
  }, this.recovering(NO_TEST));

  /** `given …` or `expect …`. */
  public testStep = this.RULE('testStep', (): A.Given | A.Expect => {
    const head = this.OR(this.alts('testStep/OR/2', () => [alt(() => this.CONSUME(kw.given)), alt(() => this.CONSUME(kw.expect))])) as IToken;
    const year = this.OPTION(() => this.CONSUME(t.NumberTok));
    const unitKind = this.OPTION2(() => { this.CONSUME(kw.unit); return this.nameAt(0); });
    const subject = this.OR2(this.alts('testStep/OR2/1', () => [
      alt(() => this.CONSUME(t.Word)),
      alt(() => this.CONSUME(t.StringTok)),
    ])) as IToken;
    const table = this.OPTION3(() => this.nameAt(2));
    this.CONSUME(t.LBrace);
    const assignments: A.Assignment[] = [];
    this.MANY(gated(this.notNextItem, () => { assignments.push(this.SUBRULE(this.assignment)); this.OPTION4(() => this.sep()); }));
    const end = this.CONSUME(t.RBrace);
    if (this.RECORDING_PHASE) return NO_STEP;
    return B.testStep(this.ctx, head, year, unitKind, subject, table, assignments, end);
  }, this.recovering<A.Given | A.Expect>(NO_STEP));

  public assignment = this.RULE('assignment', (): A.Assignment => {
    const name = this.nameAt(0);
    this.OR(this.alts('assignment/OR/0', () => [
      alt(() => this.CONSUME(t.Equals)),
      alt(() => this.CONSUME(t.EqEq)),
      alt(() => this.CONSUME(t.Colon)),
    ]));
    const value = this.expr(0);
    if (this.RECORDING_PHASE) return NO_ASSIGNMENT;
    return { kind: 'Assignment', name, value, span: between(name.span, value.span) };
  }, this.recovering(NO_ASSIGNMENT));
}

/** The one parser instance: building it analyses the grammar, so it is done once per module load. */
export const parser = new KaopingParser();

/** Parses tokens; syntax errors are in `parser.errors`, nesting errors in `parser.depthErrors`, tree diagnostics in `parser.ctx`. */
export function parseTokens(tokens: IToken[], maxDepth: number): ParsedFile {
  parser.prepare(maxDepth, tokens.length);
  parser.input = tokens;
  // Recognition errors are Chevrotain's control flow and their stack traces are never read;
  // capturing them was most of the cost of a syntax error.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    parser.ruleFile();
  } finally {
    Error.stackTraceLimit = limit;
  }
  return parser.result();
}

