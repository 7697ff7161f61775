// Expression nodes of the syntax tree (part of grammar/ast.ts, which re-exports them).
import type { Span } from './span.ts';
import type { Ident, WeightItem } from './ast.ts';

export type Expr =
  | NumberLit
  | PercentLit
  | StringLit
  | BoolLit
  | MissingLit
  | NameRef
  | MemberAccess
  | Unary
  | Binary
  | InSet
  | Call
  | History
  | If
  | Match
  | Tiers
  | Weighted
  | Paren;

export interface NumberLit {
  readonly kind: 'NumberLit';
  readonly value: number;
  /** The digits as written (after full-width normalisation), so the formatter keeps `1.50`. */
  readonly text: string;
  readonly span: Span;
}

/** `30%` — value is the fraction (0.3); `text` is the number as written ("30"). */
export interface PercentLit {
  readonly kind: 'PercentLit';
  readonly value: number;
  readonly text: string;
  readonly span: Span;
}

export interface StringLit {
  readonly kind: 'StringLit';
  readonly value: string;
  readonly span: Span;
}

/** `true`/`是`, `false`/`否` */
export interface BoolLit {
  readonly kind: 'BoolLit';
  readonly value: boolean;
  readonly span: Span;
}

/** `missing`/`缺失` */
export interface MissingLit {
  readonly kind: 'MissingLit';
  readonly span: Span;
}

/** A bare name: a definition, an enum member, a field inside `where`, or a built-in (决定/decision). */
export interface NameRef {
  readonly kind: 'NameRef';
  readonly name: Ident;
  readonly span: Span;
}

/** `所在乡镇.乡镇排名` (a unit's value), `效情形.分值` (a field of rows), `乡镇类别.经济型` (a member). */
export interface MemberAccess {
  readonly kind: 'MemberAccess';
  readonly object: Expr;
  readonly member: Ident;
  readonly span: Span;
}

export interface Unary {
  readonly kind: 'Unary';
  readonly op: '-' | 'not';
  readonly operand: Expr;
  readonly span: Span;
}

export type BinaryOp =
  | '+' | '-' | '*' | '/'
  | '==' | '!=' | '<' | '<=' | '>' | '>='
  | 'and' | 'or' | '??';

export interface Binary {
  readonly kind: 'Binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

/** `岗位 in {市管领导干部, 市直干部}` */
export interface InSet {
  readonly kind: 'InSet';
  readonly value: Expr;
  readonly set: readonly Expr[];
  readonly span: Span;
}

/**
 * `f(args)`, including aggregates: `sum(效情形.分值 where 月份(日期) == 6)` over rows,
 * `max(年度得分 within 班子)` over the members of a group, `years(cond, -2..0)` over years.
 */
export interface Call {
  readonly kind: 'Call';
  readonly callee: Ident;
  readonly args: readonly (Expr | RangeLit)[];
  readonly within?: readonly Expr[];
  /** The filter written after the first argument (or after `within` when there is no argument). */
  readonly where?: Expr;
  /**
   * Present only when an argument after the first has its own filter
   * (`overlap(任职 where 职务 == 书记, 任职 where 职务 == 乡镇长)`): `argWhere[i]` filters `args[i]`.
   */
  readonly argWhere?: readonly (Expr | undefined)[];
  readonly span: Span;
}

/** `expr@-k`: the value k years earlier for the same cadre (or unit). */
export interface History {
  readonly kind: 'History';
  readonly expr: Expr;
  /** A positive number of years back (the `k` of `@-k`). */
  readonly yearsBack: number;
  readonly span: Span;
}

/** `if c then a else b` / `如果 c 则 a 否则 b` */
export interface If {
  readonly kind: 'If';
  readonly cond: Expr;
  readonly then: Expr;
  readonly else: Expr;
  readonly span: Span;
}

export interface MatchArm {
  readonly kind: 'MatchArm';
  /** Enum members or numbers; `else` as the last arm. */
  readonly patterns: readonly (Ident | NumberLit)[] | 'else';
  readonly value: Expr;
  readonly span: Span;
}

/** `match 岗位 { 市管领导干部 => …  乡镇干部 => …  else => missing }` */
export interface Match {
  readonly kind: 'Match';
  readonly subject: Expr;
  readonly arms: readonly MatchArm[];
  readonly span: Span;
}

export interface TierArm {
  readonly kind: 'TierArm';
  readonly cond: Expr | 'else';
  readonly value: Expr;
  readonly span: Span;
}

/** `tiers { 完成率 >= 90% => 200  完成率 >= 80% => 190  else => 0 }` — the first true condition wins. */
export interface Tiers {
  readonly kind: 'Tiers';
  readonly arms: readonly TierArm[];
  readonly span: Span;
}

/** `weighted { 综合考核 30%, 承诺考绩 20% }` or `weighted 能权重` (a weights table). */
export interface Weighted {
  readonly kind: 'Weighted';
  readonly items?: readonly WeightItem[];
  readonly table?: Ident;
  readonly span: Span;
}

/** Parentheses as written, kept so the formatter and explanations show the author's grouping. */
export interface Paren {
  readonly kind: 'Paren';
  readonly expr: Expr;
  readonly span: Span;
}

/** `0..100`, `-2..0` — in type ranges and year windows. */
export interface RangeLit {
  readonly kind: 'RangeLit';
  readonly low: NumberLit;
  readonly high: NumberLit;
  readonly span: Span;
}
