import { readFileSync } from 'node:fs';
import { analyze } from '../engine/pipeline.ts';
import { compile } from '../engine/compile.ts';
import { evaluate } from '../engine/evaluate.ts';
import { toDataset } from './workload/dataset.ts';
import * as spec from './workload/spec.ts';
import { handColumnar } from './peers/hand-columnar.ts';
import { untimed } from './harness.ts';
import { profile } from './kaoping-phases.ts';
const n = Number(process.argv[2] ?? 1000000);
const a = analyze(readFileSync('bench/workload/workload.kp', 'utf8'), { path: 'w.kp' });
const c = compile(a.model);
const data = spec.generateWorkload(n);
const ds = toDataset(data);
const hp = await handColumnar.prepare(data as any);
for (let r = 0; r < 6; r++) {
  (globalThis as any).gc?.();
  const t0 = performance.now(); const col = await handColumnar.run(hp, n, untimed); col(); const t1 = performance.now();
  (globalThis as any).gc?.();
  const t2 = performance.now(); evaluate(c, ds, 2015); const t3 = performance.now();
  console.log(`hand ${(t1 - t0).toFixed(0)} kaoping ${(t3 - t2).toFixed(0)}`);
}
console.log(profile(c, ds, 2015).map(p => `${p.ms.toFixed(1)} ${p.part}`).join('\n'));
console.log('maxRSS', (process.resourceUsage().maxRSS / 1024).toFixed(0));
