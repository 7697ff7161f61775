// Random sources, names and expressions for the program generator: valid trees with dummy spans.
import type {
  BinaryOp, Call, Expr, Ident, MatchArm, NumberLit, PercentLit, RangeLit, StringLit, TierArm, WeightItem,
} from '../ast.ts';
import { inSetValueSlot, needsParens, operandSlots, POSTFIX_OBJECT, prefixSlot, TOP, type Slot } from '../print-expr.ts';
import { SOFT_KEYWORD_IDS } from '../tokens.ts';
import { BUILTINS, KEYWORDS, keywordOf } from '../vocabulary.ts';
import { mulberry32 } from './prng.ts';

const S = { start: 0, end: 0 } as const;

/** Where random decisions come from: a seeded PRNG, or a tape of numbers that fast-check can shrink. */
export interface Choices {
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number;
}

/** A seeded PRNG (mulberry32): the same seed gives the same program, on any machine. */
export function seededChoices(seed: number): Choices {
  const next = mulberry32(seed);
  return { int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)) };
}

/**
 * Reads decisions from a tape; past its end every decision is the smallest one. Shrinking the
 * tape toward shorter and smaller numbers shrinks the program toward the simplest choices.
 */
export function tapeChoices(tape: readonly number[]): Choices {
  let i = 0;
  return {
    int(lo, hi) {
      const v = i < tape.length ? tape[i++] : 0;
      return lo + (v % (hi - lo + 1));
    },
  };
}

/** Generation helpers over a source of choices. */
export class Gen {
  constructor(readonly c: Choices) {}
  int(lo: number, hi: number): number { return this.c.int(lo, hi); }
  /** True with probability num/den. */
  chance(num: number, den: number): boolean { return this.c.int(1, den) <= num; }
  pick<T>(xs: readonly T[]): T { return xs[this.c.int(0, xs.length - 1)]; }
  times<T>(lo: number, hi: number, f: (i: number) => T): T[] {
    const n = this.c.int(lo, hi);
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(f(i));
    return out;
  }
}

const HAN = '考评得分综合年度目标完成率民主测评班子乡镇类别经济生态复合岗位干部排名优秀称职免职调整任职务事件情形扣督查月季效能德廉勤绩部门领导指标系数难度履承诺重点项交办满意度票数人群众纪律处分表彰先进基层';
const LATIN = ['total', 'team', 'rate', 'base', 'bonus', 'penalty', 'target', 'post', 'kpi', 'votes', 'level', 'office', 'region', 'duty', 'task', 'late', 'Quality', 'x', 'y1'];

function isReserved(name: string): boolean {
  return keywordOf(name) !== undefined || BUILTINS.some(b => b.en === name || b.zh.includes(name));
}

export function ident(name: string): Ident {
  return { kind: 'Ident', name, span: S };
}

/**
 * Keywords the parser also accepts as names (SOFT_KEYWORD_IDS), in both languages — except the
 * ones that open a block (`enum`, `unit`, …): before `{` those always start a definition.
 */
const SOFT_NAMES = KEYWORDS
  .filter(k => SOFT_KEYWORD_IDS.has(k.id) && !['enum', 'records', 'events', 'periods', 'unit'].includes(k.id))
  .flatMap(k => [k.en, ...k.zh]);

/** A name; now and then a keyword that doubles as a name (`得分`, `rank`). */
export function genName(g: Gen): string {
  return g.chance(1, 25) ? g.pick(SOFT_NAMES) : genPlainName(g);
}

/** A fresh-looking name, Chinese or English, never a keyword or a built-in. */
export function genPlainName(g: Gen): string {
  for (;;) {
    let name: string;
    if (g.chance(2, 3)) {
      name = '';
      const n = g.int(1, 4);
      for (let i = 0; i < n; i++) name += HAN[g.int(0, HAN.length - 1)];
      if (g.chance(1, 12)) name += g.pick(['1', '2', '·甲', '_B']);
    } else {
      name = g.pick(LATIN);
      if (g.chance(1, 3)) name += g.pick(['_a', '2', 'Sum', '·b', 'Of_year']);
    }
    if (!isReserved(name)) return name;
  }
}

export function num(text: string): NumberLit {
  return { kind: 'NumberLit', value: Number(text), text, span: S };
}

export function pct(text: string): PercentLit {
  return { kind: 'PercentLit', value: Number(`${text}e-2`), text, span: S };
}

export function str(value: string): StringLit {
  return { kind: 'StringLit', value, span: S };
}

export function genNumberText(g: Gen): string {
  return g.pick(['0', '1', '2', '3', '5', '10', '60', '90', '100', '600', '61.5', '1.50', '0.05', '2.0', '12']);
}

export function genString(g: Gen): string {
  return g.pick(['', '一乡', '推进重点工作不力', '衢委办〔2013〕12号 第三条', 'a "quoted" word', '# not a comment', '2014-06-12', '12-31', 'x, y; {z}', '“引号”']);
}

export function range(low: string, high: string): RangeLit {
  return { kind: 'RangeLit', low: num(low), high: num(high), span: S };
}

/** Splits 100% into n parts, in whole or half percents. */
export function genWeights(g: Gen, n: number): PercentLit[] {
  const halves = 200;
  const cuts: number[] = [];
  for (let i = 0; i < n - 1; i++) cuts.push(g.int(0, halves));
  cuts.sort((a, b) => a - b);
  const bounds = [0, ...cuts, halves];
  const out: PercentLit[] = [];
  for (let i = 0; i < n; i++) {
    const h = bounds[i + 1] - bounds[i];
    out.push(pct(h % 2 === 0 ? String(h / 2) : `${(h - 1) / 2}.5`));
  }
  return out;
}

const BIN_OPS: readonly BinaryOp[] = ['+', '-', '*', '/', '==', '!=', '<', '<=', '>', '>=', 'and', 'or', '??'];
const FUNCTIONS = BUILTINS.filter(b => b.builtin === 'function');

/** Names the expressions may refer to; filled as definitions are generated. */
export interface Scope {
  readonly names: string[];
}

function nameRef(name: string): Expr {
  return { kind: 'NameRef', name: ident(name), span: S };
}

export function genRefName(g: Gen, scope: Scope): string {
  return scope.names.length > 0 && g.chance(3, 4) ? g.pick(scope.names) : genName(g);
}

/**
 * Adds the parentheses the printer would need, top-down, so that a generated tree is exactly what
 * parsing its printed text gives back (the parser keeps parentheses as `Paren` nodes).
 */
export function parenthesize(e: Expr, slot: Slot = TOP): Expr {
  if (needsParens(e, slot)) return { kind: 'Paren', expr: parenthesize(e, TOP), span: S };
  const top = (x: Expr) => parenthesize(x, TOP);
  switch (e.kind) {
    case 'Paren': return { ...e, expr: top(e.expr) };
    case 'MemberAccess': return { ...e, object: parenthesize(e.object, POSTFIX_OBJECT) };
    case 'History': return { ...e, expr: parenthesize(e.expr, POSTFIX_OBJECT) };
    case 'Unary': return { ...e, operand: parenthesize(e.operand, prefixSlot(e.op, slot)) };
    case 'Binary': {
      const s = operandSlots(e.op, slot);
      return { ...e, left: parenthesize(e.left, s.left), right: parenthesize(e.right, s.right) };
    }
    case 'InSet': return { ...e, value: parenthesize(e.value, inSetValueSlot(slot)), set: e.set.map(top) };
    case 'Call':
      return {
        ...e,
        args: e.args.map(a => (a.kind === 'RangeLit' ? a : top(a))),
        ...(e.within ? { within: e.within.map(top) } : {}),
        ...(e.where ? { where: top(e.where) } : {}),
        ...(e.argWhere ? { argWhere: e.argWhere.map(w => (w ? top(w) : undefined)) } : {}),
      };
    case 'If': return { ...e, cond: top(e.cond), then: top(e.then), else: top(e.else) };
    case 'Match': return { ...e, subject: top(e.subject), arms: e.arms.map(a => ({ ...a, value: top(a.value) })) };
    case 'Tiers': return { ...e, arms: e.arms.map(a => ({ ...a, cond: a.cond === 'else' ? ('else' as const) : top(a.cond), value: top(a.value) })) };
    case 'Weighted': return e.items ? { ...e, items: e.items.map(w => ({ ...w, expr: top(w.expr) })) } : e;
    default: return e;
  }
}

function genAtom(g: Gen, scope: Scope): Expr {
  switch (g.int(0, 9)) {
    case 0: return num(genNumberText(g));
    case 1: return pct(g.pick(['30', '2.5', '100', '60', '0']));
    case 2: return str(genString(g));
    case 3: return { kind: 'BoolLit', value: g.chance(1, 2), span: S };
    case 4: return { kind: 'MissingLit', span: S };
    default: return nameRef(genRefName(g, scope));
  }
}

function genCall(g: Gen, scope: Scope, depth: number): Call {
  const f = g.pick(FUNCTIONS);
  const callee = ident(g.chance(1, 2) ? f.en : g.pick(f.zh));
  const sub = () => rawExpr(g, scope, depth - 1);
  const args: (Expr | RangeLit)[] = g.times(0, 3, sub);
  if (g.chance(1, 6)) args.push(range(g.pick(['-4', '-2', '-1']), '0'));
  const within = g.chance(1, 4) ? g.times(1, 2, () => nameRef(genRefName(g, scope))) : undefined;
  // A filter stands after the first argument, or after `within` when there is no value argument.
  const canFilter = (args.length > 0 && args[0].kind !== 'RangeLit') || within !== undefined;
  const where = canFilter && g.chance(1, 4) ? sub() : undefined;
  const exprArgs = args.length > 1 && args[0].kind !== 'RangeLit' && g.chance(1, 5);
  const argWhere = exprArgs ? args.map((a, i) => (i > 0 && a.kind !== 'RangeLit' && g.chance(1, 2) ? sub() : i === 0 ? where : undefined)) : undefined;
  return {
    kind: 'Call', callee, args,
    ...(within ? { within } : {}),
    ...(where ? { where } : {}),
    ...(argWhere && argWhere.slice(1).some(w => w) ? { argWhere } : {}),
    span: S,
  };
}

export function genWeightItems(g: Gen, scope: Scope, depth: number): WeightItem[] {
  const weights = genWeights(g, g.int(1, 5));
  return weights.map(weight => ({
    kind: 'WeightItem', expr: depth > 0 && g.chance(1, 4) ? genExpr(g, scope, depth - 1) : nameRef(genRefName(g, scope)), weight, span: S,
  }));
}

/** An expression of at most `depth` levels, parenthesised wherever the grammar needs it. */
export function genExpr(g: Gen, scope: Scope, depth: number): Expr {
  return parenthesize(rawExpr(g, scope, depth));
}

function binary(g: Gen, ops: readonly BinaryOp[], sub: () => Expr): Expr {
  return { kind: 'Binary', op: g.pick(ops), left: sub(), right: sub(), span: S };
}

/** Any expression, without regard to parentheses (see `parenthesize`). */
function rawExpr(g: Gen, scope: Scope, depth: number): Expr {
  if (depth <= 0 || g.chance(1, 4)) return genAtom(g, scope);
  const sub = () => rawExpr(g, scope, depth - 1);
  switch (g.int(0, 15)) {
    case 0: case 1: case 2: return binary(g, BIN_OPS, sub);
    case 3: return { kind: 'Unary', op: g.pick(['-', 'not'] as const), operand: sub(), span: S };
    case 4: return { kind: 'MemberAccess', object: sub(), member: ident(genRefName(g, scope)), span: S };
    case 5: return { kind: 'History', expr: sub(), yearsBack: g.int(1, 5), span: S };
    case 6: return { kind: 'InSet', value: sub(), set: g.times(1, 3, sub), span: S };
    case 7: case 8: return genCall(g, scope, depth);
    case 9: return { kind: 'If', cond: sub(), then: sub(), else: sub(), span: S };
    case 10: {
      const arms: MatchArm[] = g.times(1, 3, () => ({
        kind: 'MatchArm',
        patterns: g.times(1, 2, () => (g.chance(1, 3) ? num(g.pick(['1', '2', '-3', '10', '0.5'])) : ident(genRefName(g, scope)))),
        value: sub(),
        span: S,
      }));
      if (g.chance(1, 2)) arms.push({ kind: 'MatchArm', patterns: 'else', value: sub(), span: S });
      return { kind: 'Match', subject: sub(), arms, span: S };
    }
    case 11: {
      const arms: TierArm[] = g.times(1, 3, () => ({ kind: 'TierArm', cond: sub(), value: sub(), span: S }));
      if (g.chance(1, 2)) arms.push({ kind: 'TierArm', cond: 'else', value: sub(), span: S });
      return { kind: 'Tiers', arms, span: S };
    }
    case 12:
      return g.chance(1, 3)
        ? { kind: 'Weighted', table: ident(genRefName(g, scope)), span: S }
        : { kind: 'Weighted', items: genWeightItems(g, scope, depth - 1), span: S };
    case 13: return { kind: 'Paren', expr: sub(), span: S };
    default: return binary(g, ['+', '*', 'and', '>=', 'or', '-'], sub);
  }
}
