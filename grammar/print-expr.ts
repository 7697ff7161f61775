// Expressions to Docs: operators with spaces, parentheses as written (added only where a hand-built tree needs them).
import type { BinaryOp, Expr, MatchArm, RangeLit, TierArm, WeightItem } from './ast.ts';
import { block, builtinName, kw, quote, withComments, type PrintContext } from './print-context.ts';
import { group, indent, join, line, softline, type Doc } from './print-doc.ts';

/**
 * Binding strength, loosest first, as in docs/language.md: or · and · not · comparisons and
 * `in` · `??` · `+ -` · `* /` · unary `-` · postfix. `if` reaches as far right as it can, so it
 * binds loosest of all.
 */
export const PREC = {
  if: 0, or: 1, and: 2, not: 3, compare: 4, coalesce: 5, add: 6, mul: 7, neg: 8, postfix: 9, atom: 10,
} as const;

const BINARY_PREC: Record<BinaryOp, number> = {
  'or': PREC.or, 'and': PREC.and,
  '==': PREC.compare, '!=': PREC.compare, '<': PREC.compare, '<=': PREC.compare, '>': PREC.compare, '>=': PREC.compare,
  '??': PREC.coalesce, '+': PREC.add, '-': PREC.add, '*': PREC.mul, '/': PREC.mul,
};

/** Operators that do not chain: `a < b < c` and `a ?? b ?? c` need parentheses on either side. */
const NON_ASSOCIATIVE = new Set<BinaryOp>(['==', '!=', '<', '<=', '>', '>=', '??']);

export function binaryPrec(op: BinaryOp): number {
  return BINARY_PREC[op];
}

/** How tightly an expression binds when printed as written. */
export function precOf(e: Expr): number {
  switch (e.kind) {
    case 'Binary': return BINARY_PREC[e.op];
    case 'Unary': return e.op === 'not' ? PREC.not : PREC.neg;
    case 'InSet': return PREC.compare;
    case 'If': return PREC.if;
    case 'Call':
    case 'History':
    case 'MemberAccess': return PREC.postfix;
    default: return PREC.atom;
  }
}

/** The minimum binding strength each operand of a binary operator needs to print without parentheses. */
export function operandPrec(op: BinaryOp, side: 'left' | 'right'): number {
  const p = BINARY_PREC[op];
  return side === 'left' && !NON_ASSOCIATIVE.has(op) ? p : p + 1;
}

function opText(ctx: PrintContext, op: BinaryOp): string {
  return op === 'and' || op === 'or' ? kw(ctx, op) : op;
}

/** An expression that must bind at least as tightly as `min`; parenthesised otherwise. */
export function exprAt(ctx: PrintContext, e: Expr, min: number): Doc {
  const doc = exprDoc(ctx, e);
  return precOf(e) < min ? ['(', doc, ')'] : doc;
}

export function rangeDoc(r: RangeLit): string {
  return `${r.low.text}..${r.high.text}`;
}

/** `a and b and c` flattened, so a long chain breaks before each operator at one indentation. */
function chain(ctx: PrintContext, e: Expr & { kind: 'Binary' }): Doc {
  const operands: Expr[] = [];
  let cur: Expr = e;
  while (cur.kind === 'Binary' && cur.op === e.op) {
    operands.unshift(cur.right);
    cur = cur.left;
  }
  operands.unshift(cur);
  const p = BINARY_PREC[e.op];
  const [first, ...rest] = operands;
  return group([
    exprAt(ctx, first, p),
    indent(rest.map(r => [line, opText(ctx, e.op), ' ', exprAt(ctx, r, p + 1)])),
  ]);
}

function argsDoc(ctx: PrintContext, e: Expr & { kind: 'Call' }): Doc {
  const parts: Doc[] = [];
  const args = e.args.map(a => (a.kind === 'RangeLit' ? rangeDoc(a) : exprAt(ctx, a, PREC.if)));
  if (args.length > 0) parts.push(join([',', line], args));
  if (e.within && e.within.length > 0) {
    parts.push([kw(ctx, 'within'), ' ', join(', ', e.within.map(w => exprAt(ctx, w, PREC.if)))]);
  }
  if (e.where) parts.push([kw(ctx, 'where'), ' ', exprAt(ctx, e.where, PREC.if)]);
  return group([indent([softline, join(line, parts)]), softline]);
}

export function weightItemDoc(ctx: PrintContext, w: WeightItem): Doc {
  return withComments(ctx, w, [exprAt(ctx, w.expr, PREC.if), ' ', w.weight.text, '%']);
}

function armDoc(ctx: PrintContext, a: MatchArm): Doc {
  const pats = a.patterns === 'else' ? kw(ctx, 'else') : a.patterns.map(p => (p.kind === 'Ident' ? p.name : p.text)).join(', ');
  return withComments(ctx, a, [pats, ' => ', exprAt(ctx, a.value, PREC.if)]);
}

function tierDoc(ctx: PrintContext, a: TierArm): Doc {
  const cond = a.cond === 'else' ? kw(ctx, 'else') : exprAt(ctx, a.cond, PREC.if);
  return withComments(ctx, a, [cond, ' => ', exprAt(ctx, a.value, PREC.if)]);
}

/** The doc of an expression; its own parts parenthesised as needed. */
export function exprDoc(ctx: PrintContext, e: Expr): Doc {
  switch (e.kind) {
    case 'NumberLit': return e.text;
    case 'PercentLit': return `${e.text}%`;
    case 'StringLit': return quote(e);
    case 'BoolLit': return kw(ctx, e.value ? 'true' : 'false');
    case 'MissingLit': return kw(ctx, 'missing');
    case 'NameRef': return e.name.name;
    case 'Paren': return ['(', exprDoc(ctx, e.expr), ')'];
    case 'MemberAccess': return [exprAt(ctx, e.object, PREC.postfix), '.', e.member.name];
    case 'History': return [exprAt(ctx, e.expr, PREC.postfix), `@-${e.yearsBack}`];
    case 'Unary':
      return e.op === 'not'
        ? [kw(ctx, 'not'), ' ', exprAt(ctx, e.operand, PREC.not)]
        : ['-', exprAt(ctx, e.operand, PREC.neg)];
    case 'Binary':
      if (e.op === 'and' || e.op === 'or') return chain(ctx, e);
      return [
        exprAt(ctx, e.left, operandPrec(e.op, 'left')), ' ', e.op, ' ',
        exprAt(ctx, e.right, operandPrec(e.op, 'right')),
      ];
    case 'InSet':
      return [
        exprAt(ctx, e.value, PREC.compare + 1), ' ', kw(ctx, 'in'), ' {',
        join(', ', e.set.map(s => exprAt(ctx, s, PREC.if))), '}',
      ];
    case 'Call':
      return [builtinName(ctx, 'function', e.callee.name), '(', argsDoc(ctx, e), ')'];
    case 'If':
      return group([
        kw(ctx, 'if'), ' ', exprAt(ctx, e.cond, PREC.if),
        indent([line, kw(ctx, 'then'), ' ', exprAt(ctx, e.then, PREC.if), line, kw(ctx, 'else'), ' ', exprAt(ctx, e.else, PREC.if)]),
      ]);
    case 'Match':
      return block(ctx, [kw(ctx, 'match'), ' ', exprAt(ctx, e.subject, PREC.if)], e, e.arms.map(a => armDoc(ctx, a)), { kind: 'lines' });
    case 'Tiers':
      return block(ctx, kw(ctx, 'tiers'), e, e.arms.map(a => tierDoc(ctx, a)), { kind: 'lines' });
    case 'Weighted':
      if (e.table) return [kw(ctx, 'weighted'), ' ', e.table.name];
      return block(ctx, kw(ctx, 'weighted'), e, (e.items ?? []).map(w => weightItemDoc(ctx, w)), { kind: 'fill', flatSep: ' ', breakSep: ',' });
  }
}
