// Explanation of a choice — `match`, `if`, `tiers` — by what was chosen: the subject and the arm it
// matched, the condition and the branch taken, the tiers tried up to the one that held. Arms not taken
// played no part in the value, so their inputs are not shown.
import type * as ast from '../grammar/ast.ts';
import type { Env } from './reference.ts';
import { same, evalRef } from './reference-expr.ts';
import type { ExplainContext, Explanation } from './explain.ts';
import { distinct, explainBelow, explainNode, valueOf } from './explain-parts.ts';

/** The nodes that explain a choice, in the order it was made. */
export function explainBranch(ctx: ExplainContext, x: ast.If | ast.Match | ast.Tiers, env: Env, depth: number, file: string): Explanation[] {
  switch (x.kind) {
    case 'If': {
      const held = evalRef(ctx.ref, x.cond, env) === true;
      // Only true takes `then`: false and missing both take `else`.
      const taken = held ? x.then : x.else;
      return [explainNode(ctx, x.cond, env, depth, file), arm(ctx, `${held ? '则' : '否则'}：`, taken, env, depth, file)];
    }
    case 'Match': return explainMatch(ctx, x, env, depth, file);
    case 'Tiers': {
      const out: Explanation[] = [];
      for (let k = 0; k < x.arms.length; k++) {
        const a = x.arms[k];
        if (a.cond === 'else') return [...out, arm(ctx, '否则：', a.value, env, depth, file)];
        out.push(explainNode(ctx, a.cond, env, depth, file));
        if (evalRef(ctx.ref, a.cond, env) === true) return [...out, arm(ctx, `第 ${k + 1} 档：`, a.value, env, depth, file)];
      }
      return [...out, { label: '无成立的档', value: null, children: [] }];
    }
  }
}

function explainMatch(ctx: ExplainContext, x: ast.Match, env: Env, depth: number, file: string): Explanation[] {
  const subject = explainNode(ctx, x.subject, env, depth, file);
  const v = evalRef(ctx.ref, x.subject, env);
  // A missing subject takes no arm (not even `else`): the subject's node shows why the value is missing.
  if (v === null) return [subject];
  for (const a of x.arms) {
    if (a.patterns === 'else') return [subject, arm(ctx, '匹配 否则：', a.value, env, depth, file)];
    const p = a.patterns.find(q => (q.kind === 'NumberLit' ? same(v, q.value) : v === q.name));
    if (p) return [subject, arm(ctx, `匹配 ${p.kind === 'NumberLit' ? p.text : p.name}：`, a.value, env, depth, file)];
  }
  return [subject, { label: '无匹配分支', value: null, children: [] }];
}

/** The taken arm: what was chosen and its expression as written, with the parts of that expression. */
function arm(ctx: ExplainContext, head: string, value: ast.Expr, env: Env, depth: number, file: string): Explanation {
  const text = ctx.text(value.span, file);
  return { label: head + text, value: valueOf(ctx, value, env), children: distinct(explainBelow(ctx, value, env, depth, file)) };
}
