// Cell normalisation and calendar dates.
import { daysFromCivil } from '../engine/dates.ts';
import { describe, expect, it } from 'vitest';
import { normaliseCell, parseDate, yearOfDay, toStoredNumber } from './cells.ts';
import type { ColumnSpec } from '../engine/schema.ts';

const col = (kind: 'points' | 'percent' | 'bool' | 'count' | 'text'): ColumnSpec => ({ name: 'x', type: { kind }, optional: false });

describe('normaliseCell', () => {
  it('reads numbers, percent points with or without the sign, and full-width digits', () => {
    expect(normaliseCell(' 61.5 ', col('points'))).toBe(61.5);
    expect(normaliseCell('95%', col('percent'))).toBe(95);
    expect(normaliseCell('９５％', col('percent'))).toBe(95);
    expect(normaliseCell('-3', col('points'))).toBe(-3);
    expect(normaliseCell('1e2', col('points'))).toBe(100);
  });

  it('passes unreadable cells on unchanged so the schema reports them', () => {
    expect(normaliseCell('八十', col('points'))).toBe('八十');
    expect(normaliseCell('95%', col('points'))).toBe('95%');
    expect(normaliseCell('1,5', col('points'))).toBe('1,5');
    expect(normaliseCell('也许', col('bool'))).toBe('也许');
  });

  it('reads the documented spellings of yes and no', () => {
    for (const y of ['是', 'true', 'TRUE', '1']) expect(normaliseCell(y, col('bool'))).toBe(true);
    for (const n of ['否', 'false', 'False', '0']) expect(normaliseCell(n, col('bool'))).toBe(false);
  });

  it('treats an empty or blank cell as missing', () => {
    expect(normaliseCell('', col('points'))).toBeUndefined();
    expect(normaliseCell('  ', col('text'))).toBeUndefined();
  });

  it('stores percent as a fraction and bools as 0/1', () => {
    expect(toStoredNumber(95, col('percent'))).toBe(0.95);
    expect(toStoredNumber(true, col('bool'))).toBe(1);
    expect(toStoredNumber(7, col('count'))).toBe(7);
  });
});

describe('parseDate', () => {
  it('accepts real calendar dates only', () => {
    expect(parseDate('1970-01-01')).toBe(0);
    expect(parseDate('2016-02-29')).toBe(Date.UTC(2016, 1, 29) / 86_400_000);
    expect(parseDate('0050-01-01')).toBe(daysFromCivil(50, 1, 1));
    expect(parseDate('0050-01-01')).not.toBe(parseDate('1950-01-01'));
    expect(parseDate('2014-02-29')).toBeUndefined();
    expect(parseDate('1900-02-29')).toBeUndefined();
    expect(parseDate('2000-02-29')).toBeDefined();
    expect(parseDate('2014-04-31')).toBeUndefined();
    expect(parseDate('2014-13-01')).toBeUndefined();
    expect(parseDate('2014-6-1')).toBeUndefined();
    expect(parseDate('2014/06/01')).toBeUndefined();
  });

  it('gives the calendar year of a day', () => {
    expect(yearOfDay(parseDate('2014-12-31')!)).toBe(2014);
    expect(yearOfDay(parseDate('2015-01-01')!)).toBe(2015);
  });
});
