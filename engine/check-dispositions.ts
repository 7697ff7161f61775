// Dispositions: severity and candidates, the decision order, and equal-severity pairs that may fire together.
import type * as ast from '../grammar/ast.ts';
import type { RelatedInfo } from '../grammar/diagnostic.ts';
import type { Resolution, Type } from './model.ts';
import type { CheckContext, Env } from './check-context.ts';
import { makeDiagnostic } from './check-codes.ts';
import { checkCondition } from './check-expr.ts';
import { constantValue } from './check-grades.ts';
import { exprKey } from './check-keys.ts';
import type { ComputedSym } from './resolve.ts';
import { T } from './types.ts';

type DispositionSym = ComputedSym & { readonly def: ast.DispositionDef };

export function checkDispositionDef(ctx: CheckContext, def: ast.DispositionDef, env: Env): Type {
  const sev = def.severity;
  if (!Number.isInteger(sev.value) || sev.value < 1) {
    ctx.report(makeDiagnostic('severityValue', `处置等级应为正整数，不是 ${sev.text}`, `severity must be a positive whole number, not ${sev.text}`, sev.span));
  }
  const pri = def.priority;
  if (pri && (!Number.isInteger(pri.value) || pri.value < 0)) {
    ctx.report(makeDiagnostic('severityValue', `优先应为不小于 0 的整数，不是 ${pri.text}`, `priority must be a whole number of at least 0, not ${pri.text}`, pri.span));
  }
  checkCondition(ctx, def.when, env, '处置的触发条件', 'the condition of a disposition');
  const seen = new Set<string>();
  for (const c of def.candidates) {
    const sym = env.scope.lookup(c.name);
    let problem: [string, string] | undefined;
    if (c.name === def.name.name) problem = [`候选处置不能是 ${c.name} 自身`, `${c.name} cannot be its own candidate`];
    else if (seen.has(c.name)) problem = [`候选处置重复：${c.name}`, `duplicate candidate: ${c.name}`];
    else if (!sym) problem = [`候选处置 ${c.name} 未定义`, `candidate ${c.name} is not a declared disposition`];
    else if (sym.kind !== 'computed' || sym.def.kind !== 'DispositionDef') problem = [`候选 ${c.name} 不是处置`, `candidate ${c.name} is not a disposition`];
    seen.add(c.name);
    if (problem) {
      ctx.report(makeDiagnostic('badCandidate', problem[0], problem[1], c.span));
      continue;
    }
    ctx.used.add(sym!);
    ctx.resolutions.set(c, { kind: 'disposition', name: c.name });
  }
  return T.bool;
}

function priorityOf(d: ast.DispositionDef): number {
  return d.priority?.value ?? 0;
}

/** Decision order: severity desc, then priority desc (absent counts as 0), then merged order. */
export function decisionOrder(dispositions: readonly DispositionSym[]): string[] {
  return dispositions
    .map((d, i) => ({ d, i }))
    .sort((a, b) => b.d.def.severity.value - a.d.def.severity.value || priorityOf(b.d.def) - priorityOf(a.d.def) || a.i - b.i)
    .map(x => x.d.name);
}

type Atom =
  | { readonly kind: 'range'; readonly key: string; readonly lo: number; readonly loIn: boolean; readonly hi: number; readonly hiIn: boolean }
  | { readonly kind: 'values'; readonly key: string; readonly values: ReadonlySet<string> }
  | { readonly kind: 'fact'; readonly key: string; readonly positive: boolean };

function conjuncts(e: ast.Expr, out: ast.Expr[] = []): ast.Expr[] {
  if (e.kind === 'Paren') return conjuncts(e.expr, out);
  if (e.kind === 'Binary' && e.op === 'and') {
    conjuncts(e.left, out);
    conjuncts(e.right, out);
  } else {
    out.push(e);
  }
  return out;
}

/** A key for a value a subject is compared with: a member, a disposition or a literal. */
function valueKey(e: ast.Expr, res: ReadonlyMap<ast.Node, Resolution>): string | undefined {
  if (e.kind === 'Paren') return valueKey(e.expr, res);
  if (e.kind === 'StringLit' || e.kind === 'BoolLit' || e.kind === 'NumberLit' || e.kind === 'PercentLit') return exprKey(e, res);
  const r = e.kind === 'NameRef' || e.kind === 'MemberAccess' ? res.get(e) : undefined;
  return r && (r.kind === 'member' || r.kind === 'situation' || r.kind === 'disposition') ? exprKey(e, res) : undefined;
}

const FLIP: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==' };

function rangeAtom(key: string, op: string, c: number): Atom {
  switch (op) {
    case '<': return { kind: 'range', key, lo: -Infinity, loIn: false, hi: c, hiIn: false };
    case '<=': return { kind: 'range', key, lo: -Infinity, loIn: false, hi: c, hiIn: true };
    case '>': return { kind: 'range', key, lo: c, loIn: false, hi: Infinity, hiIn: false };
    case '>=': return { kind: 'range', key, lo: c, loIn: true, hi: Infinity, hiIn: false };
    default: return { kind: 'range', key, lo: c, loIn: true, hi: c, hiIn: true };
  }
}

function atomOf(e: ast.Expr, res: ReadonlyMap<ast.Node, Resolution>): Atom {
  if (e.kind === 'Paren') return atomOf(e.expr, res);
  if (e.kind === 'Unary' && e.op === 'not') {
    const inner = atomOf(e.operand, res);
    if (inner.kind === 'fact') return { ...inner, positive: !inner.positive };
    return { kind: 'fact', key: `not ${exprKey(e.operand, res)}`, positive: true };
  }
  if (e.kind === 'Binary' && (e.op === '<' || e.op === '<=' || e.op === '>' || e.op === '>=' || e.op === '==')) {
    const rc = constantValue(e.right);
    const lc = constantValue(e.left);
    if (rc !== undefined && lc === undefined) return rangeAtom(exprKey(e.left, res), e.op, rc);
    if (lc !== undefined && rc === undefined) return rangeAtom(exprKey(e.right, res), FLIP[e.op], lc);
    if (e.op === '==') {
      const rv = valueKey(e.right, res);
      const lv = valueKey(e.left, res);
      if (rv !== undefined && lv === undefined) return { kind: 'values', key: exprKey(e.left, res), values: new Set([rv]) };
      if (lv !== undefined && rv === undefined) return { kind: 'values', key: exprKey(e.right, res), values: new Set([lv]) };
    }
  }
  if (e.kind === 'InSet') {
    const values = e.set.map(v => valueKey(v, res));
    if (values.every(v => v !== undefined)) return { kind: 'values', key: exprKey(e.value, res), values: new Set(values as string[]) };
  }
  return { kind: 'fact', key: exprKey(e, res), positive: true };
}

function disjoint(a: Atom, b: Atom): boolean {
  if (a.key !== b.key) return false;
  if (a.kind === 'range' && b.kind === 'range') {
    const below = (x: typeof a, y: typeof a) => x.hi < y.lo || (x.hi === y.lo && !(x.hiIn && y.loIn));
    return below(a, b) || below(b, a);
  }
  if (a.kind === 'values' && b.kind === 'values') return [...a.values].every(v => !b.values.has(v));
  if (a.kind === 'fact' && b.kind === 'fact') return a.positive !== b.positive;
  return false;
}

function atomsOf(e: ast.Expr, res: ReadonlyMap<ast.Node, Resolution>): Atom[] {
  return conjuncts(e).map(c => atomOf(c, res));
}

function exclusiveAtoms(as: readonly Atom[], bs: readonly Atom[]): boolean {
  return as.some(x => bs.some(y => disjoint(x, y)));
}

/** A simple syntactic proof that two conditions cannot both hold: one pair of top-level conjuncts excludes. */
export function provablyExclusive(a: ast.Expr, b: ast.Expr, res: ReadonlyMap<ast.Node, Resolution>): boolean {
  return exclusiveAtoms(atomsOf(a, res), atomsOf(b, res));
}

function relatedAt(ctx: CheckContext, message: string, d: DispositionSym): RelatedInfo {
  const file = d.entry.origin.file;
  return file === ctx.mainFile ? { message, span: d.def.name.span } : { message, span: d.def.name.span, file };
}

/** Warns about two dispositions of equal severity and priority that may fire together. */
export function checkEqualSeverity(ctx: CheckContext, dispositions: readonly DispositionSym[]): void {
  const groups = new Map<string, DispositionSym[]>();
  for (const d of dispositions) {
    if (!Number.isInteger(d.def.severity.value)) continue;
    const k = `${d.def.severity.value}/${priorityOf(d.def)}`;
    const g = groups.get(k);
    if (g) g.push(d);
    else groups.set(k, [d]);
  }
  for (const g of groups.values()) {
    const atoms = g.map(d => atomsOf(d.def.when, ctx.resolutions));
    for (let j = 1; j < g.length; j++) {
      for (let i = 0; i < j; i++) {
        const [a, b] = [g[i], g[j]];
        const at = b.entry.origin.file === ctx.mainFile ? b : a.entry.origin.file === ctx.mainFile ? a : undefined;
        if (!at || exclusiveAtoms(atoms[i], atoms[j])) continue;
        const other = at === b ? a : b;
        const pri = at.def.priority ? `，优先 ${priorityOf(at.def)}` : '';
        ctx.report(makeDiagnostic('equalSeverity',
          `处置 ${other.name} 与 ${at.name} 等级相同（${at.def.severity.value}${pri}），可能同时触发；请用“优先”说明谁为准，或让条件互斥`,
          `dispositions ${other.name} and ${at.name} have equal severity (${at.def.severity.value}) and may fire together; state a priority or make the conditions exclusive`,
          at.def.name.span, { related: [relatedAt(ctx, `${other.name} 定义于此 / defined here`, other)] }));
      }
    }
  }
}
