// What each grammar rule gives when recovery re-synced it, and during grammar recording. The part
// holding such a value is always dropped; the value only has to be well-formed, so that building
// the rest of the part (which still runs) never fails.
import type * as A from './ast.ts';
import type { CallArg, SetLit } from './build-expr.ts';
import type { Span } from './span.ts';

const NO_SPAN: Span = { start: 0, end: 0 };

export const MISSING: A.MissingLit = { kind: 'MissingLit', span: NO_SPAN };
export const NO_IDENT: A.Ident = { kind: 'Ident', name: '', span: NO_SPAN };
export const NO_STRING: A.StringLit = { kind: 'StringLit', value: '', span: NO_SPAN };
export const NO_NUMBER: A.NumberLit = { kind: 'NumberLit', value: 0, text: '0', span: NO_SPAN };
export const NO_RANGE: A.RangeLit = { kind: 'RangeLit', low: NO_NUMBER, high: NO_NUMBER, span: NO_SPAN };
export const NO_WEIGHT: A.WeightItem = {
  kind: 'WeightItem', expr: MISSING, weight: { kind: 'PercentLit', value: 0, text: '0', span: NO_SPAN }, span: NO_SPAN,
};
export const NO_SORT_KEY: A.SortKey = { kind: 'SortKey', expr: MISSING, direction: 'desc', span: NO_SPAN };
export const NO_EXPRS: A.Expr[] = Object.freeze([]) as unknown as A.Expr[];
export const NO_ARG: CallArg = {};
export const NO_ARM: A.MatchArm = { kind: 'MatchArm', patterns: 'else', value: MISSING, span: NO_SPAN };
export const NO_TIER: A.TierArm = { kind: 'TierArm', cond: 'else', value: MISSING, span: NO_SPAN };
export const NO_SET: SetLit = { items: [], span: NO_SPAN };

export const NO_DEF: A.Definition = { kind: 'EnumDef', override: false, name: NO_IDENT, source: undefined, span: NO_SPAN, members: [] };
export const NO_TYPE: A.TypeRef = { kind: 'TypeRef', name: NO_IDENT, range: undefined, span: NO_SPAN };
export const NO_FIELD: A.FieldDecl = { kind: 'FieldDecl', name: NO_IDENT, type: NO_TYPE, optional: false, span: NO_SPAN };
export const NO_SITUATION: A.Situation = {
  kind: 'Situation', name: NO_IDENT, points: NO_NUMBER, description: undefined, source: undefined, span: NO_SPAN,
};
export const NO_WEIGHTS_ROW: A.WeightsRow = { kind: 'WeightsRow', member: NO_IDENT, items: [], span: NO_SPAN };
export const NO_TABLE_ROW: A.TableRow = { kind: 'TableRow', member: 'else', value: MISSING, span: NO_SPAN };
export const NO_LEVEL: A.GradeLevel = {
  kind: 'GradeLevel', name: NO_IDENT, op: undefined, threshold: undefined, quota: undefined, unless: undefined, span: NO_SPAN,
};
export const NO_QUOTA: A.Quota = { kind: 'Quota', amount: NO_NUMBER, within: [], rounding: undefined, span: NO_SPAN };

export const NO_REMOVE: A.Remove = { kind: 'Remove', name: NO_IDENT, span: NO_SPAN };
export const NO_TEST: A.TestCase = { kind: 'TestCase', title: NO_STRING, steps: [], span: NO_SPAN };
export const NO_STEP: A.Given = { kind: 'Given', subject: NO_IDENT, assignments: [], span: NO_SPAN };
export const NO_ASSIGNMENT: A.Assignment = { kind: 'Assignment', name: NO_IDENT, value: MISSING, span: NO_SPAN };
