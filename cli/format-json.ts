// The JSON form of a year's results: the shape other tools and the store read; stable key order.
import { compareIds, type EntityResult, type UnitResult, type Value, type YearResult } from '../engine/result.ts';

export interface Hashes {
  readonly rules: string;
  readonly data: string;
  readonly engine: string;
}

function cleanValue(v: Value): Value {
  // JSON has no NaN or Infinity; a value that is not a finite number is missing.
  return typeof v === 'number' && !Number.isFinite(v) ? null : v;
}

function body(r: EntityResult) {
  const values: Record<string, Value> = {};
  for (const [k, v] of Object.entries(r.values)) values[k] = cleanValue(v);
  return {
    name: r.name,
    values,
    dispositions: r.dispositions.map(d => ({ name: d.name, severity: d.severity, because: d.because })),
    decision: r.decision,
    candidates: [...r.candidates],
    flags: r.flags.map(f => ({ code: f.code, definition: f.definition, message: f.message })),
  };
}

/**
 * `{ruleset, year, hashes, results, units?}`: cadres in code-point order of id; `units` (by
 * kind, then id) only when the rules have unit kinds.
 */
export function toResultJson(result: YearResult, hashes: Hashes, hasUnits: boolean): object {
  const results = [...result.results].sort((a, b) => compareIds(a.id, b.id)).map(r => ({ cadre: r.id, ...body(r) }));
  const out: Record<string, unknown> = {
    ruleset: result.ruleset,
    year: result.year,
    hashes: { rules: hashes.rules, data: hashes.data, engine: hashes.engine },
    results,
  };
  if (hasUnits) {
    out.units = [...result.units]
      .sort((a: UnitResult, b: UnitResult) => compareIds(a.unitKind, b.unitKind) || compareIds(a.id, b.id))
      .map(u => ({ unit: u.id, unitKind: u.unitKind, ...body(u) }));
  }
  return out;
}

/** Two-space indented JSON with a final newline. */
export function formatResultJson(result: YearResult, hashes: Hashes, hasUnits: boolean): string {
  return JSON.stringify(toResultJson(result, hashes, hasUnits), null, 2) + '\n';
}
