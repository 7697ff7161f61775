// Plans which cadre-years end in which disposition, and what their data must look like to get
// there under the rules. The figures of the report come out of this plan by construction: the
// rules have no special cases; the data is drawn so that the rules decide what is planned.
import { Prng } from './prng.ts';
import type { Disposition } from './catalogue.ts';
import type { Roster, Team } from './people.ts';
import type { Township } from './places.ts';

/** How a planned disposition comes about — which rule fires on which data. */
export type Mechanism =
  | '诫勉-目标' | '诫勉-效' | '组织调整-目标' | '组织调整-乡镇末位' | '召回-任务' | '召回-项目'
  | '岗位调整-能力' | '岗位调整-停滞' | '调离-德' | '调离-效' | '降职-不称职' | '降职-下而不改'
  | '免职-末位' | '免职-一撸到底';

const DECISION: Readonly<Record<Mechanism, Disposition>> = {
  '诫勉-目标': '诫勉谈话', '诫勉-效': '诫勉谈话', '组织调整-目标': '组织调整', '组织调整-乡镇末位': '组织调整',
  '召回-任务': '召回', '召回-项目': '召回', '岗位调整-能力': '岗位调整', '岗位调整-停滞': '岗位调整',
  '调离-德': '调离岗位', '调离-效': '调离岗位', '降职-不称职': '降职', '降职-下而不改': '降职',
  '免职-末位': '免职', '免职-一撸到底': '免职',
};

/**
 * Planned cases per year. 2012 is history only (the scheme starts in 2013) but holds a few
 * cases so that previewing the rules on 2012 looks like a real year. 2013–2015 add up to the
 * report: 147 cadre-years, 38 调离岗位, 53 降职 or 免职 (叶某 is one of 2014's 免职-末位).
 */
export const QUOTAS: Readonly<Record<number, readonly (readonly [Mechanism, number])[]>> = {
  2012: [['降职-不称职', 3], ['调离-德', 2], ['调离-效', 2], ['组织调整-目标', 2], ['诫勉-目标', 5], ['诫勉-效', 3]],
  2013: [['降职-不称职', 12], ['岗位调整-能力', 3], ['调离-德', 6], ['调离-效', 6], ['组织调整-目标', 3],
    ['诫勉-目标', 6], ['诫勉-效', 4]],
  2014: [['免职-末位', 7], ['岗位调整-停滞', 2], ['降职-不称职', 9], ['岗位调整-能力', 2], ['召回-任务', 2], ['召回-项目', 2],
    ['调离-德', 6], ['调离-效', 7], ['组织调整-目标', 3], ['诫勉-目标', 5], ['诫勉-效', 4]],
  2015: [['免职-一撸到底', 5], ['降职-下而不改', 4], ['组织调整-乡镇末位', 2], ['免职-末位', 7], ['岗位调整-停滞', 2],
    ['降职-不称职', 8], ['岗位调整-能力', 2], ['召回-任务', 2], ['召回-项目', 1], ['调离-德', 7], ['调离-效', 6],
    ['组织调整-目标', 2], ['诫勉-目标', 5], ['诫勉-效', 4]],
};

/** A rank position a cadre must take in the team this year. */
export type Role = 'last' | 'bottom' | 'notBottom' | 'notLast';

/** What one cadre-year's data must satisfy. Unset fields mean "an ordinary, clean year". */
export interface Spec {
  role?: Role;
  /** Range of the performance level the six sources are drawn around. */
  v?: readonly [number, number];
  /** Stagnation: the composite (2014–2015 weights) to hold within ±0.3. */
  stagTarget?: number;
  abilityLow?: boolean;
  keyTaskLow?: boolean;
  seconded?: boolean;
  projectEvents?: boolean;
  /** 目标完成率 range in percent points. */
  completion?: readonly [number, number];
  /** 效 range (100 + the year's event points). */
  efficacy?: readonly [number, number];
  moralLow?: boolean;
  punished?: boolean;
}

export interface Case {
  readonly year: number;
  readonly id: string;
  readonly decision: Disposition;
  readonly mechanism: Mechanism;
}

export interface Plan {
  readonly cases: Map<number, Map<string, Case>>;
  readonly specs: Map<number, Map<string, Spec>>;
  /** Team-years whose rank order is already constrained, and by whom (at most one cadre per team-year). */
  readonly constrained: Map<number, Map<string, string>>;
  /** Township events: a veto in a year, or last place in its class. */
  readonly townshipSpecs: Map<number, Map<string, 'veto' | 'last'>>;
}

export function emptyPlan(): Plan {
  return { cases: new Map(), specs: new Map(), constrained: new Map(), townshipSpecs: new Map() };
}

function at<K, V>(m: Map<number, Map<K, V>>, y: number): Map<K, V> {
  let inner = m.get(y);
  if (!inner) m.set(y, (inner = new Map()));
  return inner;
}

export interface PlanContext {
  readonly rosters: Map<number, Roster>;
  readonly teamById: Map<string, Team>;
  readonly townships: Map<string, Township>;
  readonly ye: string;
}

/** The planner of one year; years must be planned in ascending order, each after its roster exists. */
export class Planner {
  /** Specs for a year whose roster does not exist yet: cadre → year of a clearly better result. */
  private readonly pendingNext = new Map<string, number>();

  constructor(readonly plan: Plan, private readonly ctx: PlanContext) {}

  private roster(y: number): Roster | undefined {
    return this.ctx.rosters.get(y);
  }

  private teamOf(y: number, id: string): Team | undefined {
    const seat = this.roster(y)?.get(id);
    return seat ? this.ctx.teamById.get(seat.teamId) : undefined;
  }

  private teamSize(y: number, teamId: string): number {
    let n = 0;
    for (const s of this.roster(y)!.values()) if (s.teamId === teamId) n++;
    return n;
  }

  private hasCase(y: number, id: string): boolean {
    return !!this.plan.cases.get(y)?.has(id);
  }

  private hasSpec(y: number, id: string): boolean {
    return !!this.plan.specs.get(y)?.has(id);
  }

  private slotFree(y: number, id: string): boolean {
    const team = this.teamOf(y, id);
    if (!team) return false;
    const owner = this.plan.constrained.get(y)?.get(team.id);
    return owner === undefined || owner === id;
  }

  /** Reserves the rank order of the cadre's team this year for him. */
  takeSlot(y: number, id: string): void {
    const team = this.teamOf(y, id)!;
    at(this.plan.constrained, y).set(team.id, id);
  }

  /** Present all year in the post, no case this year or last, nothing else planned for this year. */
  private fresh(y: number, id: string): boolean {
    const seat = this.roster(y)?.get(id);
    return !!seat && seat.months === 12 && !this.hasCase(y, id) && !this.hasCase(y - 1, id) && !this.hasSpec(y, id) &&
      id !== this.ctx.ye;
  }

  private spec(y: number, id: string, s: Spec): void {
    const specs = at(this.plan.specs, y);
    specs.set(id, { ...specs.get(id), ...s });
  }

  private addCase(y: number, id: string, mechanism: Mechanism): void {
    at(this.plan.cases, y).set(id, { year: y, id, decision: DECISION[mechanism], mechanism });
  }

  /**
   * A low result this year makes the cadre likely last in the team; keeping him out of the
   * bottom places last year means the rank rule (bottom, bottom, last) cannot catch him too.
   */
  private shieldLastYear(y: number, id: string): void {
    if (this.roster(y - 1)?.has(id) && !this.hasSpec(y - 1, id)) this.spec(y - 1, id, { role: 'notBottom' });
  }

  /** Plans the given year's cases. `prng` draws which cadres. */
  planYear(y: number, prng: Prng): void {
    const ids = [...this.roster(y)!.keys()].sort();
    for (const [id, year] of [...this.pendingNext].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (year === y && this.roster(y)!.has(id)) this.spec(y, id, { v: [84, 92] });
    }
    // 叶某's team keeps its rank order for him from 2012 to 2014.
    if (y <= 2014) this.takeSlot(y, this.ctx.ye);
    if (y === 2012 || y === 2013) this.planNoiseVeto(y, prng);
    for (const [mechanism, count] of QUOTAS[y] ?? []) {
      let done = 0;
      // 叶某 comes on top of the quota's other cases of the rank rule.
      if (mechanism === '免职-末位' && y === 2014 && !this.planRankStreak(y, this.ctx.ye, true)) {
        throw new Error('叶某\'s seats do not allow the rank streak');
      }
      if (mechanism === '组织调整-乡镇末位') {
        done += this.planTownshipHeads(y, prng);
        if (done !== count) throw new Error(`planned ${done} township heads, wanted ${count}`);
        continue;
      }
      for (const id of prng.shuffle(this.candidates(y, mechanism, ids))) {
        if (done >= count) break;
        if (this.tryPlan(y, id, mechanism)) done++;
      }
      if (done < count) throw new Error(`${y}: could only plan ${done} of ${count} ${mechanism}`);
    }
  }

  private candidates(y: number, mechanism: Mechanism, ids: readonly string[]): string[] {
    if (mechanism === '免职-一撸到底') {
      return ids.filter(id => this.plan.cases.get(y - 1)?.get(id)?.mechanism === '降职-不称职' && !this.hasCase(y, id));
    }
    if (mechanism === '降职-下而不改') {
      const prior: readonly Disposition[] = ['岗位调整', '调离岗位', '召回'];
      return ids.filter(id => {
        const c = this.plan.cases.get(y - 1)?.get(id);
        return !!c && prior.includes(c.decision) && !this.hasCase(y, id);
      });
    }
    return ids.filter(id => this.fresh(y, id));
  }

  private tryPlan(y: number, id: string, m: Mechanism): boolean {
    switch (m) {
      case '免职-末位': return this.planRankStreak(y, id, false);
      case '岗位调整-停滞': return this.planStagnation(y, id);
      case '降职-不称职':
        return this.planLow(y, id, m, { v: [34, 43], completion: [60, 96] });
      case '岗位调整-能力': return this.planLow(y, id, m, { abilityLow: true });
      case '召回-任务': return this.planLow(y, id, m, { seconded: true, keyTaskLow: true });
      case '召回-项目': return this.planPlain(y, id, m, { seconded: true, projectEvents: true });
      case '调离-德': return this.planPlain(y, id, m, { moralLow: true, punished: true });
      case '调离-效': return this.planPlain(y, id, m, { efficacy: [52, 68] });
      case '组织调整-目标': return this.planPlain(y, id, m, { completion: [62, 78] });
      case '诫勉-目标': return this.planPlain(y, id, m, { completion: [86, 97.5] });
      case '诫勉-效': return this.planPlain(y, id, m, { efficacy: [80, 88] });
      case '免职-一撸到底':
      case '降职-下而不改':
        if (!this.roster(y)?.has(id)) return false;
        this.addCase(y, id, m);
        this.spec(y, id, { efficacy: [72, 84] });
        return true;
      case '组织调整-乡镇末位': return false;
    }
  }

  private planPlain(y: number, id: string, m: Mechanism, s: Spec): boolean {
    this.addCase(y, id, m);
    this.spec(y, id, s);
    return true;
  }

  private planLow(y: number, id: string, m: Mechanism, s: Spec): boolean {
    if (!this.slotFree(y, id)) return false;
    this.takeSlot(y, id);
    this.addCase(y, id, m);
    this.spec(y, id, s);
    this.shieldLastYear(y, id);
    return true;
  }

  /** Bottom places in the two earlier years, last this year: the rank rule of 叶某's case. */
  private planRankStreak(y: number, id: string, isYe: boolean): boolean {
    const years = [y - 2, y - 1, y];
    for (const yy of years) {
      const seat = this.roster(yy)?.get(id);
      if (!seat || seat.months !== 12) return false;
      if (this.teamSize(yy, seat.teamId) < 7 || !this.slotFree(yy, id)) return false;
      if (yy < y && (this.hasCase(yy, id) || this.hasSpec(yy, id))) return false;
    }
    if (!isYe && !this.fresh(y, id)) return false;
    for (const yy of years) this.takeSlot(yy, id);
    this.spec(y - 2, id, { role: 'bottom' });
    this.spec(y - 1, id, { role: 'bottom' });
    this.spec(y, id, { role: 'last', v: [68, 73.5] });
    this.addCase(y, id, '免职-末位');
    return true;
  }

  /** Results barely changed two years running, below 80: the same composite ±0.3 three years in a row. */
  private planStagnation(y: number, id: string): boolean {
    const years = [y - 2, y - 1, y];
    for (const yy of years) {
      const seat = this.roster(yy)?.get(id);
      if (!seat || seat.months !== 12 || !this.slotFree(yy, id)) return false;
      const team = this.ctx.teamById.get(seat.teamId)!;
      // The ecological difficulty coefficient would make 2014's and 2015's rules see different composites.
      if (team.townshipId && this.ctx.townships.get(team.townshipId)!.cls === '生态型') return false;
      if (yy < y && (this.hasCase(yy, id) || this.hasSpec(yy, id))) return false;
    }
    if (this.hasSpec(y - 3, id) || this.hasSpec(y + 1, id)) return false;
    const target = 76 + (Number.parseInt(id.slice(1), 10) % 25) / 10;
    for (const yy of years) {
      this.takeSlot(yy, id);
      this.spec(yy, id, { role: 'notLast', stagTarget: target });
    }
    // The year before the streak and the year after differ clearly, so no other year repeats it.
    if (this.roster(y - 3)?.has(id)) this.spec(y - 3, id, { v: [84, 92] });
    this.pendingNext.set(id, y + 1);
    this.addCase(y, id, '岗位调整-停滞');
    return true;
  }

  /** A township vetoed in a history year (a safety or petition incident), unrelated to any planned case. */
  private planNoiseVeto(y: number, prng: Prng): void {
    const yeTownship = this.teamOf(y, this.ctx.ye)!.townshipId;
    const options = [...this.ctx.townships.values()].filter(t => t.id !== yeTownship && !this.plan.townshipSpecs.get(y - 1)?.has(t.id));
    at(this.plan.townshipSpecs, y).set(prng.pick(options).id, 'veto');
  }

  /**
   * 2015: the principal leaders of an ecological township vetoed in 2014 and last in its class
   * in 2015 — the township's result falls on its heads.
   */
  private planTownshipHeads(y: number, prng: Prng): number {
    const prev = this.roster(y - 1)!;
    const cur = this.roster(y)!;
    const options = [...this.ctx.townships.values()].filter(t => t.cls === '生态型' && t.kind !== '街道');
    for (const t of prng.shuffle(options)) {
      if (this.plan.townshipSpecs.get(y - 2)?.has(t.id)) continue;
      const heads = [...cur.entries()].filter(([, s]) => s.principal && this.ctx.teamById.get(s.teamId)!.townshipId === t.id &&
        this.ctx.teamById.get(s.teamId)!.kind === 'twLead').map(([id]) => id).sort();
      if (heads.length !== 2) continue;
      const stayed = heads.every(id => {
        const p = prev.get(id);
        return p && p.principal && p.teamId === cur.get(id)!.teamId && p.months === 12 && this.fresh(y, id) && !this.hasSpec(y - 1, id);
      });
      if (!stayed) continue;
      at(this.plan.townshipSpecs, y - 1).set(t.id, 'veto');
      at(this.plan.townshipSpecs, y).set(t.id, 'last');
      for (const id of heads) this.addCase(y, id, '组织调整-乡镇末位');
      return heads.length;
    }
    return 0;
  }
}
