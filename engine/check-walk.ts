// Generic traversal of expressions and of the expressions a definition holds (iterative, no deep recursion).
import type * as ast from '../grammar/ast.ts';

/** The direct sub-expressions of an expression, in written order. */
export function exprChildren(e: ast.Expr): ast.Expr[] {
  switch (e.kind) {
    case 'NumberLit': case 'PercentLit': case 'StringLit': case 'BoolLit': case 'MissingLit': case 'NameRef': return [];
    case 'Paren': return [e.expr];
    case 'MemberAccess': return [e.object];
    case 'Unary': return [e.operand];
    case 'Binary': return [e.left, e.right];
    case 'InSet': return [e.value, ...e.set];
    case 'Call': return [
      ...e.args.filter((a): a is ast.Expr => a.kind !== 'RangeLit'), ...(e.within ?? []), ...(e.where ? [e.where] : []),
      // argWhere[0] is `where` itself; later entries filter later arguments.
      ...(e.argWhere ?? []).slice(1).filter((w): w is ast.Expr => w !== undefined),
    ];
    case 'History': return [e.expr];
    case 'If': return [e.cond, e.then, e.else];
    case 'Match': return [e.subject, ...e.arms.map(a => a.value)];
    case 'Tiers': return e.arms.flatMap(a => (a.cond === 'else' ? [a.value] : [a.cond, a.value]));
    case 'Weighted': return e.items ? e.items.map(i => i.expr) : [];
  }
}

/** The top-level expressions of a computed definition. */
export function definitionExprs(def: ast.Definition): ast.Expr[] {
  switch (def.kind) {
    case 'ScoreDef': return [def.expr];
    case 'WeightsDef': return [def.by, ...def.rows.flatMap(r => r.items.map(i => i.expr))];
    case 'TableDef': return [def.by, ...def.rows.map(r => r.value)];
    case 'RankDef': return [def.key.expr, ...def.within, ...(def.where ? [def.where] : []), ...def.tiebreak.map(k => k.expr)];
    case 'GradeDef': return [
      def.by, ...(def.where ? [def.where] : []), ...(def.ungradedWhen ? [def.ungradedWhen] : []),
      ...def.levels.flatMap(l => [...(l.threshold ? [l.threshold] : []), ...(l.unless ? [l.unless] : []), ...(l.quota?.within ?? [])]),
    ];
    case 'DispositionDef': return [def.when];
    default: return [];
  }
}

/** Visits every expression under `roots` (pre-order); `visit` returning false skips a node's children. */
export function walkExprs(roots: readonly ast.Expr[], visit: (e: ast.Expr) => boolean | void): void {
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (visit(e) === false) continue;
    const kids = exprChildren(e);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
}

/** Names written as bare references or weights-table names anywhere in a definition (a superset of its reads). */
export function writtenNames(def: ast.Definition): string[] {
  const names: string[] = [];
  walkExprs(definitionExprs(def), e => {
    if (e.kind === 'NameRef') names.push(e.name.name);
    else if (e.kind === 'Weighted' && e.table) names.push(e.table.name);
  });
  return names;
}
