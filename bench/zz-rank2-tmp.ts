import { readFileSync } from 'node:fs';
import { analyze } from '../engine/pipeline.ts';
import { compile } from '../engine/compile.ts';
import { Session, YearContext } from '../engine/evaluate.ts';
import { toDataset } from './workload/dataset.ts';
import * as spec from './workload/spec.ts';
import * as rp from './peers/rank-packed.ts';
import { makeOutputs } from './outputs.ts';
import { scoreColumns } from './peers/hand-columnar.ts';
const n = 1000000;
const a = analyze(readFileSync('bench/workload/workload.kp', 'utf8'), { path: 'w.kp' });
const c = compile(a.model);
const data = spec.generateWorkload(n);
const ds = toDataset(data);
const s = new Session(c, ds);
const ctx = new YearContext(s, 2015, ds.years[0], 'current');
ctx.run([c.current[0]]);
const out = makeOutputs(n); scoreColumns(data, out);
for (let r = 0; r < 8; r++) {
  const t0 = performance.now(); ctx.run([c.current[1]]); const t1 = performance.now();
  const ix = rp.indexTeams(data.team, spec.TEAM_COUNT); rp.rankPacked(out.composite, ix, out); const t2 = performance.now();
  const t3 = performance.now(); ctx.run([c.current[0]]); const t4 = performance.now(); scoreColumns(data, out); const t5 = performance.now();
  console.log(`rank mine ${(t1 - t0).toFixed(0)} hand ${(t2 - t1).toFixed(0)} | score mine ${(t4 - t3).toFixed(0)} hand ${(t5 - t4).toFixed(0)}`);
}
