// The in-memory, columnar dataset the evaluator reads: one typed array per input, per year.
// Loaders (CSV folders, the store, benchmarks) build it; the evaluator never sees files.

/**
 * One column of values. Numbers (points, percent as a fraction, number, count, bool as 0/1)
 * are Float64Array with NaN for missing. Enum members, groups, unit links and texts are
 * integer codes into `labels` with -1 for missing. Dates are days since 1970-01-01 (UTC
 * calendar arithmetic), NaN for missing.
 */
export type Column =
  | { readonly kind: 'number'; readonly values: Float64Array }
  | { readonly kind: 'code'; readonly values: Int32Array; readonly labels: readonly string[] }
  | { readonly kind: 'date'; readonly values: Float64Array };

/** A table of entities (the cadres, or the units of one kind) in one year. */
export interface EntityTable {
  /** Stable ids; cadres and units are matched across years by id. */
  readonly ids: readonly string[];
  readonly names: readonly string[];
  /** Input columns by input name (as declared in the rules). */
  readonly columns: ReadonlyMap<string, Column>;
  /** For explanations: where each entity's input cells came from (file and 1-based line), when known. */
  readonly origin?: { readonly file: string; readonly lines: Int32Array };
}

/** The rows of one records/events/periods table in one year. */
export interface RowTable {
  /** For each row, the index of its owner in the cadre (or unit) table of the same year. */
  readonly owner: Int32Array;
  /** Field columns by field name (implicit fields under their canonical Chinese names 日期, 情形, 分值, 起, 止). */
  readonly columns: ReadonlyMap<string, Column>;
  /** For explanations: where each row came from (file and 1-based line), when known. */
  readonly origin?: { readonly file: string; readonly lines: Int32Array };
}

export interface YearData {
  readonly year: number;
  readonly cadres: EntityTable;
  /** Unit tables by unit kind. */
  readonly units: ReadonlyMap<string, EntityTable>;
  /** Row tables by table name (cadre-level and unit-level tables share one namespace). */
  readonly rows: ReadonlyMap<string, RowTable>;
}

export interface Dataset {
  readonly name: string;
  /** Years in ascending order. */
  readonly years: readonly YearData[];
}

export function yearOf(dataset: Dataset, year: number): YearData | undefined {
  return dataset.years.find(y => y.year === year);
}
