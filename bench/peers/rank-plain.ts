// Team ranking in plain JavaScript for the rule-engine peers: neither engine can sort a peer group, so their users would write this.
import type { WorkloadOutputs } from '../outputs.ts';
import { indexTeams } from './rank-packed.ts';

/** Writes rank (composite desc, then index asc) and pct = rank / size, with a comparator sort per team. */
export function rankPlain(team: Int32Array, teamCount: number, out: WorkloadOutputs): void {
  const { members, start } = indexTeams(team, teamCount);
  const composite = out.composite;
  const byScore = (x: number, y: number): number => composite[y] - composite[x] || x - y;
  for (let t = 0; t < teamCount; t++) {
    const s = start[t], size = start[t + 1] - s;
    const sorted = members.subarray(s, s + size).sort(byScore);
    for (let k = 0; k < size; k++) {
      out.rank[sorted[k]] = k + 1;
      out.pct[sorted[k]] = (k + 1) / size;
    }
  }
}
