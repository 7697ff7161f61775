// CST → AST for expressions: operator precedence over the parser's flat operand/operator lists
// (a small Pratt loop), postfix chains, calls with within/where, and the bracketed forms.
import type { CstNode, IToken } from 'chevrotain';
import type * as A from './ast.ts';
import {
  between, Ctx, identOf, identOfToken, numberOf, percentOf, signedNumberOf, stringOf, sub, subs, tok, toks,
} from './from-cst-util.ts';
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

/** Where precedence climbing is in one expression's operands and operators. */
interface Chain {
  readonly rhs: readonly CstNode[];
  readonly ops: readonly IToken[];
  pos: number;
  pre: number;
}

/** Builds expressions for one conversion. */
export class ExprBuilder {
  constructor(private readonly ctx: Ctx) {}

  /** An `expression` node. */
  expr(n: CstNode): A.Expr {
    const rhs = subs(n, 'rhs');
    // A lone operand without operators is most expressions: skip the precedence loop.
    if (rhs.length === 1 && !n.children.op) {
      const only = rhs[0];
      return only.children.prefix ? this.chain({ rhs, ops: [], pos: 0, pre: 0 }, 0) : this.postfix(only);
    }
    return this.chain({ rhs, ops: toks(n, 'op'), pos: 0, pre: 0 }, 0);
  }

  /** Precedence climbing over the flat list: operators binding tighter than `minBp` join here. */
  private chain(s: Chain, minBp: number): A.Expr {
    let left = this.prefixed(s);
    let comparedHere = false;
    while (s.pos < s.ops.length) {
      const token = s.ops[s.pos];
      const { op, bp } = opOf(token);
      if (bp <= minBp) break;
      if (bp === BP_CMP && comparedHere && isComparison(left)) {
        this.ctx.error('KP125', spanOfToken(token), '比较不能连写，请用“且”连接两个比较，如 a < b 且 b < c',
          'comparisons cannot be chained; join two comparisons with `and`, as in a < b and b < c');
      }
      s.pos++;
      s.pre = 0;
      if (op === 'in') {
        const set = this.setLit(s.rhs[s.pos]);
        left = { kind: 'InSet', value: left, set: set.items, span: between(left.span, set.span) };
      } else {
        const right = this.chain(s, bp);
        left = { kind: 'Binary', op, left, right, span: between(left.span, right.span) };
      }
      if (bp === BP_CMP) comparedHere = true;
    }
    return left;
  }

  /** The current operand with its prefix operators: `-` binds tightest, `not` takes a comparison. */
  private prefixed(s: Chain): A.Expr {
    const operand = s.rhs[s.pos];
    const prefixes = toks(operand, 'prefix');
    if (s.pre < prefixes.length) {
      const p = prefixes[s.pre++];
      const inner = keywordIdOf(p) === 'not' ? this.chain(s, BP_NOT) : this.prefixed(s);
      return { kind: 'Unary', op: keywordIdOf(p) === 'not' ? 'not' : '-', operand: inner, span: between(spanOfToken(p), inner.span) };
    }
    return this.postfix(operand);
  }

  private setLit(n: CstNode): { items: A.Expr[]; span: Span } {
    return { items: subs(n, 'expression').map(e => this.expr(e)), span: between(spanOfToken(tok(n, 'LBrace')!), spanOfToken(tok(n, 'RBrace')!)) };
  }

  /** The primary of an `operand` node with its `.member` and `@-k` suffixes. */
  private postfix(n: CstNode): A.Expr {
    let e = this.primary(n);
    const members = toks(n, 'member');
    const years = toks(n, 'years');
    let m = 0;
    let y = 0;
    for (const s of toks(n, 'suffix')) {
      if (s.tokenType.name === 'Dot') {
        const member = this.nameOf(members[m++]);
        e = { kind: 'MemberAccess', object: e, member, span: between(e.span, member.span) };
      } else {
        const k = numberOf(years[y++]);
        if (!Number.isInteger(k.value) || k.value < 1) {
          this.ctx.error('KP127', k.span, `@- 之后应为正整数年数，如 @-1，而不是 ${k.text}`,
            `@- must be followed by a positive whole number of years, as in @-1, not ${k.text}`);
        }
        e = { kind: 'History', expr: e, yearsBack: k.value, span: between(e.span, k.span) };
      }
    }
    return e;
  }

  /** A name token (a word, or a keyword serving as a name) as an Ident. */
  private nameOf(token: IToken): A.Ident {
    if (token.tokenType.name !== 'Word') this.ctx.keywordsAsNames.push(token);
    return identOfToken(token);
  }

  private primary(n: CstNode): A.Expr {
    const c = n.children;
    if (c.Number) return numberOf(c.Number[0] as IToken);
    if (c.Percent) return percentOf(c.Percent[0] as IToken);
    if (c.String) return stringOf(c.String[0] as IToken);
    if (c.Kw_true) return { kind: 'BoolLit', value: true, span: spanOfToken(c.Kw_true[0] as IToken) };
    if (c.Kw_false) return { kind: 'BoolLit', value: false, span: spanOfToken(c.Kw_false[0] as IToken) };
    if (c.Kw_missing) return { kind: 'MissingLit', span: spanOfToken(c.Kw_missing[0] as IToken) };
    if (c.callee) return this.call(n);
    if (c.nameTok) {
      const name = this.nameOf(c.nameTok[0] as IToken);
      return { kind: 'NameRef', name, span: name.span };
    }
    if (c.LParen) {
      const inner = this.expr(sub(n, 'expression')!);
      return { kind: 'Paren', expr: inner, span: between(spanOfToken(tok(n, 'LParen')!), spanOfToken(tok(n, 'RParen')!)) };
    }
    if (c.ifExpr) return this.ifExpr(c.ifExpr[0] as CstNode);
    if (c.matchExpr) return this.matchExpr(c.matchExpr[0] as CstNode);
    if (c.tiersExpr) return this.tiersExpr(c.tiersExpr[0] as CstNode);
    return this.weighted(sub(n, 'weightedExpr')!);
  }

  private call(n: CstNode): A.Call {
    const callee = identOfToken(tok(n, 'callee')!);
    const args: (A.Expr | A.RangeLit)[] = [];
    const within: A.Expr[] = [];
    const filters: (A.Expr | undefined)[] = [];
    let groupWhere: A.Expr | undefined;
    for (const a of subs(n, 'callArg')) {
      const range = sub(a, 'range');
      if (range) {
        args.push(this.range(range));
        filters.push(undefined);
        continue;
      }
      const value = sub(a, 'value');
      const w = sub(a, 'within');
      if (w) within.push(this.expr(w));
      const where = sub(a, 'where') ? this.expr(sub(a, 'where')!) : undefined;
      if (value) {
        args.push(this.expr(value));
        filters.push(where);
      } else if (where) {
        if (groupWhere) this.ctx.error('KP123', where.span, '“限于”重复', '`where` is written twice');
        groupWhere = where;
      }
    }
    const span = between(callee.span, spanOfToken(tok(n, 'RParen')!));
    const where = filters[0] ?? groupWhere;
    if (filters[0] && groupWhere) this.ctx.error('KP123', groupWhere.span, '“限于”重复', '`where` is written twice');
    const call: A.Call = {
      kind: 'Call', callee, args,
      within: within.length ? within : undefined,
      where,
      argWhere: filters.slice(1).some(f => f) ? filters : undefined,
      span,
    };
    return call;
  }

  /** `range` node → RangeLit. */
  range(n: CstNode): A.RangeLit {
    const low = signedNumberOf(sub(n, 'low')!);
    const high = signedNumberOf(sub(n, 'high')!);
    return { kind: 'RangeLit', low, high, span: between(low.span, high.span) };
  }

  private ifExpr(n: CstNode): A.If {
    const cond = this.expr(sub(n, 'cond')!);
    const then = this.expr(sub(n, 'then')!);
    const otherwise = this.expr(sub(n, 'else')!);
    return { kind: 'If', cond, then, else: otherwise, span: between(spanOfToken(tok(n, 'Kw_if')!), otherwise.span) };
  }

  private elseLast(arms: readonly { span: Span }[], isElse: (i: number) => boolean): void {
    for (let i = 0; i < arms.length - 1; i++) {
      if (isElse(i)) {
        this.ctx.error('KP129', arms[i].span, '“否则”分支应放在最后', 'the `else` arm must come last', false);
      }
    }
  }

  private matchExpr(n: CstNode): A.Match {
    const subject = this.expr(sub(n, 'subject')!);
    const arms: A.MatchArm[] = subs(n, 'matchArm').map(arm => {
      const value = this.expr(sub(arm, 'expression')!);
      const elseTok = tok(arm, 'Kw_else');
      const patterns: A.MatchArm['patterns'] = elseTok ? 'else' : subs(arm, 'pattern').map(p => {
        const nameNode = sub(p, 'name');
        return nameNode ? identOf(this.ctx, nameNode) : signedNumberOf(sub(p, 'signedNumber')!);
      });
      const start = elseTok ? spanOfToken(elseTok) : (patterns as readonly (A.Ident | A.NumberLit)[])[0].span;
      return { kind: 'MatchArm', patterns, value, span: between(start, value.span) };
    });
    this.elseLast(arms, i => arms[i].patterns === 'else');
    const span = between(spanOfToken(tok(n, 'Kw_match')!), spanOfToken(tok(n, 'RBrace')!));
    return { kind: 'Match', subject, arms, span };
  }

  private tiersExpr(n: CstNode): A.Tiers {
    const arms: A.TierArm[] = subs(n, 'tierArm').map(arm => {
      const value = this.expr(sub(arm, 'value')!);
      const elseTok = tok(arm, 'Kw_else');
      const cond = elseTok ? 'else' as const : this.expr(sub(arm, 'cond')!);
      const start = cond === 'else' ? spanOfToken(elseTok!) : cond.span;
      return { kind: 'TierArm', cond, value, span: between(start, value.span) };
    });
    this.elseLast(arms, i => arms[i].cond === 'else');
    const span = between(spanOfToken(tok(n, 'Kw_tiers')!), spanOfToken(tok(n, 'RBrace')!));
    const parts = arms.flatMap(a => (a.cond === 'else' ? [a.value] : [a.cond, a.value]));
    return { kind: 'Tiers', arms, span };
  }

  /** `weightItem` node: an expression and its percentage. */
  weightItem(n: CstNode): A.WeightItem {
    const expr = this.expr(sub(n, 'expression')!);
    const weight = percentOf(tok(n, 'Percent')!);
    return { kind: 'WeightItem', expr, weight, span: between(expr.span, weight.span) };
  }

  private weighted(n: CstNode): A.Weighted {
    const start = spanOfToken(tok(n, 'Kw_weighted')!);
    const table = sub(n, 'table');
    if (table) {
      const name = identOf(this.ctx, table);
      return { kind: 'Weighted', table: name, span: between(start, name.span) };
    }
    const items = subs(n, 'weightItem').map(i => this.weightItem(i));
    return { kind: 'Weighted', items, span: between(start, spanOfToken(tok(n, 'RBrace')!)) };
  }
}
