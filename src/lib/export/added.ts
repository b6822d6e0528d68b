/**
 * When a paper was added to the list, for feeds ("newest first") and the reader's
 * "new since your last visit".
 *
 * The seeds carry no real timestamps, only their order: a paper dates from its first listing
 * (earliest seed file by name, then line); later files and later day lines are newer. Dates are
 * derived from that order and the day lines alone, never from the build clock, so the output is
 * the same on every build:
 *
 * - Listings are grouped by (file, day line). Groups are dated oldest first.
 * - A day line with a year (`Jul 31, 2024`, `2024-07-31`) gives that date.
 * - A day line without one (`Jul 31`) is read in the reference year (`FEED_YEAR`, default 2024),
 *   moved to the following year(s) if needed so that it is later than the group before it
 *   (a new file starting at `Jan 2` after `Dec 30` is the next year).
 * - A group with no (valid) day line gets a synthetic date: one day after the group before it,
 *   or, before the first dated group, one day earlier per group; with no day lines at all, the
 *   first group is 1 January of the reference year.
 * All times are midnight UTC.
 */
import type { PaperSource } from '../types.ts';
import { compareStrings } from '../compare.ts';

export const DEFAULT_FEED_YEAR = 2024;

const DAY_MS = 86_400_000;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export interface DayOfYear {
  month: number; // 1-12
  day: number;
  year: number | null;
}

/** Reads a day line as written in the seeds; null when it names no valid calendar day. */
export function parseDay(text: string): DayOfYear | null {
  const line = text.trim().toLowerCase().replace(/\s+/g, ' ');
  let month: number;
  let day: number;
  let year: number | null;
  let match: RegExpMatchArray | null;
  if ((match = line.match(/^(\d{4})-(\d{2})-(\d{2})$/))) {
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = line.match(/^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$/))) {
    month = MONTHS.indexOf(match[1].slice(0, 3)) + 1;
    day = Number(match[2]);
    year = match[3] ? Number(match[3]) : null;
  } else if ((match = line.match(/^(\d{1,2}) ([a-z]+)\.?(?:,? (\d{4}))?$/))) {
    month = MONTHS.indexOf(match[2].slice(0, 3)) + 1;
    day = Number(match[1]);
    year = match[3] ? Number(match[3]) : null;
  } else {
    return null;
  }
  // Any year will do to check the day exists, as long as it is a leap year (Feb 29).
  const check = new Date(Date.UTC(year ?? 2000, month - 1, day));
  if (month < 1 || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { month, day, year };
}

export interface AddedPaper {
  id: string;
  sources: readonly PaperSource[];
}

/** A paper's first listing: earliest file by name, then line. */
export function firstSource(paper: AddedPaper): PaperSource {
  return [...paper.sources].sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line)[0];
}

/**
 * A string that sorts (by code point) in the order papers were added: first listing's file, then
 * line. Pages carry it so the reader's browser can tell papers added since a visit.
 */
export function addedKey(paper: AddedPaper): string {
  const first = firstSource(paper);
  // The space sorts below the characters of file names, so "a.txt" still comes before "a.txt2".
  return first ? `${first.file} ${String(first.line).padStart(9, '0')}` : '';
}

/** The largest added key of `papers` ('' for none): the newest addition among them. */
export function newestKey(papers: readonly AddedPaper[]): string {
  return papers.map(addedKey).reduce((max, key) => (key > max ? key : max), '');
}

interface AddedGroup {
  file: string;
  line: number;
  day: string | null;
  ids: string[];
}

/** Papers grouped by the (file, day line) of their first listing, oldest group first. */
function addedGroups(papers: readonly AddedPaper[]): AddedGroup[] {
  const groups = new Map<string, AddedGroup>();
  for (const paper of papers) {
    const first = firstSource(paper);
    if (!first) continue;
    const name = `${first.file}\n${first.day ?? ''}`;
    const group = groups.get(name) ?? { file: first.file, line: first.line, day: first.day, ids: [] };
    group.line = Math.min(group.line, first.line);
    group.ids.push(paper.id);
    groups.set(name, group);
  }
  return [...groups.values()].sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line);
}

/**
 * Papers newest first: later days (and files) first; papers listed under the same day keep
 * their listing order. The input is not changed.
 */
export function newestFirst<T extends AddedPaper>(papers: readonly T[]): T[] {
  const rank = new Map<string, number>();
  addedGroups(papers).forEach((group, index) => group.ids.forEach((id) => rank.set(id, index)));
  return papers
    .map((paper) => ({ paper, group: rank.get(paper.id) ?? -1, first: firstSource(paper) }))
    .sort((a, b) => b.group - a.group || (a.first?.line ?? 0) - (b.first?.line ?? 0) || compareStrings(a.paper.id, b.paper.id))
    .map(({ paper }) => paper);
}

/** The `updated` date of every paper (ISO 8601, midnight UTC), keyed by id. See the module comment. */
export function addedDates(papers: readonly AddedPaper[], referenceYear = DEFAULT_FEED_YEAR): Map<string, string> {
  const ordered = addedGroups(papers);

  const times: (number | null)[] = [];
  let previous: number | null = null;
  for (const group of ordered) {
    const parsed = group.day ? parseDay(group.day) : null;
    let time: number | null = null;
    if (parsed?.year != null) time = Date.UTC(parsed.year, parsed.month - 1, parsed.day);
    else if (parsed) {
      let year: number = previous === null ? referenceYear : Math.max(referenceYear, new Date(previous).getUTCFullYear());
      time = Date.UTC(year, parsed.month - 1, parsed.day);
      while (previous !== null && time <= previous) time = Date.UTC(++year, parsed.month - 1, parsed.day);
    }
    times.push(time);
    if (time !== null) previous = time;
  }
  // Fill undated groups from their neighbours.
  const firstDated = times.findIndex((t) => t !== null);
  const anchor = firstDated === -1 ? Date.UTC(referenceYear, 0, 1) : times[firstDated]!;
  const anchorIndex = firstDated === -1 ? 0 : firstDated;
  for (let i = 0; i < times.length; i++) {
    if (times[i] !== null) continue;
    times[i] = i < anchorIndex ? anchor - (anchorIndex - i) * DAY_MS : i === anchorIndex ? anchor : times[i - 1]! + DAY_MS;
  }

  const dates = new Map<string, string>();
  ordered.forEach((group, i) => {
    const iso = new Date(times[i]!).toISOString().replace('.000Z', 'Z');
    for (const id of group.ids) dates.set(id, iso);
  });
  return dates;
}
