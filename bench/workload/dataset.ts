// The workload's columns as a Kaoping Dataset (one year, cadres only), sharing the typed arrays instead of copying them.
import type { Column, Dataset } from '../../engine/dataset.ts';
import { CLASSES, NUMBER_INPUTS, recordId, TEAM_COUNT, teamLabel, WORKLOAD_YEAR, type WorkloadColumns } from './spec.ts';

/** Wraps the columns: category and team as code columns, every numeric input as a number column. */
export function toDataset(data: WorkloadColumns): Dataset {
  const ids = Array.from({ length: data.n }, (_, i) => recordId(i));
  const columns = new Map<string, Column>([
    ['category', { kind: 'code', values: data.category, labels: CLASSES }],
    ['team', { kind: 'code', values: data.team, labels: Array.from({ length: TEAM_COUNT }, (_, t) => teamLabel(t)) }],
  ]);
  for (const name of NUMBER_INPUTS) columns.set(name, { kind: 'number', values: data.numbers[name] });
  return {
    name: `reference workload, N=${data.n}`,
    years: [{ year: WORKLOAD_YEAR, cadres: { ids, names: ids, columns }, units: new Map(), rows: new Map() }],
  };
}
