import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { binCounts, binStart, paperDate, timeAxis } from '../../src/lib/pictures/timeline.ts';
import { describeCounts, timelineSvg } from '../../src/lib/pictures/timeline-svg.ts';
import { addedDates } from '../../src/lib/export/added.ts';

describe('paperDate', () => {
  const listed = new Map([
    ['a', '2024-07-31T00:00:00Z'],
    ['b', '2024-07-30T00:00:00Z'],
  ]);

  it('prefers the publication date, else the listing day', () => {
    expect(paperDate({ id: 'a', date: '2023-03-05' }, listed)).toBe('2023-03-05');
    expect(paperDate({ id: 'a', date: null }, listed)).toBe('2024-07-31');
    expect(paperDate({ id: 'b' }, listed)).toBe('2024-07-30');
    expect(paperDate({ id: 'unknown' }, listed)).toBeNull();
  });

  it('reads dates of month or year precision, and ignores dates that are not dates', () => {
    expect(paperDate({ id: 'a', date: '2023-03' }, listed)).toBe('2023-03-01');
    expect(paperDate({ id: 'a', date: '2023' }, listed)).toBe('2023-01-01');
    expect(paperDate({ id: 'a', date: '2023-02-30' }, listed)).toBe('2024-07-31');
    expect(paperDate({ id: 'a', date: 'soon' }, listed)).toBe('2024-07-31');
  });

  it('takes listing days from addedDates (seed day lines)', () => {
    const dates = addedDates([
      { id: 'x', sources: [{ file: 'a.txt', line: 3, day: 'Jul 31', format: 'listing' }] },
      { id: 'y', sources: [{ file: 'a.txt', line: 9, day: 'Aug 2', format: 'listing' }] },
    ]);
    expect(paperDate({ id: 'x' }, dates)).toBe('2024-07-31');
    expect(paperDate({ id: 'y' }, dates)).toBe('2024-08-02');
  });
});

describe('time axis', () => {
  it('is null without dates', () => {
    expect(timeAxis([null, null])).toBeNull();
  });

  it('counts per day over a month or less, with empty days kept', () => {
    const axis = timeAxis(['2024-07-31', '2024-07-29', null, '2024-07-31'])!;
    expect(axis.granularity).toBe('day');
    expect(axis.bins.map((b) => b.label)).toEqual(['Jul 29, 2024', 'Jul 30, 2024', 'Jul 31, 2024']);
    expect(binCounts(axis, ['2024-07-31', '2024-07-29', null, '2024-07-31', '2025-01-01'])).toEqual([1, 0, 2]);
  });

  it('counts per week (from Monday) up to half a year', () => {
    const axis = timeAxis(['2024-07-03', '2024-09-30'])!;
    expect(axis.granularity).toBe('week');
    expect(axis.bins[0]).toEqual({ start: '2024-07-01', label: 'week of Jul 1, 2024' });
    expect(axis.bins.at(-1)!.start).toBe('2024-09-30');
    expect(axis.bins).toHaveLength(14);
    expect(binStart('2024-07-07', 'week')).toBe('2024-07-01'); // a Sunday
    expect(binStart('2024-07-08', 'week')).toBe('2024-07-08'); // a Monday
  });

  it('counts per month up to ten years, per year beyond', () => {
    const months = timeAxis(['2023-11-15', '2025-02-01'])!;
    expect(months.granularity).toBe('month');
    expect(months.bins.map((b) => b.label)).toEqual([
      'Nov 2023',
      'Dec 2023',
      ...['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map((m) => `${m} 2024`),
      'Jan 2025',
      'Feb 2025',
    ]);
    expect(binCounts(months, ['2024-02-29', '2024-02-01', '2023-11-30'])).toEqual([1, 0, 0, 2, ...Array(12).fill(0)]);
    const years = timeAxis(['1998-05-01', '2024-01-01'])!;
    expect(years.granularity).toBe('year');
    expect(years.bins).toHaveLength(27);
  });

  it('counts every dated paper once', () => {
    const days = Array.from({ length: 200 }, (_, i) => new Date(Date.UTC(2022, 0, 1 + i * 3)).toISOString().slice(0, 10));
    const axis = timeAxis(days)!;
    expect(binCounts(axis, days).reduce((a, b) => a + b, 0)).toBe(200);
  });
});

describe('timeline SVG', () => {
  const axis = timeAxis(['2024-07-29', '2024-07-31'])!;
  const svg = timelineSvg(axis, [4, 0, 1]);

  it('draws one bar per bin with papers, the tallest full height', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    const bars = [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="8" height="([\d.]+)">/g)].map((m) => m.slice(1).map(Number));
    expect(bars).toEqual([
      [1, 0, 60],
      [21, 45, 15],
    ]);
  });

  it('names every bin with papers in its text alternative and tooltips', () => {
    expect(describeCounts(axis, [4, 0, 1])).toBe('Jul 29, 2024: 4 papers; Jul 31, 2024: 1 paper');
    expect(svg).toContain('role="img" aria-label="Papers per day: Jul 29, 2024: 4 papers; Jul 31, 2024: 1 paper"');
    expect(svg).toContain('<title>Jul 31, 2024: 1 paper</title>');
    expect(describeCounts(axis, [0, 0, 0])).toBe('no dated papers');
  });
});
