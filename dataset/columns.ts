// Builders for the columnar dataset: validated cell values → typed arrays, reordered at the end
// so that entities appear in id order whatever the order of the file's rows.
import type { Column } from '../engine/dataset.ts';
import type { ColumnSpec } from '../engine/schema.ts';
import { compareIds as byCodePoint } from '../engine/result.ts';
import { parseDate, toStoredNumber } from './cells.ts';

/** Collects one column's values by record index, then emits it in a given row order. */
export interface ColumnBuilder {
  set(row: number, value: unknown): void;
  /** `order[i]` is the record index that becomes row i. */
  finish(order: Int32Array): Column;
}

class NumberBuilder implements ColumnBuilder {
  private readonly values: Float64Array;
  constructor(size: number, private readonly spec: ColumnSpec, private readonly kind: 'number' | 'date') {
    this.values = new Float64Array(size).fill(NaN);
  }
  set(row: number, value: unknown): void {
    if (value === undefined) return;
    this.values[row] = this.kind === 'date' ? (typeof value === 'string' ? parseDate(value) ?? NaN : NaN) : toStoredNumber(value, this.spec);
  }
  finish(order: Int32Array): Column {
    const out = new Float64Array(order.length);
    for (let i = 0; i < order.length; i++) out[i] = this.values[order[i]];
    return this.kind === 'date' ? { kind: 'date', values: out } : { kind: 'number', values: out };
  }
}

/**
 * Codes into labels. With a fixed list (enum members, situations) a code is the member's
 * position, the same in every year; otherwise (groups, texts, unit links) the labels are the
 * distinct values in code-point order, so they do not depend on row order.
 */
class CodeBuilder implements ColumnBuilder {
  private readonly codes: Int32Array;
  private readonly index = new Map<string, number>();
  private readonly seen: string[] = [];
  constructor(size: number, private readonly fixed: readonly string[] | undefined) {
    this.codes = new Int32Array(size).fill(-1);
    if (fixed) fixed.forEach((m, i) => this.index.set(m, i));
  }
  set(row: number, value: unknown): void {
    if (typeof value !== 'string') return;
    let code = this.index.get(value);
    if (code === undefined) {
      if (this.fixed) return;
      code = this.seen.length;
      this.seen.push(value);
      this.index.set(value, code);
    }
    this.codes[row] = code;
  }
  finish(order: Int32Array): Column {
    const out = new Int32Array(order.length);
    if (this.fixed) {
      for (let i = 0; i < order.length; i++) out[i] = this.codes[order[i]];
      return { kind: 'code', values: out, labels: this.fixed };
    }
    const labels = [...this.seen].sort(byCodePoint);
    const remap = new Int32Array(this.seen.length);
    labels.forEach((label, i) => { remap[this.index.get(label)!] = i; });
    for (let i = 0; i < order.length; i++) {
      const c = this.codes[order[i]];
      out[i] = c < 0 ? -1 : remap[c];
    }
    return { kind: 'code', values: out, labels };
  }
}

/** The builder for a column of the given spec, or undefined when its type holds no data. */
export function columnBuilder(spec: ColumnSpec, size: number): ColumnBuilder | undefined {
  switch (spec.type.kind) {
    case 'points':
    case 'percent':
    case 'number':
    case 'count':
    case 'bool':
      return new NumberBuilder(size, spec, 'number');
    case 'date':
      return new NumberBuilder(size, spec, 'date');
    case 'enum':
      return new CodeBuilder(size, spec.members);
    case 'text':
    case 'group':
    case 'unitRef':
      return new CodeBuilder(size, spec.members);
    case 'rows':
    case 'error':
      return undefined;
  }
}

/** A column with every value missing, for a column an earlier year's file lacks. */
export function missingColumn(spec: ColumnSpec, size: number): Column | undefined {
  const b = columnBuilder(spec, size);
  if (!b) return undefined;
  const order = new Int32Array(size);
  for (let i = 0; i < size; i++) order[i] = i;
  return b.finish(order);
}
