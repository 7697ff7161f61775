// Expressions to Docs: operators with spaces, parentheses as written (added only where a hand-built tree needs them).
import type { BinaryOp, Expr, MatchArm, RangeLit, TierArm, WeightItem } from './ast.ts';
import { block, builtinName, kw, quote, withComments, type PrintContext } from './print-context.ts';
import { group, indent, join, line, softline, type Doc } from './print-doc.ts';

/**
 * Binding powers of the parser (build-expr.ts), loosest first: or · and · prefix `not` ·
 * comparisons and `in` · `??` · `+ -` · `* /` · prefix `-` · postfix (`.name`, `@-k`).
 */
export const BP = { or: 1, and: 2, not: 3, compare: 4, coalesce: 5, add: 6, mul: 7, neg: 8, postfix: 9 } as const;

const BINARY_BP: Record<BinaryOp, number> = {
  'or': BP.or, 'and': BP.and,
  '==': BP.compare, '!=': BP.compare, '<': BP.compare, '<=': BP.compare, '>': BP.compare, '>=': BP.compare,
  '??': BP.coalesce, '+': BP.add, '-': BP.add, '*': BP.mul, '/': BP.mul,
};

/**
 * Where an expression is printed: the binding power of the operator just before it (`left`) and
 * just after it (`right`); 0 where there is none (a whole expression, an argument, an arm).
 * A postfix object sits in `{ left: BP.postfix, right: BP.postfix }`.
 */
export interface Slot {
  readonly left: number;
  readonly right: number;
}

export const TOP: Slot = { left: 0, right: 0 };
export const POSTFIX_OBJECT: Slot = { left: BP.postfix, right: BP.postfix };

export function binaryBp(op: BinaryOp): number {
  return BINARY_BP[op];
}

const isComparisonOp = (op: BinaryOp) => BINARY_BP[op] === BP.compare;

/**
 * Whether `e`, printed bare in `slot`, would parse back as something else. This mirrors the
 * parser's Pratt loop: operators are left-associative, comparisons do not chain, a prefix `not`
 * takes everything tighter than `and` to its right, and `if … else x` takes everything after it.
 */
export function needsParens(e: Expr, slot: Slot): boolean {
  switch (e.kind) {
    case 'Binary': {
      const p = BINARY_BP[e.op];
      return !(slot.left < p && (isComparisonOp(e.op) ? slot.right < p : slot.right <= p));
    }
    case 'InSet': return !(slot.left < BP.compare && slot.right !== BP.compare);
    case 'Unary': return slot.left >= BP.postfix || (e.op === 'not' && slot.right > BP.not);
    case 'If': return slot.left >= BP.postfix || slot.right > 0;
    default: return false;
  }
}

/** The slots of a binary operator's operands, when the operator itself sits bare in `slot`. */
export function operandSlots(op: BinaryOp, slot: Slot): { left: Slot; right: Slot } {
  const p = BINARY_BP[op];
  return { left: { left: slot.left, right: p }, right: { left: p, right: slot.right } };
}

/** The slot of a prefix operator's operand. */
export function prefixSlot(op: '-' | 'not', slot: Slot): Slot {
  return { left: op === 'not' ? BP.not : BP.neg, right: slot.right };
}

/** The slot of the value tested by `in`. */
export function inSetValueSlot(slot: Slot): Slot {
  return { left: slot.left, right: BP.compare };
}

function opText(ctx: PrintContext, op: BinaryOp): string {
  return op === 'and' || op === 'or' ? kw(ctx, op) : op;
}

/** An expression printed in `slot`; parenthesised when a hand-built tree needs it (a parsed one never does). */
export function exprIn(ctx: PrintContext, e: Expr, slot: Slot): Doc {
  return needsParens(e, slot) ? ['(', exprDoc(ctx, e, TOP), ')'] : exprDoc(ctx, e, slot);
}

/** A whole expression: a definition's body, an argument, an arm, a clause. */
export function exprTop(ctx: PrintContext, e: Expr): Doc {
  return exprDoc(ctx, e, TOP);
}

export function rangeDoc(r: RangeLit): string {
  return `${r.low.text}..${r.high.text}`;
}

/** `a and b and c` flattened, so a long chain breaks before each operator at one indentation. */
function chain(ctx: PrintContext, e: Expr & { kind: 'Binary' }, slot: Slot): Doc {
  const operands: Expr[] = [];
  let cur: Expr = e;
  while (cur.kind === 'Binary' && cur.op === e.op) {
    operands.unshift(cur.right);
    cur = cur.left;
  }
  operands.unshift(cur);
  const p = BINARY_BP[e.op];
  const last = operands.length - 1;
  const slotOf = (i: number): Slot => ({ left: i === 0 ? slot.left : p, right: i === last ? slot.right : p });
  return group([
    exprIn(ctx, operands[0], slotOf(0)),
    indent(operands.slice(1).map((r, i) => [line, opText(ctx, e.op), ' ', exprIn(ctx, r, slotOf(i + 1))])),
  ]);
}

/**
 * Call arguments. The parser lets each argument carry its own `within` and `where`; the tree keeps
 * `within` as one list, `where` for the first argument and `argWhere` for the others. The first
 * `within` goes with the first argument, further ones stand alone (`f(x within A, within B)`).
 */
function argsDoc(ctx: PrintContext, e: Expr & { kind: 'Call' }): Doc {
  const within = [...(e.within ?? [])];
  const clause = (id: string, x: Expr): Doc => [kw(ctx, id), ' ', exprTop(ctx, x)];
  const parts: Doc[] = [];
  let whereDone = false;
  e.args.forEach((a, i) => {
    if (a.kind === 'RangeLit') {
      parts.push(rangeDoc(a));
      return;
    }
    const p: Doc[] = [exprTop(ctx, a)];
    if (i === 0 && within.length > 0) p.push(' ', clause('within', within.shift()!));
    const where = i === 0 ? e.where : e.argWhere?.[i];
    if (where) {
      p.push(' ', clause('where', where));
      if (i === 0) whereDone = true;
    }
    parts.push(p);
  });
  within.forEach((w, i) => {
    const p: Doc[] = [clause('within', w)];
    if (i === 0 && e.where && !whereDone) {
      p.push(' ', clause('where', e.where));
      whereDone = true;
    }
    parts.push(p);
  });
  // Only a hand-built tree gets here: a filter with nothing to stand after.
  if (e.where && !whereDone) parts.push(clause('where', e.where));
  if (parts.length === 0) return '';
  return group([indent([softline, join([',', line], parts)]), softline]);
}

export function weightItemDoc(ctx: PrintContext, w: WeightItem): Doc {
  return withComments(ctx, w, [exprTop(ctx, w.expr), ' ', w.weight.text, '%']);
}

/** Whether `e`, printed in `slot`, begins with a minus sign. */
function startsWithMinus(e: Expr, slot: Slot): boolean {
  if (needsParens(e, slot)) return false;
  switch (e.kind) {
    case 'Unary': return e.op === '-';
    case 'NumberLit': return e.text.startsWith('-');
    case 'Binary': return startsWithMinus(e.left, operandSlots(e.op, slot).left);
    case 'InSet': return startsWithMinus(e.value, inSetValueSlot(slot));
    case 'MemberAccess': return startsWithMinus(e.object, POSTFIX_OBJECT);
    case 'History': return startsWithMinus(e.expr, POSTFIX_OBJECT);
    default: return false;
  }
}

/**
 * Arms one per line. An arm that begins with a minus sign would read as a subtraction from the
 * value before it (newlines are not significant), so that value ends with `;`.
 */
function armBlock(ctx: PrintContext, head: Doc, owner: Expr, arms: readonly { doc: Doc; minus: boolean }[]): Doc {
  return block(ctx, head, owner, arms.map(a => a.doc), { kind: 'lines' }, arms.map((_, i) => arms[i + 1]?.minus === true));
}

function armDoc(ctx: PrintContext, a: MatchArm): { doc: Doc; minus: boolean } {
  const pats = a.patterns === 'else' ? kw(ctx, 'else') : a.patterns.map(p => (p.kind === 'Ident' ? p.name : p.text)).join(', ');
  const minus = a.patterns !== 'else' && a.patterns[0].kind === 'NumberLit' && a.patterns[0].text.startsWith('-');
  return { doc: withComments(ctx, a, [pats, ' => ', exprTop(ctx, a.value)]), minus };
}

function tierDoc(ctx: PrintContext, a: TierArm): { doc: Doc; minus: boolean } {
  const cond = a.cond === 'else' ? kw(ctx, 'else') : exprTop(ctx, a.cond);
  const minus = a.cond !== 'else' && startsWithMinus(a.cond, TOP);
  return { doc: withComments(ctx, a, [cond, ' => ', exprTop(ctx, a.value)]), minus };
}

/** The doc of an expression printed bare in `slot`; its parts parenthesised as their slots need. */
export function exprDoc(ctx: PrintContext, e: Expr, slot: Slot): Doc {
  switch (e.kind) {
    case 'NumberLit': return e.text;
    case 'PercentLit': return `${e.text}%`;
    case 'StringLit': return quote(e);
    case 'BoolLit': return kw(ctx, e.value ? 'true' : 'false');
    case 'MissingLit': return kw(ctx, 'missing');
    case 'NameRef': return e.name.name;
    case 'Paren': return ['(', exprTop(ctx, e.expr), ')'];
    case 'MemberAccess': return [exprIn(ctx, e.object, POSTFIX_OBJECT), '.', e.member.name];
    case 'History': return [exprIn(ctx, e.expr, POSTFIX_OBJECT), `@-${e.yearsBack}`];
    case 'Unary': {
      const operand = exprIn(ctx, e.operand, prefixSlot(e.op, slot));
      if (e.op === 'not') return [kw(ctx, 'not'), ' ', operand];
      // `- -a`, not `--a`: two signs read more plainly apart.
      const spaced = e.operand.kind === 'Unary' && e.operand.op === '-' && !needsParens(e.operand, prefixSlot(e.op, slot));
      return ['-', spaced ? ' ' : '', operand];
    }
    case 'Binary': {
      if (e.op === 'and' || e.op === 'or') return chain(ctx, e, slot);
      const s = operandSlots(e.op, slot);
      return [exprIn(ctx, e.left, s.left), ' ', opText(ctx, e.op), ' ', exprIn(ctx, e.right, s.right)];
    }
    case 'InSet':
      return [
        exprIn(ctx, e.value, inSetValueSlot(slot)), ' ', kw(ctx, 'in'), ' {',
        join(', ', e.set.map(x => exprTop(ctx, x))), '}',
      ];
    case 'Call':
      return [builtinName(ctx, 'function', e.callee.name), '(', argsDoc(ctx, e), ')'];
    case 'If':
      return group([
        kw(ctx, 'if'), ' ', exprTop(ctx, e.cond),
        indent([line, kw(ctx, 'then'), ' ', exprTop(ctx, e.then), line, kw(ctx, 'else'), ' ', exprTop(ctx, e.else)]),
      ]);
    case 'Match':
      return armBlock(ctx, [kw(ctx, 'match'), ' ', exprTop(ctx, e.subject)], e, e.arms.map(a => armDoc(ctx, a)));
    case 'Tiers':
      return armBlock(ctx, kw(ctx, 'tiers'), e, e.arms.map(a => tierDoc(ctx, a)));
    case 'Weighted':
      if (e.table) return [kw(ctx, 'weighted'), ' ', e.table.name];
      return block(ctx, kw(ctx, 'weighted'), e, (e.items ?? []).map(w => weightItemDoc(ctx, w)), { kind: 'fill', flatSep: ' ', breakSep: ',' });
  }
}
