// Structural keys of expressions: equal keys mean "the same expression" (names compared by what they resolve to).
import type * as ast from '../grammar/ast.ts';
import type { Resolution } from './model.ts';

function resolutionKey(r: Resolution | undefined, written: string): string {
  if (!r) return `?${written}`;
  switch (r.kind) {
    case 'input': case 'computed': return `${r.kind}:${r.name}`;
    case 'table': return `table:${r.name}`;
    case 'field': return `field:${r.table}.${r.field}`;
    case 'member': return `member:${r.enumName}.${r.member}`;
    case 'situation': return `situation:${r.table}.${r.situation}`;
    case 'disposition': return `disposition:${r.name}`;
    case 'decision': return 'decision';
    case 'unitValue': return `unit:${r.link}.${r.name}`;
    case 'builtinFunction': return `fn:${r.id}`;
  }
}

/** A string equal for two expressions exactly when they are written alike up to spelling of names. */
export function exprKey(e: ast.Expr | ast.RangeLit, resolutions: ReadonlyMap<ast.Node, Resolution>): string {
  const k = (x: ast.Expr | ast.RangeLit) => exprKey(x, resolutions);
  switch (e.kind) {
    case 'NumberLit': case 'PercentLit': return `${e.kind === 'PercentLit' ? 'p' : 'n'}${e.value}`;
    case 'StringLit': return JSON.stringify(e.value);
    case 'BoolLit': return e.value ? 'true' : 'false';
    case 'MissingLit': return 'missing';
    case 'RangeLit': return `${e.low.value}..${e.high.value}`;
    case 'Paren': return k(e.expr);
    case 'NameRef': return resolutionKey(resolutions.get(e), e.name.name);
    case 'MemberAccess': {
      const r = resolutions.get(e);
      return r ? resolutionKey(r, e.member.name) : `${k(e.object)}.${e.member.name}`;
    }
    case 'Unary': return `(${e.op} ${k(e.operand)})`;
    case 'Binary': return `(${k(e.left)} ${e.op} ${k(e.right)})`;
    case 'InSet': return `(${k(e.value)} in {${e.set.map(k).join(',')}})`;
    case 'Call': {
      const callee = resolutionKey(resolutions.get(e.callee), e.callee.name);
      const within = e.within ? ` within ${e.within.map(k).join(',')}` : '';
      const where = e.where ? ` where ${k(e.where)}` : '';
      const more = (e.argWhere ?? []).slice(1).map(w => (w ? ` where ${k(w)}` : ' -')).join('');
      return `${callee}(${e.args.map(k).join(',')}${within}${where}${more})`;
    }
    case 'History': return `${k(e.expr)}@-${e.yearsBack}`;
    case 'If': return `(if ${k(e.cond)} ${k(e.then)} ${k(e.else)})`;
    case 'Match': return `(match ${k(e.subject)} ${e.arms.map(a => `${a.patterns === 'else' ? 'else' : a.patterns.map(p => p.kind === 'NumberLit' ? p.value : p.name).join('|')}=>${k(a.value)}`).join(';')})`;
    case 'Tiers': return `(tiers ${e.arms.map(a => `${a.cond === 'else' ? 'else' : k(a.cond)}=>${k(a.value)}`).join(';')})`;
    case 'Weighted': return e.items ? `(weighted ${e.items.map(i => `${k(i.expr)}:${i.weight.value}`).join(',')})` : `(weighted ${e.table?.name ?? ''})`;
  }
}
