// History that may be missing: a disposition's condition reading `@-k`, `streak` or `years` without `??` or `has`.
import type * as ast from '../grammar/ast.ts';
import type { CheckContext } from './check-context.ts';
import { makeDiagnostic } from './check-codes.ts';
import { exprKey } from './check-keys.ts';
import { definitionExprs, exprChildren, walkExprs } from './check-walk.ts';
import type { ComputedSym, LevelScope } from './resolve.ts';

function isHistoryCall(ctx: CheckContext, e: ast.Expr): boolean {
  if (e.kind !== 'Call') return false;
  const r = ctx.resolutions.get(e.callee);
  return r?.kind === 'builtinFunction' && (r.id === 'streak' || r.id === 'years');
}

function isHas(ctx: CheckContext, e: ast.Expr): e is ast.Call {
  if (e.kind !== 'Call') return false;
  const r = ctx.resolutions.get(e.callee);
  return r?.kind === 'builtinFunction' && r.id === 'has';
}

/** Finds unguarded reads of earlier years in definitions of one level, following same-year references. */
class HistoryFinder {
  private readonly memo = new Map<ComputedSym, ast.Expr | null>();

  constructor(private readonly ctx: CheckContext, private readonly scope: LevelScope) {}

  /** The first unguarded history read in `roots`, or undefined. */
  find(roots: readonly ast.Expr[]): ast.Expr | undefined {
    // Whatever `has(x)` tests is guarded everywhere in the same definition (`has(x@-1) and x@-1 > 3`).
    const tested = new Set<string>();
    walkExprs(roots, e => {
      if (isHas(this.ctx, e)) for (const a of e.args) if (a.kind !== 'RangeLit') tested.add(exprKey(a, this.ctx.resolutions));
    });
    for (const r of roots) {
      const hit = this.visit(r, tested);
      if (hit) return hit;
    }
    return undefined;
  }

  private visit(e: ast.Expr, tested: ReadonlySet<string>): ast.Expr | undefined {
    if (tested.size > 0 && tested.has(exprKey(e, this.ctx.resolutions))) return undefined;
    if (e.kind === 'History' || isHistoryCall(this.ctx, e)) return e;
    if (e.kind === 'Binary' && e.op === '??') return this.visit(e.right, tested);
    if (isHas(this.ctx, e)) return undefined;
    if (e.kind === 'NameRef') {
      const r = this.ctx.resolutions.get(e);
      if (r?.kind !== 'computed') return undefined;
      const sym = this.scope.symbols.get(r.name);
      return sym?.kind === 'computed' && this.reads(sym) ? e : undefined;
    }
    for (const c of exprChildren(e)) {
      const hit = this.visit(c, tested);
      if (hit) return hit;
    }
    return undefined;
  }

  prime(sym: ComputedSym): void {
    this.reads(sym);
  }

  /** Whether a definition's value may be missing because it reads earlier years without a default. */
  private reads(sym: ComputedSym): boolean {
    const known = this.memo.get(sym);
    if (known !== undefined) return known !== null;
    this.memo.set(sym, null); // a cycle reads nothing new
    const hit = sym.def.kind === 'DispositionDef' ? undefined : this.find(definitionExprs(sym.def));
    this.memo.set(sym, hit ?? null);
    return hit !== undefined;
  }
}

/** Warns, once per disposition of the checked file, about history that may be missing. */
export function checkMissingHistory(ctx: CheckContext, scope: LevelScope, ordered: readonly ComputedSym[], dispositions: readonly ComputedSym[]): void {
  const finder = new HistoryFinder(ctx, scope);
  // In dependency order, each definition's answer is known before a later one asks: no deep recursion.
  for (const s of ordered) finder.prime(s);
  for (const d of dispositions) {
    if (d.def.kind !== 'DispositionDef' || d.entry.origin.file !== ctx.mainFile) continue;
    const hit = finder.find([d.def.when]);
    if (!hit) continue;
    const q = ctx.quote(hit.span);
    ctx.report(makeDiagnostic('historyMayBeMissing',
      `处置 ${d.name} 的条件读取往年数据（${q}），往年缺失时该部分不成立；如另有处理，请用 ?? 给默认值或用 has() 判断`,
      `the condition of ${d.name} reads earlier years (${q}); when that year is missing this part is false — give a default with ?? or test has()`,
      hit.span));
  }
}
