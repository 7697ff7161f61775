// Explanation of a grade by what decided it: the `by` value, then each level tried from the top up to the one
// given — passed over because its threshold was not reached, its gate held, or its quota was full — and
// `ungraded when` when it applied. Mirrors the reference grading (reference-group.ts gradeAll), read per member.
import type * as ast from '../grammar/ast.ts';
import type { Env, RV } from './reference.ts';
import { decCompare, quotaCount } from './decimal.ts';
import { evalRef } from './reference-expr.ts';
import { compareIds } from './result.ts';
import type { ExplainContext, Explanation } from './explain.ts';
import { distinct, explainNode, explainParts } from './explain-parts.ts';

/** The nodes under a grade: the `by` value, why it was not graded, or the levels tried up to the one given. */
export function explainGrade(ctx: ExplainContext, name: string, def: ast.GradeDef, env: Env, depth: number, file: string): Explanation[] {
  const ref = ctx.ref;
  const at = (e: ast.Expr, j: number): RV => evalRef(ref, e, { y: env.y, lk: env.lk, i: j });
  const out: Explanation[] = [...explainParts(ctx, def.by, env, depth, file)];
  const by = at(def.by, env.i);
  if (typeof by !== 'number') return [...out, { label: '依据值缺失，不评等次 / no score, ungraded', value: null, children: [] }];
  if (def.where && at(def.where, env.i) !== true) {
    return [...out, { label: `适用范围不成立，不评等次 / out of scope: ${ctx.text(def.where.span, file)}`, value: null, children: [explainNode(ctx, def.where, env, depth, file)] }];
  }
  if (def.ungradedWhen && at(def.ungradedWhen, env.i) === true) {
    return [...out, { label: `不定等次 当 ${ctx.text(def.ungradedWhen.span, file)} / ungraded when`, value: null, children: [explainNode(ctx, def.ungradedWhen, env, depth, file)] }];
  }
  const given = ref.value(env.y, env.lk, name, env.i);
  // Where each member's grade stands among the levels (ungraded last), to tell who was given a level above.
  const levelIndex = (j: number) => {
    const v = ref.value(env.y, env.lk, name, j);
    const k = def.levels.findIndex(l => l.name.name === v);
    return k < 0 ? def.levels.length : k;
  };
  for (let k = 0; k < def.levels.length; k++) {
    const level = def.levels[k];
    const head = levelText(ctx, level, file);
    // Same order as the grading: a gate that holds puts the level out of reach whatever the score.
    if (level.unless && at(level.unless, env.i) === true) {
      out.push({ label: `跳过 ${head}：除非 ${ctx.text(level.unless.span, file)} 成立 / gate held`, value: false, children: [explainNode(ctx, level.unless, env, depth, file)] });
      continue;
    }
    if (level.threshold) {
      const t = at(level.threshold, env.i);
      const c = typeof t === 'number' ? decCompare(by, t) : NaN;
      if (!(level.op === '>' ? c > 0 : c >= 0)) {
        const parts = level.threshold.kind === 'NumberLit' ? [] : explainParts(ctx, level.threshold, env, depth, file);
        out.push({ label: `跳过 ${head}：${by} 未达 ${level.op ?? '>='} ${ctx.text(level.threshold.span, file)} / threshold not reached`, value: false, children: distinct(parts) });
        continue;
      }
    }
    if (level.name.name === given) {
      const children = level.quota ? quotaNodes(ctx, def, level, level.quota, env, depth, file, levelIndex).children : [];
      return [...out, { label: `评定 ${head} / given`, value: level.name.name, children }];
    }
    if (level.quota) {
      const q = quotaNodes(ctx, def, level, level.quota, env, depth, file, levelIndex);
      out.push({ label: `跳过 ${head}：${q.reason}`, value: false, children: q.children });
      continue;
    }
    // Qualified, no quota, yet not given: the grading and this walk disagree, which is a broken invariant.
    throw new Error(`grade ${name}: level ${level.name.name} qualifies but ${String(given)} was given`);
  }
  return [...out, { label: '无可给的等次 / no level applies', value: null, children: [] }];
}

/** `优秀 >= 90` — the level and its threshold, as written. */
function levelText(ctx: ExplainContext, level: ast.GradeLevel, file: string): string {
  return level.threshold ? `${level.name.name} ${level.op ?? '>='} ${ctx.text(level.threshold.span, file)}` : level.name.name;
}

/**
 * The quota pool of a member for one level: the `within` values, how many are graded in the pool, the quota
 * count, and the member's place among the pool's candidates for the level (those who qualify and got no higher level).
 */
function quotaNodes(ctx: ExplainContext, def: ast.GradeDef, level: ast.GradeLevel, q: ast.Quota, env: Env, depth: number, file: string,
  levelIndex: (j: number) => number): { reason: string; children: Explanation[] } {
  const ref = ctx.ref;
  const at = (e: ast.Expr, j: number): RV => evalRef(ref, e, { y: env.y, lk: env.lk, i: j });
  const pool = q.within.map(w => explainNode(ctx, w, env, depth, file));
  const poolKey = (j: number) => { const vs = q.within.map(w => at(w, j)); return vs.some(v => v === null) ? undefined : JSON.stringify(vs); };
  const key = poolKey(env.i);
  const amount = ctx.text(q.amount.span, file);
  if (key === undefined) return { reason: `组内 值缺失，不在任何名额池 / no quota pool`, children: pool };
  const ids = env.y.table(env.lk).ids;
  const k = def.levels.indexOf(level);
  const by = (j: number) => at(def.by, j);
  const graded = (j: number) => typeof by(j) === 'number' && (!def.where || at(def.where, j) === true) && !(def.ungradedWhen && at(def.ungradedWhen, j) === true);
  const qualifies = (j: number) => {
    if (level.unless && at(level.unless, j) === true) return false;
    if (!level.threshold) return true;
    const t = at(level.threshold, j);
    const c = typeof t === 'number' ? decCompare(by(j) as number, t) : NaN;
    return level.op === '>' ? c > 0 : c >= 0;
  };
  const members = ids.map((_, j) => j).filter(j => graded(j) && poolKey(j) === key);
  const size = members.length;
  const cap = q.amount.kind === 'PercentLit' ? quotaCount(size, q.amount.value, q.rounding ?? 'down') : Math.max(0, Math.floor(q.amount.value));
  // Candidates: qualified and not given a level above this one (levels are given from the top).
  const cands = members.filter(j => levelIndex(j) >= k && qualifies(j));
  const mine = by(env.i) as number;
  const pos = 1 + cands.filter(j => j !== env.i && (decCompare(by(j) as number, mine) > 0
    || (decCompare(by(j) as number, mine) === 0 && compareIds(ids[j], ids[env.i]) < 0))).length;
  const values = pool.map(p => `${p.label} = ${String(p.value)}`).join('，');
  return {
    reason: `名额已满 / quota full（${values}，参评 ${size} 人，限额 ${amount} 即 ${cap} 名，本人列候选第 ${pos}）`,
    children: [
      ...pool,
      { label: '组内参评人数 / pool size', value: size, children: [] },
      { label: `名额 / quota count（${amount}）`, value: cap, children: [] },
      { label: '候选位次 / position among candidates', value: pos, children: [] },
    ],
  };
}
