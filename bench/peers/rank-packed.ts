// Exact team ranking with a comparator-less native sort: each member's key is -score with its place in the team in the low mantissa bits.
import type { WorkloadOutputs } from '../outputs.ts';

/** Members of each team, in index order: team t is members[start[t] .. start[t + 1]). */
export interface TeamIndex {
  readonly members: Int32Array;
  readonly start: Int32Array;
}

/** Buckets record indices by team with a counting sort (stable, so id order inside a team). */
export function indexTeams(team: Int32Array, teamCount: number): TeamIndex {
  const start = new Int32Array(teamCount + 1);
  for (let i = 0; i < team.length; i++) start[team[i] + 1]++;
  for (let t = 0; t < teamCount; t++) start[t + 1] += start[t];
  const fill = start.slice(0, teamCount);
  const members = new Int32Array(team.length);
  for (let i = 0; i < team.length; i++) members[fill[team[i]]++] = i;
  return { members, start };
}

/**
 * Writes rank (composite desc, then index asc) and pct = rank / size into `out`.
 *
 * Float64Array#sort without a comparator runs natively and is several times faster than a
 * comparator sort. The score alone cannot carry the member, so the low `bits` mantissa bits
 * of -composite (as many as the team size needs) are replaced by the member's place,
 * counted down so that equal scores come out in index order. Overwriting those bits can
 * swap two scores closer than 2^-(52-bits) relative; one insertion pass with the exact
 * comparator repairs them (linear when, as here, almost nothing is out of place).
 * Scores must be finite and non-negative (the workload's composite is).
 */
export function rankPacked(composite: Float64Array, teams: TeamIndex, out: WorkloadOutputs): void {
  const { members, start } = teams;
  const largest = maxTeamSize(start);
  const keys = new Float64Array(largest);
  const words = new Uint32Array(keys.buffer);
  const order = new Int32Array(largest);
  const teamCount = start.length - 1;
  for (let t = 0; t < teamCount; t++) {
    const s = start[t], size = start[t + 1] - s;
    if (size === 0) continue;
    const bits = Math.max(1, 32 - Math.clz32(size - 1));
    const mask = (1 << bits) - 1;
    for (let k = 0; k < size; k++) {
      keys[k] = -composite[members[s + k]];
      // little-endian: words[2k] is the low half of the mantissa
      words[2 * k] = (words[2 * k] & ~mask) | (mask - k);
    }
    const view = keys.subarray(0, size);
    view.sort();
    for (let k = 0; k < size; k++) order[k] = members[s + mask - (words[2 * k] & mask)];
    repair(order, size, composite);
    for (let k = 0; k < size; k++) {
      const i = order[k];
      out.rank[i] = k + 1;
      out.pct[i] = (k + 1) / size;
    }
  }
}

function maxTeamSize(start: Int32Array): number {
  let m = 0;
  for (let t = 0; t + 1 < start.length; t++) m = Math.max(m, start[t + 1] - start[t]);
  return m;
}

/** Insertion sort by (composite desc, index asc) over an almost sorted order. */
function repair(order: Int32Array, size: number, composite: Float64Array): void {
  for (let k = 1; k < size; k++) {
    const x = order[k], cx = composite[x];
    let j = k - 1;
    while (j >= 0) {
      const y = order[j], cy = composite[y];
      if (cy > cx || (cy === cx && y < x)) break;
      order[j + 1] = y;
      j--;
    }
    order[j + 1] = x;
  }
}
