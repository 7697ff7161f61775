// Row objects for the peers that take one JSON-like object per record (json-rules-engine, zen-engine).
import { NUMBER_INPUTS, type WorkloadColumns } from '../workload/spec.ts';

/** One record as a plain object: id, category and team codes, and every numeric input by name. */
export type WorkloadRow = Record<string, number>;

/** Records per JSON text parsed at once. */
const CHUNK = 1_000;

/**
 * Builds one object per record from the columns, through JSON.parse: the peers' load step
 * (a service receiving JSON or a database driver hands them such objects), so it is not timed.
 * JSON.parse gives compact fast-property objects (about 1 KB per record here); objects grown
 * by 44 keyed stores fall into dictionary mode at about 3.8 KB each, which would bill the
 * peers for memory and speed their real callers do not pay. Doubles survive the JSON round
 * trip exactly (shortest round-trip form).
 */
export function toRows(data: WorkloadColumns): WorkloadRow[] {
  const columns = NUMBER_INPUTS.map(name => data.numbers[name]);
  const keys = NUMBER_INPUTS.map(name => `,${JSON.stringify(name)}:`);
  const rows: WorkloadRow[] = [];
  for (let s = 0; s < data.n; s += CHUNK) {
    const parts: string[] = [];
    for (let i = s; i < Math.min(data.n, s + CHUNK); i++) {
      let text = `{"id":${i},"category":${data.category[i]},"team":${data.team[i]}`;
      for (let k = 0; k < columns.length; k++) text += keys[k] + JSON.stringify(columns[k][i]);
      parts.push(text + '}');
    }
    for (const row of JSON.parse(`[${parts.join(',')}]`) as WorkloadRow[]) rows.push(row);
  }
  return rows;
}
