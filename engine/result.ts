// The outcome of evaluating one year: per cadre (and per unit) values, dispositions and decision.
// This is the presentation form the CLI, the store and the editor share; the evaluator also
// offers its columnar form for bulk work.

/** A value as presented: numbers (percent as a fraction), enum members and grades as their names, bools, or missing. */
export type Value = number | string | boolean | null;

export interface FiredDisposition {
  readonly name: string;
  readonly severity: number;
  readonly because: string | null;
}

/** Something a person must look at: e.g. a quota or bottom-N boundary that fell inside a tie. */
export interface ResultFlag {
  readonly code: string;
  /** The definition it concerns (a grade or rank). */
  readonly definition: string;
  readonly message: string;
}

export interface EntityResult {
  readonly id: string;
  readonly name: string;
  /** Every input and computed value by name, in the rule set's declaration order. */
  readonly values: Readonly<Record<string, Value>>;
  /** Every disposition that fired, decision order (severity desc, priority desc). */
  readonly dispositions: readonly FiredDisposition[];
  /** The deciding disposition, or null when none fired or the decider proposes candidates. */
  readonly decision: string | null;
  /** When the decider proposes a set to confirm: its candidates; otherwise empty. */
  readonly candidates: readonly string[];
  readonly flags: readonly ResultFlag[];
}

export interface UnitResult extends EntityResult {
  readonly unitKind: string;
}

export interface YearResult {
  readonly ruleset: string;
  readonly year: number;
  /** Cadres in code-point order of id. */
  readonly results: readonly EntityResult[];
  /** Units (all kinds) in code-point order of kind, then id. */
  readonly units: readonly UnitResult[];
}

/** Code-point order: never locale collation, so results are the same on every machine. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
