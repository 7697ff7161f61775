// @gorules/zen-engine 0.54.0 on the reference workload: an expression node scores, a decision table triggers, ranking in JavaScript.
import zen from '@gorules/zen-engine';
import type { Approach } from '../harness.ts';
import { flagOf, makeOutputs, type WorkloadOutputs } from '../outputs.ts';
import { COMPOSITE_SOURCES, DIMENSIONS, indicatorsOf, TEAM_COUNT, TRIGGER, WEIGHTS_BP, type DimensionSpec } from '../workload/spec.ts';
import { rankPlain } from './rank-plain.ts';
import { toRows, type WorkloadRow } from './rows.ts';

type ZenDecision = InstanceType<typeof zen.ZenDecision>;

/** How records are handed to the engine. */
export type ZenMode = 'loop' | 'concurrent';

/** Records per evaluate() in loop mode; records in flight in concurrent mode. */
export const LOOP_CHUNK = 10_000;
export const IN_FLIGHT = 256;

/** Weights are written as exact decimals (zen-engine computes in decimal arithmetic). */
const decimal = (bp: number): string => (bp / 10000).toFixed(4);

/** ZEN expression for one dimension: the class picks the weights row; deductions; floor at 0. */
export function dimensionExpression(dim: DimensionSpec): string {
  const names = indicatorsOf(dim);
  const rows = WEIGHTS_BP[dim.name].map(row => {
    const sum = names.map((name, k) => `${name} * ${decimal(row[k])}`).join(' + ');
    return sum + dim.deductions.map(d => ` - ${d.input} * ${d.points}`).join('');
  });
  let chosen = `(${rows[rows.length - 1]})`;
  for (let c = rows.length - 2; c >= 0; c--) chosen = `(category == ${c} ? (${rows[c]}) : ${chosen})`;
  return `max([0, ${chosen}])`;
}

/** The composite reads the dimensions computed earlier in the same node through `$`. */
export function compositeExpression(): string {
  return COMPOSITE_SOURCES.map(s => `${s.name.startsWith('dim') ? '$.' + s.name : s.name} * ${decimal(s.bp)}`).join(' + ');
}

const position = { x: 0, y: 0 };

/** A decision graph input → one node → output. */
function graph(type: 'expressionNode' | 'decisionTableNode', content: object): object {
  return {
    nodes: [
      { id: 'request', type: 'inputNode', name: 'request', position },
      { id: 'main', type, name: 'main', position, content },
      { id: 'response', type: 'outputNode', name: 'response', position },
    ],
    edges: [
      { id: 'e1', type: 'edge', sourceId: 'request', targetId: 'main' },
      { id: 'e2', type: 'edge', sourceId: 'main', targetId: 'response' },
    ],
  };
}

const loopOver = { inputField: 'rows', outputPath: 'rows', executionMode: 'loop' };

function scoringContent(mode: ZenMode): object {
  const expressions = [
    ...DIMENSIONS.map(dim => ({ id: dim.name, key: dim.name, value: dimensionExpression(dim) })),
    { id: 'composite', key: 'composite', value: compositeExpression() },
  ];
  return { expressions, passThrough: false, ...(mode === 'loop' ? loopOver : {}) };
}

/** The triggers as a decision table with the collect hit policy: one row per trigger, unary tests per column. */
export function triggerTable(mode: ZenMode): object {
  const columns = ['pct', 'prev_pct', 'composite', 'd3', 'dimC'];
  const inputs = columns.map(field => ({ id: field, name: field, field }));
  const row = (name: string, tests: Record<string, string>) =>
    Object.fromEntries([['_id', name], ['code', JSON.stringify(name)], ...columns.map(c => [c, tests[c] ?? ''])]);
  const rules = [
    row('X', { pct: `> ${TRIGGER.pct}`, prev_pct: `> ${TRIGGER.prevPct}` }),
    row('Y', { composite: `< ${TRIGGER.composite}` }),
    row('Z', { d3: `>= ${TRIGGER.d3}`, dimC: `< ${TRIGGER.dimC}` }),
  ];
  return {
    hitPolicy: 'collect', inputs, outputs: [{ id: 'code', name: 'code', field: 'code' }], rules,
    passThrough: false, ...(mode === 'loop' ? loopOver : {}),
  };
}

interface Prepared {
  readonly mode: ZenMode;
  readonly rows: WorkloadRow[];
  readonly team: Int32Array;
  readonly scoring: ZenDecision;
  readonly triggers: ZenDecision;
}

interface ScoreResult { dimA: number; dimB: number; dimC: number; composite: number }
type TriggerResult = { code: string }[];

function putScores(out: WorkloadOutputs, i: number, r: ScoreResult): void {
  out.dimA[i] = r.dimA;
  out.dimB[i] = r.dimB;
  out.dimC[i] = r.dimC;
  out.composite[i] = r.composite;
}

function putFlags(out: WorkloadOutputs, i: number, r: TriggerResult): void {
  let flags = 0;
  for (const hit of r) flags |= flagOf(hit.code);
  out.flags[i] = flags;
}

/** Calls `decision` over records [0, n): one evaluate per chunk (loop) or many evaluates in flight. */
async function sweep<R>(p: Prepared, decision: ZenDecision, n: number, input: (i: number) => object, put: (i: number, r: R) => void): Promise<void> {
  const step = p.mode === 'loop' ? LOOP_CHUNK : IN_FLIGHT;
  for (let s = 0; s < n; s += step) {
    const e = Math.min(n, s + step);
    if (p.mode === 'loop') {
      const batch: object[] = [];
      for (let i = s; i < e; i++) batch.push(input(i));
      const results = (await decision.evaluate({ rows: batch })).result.rows as R[];
      for (let i = s; i < e; i++) put(i, results[i - s]);
    } else {
      const pending: Promise<{ result: unknown }>[] = [];
      for (let i = s; i < e; i++) pending.push(decision.evaluate(input(i)));
      const results = await Promise.all(pending);
      for (let i = s; i < e; i++) put(i, results[i - s].result as R);
    }
  }
}

/** zen-engine in one calling mode; `loop` hands it 10,000 records per call and is its fastest here. */
export function zenEngine(mode: ZenMode = 'loop'): Approach<Prepared> {
  return {
    id: mode === 'loop' ? 'zen-engine' : `zen-engine-${mode}`,
    label: `@gorules/zen-engine 0.54.0 (expression node + decision table, ${mode === 'loop' ? `loop mode, ${LOOP_CHUNK} records per call` : `${IN_FLIGHT} calls in flight`}, rank in JS)`,
    prepare(data) {
      const engine = new zen.ZenEngine();
      return {
        mode, rows: toRows(data), team: data.team,
        scoring: engine.createDecision(graph('expressionNode', scoringContent(mode))),
        triggers: engine.createDecision(graph('decisionTableNode', triggerTable(mode))),
      };
    },
    async run(p, n, phase) {
      const out = makeOutputs(n);
      await phase('score', () => sweep<ScoreResult>(p, p.scoring, n, i => p.rows[i], (i, r) => putScores(out, i, r)));
      await phase('rank', () => rankPlain(p.team, TEAM_COUNT, out));
      await phase('trigger', () => sweep<TriggerResult>(p, p.triggers, n,
        i => ({ pct: out.pct[i], prev_pct: p.rows[i].prev_pct, composite: out.composite[i], d3: p.rows[i].d3, dimC: out.dimC[i] }),
        (i, r) => putFlags(out, i, r)));
      return () => out;
    },
  };
}
