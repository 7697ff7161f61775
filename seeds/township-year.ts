// Draws one year of the township (unit) assessment: the 100-point frame, bonus points and vetoes,
// such that no township is last in its class two years running unless the plan says so.
import { Prng, round1 } from './prng.ts';
import { CHARACTERISTIC, COMMON_INDICATORS, VETO_TYPES } from './catalogue.ts';
import { townshipScores, type TownshipScore } from './mirror-scores.ts';
import type { Township } from './places.ts';
import type { TownshipRecord, VetoRow, YearInputs } from './records.ts';

export interface TownshipYear {
  readonly records: TownshipRecord[];
  readonly vetoes: VetoRow[];
  readonly scores: Map<string, TownshipScore>;
}

const VETO_NOTES: Readonly<Record<string, string>> = {
  安全生产: '辖区企业发生较大生产安全事故',
  信访稳定: '发生越级集体上访，处置不力',
  生态环境: '发生较大环境污染事件',
  计划生育: '政策外多孩生育率超控制指标',
  党风廉政: '班子成员发生严重违纪案件',
};

/** A township's lasting quality (−1 … 1), so that good townships tend to stay good. */
function quality(t: Township, seed: Prng): number {
  return seed.fork(`quality:${t.id}`).uniform(-1, 1);
}

function drawRecord(t: Township, year: number, role: 'veto' | 'last' | undefined, seed: Prng, prng: Prng): TownshipRecord {
  const q = quality(t, seed);
  const low = role === 'last';
  const common: Record<string, number> = {};
  for (const c of COMMON_INDICATORS) {
    const share = low ? prng.uniform(0.6, 0.7) : Math.min(0.99, prng.uniform(0.8, 0.95) + 0.03 * q);
    common[c.name] = round1(c.max * share);
  }
  const characteristic: Record<string, number> = {};
  for (const c of CHARACTERISTIC[t.cls]) {
    characteristic[c.name] = round1(low ? prng.uniform(55, 65) : Math.min(99.5, prng.uniform(74, 95) + 2.5 * q));
  }
  return {
    id: t.id, cls: t.cls, area: t.county, common, characteristic,
    satisfaction: round1(low ? prng.uniform(5, 6.5) : prng.uniform(7.2, 9.8)),
    bonus: low || prng.chance(0.55) ? 0 : round1(prng.uniform(0.5, 6)),
  };
}

/**
 * Draws the year's township records. The last township of each class must not have been last
 * the year before, nor be planned last or vetoed the year after (the 2015 rule on principal
 * leaders reads two consecutive last places), except where the plan puts it there.
 */
export function drawTownshipYear(year: number, townships: readonly Township[], planned: ReadonlyMap<string, 'veto' | 'last'>,
  plannedNext: ReadonlyMap<string, 'veto' | 'last'>, previous: Map<string, TownshipScore> | undefined, seed: Prng): TownshipYear {
  for (let attempt = 0; attempt < 200; attempt++) {
    const prng = seed.fork(`townships:${year}:${attempt}`);
    const records = townships.map(t => drawRecord(t, year, planned.get(t.id), seed, prng));
    const vetoes: VetoRow[] = [];
    for (const t of townships) {
      if (planned.get(t.id) !== 'veto') continue;
      const type = year === 2014 ? '安全生产' : prng.pick(VETO_TYPES);
      vetoes.push({ id: t.id, type, note: VETO_NOTES[type] });
    }
    const inputs: YearInputs = { year, cadres: [], events: [], moral: [], inspections: [], townships: records, vetoes };
    const scores = townshipScores(inputs);
    if (acceptable(scores, planned, plannedNext, previous)) return { records, vetoes, scores };
  }
  throw new Error(`${year}: could not draw township results that keep the planned last places`);
}

function acceptable(scores: Map<string, TownshipScore>, planned: ReadonlyMap<string, 'veto' | 'last'>,
  plannedNext: ReadonlyMap<string, 'veto' | 'last'>, previous: Map<string, TownshipScore> | undefined): boolean {
  const byClass = new Map<string, [string, TownshipScore][]>();
  for (const e of scores) {
    let l = byClass.get(e[1].cls);
    if (!l) byClass.set(e[1].cls, (l = []));
    l.push(e);
  }
  for (const list of byClass.values()) {
    // Only last place decides anything: keep it clearly apart from the next one.
    const sorted = list.map(([, s]) => s.rankScore).sort((a, b) => a - b);
    if (sorted[1] - sorted[0] < 0.05) return false;
    for (const [id, s] of list) {
      const plannedLast = planned.get(id) === 'last' || planned.get(id) === 'veto';
      const isLast = s.rank === s.size;
      if (plannedLast && !isLast) return false;
      if (!isLast || plannedLast) continue;
      const prev = previous?.get(id);
      if (prev && prev.rank === prev.size) return false;
      if (plannedNext.has(id)) return false;
    }
  }
  return true;
}
