// Expression trees from what the expression rules read: operator precedence over a flat list of
// operands and operators (a small Pratt loop), postfix chains, calls with within/where, and the
// checks the grammar leaves open (chained comparisons, a misplaced else arm).
import type { IToken } from 'chevrotain';
import type * as A from './ast.ts';
import { between, type Ctx, identOf, identOfToken, numberOf } from './build-util.ts';
import { keywordIdOf } from './lexer.ts';
import { spanOfToken, type Span } from './span.ts';

const COMPARISON: Readonly<Record<string, A.BinaryOp>> = {
  EqEq: '==', Equals: '==', NotEq: '!=', Less: '<', LessEq: '<=', Greater: '>', GreaterEq: '>=',
};
const ARITH: Readonly<Record<string, A.BinaryOp>> = { Plus: '+', Minus: '-', Star: '*', Slash: '/', Coalesce: '??' };

const BP_OR = 1;
const BP_AND = 2;
const BP_NOT = 3;
const BP_CMP = 4;

function opOf(token: IToken): { op: A.BinaryOp | 'in'; bp: number } {
  const name = token.tokenType.name;
  if (COMPARISON[name]) return { op: COMPARISON[name], bp: BP_CMP };
  const kw = keywordIdOf(token);
  if (kw === 'or') return { op: 'or', bp: BP_OR };
  if (kw === 'and') return { op: 'and', bp: BP_AND };
  if (kw === 'in') return { op: 'in', bp: BP_CMP };
  const op = ARITH[name];
  return { op, bp: op === '??' ? 5 : op === '+' || op === '-' ? 6 : 7 };
}

function isComparison(e: A.Expr): boolean {
  return e.kind === 'InSet' || (e.kind === 'Binary' && ['==', '!=', '<', '<=', '>', '>='].includes(e.op));
}

/** `{ a, b }` after `in`. */
export interface SetLit {
  readonly items: A.Expr[];
  readonly span: Span;
}

/**
 * One expression as the grammar reads it: operands (each with its postfix chain applied and its
 * prefix operators kept apart, since `not` takes a whole comparison) and the operators between them.
 * After an `in` operator the operand is the set.
 */
export interface FlatExpr {
  readonly rhs: readonly (A.Expr | SetLit)[];
  readonly prefixes: readonly (readonly IToken[] | undefined)[];
  readonly ops: readonly IToken[];
}

/** Where precedence climbing is in one flat expression. */
interface Chain extends FlatExpr {
  pos: number;
  pre: number;
}

/** Applies precedence to a flat expression. */
export function precedence(ctx: Ctx, flat: FlatExpr): A.Expr {
  return chain(ctx, { rhs: flat.rhs, prefixes: flat.prefixes, ops: flat.ops, pos: 0, pre: 0 }, 0);
}

/** Precedence climbing over the flat list: operators binding tighter than `minBp` join here. */
function chain(ctx: Ctx, s: Chain, minBp: number): A.Expr {
  let left = prefixed(ctx, s);
  let comparedHere = false;
  while (s.pos < s.ops.length) {
    const token = s.ops[s.pos];
    const { op, bp } = opOf(token);
    if (bp <= minBp) break;
    if (bp === BP_CMP && comparedHere && isComparison(left)) {
      ctx.error('KP125', spanOfToken(token), '比较不能连写，请用“且”连接两个比较，如 a < b 且 b < c',
        'comparisons cannot be chained; join two comparisons with `and`, as in a < b and b < c');
    }
    s.pos++;
    s.pre = 0;
    if (op === 'in') {
      const set = s.rhs[s.pos] as SetLit;
      left = { kind: 'InSet', value: left, set: set.items, span: between(left.span, set.span) };
    } else {
      const right = chain(ctx, s, bp);
      left = { kind: 'Binary', op, left, right, span: between(left.span, right.span) };
    }
    if (bp === BP_CMP) comparedHere = true;
  }
  return left;
}

/** The current operand with its prefix operators: `-` binds tightest, `not` takes a comparison. */
function prefixed(ctx: Ctx, s: Chain): A.Expr {
  const prefixes = s.prefixes[s.pos];
  if (prefixes !== undefined && s.pre < prefixes.length) {
    const p = prefixes[s.pre++];
    const not = keywordIdOf(p) === 'not';
    const inner = not ? chain(ctx, s, BP_NOT) : prefixed(ctx, s);
    return { kind: 'Unary', op: not ? 'not' : '-', operand: inner, span: between(spanOfToken(p), inner.span) };
  }
  return s.rhs[s.pos] as A.Expr;
}

/** `e.member`, where the member is a word or a keyword serving as a name. */
export function memberAccess(ctx: Ctx, e: A.Expr, token: IToken): A.MemberAccess {
  const member = identOf(ctx, token);
  return { kind: 'MemberAccess', object: e, member, span: between(e.span, member.span) };
}

/** `e@-k`. */
export function history(ctx: Ctx, e: A.Expr, years: IToken): A.History {
  const k = numberOf(years);
  if (!Number.isInteger(k.value) || k.value < 1) {
    ctx.error('KP127', k.span, `@- 之后应为正整数年数，如 @-1，而不是 ${k.text}`,
      `@- must be followed by a positive whole number of years, as in @-1, not ${k.text}`);
  }
  return { kind: 'History', expr: e, yearsBack: k.value, span: between(e.span, k.span) };
}

/** One argument as read: a year window, or a value and/or its `within` and `where`. */
export interface CallArg {
  readonly range?: A.RangeLit;
  readonly value?: A.Expr;
  readonly within?: A.Expr;
  readonly where?: A.Expr;
}

/** A call: `where` after the first argument filters the rows; after others, that argument only. */
export function call(ctx: Ctx, calleeTok: IToken, callArgs: readonly CallArg[], rparen: IToken): A.Call {
  const callee = identOfToken(calleeTok);
  const args: (A.Expr | A.RangeLit)[] = [];
  const within: A.Expr[] = [];
  const filters: (A.Expr | undefined)[] = [];
  let groupWhere: A.Expr | undefined;
  for (const a of callArgs) {
    if (a.range) {
      args.push(a.range);
      filters.push(undefined);
      continue;
    }
    if (a.within) within.push(a.within);
    const where = a.where;
    if (a.value) {
      args.push(a.value);
      filters.push(where);
    } else if (where) {
      if (groupWhere) ctx.error('KP123', where.span, '“限于”重复', '`where` is written twice');
      groupWhere = where;
    }
  }
  const span = between(callee.span, spanOfToken(rparen));
  const where = filters[0] ?? groupWhere;
  if (filters[0] && groupWhere) ctx.error('KP123', groupWhere.span, '“限于”重复', '`where` is written twice');
  return {
    kind: 'Call', callee, args,
    within: within.length ? within : undefined,
    where,
    argWhere: filters.slice(1).some(f => f) ? filters : undefined,
    span,
  };
}

/** Reports every `else` arm that is not the last one. */
export function elseLast(ctx: Ctx, arms: readonly { span: Span }[], isElse: (i: number) => boolean): void {
  for (let i = 0; i < arms.length - 1; i++) {
    if (isElse(i)) {
      ctx.error('KP129', arms[i].span, '“否则”分支应放在最后', 'the `else` arm must come last', false);
    }
  }
}

/** A match arm from its `else` token or its patterns, and its value. */
export function matchArm(elseTok: IToken | undefined, patterns: (A.Ident | A.NumberLit)[], value: A.Expr): A.MatchArm {
  const start = elseTok ? spanOfToken(elseTok) : patterns[0].span;
  return { kind: 'MatchArm', patterns: elseTok ? 'else' : patterns, value, span: between(start, value.span) };
}

/** A tier arm from its `else` token or its condition, and its value. */
export function tierArm(elseTok: IToken | undefined, cond: A.Expr, value: A.Expr): A.TierArm {
  const start = elseTok ? spanOfToken(elseTok) : cond.span;
  return { kind: 'TierArm', cond: elseTok ? 'else' : cond, value, span: between(start, value.span) };
}
