// Turns a CSV cell into the value the row schema validates: numbers, bools and trimmed text.
// A cell that cannot be read as its type is passed on unchanged so ajv reports it.
import type { ColumnSpec } from '../engine/schema.ts';
import { daysFromCivil, daysInMonth } from '../engine/dates.ts';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

const BOOLS: ReadonlyMap<string, boolean> = new Map([
  ['是', true], ['否', false], ['true', true], ['false', false], ['1', true], ['0', false],
]);

/**
 * The normalised value of a cell, or undefined for an empty cell (missing). Full-width digits
 * and `％` typed by a Chinese input method are read as their ASCII twins.
 */
export function normaliseCell(raw: string, column: ColumnSpec): unknown {
  const s = raw.trim();
  if (s === '') return undefined;
  switch (column.type.kind) {
    case 'points':
    case 'percent':
    case 'number':
    case 'count': {
      let n = s.normalize('NFKC');
      // Percent inputs are written in percent points, with or without the sign.
      if (column.type.kind === 'percent' && n.endsWith('%')) n = n.slice(0, -1).trim();
      return NUMBER.test(n) ? Number(n) : s;
    }
    case 'bool': {
      const b = BOOLS.get(s.toLowerCase());
      return b === undefined ? s : b;
    }
    default:
      return s;
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` calendar date, or undefined when it is not a real date. */
export function parseDate(s: string): number | undefined {
  const m = DATE.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  // Not Date.UTC: it reads years 0–99 as 1900–1999, while the rules' own date arithmetic does not.
  return daysFromCivil(y, mo, d);
}

/** The calendar year of a day number. */
export function yearOfDay(day: number): number {
  return new Date(day * 86_400_000).getUTCFullYear();
}

/** The number a validated cell is stored as in a numeric column (percent as a fraction, bool as 0/1). */
export function toStoredNumber(value: unknown, column: ColumnSpec): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'number') return NaN;
  return column.type.kind === 'percent' ? value / 100 : value;
}
