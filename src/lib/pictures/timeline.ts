/**
 * Papers over time: each paper's date, one time axis for the whole list (so every topic's chart
 * has the same scale and two topics can be compared), and per-bin counts.
 *
 * A paper's date is its publication date where a source gives one (`paper.date`, ISO), else the
 * day it was listed (from `addedDates`: seed day lines, or the seed order). The axis runs from
 * the list's first date to its last in days, weeks (from Monday), months or years, whichever
 * gives a readable number of bars for that span.
 */
import { compareStrings } from '../compare.ts';

/** The least a paper needs to be dated; `date` is optional until every source provides the field. */
export interface DatedPaper {
  id: string;
  date?: string | null;
}

const ISO_DAY = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** `2024-07-31`, `2024-07-31T…`, `2024-07` or `2024` as a day (`YYYY-MM-DD`), or null. */
function isoDay(value: string | null | undefined): string | null {
  const match = value ? ISO_DAY.exec(value.trim()) : null;
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2] ?? 1), Number(match[3] ?? 1)];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return check.toISOString().slice(0, 10);
}

/** The day a paper counts for in the charts: its publication date when known, else the day it was listed. */
export function paperDate(paper: DatedPaper, listed: ReadonlyMap<string, string>): string | null {
  return isoDay(paper.date) ?? isoDay(listed.get(paper.id));
}

export type Granularity = 'day' | 'week' | 'month' | 'year';

export interface TimeBin {
  /** First day of the bin, `YYYY-MM-DD`. */
  start: string;
  /** How a reader names it: `Jul 31, 2024`, `week of Jul 29, 2024`, `Jul 2024`, `2024`. */
  label: string;
}

export interface TimeAxis {
  granularity: Granularity;
  bins: TimeBin[];
}

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Longest span (in days) drawn per day, then per week, then per month; longer spans per year. */
const SPAN_LIMITS: [Granularity, number][] = [
  ['day', 31],
  ['week', 26 * 7],
  ['month', 10 * 366],
];

const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`);
const toDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The first day of the bin holding `day`. */
export function binStart(day: string, granularity: Granularity): string {
  switch (granularity) {
    case 'day':
      return day;
    case 'week': {
      const time = toTime(day);
      return toDay(time - ((new Date(time).getUTCDay() + 6) % 7) * DAY_MS);
    }
    case 'month':
      return `${day.slice(0, 7)}-01`;
    case 'year':
      return `${day.slice(0, 4)}-01-01`;
  }
}

function nextBin(start: string, granularity: Granularity): string {
  const date = new Date(toTime(start));
  if (granularity === 'day') date.setUTCDate(date.getUTCDate() + 1);
  else if (granularity === 'week') date.setUTCDate(date.getUTCDate() + 7);
  else if (granularity === 'month') date.setUTCMonth(date.getUTCMonth() + 1);
  else date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.toISOString().slice(0, 10);
}

function binLabel(start: string, granularity: Granularity): string {
  const [year, month, day] = start.split('-').map(Number) as [number, number, number];
  const dayName = `${MONTHS[month - 1]} ${day}, ${year}`;
  if (granularity === 'day') return dayName;
  if (granularity === 'week') return `week of ${dayName}`;
  if (granularity === 'month') return `${MONTHS[month - 1]} ${year}`;
  return String(year);
}

/** The axis for a list whose papers have these dates (`YYYY-MM-DD`); null when none has a date. */
export function timeAxis(days: readonly (string | null)[]): TimeAxis | null {
  const known = days.filter((day): day is string => day !== null).sort(compareStrings);
  if (known.length === 0) return null;
  const [first, last] = [known[0]!, known.at(-1)!];
  const span = (toTime(last) - toTime(first)) / DAY_MS;
  const granularity = SPAN_LIMITS.find(([, limit]) => span <= limit)?.[0] ?? 'year';
  const bins: TimeBin[] = [];
  for (let start = binStart(first, granularity); start <= last; start = nextBin(start, granularity)) {
    bins.push({ start, label: binLabel(start, granularity) });
  }
  return { granularity, bins };
}

/** How many of these days fall in each bin of the axis (days outside it are not counted). */
export function binCounts(axis: TimeAxis, days: readonly (string | null)[]): number[] {
  const index = new Map(axis.bins.map((bin, i) => [bin.start, i]));
  const counts = axis.bins.map(() => 0);
  for (const day of days) {
    const i = day === null ? undefined : index.get(binStart(day, axis.granularity));
    if (i !== undefined) counts[i]!++;
  }
  return counts;
}
