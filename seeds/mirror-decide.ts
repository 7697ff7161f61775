// The dispositions of rules/2013–2015.kp restated in TypeScript, with history: a rule set is applied
// to every year up to its own, earlier years first, so `x@-1` reads the same rules on last year's data.
import { DISPOSITIONS, type Disposition } from './catalogue.ts';
import {
  cadreScores, isBottom, isLast, teamRanks, townshipScores,
  type CadreScore, type RankInfo, type RuleYear, type TownshipScore,
} from './mirror-scores.ts';
import type { CadreRecord, YearInputs } from './records.ts';

export interface Outcome {
  /** Every disposition that fired, lightest first. */
  readonly fired: readonly Disposition[];
  /** The heaviest one, or null. */
  readonly decision: Disposition | null;
}

export interface YearEvaluation {
  readonly year: number;
  readonly scores: Map<string, CadreScore>;
  readonly ranks: Map<string, RankInfo>;
  readonly townships: Map<string, TownshipScore>;
  readonly outcomes: Map<string, Outcome>;
  readonly records: Map<string, CadreRecord>;
}

/** The township rank facts a cadre's 2015 组织调整 rule reads. */
function townshipLast(ev: YearEvaluation | undefined, id: string): boolean {
  if (!ev) return false;
  const c = ev.records.get(id);
  if (!c?.township) return false;
  const t = ev.townships.get(c.township)!;
  return t.rank === t.size;
}

/** Evaluates one year under rule set `r`, given the same rule set's evaluation of the earlier years. */
export function evaluateYear(r: RuleYear, y: YearInputs, history: readonly YearEvaluation[],
  precomputed?: Map<string, TownshipScore>): YearEvaluation {
  const townships = precomputed ?? townshipScores(y);
  const scores = cadreScores(r, y, townships);
  const ranks = teamRanks(y, scores);
  const records = new Map(y.cadres.map(c => [c.id, c]));
  const prev = history.find(h => h.year === y.year - 1);
  const prev2 = history.find(h => h.year === y.year - 2);
  const outcomes = new Map<string, Outcome>();
  const firedBefore = (ev: YearEvaluation | undefined, id: string, d: Disposition) => !!ev?.outcomes.get(id)?.fired.includes(d);
  const stagnant = (cur: YearEvaluation | { scores: Map<string, CadreScore> }, before: YearEvaluation | undefined, id: string) => {
    const a = cur.scores.get(id)?.composite;
    const b = before?.scores.get(id)?.composite;
    return a !== undefined && b !== undefined && Math.abs(a - b) < 1 && a < 80;
  };
  for (const c of y.cadres) {
    const s = scores.get(c.id)!;
    const unfit = c.months >= 6 && s.composite < 60; // 年度等次 == 不称职 (ungraded people have no grade)
    const fired = new Set<Disposition>();
    if (c.completion < 100 || s.efficacy < 90) fired.add('诫勉谈话');
    const twLastTwice = r === 2015 && c.principal && townshipLast({ ...emptyEval(y.year), townships, records }, c.id) && townshipLast(prev, c.id);
    if (c.completion < 80 || twLastTwice) fired.add('组织调整');
    if (r >= 2014 && c.seconded && (c.keyTask < 60 || s.projectFailures >= 2)) fired.add('召回');
    const stagnation = stagnant({ scores }, prev, c.id) && !!prev && stagnant(prev, prev2, c.id);
    if (stagnation || s.ability < 60) fired.add('岗位调整');
    if (s.moral < 80 || s.efficacy < 70) fired.add('调离岗位');
    const movedDownUnchanged = r === 2015 &&
      (firedBefore(prev, c.id, '岗位调整') || firedBefore(prev, c.id, '调离岗位') || firedBefore(prev, c.id, '召回')) && s.efficacy < 85;
    if (unfit || movedDownUnchanged) fired.add('降职');
    const rankStreak = isBottom(prev2?.ranks.get(c.id)) && isBottom(prev?.ranks.get(c.id)) && isLast(ranks.get(c.id));
    const demotedUnchanged = r === 2015 && firedBefore(prev, c.id, '降职') && (s.efficacy < 85 || unfit);
    if (rankStreak || demotedUnchanged) fired.add('免职');
    const list = DISPOSITIONS.filter(d => fired.has(d));
    outcomes.set(c.id, { fired: list, decision: list.length > 0 ? list[list.length - 1] : null });
  }
  return { year: y.year, scores, ranks, townships, outcomes, records };
}

function emptyEval(year: number): YearEvaluation {
  return { year, scores: new Map(), ranks: new Map(), townships: new Map(), outcomes: new Map(), records: new Map() };
}

/** Applies rule set `r` to every given year up to `r` (ascending), each year with the earlier ones as history. */
export function evaluateRuleSet(r: RuleYear, years: readonly YearInputs[]): YearEvaluation[] {
  const out: YearEvaluation[] = [];
  for (const y of [...years].sort((a, b) => a.year - b.year)) {
    if (y.year > r) break;
    out.push(evaluateYear(r, y, out));
  }
  return out;
}
