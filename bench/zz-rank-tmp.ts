import { rankGroups } from '../engine/rank.ts';
import { groupIds } from '../engine/aggregate.ts';
const n = 1_000_000, T = 300;
let s = 12345; const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) / 4294967296);
const team = new Float64Array(n), comp = new Float64Array(n);
for (let i = 0; i < n; i++) { team[i] = Math.floor(rnd() * T); comp[i] = 50 + 40 * rnd(); }
const idOrder = Int32Array.from({ length: n }, (_, i) => i), idRank = idOrder.slice();
function hand() { // the reference approach: packed key per team
  const count = new Int32Array(T + 1); for (let i = 0; i < n; i++) count[team[i] + 1]++;
  for (let t = 0; t < T; t++) count[t + 1] += count[t];
  const start = count.slice(); const idx = new Int32Array(n); for (let i = 0; i < n; i++) idx[count[team[i]]++] = i;
  const key = new Float64Array(n), kw = new Uint32Array(key.buffer), rank = new Int32Array(n), pct = new Float64Array(n);
  for (let t = 0; t < T; t++) { const st = start[t], e = start[t + 1], size = e - st;
    for (let k = 0; k < size; k++) { key[st + k] = -comp[idx[st + k]]; kw[2 * (st + k)] = (kw[2 * (st + k)] & 0xfff00000) | k; }
    key.subarray(st, e).sort(); const order = new Int32Array(size);
    for (let k = 0; k < size; k++) order[k] = idx[st + (kw[2 * (st + k)] & 0xfffff)];
    for (let k = 1; k < size; k++) { const x = order[k], cx = comp[x]; let j = k - 1; while (j >= 0) { const y = order[j], cy = comp[y]; if (cy > cx || (cy === cx && y < x)) break; order[j + 1] = y; j--; } order[j + 1] = x; }
    for (let k = 0; k < size; k++) { const i = order[k]; rank[i] = k + 1; pct[i] = (k + 1) / size; } }
}
function mine() { const g = groupIds([team], n); rankGroups({ n, key: { values: comp, desc: true }, tiebreaks: [], group: g.gid, groupCount: g.count, include: null, idOrder, idRank }); }
function gid() { groupIds([team], n); }
for (let r = 0; r < 6; r++) {
  const t0 = performance.now(); hand(); const t1 = performance.now(); mine(); const t2 = performance.now(); gid(); const t3 = performance.now();
  console.log(`hand ${(t1 - t0).toFixed(0)} mine ${(t2 - t1).toFixed(0)} (groupIds ${(t3 - t2).toFixed(0)})`);
}
