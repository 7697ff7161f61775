// Signatures of the built-in functions: arity, which aggregate forms they take, and a usage line for messages.
import { BUILTINS, type BuiltinName } from '../grammar/vocabulary.ts';

/** How an aggregate may be applied. */
export type AggregateForm =
  /** Over rows: `sum(效情形.分值 where …)`. */
  | 'rows'
  /** Over the members of a group: `max(年度得分 within 类别)`. */
  | 'group'
  /** Over its arguments: `min(a, b)`. */
  | 'values';

export interface Signature {
  /** Canonical id (the English form). */
  readonly id: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  /** Aggregate forms accepted; empty for plain functions. */
  readonly forms: readonly AggregateForm[];
  /** Whether a `where` may follow the (first) argument. */
  readonly where: boolean;
  /** Usage shown in messages. */
  readonly usage: string;
}

function sig(id: string, minArgs: number, maxArgs: number, forms: readonly AggregateForm[], where: boolean, usage: string): Signature {
  return { id, minArgs, maxArgs, forms, where, usage };
}

const MANY = Number.MAX_SAFE_INTEGER;

/** Signatures by canonical id. */
export const SIGNATURES: ReadonlyMap<string, Signature> = new Map([
  sig('abs', 1, 1, [], false, 'abs(x)'),
  sig('clamp', 3, 3, [], false, 'clamp(x, lo, hi)'),
  sig('floor', 1, 1, [], false, 'floor(x)'),
  sig('ceil', 1, 1, [], false, 'ceil(x)'),
  sig('has', 1, 1, [], false, 'has(x)'),
  sig('month', 1, 1, [], false, 'month(date)'),
  sig('quarter', 1, 1, [], false, 'quarter(date)'),
  sig('sum', 0, MANY, ['rows', 'group', 'values'], true, 'sum(rows.field where …) | sum(x within G) | sum(a, b, …)'),
  sig('count', 0, 1, ['rows', 'group'], true, 'count(rows where …) | count(within G where …)'),
  sig('mean', 0, MANY, ['rows', 'group', 'values'], true, 'mean(rows.field where …) | mean(x within G) | mean(a, b, …)'),
  sig('min', 0, MANY, ['rows', 'group', 'values'], true, 'min(rows.field) | min(x within G) | min(a, b, …)'),
  sig('max', 0, MANY, ['rows', 'group', 'values'], true, 'max(rows.field) | max(x within G) | max(a, b, …)'),
  sig('share', 0, 1, ['rows', 'group'], true, 'share(rows where …) | share(within G where …)'),
  sig('days', 1, 1, ['rows'], true, 'days(periods where …)'),
  sig('longest', 1, 1, ['rows'], true, 'longest(periods where …)'),
  sig('overlap', 2, 2, ['rows'], true, 'overlap(periods where …, periods where …)'),
  sig('on', 2, 2, ['rows'], true, 'on(periods where …, "MM-DD")'),
  sig('bottom', 2, 2, [], false, 'bottom(rank, 30% | 3)'),
  sig('top', 2, 2, [], false, 'top(rank, 10% | 3)'),
  sig('last', 1, 1, [], false, 'last(rank)'),
  sig('first', 1, 1, [], false, 'first(rank)'),
  sig('size', 1, 1, [], false, 'size(rank)'),
  sig('streak', 1, 1, [], false, 'streak(condition)'),
  sig('years', 2, 2, [], false, 'years(condition, -4..0)'),
].map(s => [s.id, s]));

const FUNCTION_FORMS = new Map<string, BuiltinName>();
for (const b of BUILTINS) {
  if (b.builtin !== 'function') continue;
  FUNCTION_FORMS.set(b.en, b);
  for (const z of b.zh) FUNCTION_FORMS.set(z, b);
}

/** The built-in function a written name stands for (either language). */
export function builtinFunction(name: string): Signature | undefined {
  const b = FUNCTION_FORMS.get(name);
  return b ? SIGNATURES.get(b.id) : undefined;
}

/** Every written form of every built-in function, for "did you mean". */
export function builtinFunctionNames(): readonly string[] {
  return [...FUNCTION_FORMS.keys()];
}

/** Written forms of the built-in value `决定`/`decision`. */
export const DECISION_FORMS: readonly string[] = BUILTINS.filter(b => b.builtin === 'value' && b.id === 'decision')
  .flatMap(b => [b.en, ...b.zh]);

/** Implicit row fields: written form → canonical (Chinese) field name. */
export const IMPLICIT_FIELD_FORMS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const b of BUILTINS) {
    if (b.builtin !== 'field') continue;
    m.set(b.zh[0], b.zh[0]);
    m.set(b.en, b.zh[0]);
    for (const z of b.zh) m.set(z, b.zh[0]);
  }
  return m;
})();
