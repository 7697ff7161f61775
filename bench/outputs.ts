// The result columns every approach of the reference workload fills, and their binary file form for cross-checking.
import fs from 'node:fs';

/** Scores, rank, position and trigger flags of every record (index = record). */
export interface WorkloadOutputs {
  readonly n: number;
  readonly dimA: Float64Array;
  readonly dimB: Float64Array;
  readonly dimC: Float64Array;
  readonly composite: Float64Array;
  /** rank / team size. */
  readonly pct: Float64Array;
  /** 1 = best in the team. */
  readonly rank: Int32Array;
  /** Bit 1 = X, bit 2 = Y, bit 4 = Z. */
  readonly flags: Uint8Array;
}

/** The floating-point outputs, compared within a tolerance. */
export const SCORE_COLUMNS = ['dimA', 'dimB', 'dimC', 'composite', 'pct'] as const;

export function makeOutputs(n: number): WorkloadOutputs {
  return {
    n,
    dimA: new Float64Array(n),
    dimB: new Float64Array(n),
    dimC: new Float64Array(n),
    composite: new Float64Array(n),
    pct: new Float64Array(n),
    rank: new Int32Array(n),
    flags: new Uint8Array(n),
  };
}

/** Flag bits of trigger names (X, Y, Z). */
export function flagOf(name: string): number {
  switch (name) {
    case 'X': return 1;
    case 'Y': return 2;
    case 'Z': return 4;
    default: throw new Error(`not a workload trigger: ${name}`);
  }
}

function parts(o: WorkloadOutputs): ArrayBufferView[] {
  return [...SCORE_COLUMNS.map(k => o[k]), o.rank, o.flags];
}

/** Writes the outputs as raw little-endian columns (the child process hands them to the verifier this way). */
export function writeOutputs(file: string, o: WorkloadOutputs): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (const p of parts(o)) fs.writeSync(fd, new Uint8Array(p.buffer, p.byteOffset, p.byteLength));
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads outputs written by writeOutputs for N records; throws when the size does not match. */
export function readOutputs(file: string, n: number): WorkloadOutputs {
  const o = makeOutputs(n);
  const fd = fs.openSync(file, 'r');
  try {
    let position = 0;
    for (const p of parts(o)) {
      const view = new Uint8Array(p.buffer, p.byteOffset, p.byteLength);
      const got = fs.readSync(fd, view, 0, view.byteLength, position);
      if (got !== view.byteLength) throw new Error(`${file}: truncated output file`);
      position += got;
    }
    if (fs.fstatSync(fd).size !== position) throw new Error(`${file}: size does not match N=${n}`);
  } finally {
    fs.closeSync(fd);
  }
  return o;
}
