// json-rules-engine 7.3.1 on the reference workload: scores as computed facts, triggers as rules, ranking in JavaScript.
import { Engine, type Almanac, type TopLevelCondition } from 'json-rules-engine';
import type { Approach } from '../harness.ts';
import { flagOf, makeOutputs } from '../outputs.ts';
import {
  bpToFraction, COMPOSITE_SOURCES, DIMENSIONS, indicatorsOf, TEAM_COUNT, TRIGGER, WEIGHTS_BP, type DimensionSpec,
} from '../workload/spec.ts';
import { rankPlain } from './rank-plain.ts';
import { toRows, type WorkloadRow } from './rows.ts';

/** A dimension's score from the record fact: class-weighted sum, deductions, floor at 0. */
function dimensionFact(dim: DimensionSpec) {
  const names = indicatorsOf(dim);
  const weights = WEIGHTS_BP[dim.name].map(row => row.map(bpToFraction));
  return async (_params: Record<string, unknown>, almanac: Almanac): Promise<number> => {
    const r = await almanac.factValue<WorkloadRow>('record');
    const w = weights[r.category];
    let sum = r[names[0]] * w[0];
    for (let k = 1; k < names.length; k++) sum = sum + r[names[k]] * w[k];
    for (const d of dim.deductions) sum = sum - r[d.input] * d.points;
    return Math.max(0, sum);
  };
}

/** The composite reads the three dimension facts through the almanac, which computes and caches them. */
async function compositeFact(_params: Record<string, unknown>, almanac: Almanac): Promise<number> {
  const r = await almanac.factValue<WorkloadRow>('record');
  let sum = 0;
  for (let k = 0; k < COMPOSITE_SOURCES.length; k++) {
    const { name, bp } = COMPOSITE_SOURCES[k];
    const value = name in r ? r[name] : await almanac.factValue<number>(name);
    sum = k === 0 ? value * bpToFraction(bp) : sum + value * bpToFraction(bp);
  }
  return sum;
}

/** The engine that scores one record: no rules, only facts. */
export function makeScoreEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false });
  for (const dim of DIMENSIONS) engine.addFact(dim.name, dimensionFact(dim));
  engine.addFact('composite', compositeFact);
  return engine;
}

/** The three triggers as json-rules-engine rules over the facts pct, prev_pct, composite, d3, dimC. */
export const TRIGGER_RULES: readonly { name: string; conditions: TopLevelCondition }[] = [
  {
    name: 'X',
    conditions: {
      all: [
        { fact: 'pct', operator: 'greaterThan', value: TRIGGER.pct },
        { fact: 'prev_pct', operator: 'greaterThan', value: TRIGGER.prevPct },
      ],
    },
  },
  { name: 'Y', conditions: { all: [{ fact: 'composite', operator: 'lessThan', value: TRIGGER.composite }] } },
  {
    name: 'Z',
    conditions: {
      all: [
        { fact: 'd3', operator: 'greaterThanInclusive', value: TRIGGER.d3 },
        { fact: 'dimC', operator: 'lessThan', value: TRIGGER.dimC },
      ],
    },
  },
];

export function makeTriggerEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false });
  for (const rule of TRIGGER_RULES) engine.addRule({ ...rule, event: { type: rule.name } });
  return engine;
}

interface Prepared {
  readonly rows: WorkloadRow[];
  readonly team: Int32Array;
  readonly scoring: Engine;
  readonly triggers: Engine;
}

/** One engine run per record for the scores, a JavaScript sort per team, one run per record for the triggers. */
export const jsonRulesEngine: Approach<Prepared> = {
  id: 'json-rules-engine',
  label: 'json-rules-engine 7.3.1 (scores as computed facts, triggers as rules, rank in JS)',
  prepare: data => ({ rows: toRows(data), team: data.team, scoring: makeScoreEngine(), triggers: makeTriggerEngine() }),
  async run({ rows, team, scoring, triggers }, n, phase) {
    const out = makeOutputs(n);
    await phase('score', async () => {
      for (let i = 0; i < rows.length; i++) {
        const { almanac } = await scoring.run({ record: rows[i] });
        out.dimA[i] = await almanac.factValue<number>('dimA');
        out.dimB[i] = await almanac.factValue<number>('dimB');
        out.dimC[i] = await almanac.factValue<number>('dimC');
        out.composite[i] = await almanac.factValue<number>('composite');
      }
    });
    await phase('rank', () => rankPlain(team, TEAM_COUNT, out));
    await phase('trigger', async () => {
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i];
        const { events } = await triggers.run({
          pct: out.pct[i], prev_pct: r.prev_pct, composite: out.composite[i], d3: r.d3, dimC: out.dimC[i],
        });
        let flags = 0;
        for (const e of events) flags |= flagOf(e.type);
        out.flags[i] = flags;
      }
    });
    return () => out;
  },
};
