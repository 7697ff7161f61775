// Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian, no time zone) and
// the period operations of the language: clip to a year, merge overlaps, days, longest run, overlap, on.

/** Day number of a civil date (Howard Hinnant's days_from_civil; exact for all years). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number. */
export function civilFromDays(z: number): { year: number; month: number; day: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days in month `m` (1–12) of year `y`, proleptic Gregorian. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** `2014-06-12` (also `2014/6/12`, `2014.6.12`) → day number; NaN when not a valid date. */
export function parseDate(text: string): number {
  const m = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.exec(text);
  if (!m) return NaN;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return NaN;
  return daysFromCivil(y, mo, d);
}

/** Day number → `YYYY-MM-DD`. */
export function formatDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Month 1–12 of a day number; missing stays missing. */
export function monthOf(days: number): number {
  return days === days ? civilFromDays(days).month : NaN;
}

/** Quarter 1–4 of a day number; missing stays missing. */
export function quarterOf(days: number): number {
  return days === days ? Math.floor((civilFromDays(days).month - 1) / 3) + 1 : NaN;
}

/** `"12-31"` in a year → day number; NaN when the text is not a day of that year (02-29 in 2014). */
export function dayOfYear(year: number, monthDay: string): number {
  const m = /^\s*(\d{1,2})-(\d{1,2})\s*$/.exec(monthDay);
  if (!m) return NaN;
  const mo = Number(m[1]), d = Number(m[2]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(year, mo)) return NaN;
  return daysFromCivil(year, mo, d);
}

export function yearStart(year: number): number {
  return daysFromCivil(year, 1, 1);
}

export function yearEnd(year: number): number {
  return daysFromCivil(year, 12, 31);
}

/**
 * Periods clipped to [lo, hi] (both inclusive) and merged: overlapping or touching periods
 * (one ends the day before the next starts) become one unbroken run. A missing end means
 * still ongoing; a period without a start, or ending before it starts, is left out.
 * Returns flat [start0, end0, start1, end1, …] in ascending order.
 */
export function clipMerge(from: readonly number[], to: readonly number[], lo: number, hi: number): number[] {
  const spans: [number, number][] = [];
  for (let k = 0; k < from.length; k++) {
    const f = from[k];
    if (f !== f) continue;
    const t = to[k] === to[k] ? to[k] : hi;
    const s = f < lo ? lo : f;
    const e = t > hi ? hi : t;
    if (e >= s) spans.push([s, e]);
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: number[] = [];
  for (const [s, e] of spans) {
    const n = out.length;
    if (n > 0 && s <= out[n - 1] + 1) {
      if (e > out[n - 1]) out[n - 1] = e;
    } else out.push(s, e);
  }
  return out;
}

/** Total days covered by merged runs. */
export function totalDays(runs: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < runs.length; k += 2) s += runs[k + 1] - runs[k] + 1;
  return s;
}

/** Length in days of the longest merged run (0 when none). */
export function longestRun(runs: readonly number[]): number {
  let m = 0;
  for (let k = 0; k < runs.length; k += 2) m = Math.max(m, runs[k + 1] - runs[k] + 1);
  return m;
}

/** Days covered by both sets of merged runs. */
export function overlapDays(a: readonly number[], b: readonly number[]): number {
  let i = 0, j = 0, s = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i], b[j]);
    const hi = Math.min(a[i + 1], b[j + 1]);
    if (hi >= lo) s += hi - lo + 1;
    if (a[i + 1] < b[j + 1]) i += 2;
    else j += 2;
  }
  return s;
}

/** Whether a day lies inside one of the merged runs (false for a missing day). */
export function covers(runs: readonly number[], day: number): boolean {
  for (let k = 0; k < runs.length; k += 2) if (runs[k] <= day && day <= runs[k + 1]) return true;
  return false;
}
