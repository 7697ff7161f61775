// Lowering: checked model → plan. Names become slots, barrier sub-expressions (aggregates, ranks, history)
// become hidden slots filled by their own steps, and steps are put in dependency order. This file declares
// the levels and their slots; lower-defs.ts, lower-expr.ts and lower-call.ts fill them.
import type { LevelModel, RuleSetModel } from './model.ts';
import type { Plan } from './plan.ts';
import { orderSteps } from './plan.ts';
import { collectSites } from './rank.ts';
import { dispositionOrder } from './dispose.ts';
import { DECISION_ENUM } from './types.ts';
import { Lowering } from './lower-state.ts';
import { lowerLevel } from './lower-defs.ts';

/** Model → plan. Throws only on broken invariants (a model the checker accepted is always lowered). */
export function lower(model: RuleSetModel): Plan {
  const L = new Lowering(model);
  declareLevels(L);
  for (const [level, lm] of L.levelModels) lowerLevel(L, level, lm);
  for (const site of collectSites(model)) {
    const level = L.entityByKind.get(site.unitKind ?? '')!;
    L.sites.push({ rank: L.rankIndex(level, site.rank), test: site.test, amount: site.amount, share: site.share, text: site.text });
  }
  const steps = orderSteps(L.levels, L.steps, L.ranks);
  return {
    title: model.title, levels: L.levels, steps, ranks: L.ranks, sites: L.sites, dispositions: L.dispositions,
    decisionSlot: L.levels.map((_, i) => L.decisionSlot[i] ?? -1), historyRoots: L.historyRoots,
  };
}

function declareLevels(L: Lowering): void {
  const model = L.model;
  const entities: LevelModel[] = [model.cadre, ...model.units];
  entities.forEach((lm, k) => {
    const kind = lm.level === 'cadre' ? '' : lm.unitKind!;
    L.levels.push({ index: k, kind: lm.level, name: lm.level === 'cadre' ? 'cadre' : kind, slots: [] });
    L.entityByKind.set(kind, k);
    L.levelModels.set(k, lm);
  });
  entities.forEach((lm, k) => {
    for (const t of lm.tables) {
      const index = L.levels.length;
      L.levels.push({ index, kind: 'rows', name: t.name, owner: k, rowsKind: t.kind, slots: [] });
      L.rowsByTable.set(t.name, index);
    }
  });
  // Dispositions first: the decision's code space (决定) is the level's dispositions in decision order.
  entities.forEach((lm, k) => declareDispositions(L, k, lm));
  entities.forEach((lm, k) => {
    for (const i of lm.inputs) L.addSlot(k, { name: i.name, role: 'input', type: i.type, ...L.kindOf(i.type, k), presented: true });
    for (const c of lm.computed) {
      if (c.def.kind === 'WeightsDef' || c.def.kind === 'DispositionDef') continue;
      const slot = L.addSlot(k, { name: c.name, role: 'computed', type: c.type, ...L.kindOf(c.type, k), presented: true });
      if (c.def.kind === 'RankDef') L.registerRank(k, c.name, slot);
    }
    for (const t of lm.tables) {
      const rows = L.rowsByTable.get(t.name)!;
      for (const f of t.fields) L.addSlot(rows, { name: f.name, role: 'field', type: f.type, ...L.kindOf(f.type, rows), presented: false });
      if (t.kind === 'events') {
        const points = L.levels[rows].slots.find(s => s.name === '分值');
        const sit = L.levels[rows].slots.find(s => s.name === '情形');
        if (points && sit) {
          L.levels[rows].slots[points.index] = { ...points, catalogue: { situationSlot: sit.index, points: t.situations.map(s => s.points) } };
        }
      }
    }
  });
}

function declareDispositions(L: Lowering, level: number, lm: LevelModel): void {
  const sorted = dispositionOrder(L.model, lm);
  for (const def of sorted) {
    const slot = L.addSlot(level, { name: def.name.name, role: 'disposition', type: { kind: 'bool' }, value: 'bool', presented: false });
    L.dispositions.push({
      name: def.name.name, level, slot, severity: def.severity.value, priority: def.priority?.value ?? 0,
      because: def.because?.value ?? null, candidates: def.candidates.map(x => x.name), span: def.span,
    });
  }
  if (sorted.length > 0) {
    const labels = sorted.map(d => d.name.name);
    L.decisionSlot[level] = L.addSlot(level, {
      name: DECISION_ENUM, role: 'decision', type: { kind: 'enum', enumName: DECISION_ENUM }, value: 'code', codes: { kind: 'labels', labels }, presented: false,
    });
  }
}
