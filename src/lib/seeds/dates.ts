/**
 * Publication dates as precise as their source: `2013`, `2013-12` or `2013-12-19` (ISO 8601
 * prefixes, so they sort and compare as strings).
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A valid partial date from numbers, or null (month 13, 31 February, year 0…). */
export function partialDate(year: number, month?: number | null, day?: number | null): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  if (month == null || Number.isNaN(month)) return String(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  const ym = `${year}-${String(month).padStart(2, '0')}`;
  if (day == null || Number.isNaN(day)) return ym;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (!Number.isInteger(day) || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return `${ym}-${String(day).padStart(2, '0')}`;
}

/** `2013`, `2013-12`, `2013-12-19`, `2013-12-19T16:00:08Z`, `2013/12/19` → the partial date; null otherwise. */
export function normaliseDate(raw: string | null | undefined): string | null {
  const match = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(raw?.trim() ?? '');
  if (!match) return null;
  return partialDate(Number(match[1]), match[2] ? Number(match[2]) : null, match[3] ? Number(match[3]) : null);
}

/** The year of a partial date. */
export const yearOf = (date: string) => date.slice(0, 4);

/**
 * The earlier of two partial dates; when one only makes the other more precise
 * (`2013` and `2013-12-19`), the precise one.
 */
export function earlierDate(a: string, b: string): string {
  const common = Math.min(a.length, b.length);
  const [ha, hb] = [a.slice(0, common), b.slice(0, common)];
  if (ha === hb) return a.length >= b.length ? a : b;
  return ha < hb ? a : b;
}

/** `19 Dec 2013`, `Dec 2013` or `2013`, for readers. */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  if (!month) return year;
  const name = MONTHS[Number(month) - 1];
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}
