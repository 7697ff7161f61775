// Builds the whole seed dataset in memory: places, people and their seats year by year, the plan of
// outcomes, every year's inputs, and a final check that the rules decide exactly what was planned.
import { Prng, clamp, round1 } from './prng.ts';
import type { Disposition } from './catalogue.ts';
import type { Department, Township } from './places.ts';
import { buildPlaces } from './places.ts';
import {
  buildTeams, initialRoster, membersByTeam, Namer, nextRoster, type Person, type Roster, type Team,
} from './people.ts';
import { emptyPlan, Planner, type Plan } from './plan-outcomes.ts';
import { evaluateRuleSet, evaluateYear, type YearEvaluation } from './mirror-decide.ts';
import { RULE_YEARS, type RuleYear, type TownshipScore } from './mirror-scores.ts';
import type { InspectionRow, YearInputs } from './records.ts';
import { drawTownshipYear } from './township-year.ts';
import { readersOf, solveTeamYear } from './team-year.ts';

export const SEED_YEARS: readonly number[] = [2012, 2013, 2014, 2015];
export const DEFAULT_SEED = 20151116;

export interface SeedData {
  readonly seed: number;
  readonly townships: readonly Township[];
  readonly departments: readonly Department[];
  readonly teams: readonly Team[];
  readonly people: readonly Person[];
  readonly rosters: ReadonlyMap<number, Roster>;
  readonly plan: Plan;
  /** The id of 叶某. */
  readonly ye: string;
  readonly years: readonly YearInputs[];
  /** The river-litter case of June 2014: the county leader whose monthly assessment lost points. */
  readonly riverLitter: InspectionRow;
}

/** The township where 叶某 served: the first non-street township of 龙游县. */
function yeTownship(townships: readonly Township[]): Township {
  return townships.find(t => t.county === '龙游县' && t.kind !== '街道')!;
}

function decidedIn(plan: Plan, year: number): Map<string, Disposition> {
  const out = new Map<string, Disposition>();
  for (const [id, c] of plan.cases.get(year) ?? []) out.set(id, c.decision);
  return out;
}

/** Builds the seed dataset deterministically from `seed`. Throws if the plan cannot be met. */
export function buildSeed(seed: number = DEFAULT_SEED): SeedData {
  const root = new Prng(seed);
  const { townships, departments } = buildPlaces(root.fork('places'));
  const townshipById = new Map(townships.map(t => [t.id, t]));
  const yeTw = yeTownship(townships);
  const teams = buildTeams(townships, departments, root.fork('teams'), yeTw.id);
  const teamById = new Map(teams.map(t => [t.id, t]));
  const first = initialRoster(teams, townshipById, root.fork('roster:2012'), yeTw.id);
  const people = first.people;
  const ye = first.ye;
  const rosters = new Map<number, Roster>([[2012, first.roster]]);
  const plan = emptyPlan();
  const planner = new Planner(plan, { rosters, teamById, townships: townshipById, ye });
  planner.planYear(2012, root.fork('plan:2012'));
  const namer = new Namer(root.fork('names:later'));
  for (const y of SEED_YEARS.slice(1)) {
    const pinned = new Set(y <= 2014 ? [ye] : []);
    const ctx = { teams, teamById, townships: townshipById, people, namer, pinned };
    rosters.set(y, nextRoster(rosters.get(y - 1)!, decidedIn(plan, y - 1), ctx, root.fork(`roster:${y}`)));
    planner.planYear(y, root.fork(`plan:${y}`));
  }
  const { years, riverLitter } = drawYears(root, townships, teams, rosters, plan);
  verifyPlan(years, plan);
  return { seed, townships, departments, teams, people, rosters, plan, ye, years, riverLitter };
}

/**
 * Each cadre's lasting level of performance (drawn once per person). A few are weak performers
 * whose results sit in 基本称职 territory without anything planned for them.
 */
function baseLevel(root: Prng, id: string): number {
  const p = root.fork(`base:${id}`);
  return p.chance(0.04) ? p.uniform(64, 73) : clamp(p.normal(85.5, 3.6), 77, 94);
}

function drawYears(root: Prng, townships: readonly Township[], teams: readonly Team[], rosters: Map<number, Roster>, plan: Plan):
  { years: YearInputs[]; riverLitter: InspectionRow } {
  const histories = new Map<RuleYear, YearEvaluation[]>(RULE_YEARS.map(r => [r, []]));
  const years: YearInputs[] = [];
  const base = new Map<string, number>();
  let previousTownships: Map<string, TownshipScore> | undefined;
  let riverLitter: InspectionRow | undefined;
  const units = [...new Set(teams.filter(t => !t.townshipId).map(t => t.unit))].sort();
  const unitBase = new Map(units.map(u => [u, root.fork(`unit:${u}`).uniform(82, 93)]));
  for (const y of SEED_YEARS) {
    const roster = rosters.get(y)!;
    const tw = drawTownshipYear(y, townships, plan.townshipSpecs.get(y) ?? new Map(), plan.townshipSpecs.get(y + 1) ?? new Map(),
      previousTownships, root);
    const unitScores = new Map(units.map(u => [u, round1(clamp(unitBase.get(u)! + root.fork(`unit:${u}:${y}`).normal(0, 2), 78, 97))]));
    const byTeam = membersByTeam(roster);
    const specs = plan.specs.get(y) ?? new Map();
    const planned = new Map([...(plan.cases.get(y) ?? new Map()).values()].map(c => [c.id, c.decision as Disposition]));
    const year: YearInputs = { year: y, cadres: [], events: [], moral: [], inspections: [], townships: tw.records, vetoes: tw.vetoes };
    const fixed = y === 2014 ? riverLitterCase(teams, roster, specs) : undefined;
    if (fixed) riverLitter = fixed;
    for (const team of teams) {
      const members = (byTeam.get(team.id) ?? []).map(id => [id, roster.get(id)!] as const);
      for (const [id] of members) if (!base.has(id)) base.set(id, baseLevel(root, id));
      const data = solveTeamYear({
        year: y, team, members, specs, planned, base, unitScore: team.townshipId ? undefined : unitScores.get(team.unit),
        townshipScores: tw.scores, townshipRecords: tw.records, vetoes: tw.vetoes,
        fixedInspections: fixed && members.some(([id]) => id === fixed.id) ? [fixed] : [],
        histories,
      }, root);
      year.cadres.push(...data.cadres);
      year.events.push(...data.events);
      year.moral.push(...data.moral);
      year.inspections.push(...data.inspections);
    }
    year.cadres.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const r of readersOf(y)) histories.get(r)!.push(evaluateYear(r, year, histories.get(r)!, tw.scores));
    years.push(year);
    previousTownships = tw.scores;
  }
  if (!riverLitter) throw new Error('no county leader for the river-litter case');
  return { years, riverLitter };
}

/**
 * June 2014: a county's river litter was found uncleared by the key-task inspection group; the
 * leader in charge explained, but the monthly assessment deducted points because the result on
 * site is what counts. The deputy county head of 常山县 with the lowest id and no plan of his own.
 */
function riverLitterCase(teams: readonly Team[], roster: Roster, specs: ReadonlyMap<string, unknown>): InspectionRow | undefined {
  const team = teams.find(t => t.kind === 'county' && t.area === '常山县')!;
  const ids = [...roster.entries()].filter(([, s]) => s.teamId === team.id && s.title === '副县长').map(([id]) => id).sort();
  const id = ids.find(i => !specs.has(i));
  if (!id) return undefined;
  return { id, month: 6, deduction: 2, reason: '河道垃圾未及时清理：专项任务督察组现场检查发现，虽经分管领导解释，仍以现场情况为准扣分' };
}

/** Every rule set, applied to every year it reads, decides exactly the planned outcome for every cadre. */
export function verifyPlan(years: readonly YearInputs[], plan: Plan): void {
  for (const r of RULE_YEARS) {
    for (const ev of evaluateRuleSet(r, years)) {
      const cases = plan.cases.get(ev.year) ?? new Map();
      for (const [id, o] of ev.outcomes) {
        const want = cases.get(id)?.decision ?? null;
        if (o.decision !== want) throw new Error(`rules ${r} on ${ev.year}: ${id} decided ${o.decision}, planned ${want}`);
      }
    }
  }
}
