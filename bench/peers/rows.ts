// Row objects for the peers that take one JSON-like object per record (json-rules-engine, zen-engine).
import { NUMBER_INPUTS, type WorkloadColumns } from '../workload/spec.ts';

/** One record as a plain object: id, category and team codes, and every numeric input by name. */
export type WorkloadRow = Record<string, number>;

/**
 * Builds one object per record from the columns. This is the peers' load step (a database
 * driver or JSON.parse would hand them such objects), so the benchmark does not time it.
 * Every object gets its properties in the same order, hence the same hidden class.
 */
export function toRows(data: WorkloadColumns): WorkloadRow[] {
  const columns = NUMBER_INPUTS.map(name => data.numbers[name]);
  const rows = new Array<WorkloadRow>(data.n);
  for (let i = 0; i < data.n; i++) {
    const row: WorkloadRow = { id: i, category: data.category[i], team: data.team[i] };
    for (let k = 0; k < columns.length; k++) row[NUMBER_INPUTS[k]] = columns[k][i];
    rows[i] = row;
  }
  return rows;
}
