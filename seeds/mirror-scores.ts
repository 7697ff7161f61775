// A plain TypeScript restatement of the scores and ranks of rules/2013–2015.kp, used by the
// generator to steer and verify its data. The real evaluator is the authority; the figures test
// checks that both agree on the outcomes.
import {
  ABILITY_WEIGHTS, CHARACTERISTIC, COMMON_INDICATORS, ECO_DIFFICULTY, MORAL_CLASSES, situationPoints,
  type TownshipClass,
} from './catalogue.ts';
import type { CadreRecord, YearInputs } from './records.ts';

export type RuleYear = 2013 | 2014 | 2015;
export const RULE_YEARS: readonly RuleYear[] = [2013, 2014, 2015];

/** Decimal rounding half away from zero, tolerant of binary representation error. */
export function round2(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-6) / 100;
}

/** The six-source weights of the annual composite (综合考核, 承诺考绩, 重点任务, 民主测评, 领导点评, 单位评价). */
export function compositeWeights(r: RuleYear): readonly [number, number, number, number, number, number] {
  return r === 2013 ? [0.25, 0.25, 0.15, 0.15, 0.1, 0.1] : [0.2, 0.3, 0.2, 0.15, 0.05, 0.1];
}

export interface TownshipScore {
  readonly total: number;
  readonly rankScore: number;
  readonly veto: boolean;
  readonly rank: number;
  readonly size: number;
  /** 综合分: the township's result as its cadres' 综合考核. */
  readonly comprehensive: number;
  readonly cls: TownshipClass;
}

/** The township unit scores and ranks within class (the unit block is the same in every year's rules). */
export function townshipScores(y: YearInputs): Map<string, TownshipScore> {
  const vetoed = new Set(y.vetoes.map(v => v.id));
  const pre = y.townships.map(t => {
    const common = COMMON_INDICATORS.reduce((s, c) => s + t.common[c.name], 0);
    const ch = round2(CHARACTERISTIC[t.cls].reduce((s, c) => s + c.weight * t.characteristic[c.name], 0) / 2);
    const total = round2(common + ch + t.satisfaction + Math.min(10, Math.max(0, t.bonus)));
    const veto = vetoed.has(t.id);
    return { id: t.id, cls: t.cls, total, veto, rankScore: veto ? 0 : total, satisfaction: t.satisfaction };
  });
  const out = new Map<string, TownshipScore>();
  for (const cls of ['经济型', '生态型', '复合型'] as const) {
    const group = pre.filter(p => p.cls === cls).sort((a, b) =>
      b.rankScore - a.rankScore || b.satisfaction - a.satisfaction || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    group.forEach((p, i) => out.set(p.id, {
      total: p.total, rankScore: p.rankScore, veto: p.veto, rank: i + 1, size: group.length,
      comprehensive: Math.min(100, Math.max(0, p.total)), cls,
    }));
  }
  return out;
}

export interface CadreScore {
  readonly moral: number;
  readonly ability: number;
  readonly efficacy: number;
  readonly commitmentScore: number;
  readonly composite: number;
  /** Count of 推进重点项目不力 events (the 召回 rule). */
  readonly projectFailures: number;
}

/** 德: 100 minus the findings of each class, weighted 40/30/15/15. */
export function moralScore(deductionsByItem: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const cls of MORAL_CLASSES) {
    let d = 0;
    for (const item of cls.items) d += deductionsByItem.get(item) ?? 0;
    s += cls.weight * Math.min(100, Math.max(0, 100 - d));
  }
  return round2(s);
}

/** 能 by post (and for township cadres by the township's class; the 2013–2014 difficulty coefficient). */
export function abilityScore(r: RuleYear, c: CadreRecord, cls: TownshipClass | undefined): number {
  switch (c.post) {
    case '市管领导干部': return round2(0.3 * c.duty! + 0.3 * c.targets! + 0.2 * c.assigned! + 0.2 * c.integrity!);
    case '市直干部': return round2(0.5 * c.duty! + 0.5 * c.targets!);
    case '乡镇干部': {
      const w = ABILITY_WEIGHTS[cls!];
      const raw = w.common * c.common! + w.characteristic * c.characteristic!;
      if (r === 2015) return round2(raw);
      const coef = cls === '生态型' ? ECO_DIFFICULTY : 1;
      return round2(Math.min(100, Math.max(0, raw * coef)));
    }
  }
}

/** Every cadre's scores under one year's rules. */
export function cadreScores(r: RuleYear, y: YearInputs, tw: Map<string, TownshipScore>): Map<string, CadreScore> {
  const moral = new Map<string, Map<string, number>>();
  for (const m of y.moral) {
    let items = moral.get(m.id);
    if (!items) moral.set(m.id, (items = new Map()));
    items.set(m.item, (items.get(m.item) ?? 0) + m.deduction);
  }
  const eventSum = new Map<string, number>();
  const projectFailures = new Map<string, number>();
  for (const e of y.events) {
    eventSum.set(e.id, (eventSum.get(e.id) ?? 0) + (e.points ?? situationPoints(e.situation)));
    if (e.situation === '推进重点项目不力') projectFailures.set(e.id, (projectFailures.get(e.id) ?? 0) + 1);
  }
  const inspections = new Map<string, number>();
  for (const i of y.inspections) inspections.set(i.id, (inspections.get(i.id) ?? 0) + i.deduction);
  const w = compositeWeights(r);
  const out = new Map<string, CadreScore>();
  for (const c of y.cadres) {
    const t = c.township ? tw.get(c.township) : undefined;
    const ability = abilityScore(r, c, t?.cls);
    const commitmentScore = r === 2013 ? c.commitment : round2(Math.min(100, Math.max(0, ability - (inspections.get(c.id) ?? 0))));
    const comprehensive = t ? t.comprehensive : c.comprehensive!;
    const composite = round2(w[0] * comprehensive + w[1] * commitmentScore + w[2] * c.keyTask + w[3] * c.democratic +
      w[4] * c.leaderComment + w[5] * c.unitEval);
    out.set(c.id, {
      moral: moralScore(moral.get(c.id) ?? new Map()),
      ability,
      efficacy: Math.min(100, Math.max(0, 100 + (eventSum.get(c.id) ?? 0))),
      commitmentScore,
      composite,
      projectFailures: projectFailures.get(c.id) ?? 0,
    });
  }
  return out;
}

export interface RankInfo {
  readonly rank: number;
  readonly size: number;
}

/** 班子排名: composite descending within the team, ties by 民主测评 then by id (code points). */
export function teamRanks(y: YearInputs, scores: Map<string, CadreScore>): Map<string, RankInfo> {
  const byTeam = new Map<string, CadreRecord[]>();
  for (const c of y.cadres) {
    let l = byTeam.get(c.team);
    if (!l) byTeam.set(c.team, (l = []));
    l.push(c);
  }
  const out = new Map<string, RankInfo>();
  for (const members of byTeam.values()) {
    members.sort((a, b) => scores.get(b.id)!.composite - scores.get(a.id)!.composite || b.democratic - a.democratic ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // Members tied on every key share a rank, as the rules' ranking does.
    let rank = 1;
    members.forEach((c, i) => {
      if (i > 0) {
        const p = members[i - 1];
        const same = scores.get(p.id)!.composite === scores.get(c.id)!.composite && p.democratic === c.democratic;
        if (!same) rank = i + 1;
      }
      out.set(c.id, { rank, size: members.length });
    });
  }
  return out;
}

/** bottom(rank, 30%): in the last ⌈30% × size⌉ places (the evaluator rounds a share up). */
export function isBottom(r: RankInfo | undefined): boolean {
  if (!r) return false;
  return r.rank > r.size - Math.ceil(0.3 * r.size - 1e-9);
}

export function isLast(r: RankInfo | undefined): boolean {
  return !!r && r.rank === r.size;
}
