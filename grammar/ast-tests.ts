// Language-test nodes of the syntax tree: test, given, expect (part of grammar/ast.ts, which re-exports them).
import type { Span } from './span.ts';
import type { Ident } from './ast.ts';
import type { Expr, NumberLit, StringLit } from './ast-expr.ts';

/** `given 2014 甲 { 岗位 = 乡镇干部, 班子 = "一乡" }` — facts of one cadre (or unit, or one record row). */
export interface Given {
  readonly kind: 'Given';
  readonly year?: NumberLit;
  /** For a unit: the unit kind (`given 2014 unit 乡镇 某乡 { … }`). */
  readonly unitKind?: Ident;
  readonly subject: Ident | StringLit;
  /** A row of this records/events/periods table (`given 甲 效情形 { … }`). */
  readonly table?: Ident;
  readonly assignments: readonly Assignment[];
  readonly span: Span;
}

/** `expect 2014 甲 { 决定 = 免职, 年度得分 = 61.5 }` */
export interface Expect {
  readonly kind: 'Expect';
  readonly year?: NumberLit;
  readonly unitKind?: Ident;
  readonly subject: Ident | StringLit;
  readonly assignments: readonly Assignment[];
  readonly span: Span;
}

export interface Assignment {
  readonly kind: 'Assignment';
  readonly name: Ident;
  readonly value: Expr;
  readonly span: Span;
}

/** `test "叶某连续末位被免职" { given … expect … }` */
export interface TestCase {
  readonly kind: 'TestCase';
  readonly title: StringLit;
  readonly steps: readonly (Given | Expect)[];
  readonly span: Span;
}
