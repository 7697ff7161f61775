// Lowering the definitions of one level to steps: scores, keyed tables, ranks, grades, dispositions,
// and the level's decision (the first disposition that fired).
import type { LevelModel } from './model.ts';
import type { Ctx, Lowering } from './lower-state.ts';
import { byKey } from './lower-expr.ts';

/** Appends the steps that fill every definition of `level` (weights tables are read where used). */
export function lowerLevel(L: Lowering, level: number, lm: LevelModel): void {
  const ctx: Ctx = { level };
  for (const c of lm.computed) {
    const def = c.def;
    switch (def.kind) {
      case 'WeightsDef': break;
      case 'ScoreDef':
        L.steps.push({ kind: 'compute', level, slot: L.slotOf(level, c.name), expr: L.expr(def.expr, ctx), round: def.round?.value });
        break;
      case 'TableDef':
        L.steps.push({
          kind: 'compute', level, slot: L.slotOf(level, c.name),
          expr: byKey(L, def.by, ctx, m => {
            const row = def.rows.find(r => r.member !== 'else' && r.member.name === m) ?? def.rows.find(r => r.member === 'else');
            return row ? L.expr(row.value, ctx) : undefined;
          }),
        });
        break;
      case 'RankDef': {
        const slot = L.slotOf(level, c.name);
        L.steps.push({
          kind: 'rank', level, slot, rank: L.rankIndex(level, c.name),
          key: { slot: L.entitySlot(def.key.expr, level, `${c.name}.key`), desc: def.key.direction === 'desc' },
          tiebreaks: def.tiebreak.map((t, k) => ({ slot: L.entitySlot(t.expr, level, `${c.name}.tiebreak${k}`), desc: t.direction === 'desc' })),
          within: def.within.map((w, k) => L.entitySlot(w, level, `${c.name}.within${k}`)),
          where: def.where ? L.entitySlot(def.where, level, `${c.name}.where`) : undefined,
        });
        break;
      }
      case 'GradeDef':
        L.steps.push({
          kind: 'grade', level, slot: L.slotOf(level, c.name), by: L.entitySlot(def.by, level, `${c.name}.by`),
          where: def.where ? L.entitySlot(def.where, level, `${c.name}.where`) : undefined,
          ungraded: def.ungradedWhen ? L.entitySlot(def.ungradedWhen, level, `${c.name}.ungraded`) : undefined,
          levels: def.levels.map(g => ({
            name: g.name.name, op: g.op, threshold: L.operand(g.threshold, level, `${c.name}.${g.name.name}.threshold`),
            gate: g.unless ? L.entitySlot(g.unless, level, `${c.name}.${g.name.name}.unless`) : undefined,
            quota: g.quota ? {
              share: g.quota.amount.kind === 'PercentLit' ? g.quota.amount.value : undefined,
              count: g.quota.amount.kind === 'NumberLit' ? g.quota.amount.value : undefined,
              rounding: g.quota.rounding ?? 'down',
              within: g.quota.within.map((w, k) => L.entitySlot(w, level, `${c.name}.${g.name.name}.pool${k}`)),
            } : undefined,
          })),
        });
        break;
      case 'DispositionDef':
        L.steps.push({ kind: 'compute', level, slot: L.slotOf(level, c.name), expr: L.expr(def.when, ctx), condition: true });
        break;
    }
  }
  const d = L.dispositions.filter(x => x.level === level);
  if (d.length > 0) {
    // The first disposition that fired, in decision order; missing when none, or when it proposes candidates.
    L.steps.push({
      kind: 'compute', level, slot: L.decisionSlot[level],
      expr: { op: 'tiers', arms: d.map((x, k) => ({ cond: { op: 'slot', level, slot: x.slot }, value: { op: 'num', value: x.candidates.length ? NaN : k } })) },
    });
  }
}
