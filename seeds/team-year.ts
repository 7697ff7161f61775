// Draws one team's inputs for one year, then checks them against every rule set that will read
// that year (its own year's and later ones, through history): each member must get exactly the
// planned decision (or none), with margins around every threshold. A failed draw is redrawn.
import { Prng, clamp, round1 } from './prng.ts';
import type { Disposition } from './catalogue.ts';
import { evaluateYear, type YearEvaluation } from './mirror-decide.ts';
import { isBottom, type RuleYear, type TownshipScore } from './mirror-scores.ts';
import type { Spec } from './plan-outcomes.ts';
import type { Seat, Team } from './people.ts';
import type { CadreRecord, EventRow, InspectionRow, MoralRow, TownshipRecord, VetoRow, YearInputs } from './records.ts';
import { drawEvents, drawInspections, drawMoral } from './rows.ts';

export interface TeamYearRequest {
  readonly year: number;
  readonly team: Team;
  /** Members (ids in code-point order) and their seats. */
  readonly members: readonly (readonly [string, Seat])[];
  readonly specs: ReadonlyMap<string, Spec>;
  /** Planned decisions this year (absent: none). */
  readonly planned: ReadonlyMap<string, Disposition>;
  /** Each member's lasting level of performance. */
  readonly base: ReadonlyMap<string, number>;
  /** 综合考核 of the team's unit (city departments and counties); township teams use their township's result. */
  readonly unitScore?: number;
  readonly townshipScores: Map<string, TownshipScore>;
  readonly townshipRecords: TownshipRecord[];
  readonly vetoes: VetoRow[];
  /** Rows that must be part of this team-year whatever is drawn (the June 2014 river-litter case). */
  readonly fixedInspections: readonly InspectionRow[];
  /** Each rule set's evaluation of the earlier years, for history. */
  readonly histories: ReadonlyMap<RuleYear, readonly YearEvaluation[]>;
}

export interface TeamYearData {
  readonly cadres: CadreRecord[];
  readonly events: EventRow[];
  readonly moral: MoralRow[];
  readonly inspections: InspectionRow[];
}

const MAX_ATTEMPTS = 80;

/** The rule sets that read a year: its own and every later one (history), never earlier ones. */
export function readersOf(year: number): RuleYear[] {
  return ([2013, 2014, 2015] as const).filter(r => r >= year);
}

export function solveTeamYear(req: TeamYearRequest, seed: Prng): TeamYearData {
  let lastProblem = '';
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const prng = seed.fork(`team:${req.year}:${req.team.id}:${attempt}`);
    const data = drawTeamYear(req, prng, Math.max(0.3, 2.2 - 0.05 * attempt));
    const problem = checkTeamYear(req, data);
    if (!problem) return data;
    lastProblem = problem;
  }
  throw new Error(`${req.year} ${req.team.id}: no acceptable draw (${lastProblem})`);
}

/** The township score a township cadre's composite uses, or the unit's own score. */
function comprehensiveOf(req: TeamYearRequest): number {
  if (req.team.townshipId) return req.townshipScores.get(req.team.townshipId)!.comprehensive;
  return req.unitScore!;
}

/** Performance levels: drawn around each member's base, planned ranges, then moved to meet rank roles. */
function drawLevels(req: TeamYearRequest, prng: Prng): Map<string, number> {
  const v = new Map<string, number>();
  const c = comprehensiveOf(req);
  for (const [id] of req.members) {
    const s = req.specs.get(id);
    if (s?.stagTarget !== undefined) v.set(id, (s.stagTarget + prng.uniform(-0.25, 0.25) - 0.2 * c) / 0.8);
    else if (s?.v) v.set(id, prng.uniform(s.v[0], s.v[1]));
    else {
      const b = req.base.get(id)!;
      v.set(id, clamp(b + prng.normal(0, 2.4), b < 74 ? 63 : 74.5, 97));
    }
  }
  const fixed = (id: string) => req.specs.get(id)?.v !== undefined || req.specs.get(id)?.stagTarget !== undefined;
  const others = (id: string) => req.members.map(([o]) => o).filter(o => o !== id);
  // Someone to move below a constrained member: never another member with a plan of his own.
  const lowestFree = (exclude: readonly string[]) => req.members.map(([o]) => o).filter(o => !exclude.includes(o) && !req.specs.has(o))
    .sort((a, b) => v.get(a)! - v.get(b)! || (a < b ? -1 : 1))[0];
  for (const [id] of req.members) {
    const role = req.specs.get(id)?.role;
    if (role === 'last') {
      for (const o of others(id)) if (!fixed(o) && v.get(o)! < v.get(id)! + 1.2) v.set(o, v.get(id)! + prng.uniform(1.2, 3));
    } else if (role === 'bottom') {
      const low = lowestFree([id]);
      const mine = Math.max(74.5, v.get(low)! + prng.uniform(1.2, 2.5));
      v.set(id, mine);
      if (v.get(low)! > mine - 1.2) v.set(low, mine - prng.uniform(1.2, 2.5));
      for (const o of others(id)) if (o !== low && !fixed(o) && v.get(o)! < mine + 1.2) v.set(o, mine + prng.uniform(1.2, 3));
    } else if (role === 'notLast') {
      if (Math.min(...others(id).map(o => v.get(o)!)) > v.get(id)! - 1.2) {
        v.set(lowestFree([id]), v.get(id)! - prng.uniform(1.5, 3));
      }
    }
  }
  avoidRisks(req, v, prng);
  for (const [id] of req.members) {
    if (req.specs.get(id)?.role !== 'notBottom') continue;
    const k = Math.ceil(0.3 * req.members.length - 1e-9);
    const sorted = others(id).map(o => v.get(o)!).sort((a, b) => a - b);
    const floor = sorted[k - 1] + 1.2;
    if (v.get(id)! < floor) v.set(id, floor + prng.uniform(0, 1.3));
  }
  return v;
}

/** What a member's history exposes him to under some reader: the rank rule, or the stagnation rule. */
function risks(req: TeamYearRequest, id: string): { rank: boolean; stagnantBefore: number[] } {
  let rank = false;
  const stagnantBefore: number[] = [];
  for (const r of readersOf(req.year)) {
    const h = req.histories.get(r) ?? [];
    const p1 = h.find(e => e.year === req.year - 1);
    const p2 = h.find(e => e.year === req.year - 2);
    if (isBottom(p1?.ranks.get(id)) && isBottom(p2?.ranks.get(id))) rank = true;
    const a = p1?.scores.get(id)?.composite;
    const b = p2?.scores.get(id)?.composite;
    if (a !== undefined && b !== undefined && Math.abs(a - b) < 1.2 && a < 80.5) stagnantBefore.push(a);
  }
  return { rank, stagnantBefore };
}

/**
 * Keeps unplanned outcomes away: a member who was in the bottom places two years running must
 * not be last now, and one whose result barely moved last year must move clearly this year.
 */
function avoidRisks(req: TeamYearRequest, v: Map<string, number>, prng: Prng): void {
  const comp = comprehensiveOf(req);
  const exposed = req.members.map(([id]) => id).filter(id => req.planned.get(id) !== '免职' &&
    req.specs.get(id)?.v === undefined && req.specs.get(id)?.stagTarget === undefined && req.specs.get(id)?.role === undefined);
  const info = new Map(exposed.map(id => [id, risks(req, id)]));
  for (const id of exposed) {
    for (const before of info.get(id)!.stagnantBefore) {
      const predicted = 0.2 * comp + 0.8 * v.get(id)!;
      if (Math.abs(predicted - before) < 2.5) v.set(id, v.get(id)! + (v.get(id)! < 93 ? 3.5 : -3.5));
    }
  }
  const movable = req.members.map(([o]) => o).filter(o => !req.specs.has(o) && !info.get(o)?.rank);
  for (const id of exposed) {
    if (!info.get(id)!.rank) continue;
    const others = req.members.map(([o]) => o).filter(o => o !== id);
    const lowest = Math.min(...others.map(o => v.get(o)!));
    if (lowest < v.get(id)! - 1.2) continue;
    const below = movable.filter(o => o !== id).sort((a, b) => v.get(a)! - v.get(b)! || (a < b ? -1 : 1))[0];
    if (below) v.set(below, Math.min(v.get(below)!, v.get(id)! - prng.uniform(1.2, 2.5)));
    else v.set(id, lowest + prng.uniform(1.2, 2.5));
  }
}

function drawTeamYear(req: TeamYearRequest, prng: Prng, amplitude: number): TeamYearData {
  const levels = drawLevels(req, prng);
  const cadres: CadreRecord[] = [];
  const events: EventRow[] = [];
  const moral: MoralRow[] = [];
  const inspections: InspectionRow[] = [...req.fixedInspections];
  for (const [id, seat] of req.members) {
    const s = req.specs.get(id);
    const v = levels.get(id)!;
    const exact = s?.stagTarget !== undefined;
    const a = exact ? 0 : amplitude;
    const around = () => round1(clamp(v + prng.uniform(-a, a), 0, 100));
    const low = () => round1(prng.uniform(46, 54));
    const post = req.team.post;
    const rec: CadreRecord = {
      id, post, title: seat.title, principal: seat.principal, area: req.team.area, team: req.team.id, unit: req.team.unit,
      township: req.team.townshipId, months: seat.months,
      comprehensive: req.team.townshipId ? undefined : req.unitScore,
      commitment: around(),
      keyTask: s?.keyTaskLow ? round1(prng.uniform(45, 56)) : around(),
      democratic: around(),
      leaderComment: around(),
      unitEval: around(),
      completion: s?.completion ? round1(prng.uniform(s.completion[0], s.completion[1]))
        : round1(clamp(100.5 + (v - 74) * 0.8 + prng.uniform(0, 10), 100.5, 135)),
      seconded: s?.seconded ?? (!s && prng.chance(0.03)),
      punished: s?.punished ?? prng.chance(0.006),
    };
    const ability = () => (s?.abilityLow ? low() : around());
    if (post === '乡镇干部') {
      rec.common = ability();
      rec.characteristic = ability();
    } else {
      rec.duty = ability();
      rec.targets = ability();
      if (post === '市管领导干部') {
        rec.assigned = ability();
        rec.integrity = ability();
      }
    }
    cadres.push(rec);
    events.push(...drawEvents(id, req.year, s, prng));
    moral.push(...drawMoral(id, s, prng));
    if (!exact && !req.fixedInspections.some(i => i.id === id)) inspections.push(...drawInspections(id, prng));
  }
  return { cadres, events, moral, inspections };
}

/** Why a draw is refused, or '' when every reader decides as planned with margins to spare. */
export function checkTeamYear(req: TeamYearRequest, data: TeamYearData): string {
  const inputs: YearInputs = {
    year: req.year, cadres: data.cadres, events: data.events, moral: data.moral, inspections: data.inspections,
    townships: req.townshipRecords, vetoes: req.vetoes,
  };
  for (const r of readersOf(req.year)) {
    const history = req.histories.get(r) ?? [];
    const ev = evaluateYear(r, inputs, history, req.townshipScores);
    const prev = history.find(h => h.year === req.year - 1);
    const composites: number[] = [];
    for (const c of data.cadres) {
      const want = req.planned.get(c.id) ?? null;
      const got = ev.outcomes.get(c.id)!.decision;
      if (got !== want) return `${r} rules decide ${got ?? 'nothing'} for ${c.id}, planned ${want ?? 'nothing'}`;
      const s = ev.scores.get(c.id)!;
      composites.push(s.composite);
      // Margins: a threshold never sits within rounding distance of a value.
      if (Math.abs(s.composite - 60) < 0.3) return `composite near 60 for ${c.id}`;
      if (Math.abs(s.ability - 60) < 0.5) return `ability near 60 for ${c.id}`;
      if (Math.abs(s.moral - 80) < 0.5) return `moral near 80 for ${c.id}`;
      const before = prev?.scores.get(c.id)?.composite;
      if (before !== undefined && s.composite < 80.3) {
        const d = Math.abs(s.composite - before);
        if (d > 0.85 && d < 1.15) return `change near 1 for ${c.id}`;
        if (s.composite > 79.7 && d < 1.15) return `composite near 80 for ${c.id}`;
      }
    }
    composites.sort((a, b) => a - b);
    for (let i = 1; i < composites.length; i++) if (composites[i] - composites[i - 1] < 0.05) return `near tie in ${r}`;
  }
  return '';
}
