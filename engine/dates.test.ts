// Calendar arithmetic and period operations, checked against hand-counted days.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  civilFromDays, clipMerge, covers, dayOfYear, daysFromCivil, formatDate, longestRun, monthOf,
  overlapDays, parseDate, quarterOf, totalDays, yearEnd, yearStart,
} from './dates.ts';

describe('civil dates', () => {
  it('match the epoch and known days', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(parseDate('2014-06-12')).toBe(16233);
    expect(formatDate(16233)).toBe('2014-06-12');
    expect(parseDate('2014-02-29')).toBeNaN();
    expect(parseDate('2016-02-29')).toBe(daysFromCivil(2016, 2, 29));
    expect(parseDate('2014/6/1')).toBe(daysFromCivil(2014, 6, 1));
    expect(parseDate('nope')).toBeNaN();
  });
  it('round-trip', () => {
    fc.assert(fc.property(fc.integer({ min: -200000, max: 200000 }), z => {
      const { year, month, day } = civilFromDays(z);
      expect(daysFromCivil(year, month, day)).toBe(z);
    }));
  });
  it('give months and quarters', () => {
    expect(monthOf(parseDate('2014-06-30'))).toBe(6);
    expect(quarterOf(parseDate('2014-06-30'))).toBe(2);
    expect(quarterOf(parseDate('2014-07-01'))).toBe(3);
    expect(monthOf(NaN)).toBeNaN();
    expect(dayOfYear(2014, '12-31')).toBe(yearEnd(2014));
    expect(dayOfYear(2014, '02-29')).toBeNaN();
    expect(yearEnd(2014) - yearStart(2014) + 1).toBe(365);
  });
});

describe('periods', () => {
  const d = parseDate;
  const lo = yearStart(2014), hi = yearEnd(2014);
  it('clip to the year and merge overlaps and touching runs', () => {
    const runs = clipMerge(
      [d('2013-11-01'), d('2014-03-01'), d('2014-03-11'), d('2014-10-01')],
      [d('2014-01-31'), d('2014-03-10'), d('2014-03-20'), NaN],
      lo, hi,
    );
    expect(runs).toEqual([lo, d('2014-01-31'), d('2014-03-01'), d('2014-03-20'), d('2014-10-01'), hi]);
    expect(totalDays(runs)).toBe(31 + 20 + 92);
    expect(longestRun(runs)).toBe(92);
    expect(covers(runs, d('2014-12-31'))).toBe(true);
    expect(covers(runs, d('2014-06-30'))).toBe(false);
  });
  it('count the overlap of two sets of periods', () => {
    const a = clipMerge([d('2014-01-01')], [d('2014-06-30')], lo, hi);
    const b = clipMerge([d('2014-04-01'), d('2014-06-01')], [d('2014-04-30'), d('2014-12-31')], lo, hi);
    expect(overlapDays(a, b)).toBe(30 + 30);
    expect(overlapDays(a, [])).toBe(0);
  });
  it('leave out periods without a start or ending before they start', () => {
    expect(clipMerge([NaN, d('2014-05-02')], [d('2014-05-01'), d('2014-05-01')], lo, hi)).toEqual([]);
  });
});
