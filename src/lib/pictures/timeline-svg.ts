/**
 * A topic's papers over time as a bar chart: one bar per bin of the list's time axis. The SVG
 * holds no text, so it can stretch to any width (`preserveAspectRatio="none"`); the page sets
 * the dates under it in HTML. Its accessible name lists every bin that has papers.
 */
import type { TimeAxis } from './timeline.ts';
import { element, titleElement } from './svg.ts';
import { paperCount } from '../counted.ts';

const SLOT = 10;
const BAR = 8;
const HEIGHT = 60;

/** "Jul 2024: 3 papers; Sep 2024: 1 paper" for the bins that have papers. */
export function describeCounts(axis: TimeAxis, counts: readonly number[]): string {
  const parts = axis.bins.flatMap((bin, i) => (counts[i]! > 0 ? [`${bin.label}: ${paperCount(counts[i]!)}`] : []));
  return parts.length > 0 ? parts.join('; ') : 'no dated papers';
}

export function timelineSvg(axis: TimeAxis, counts: readonly number[]): string {
  const most = Math.max(1, ...counts);
  const bars = axis.bins.flatMap((bin, i) => {
    const count = counts[i]!;
    if (count === 0) return [];
    const height = Math.max(1, (count / most) * HEIGHT);
    return [
      element(
        'rect',
        { x: i * SLOT + (SLOT - BAR) / 2, y: HEIGHT - height, width: BAR, height },
        titleElement(`${bin.label}: ${paperCount(count)}`),
      ),
    ];
  });
  const width = axis.bins.length * SLOT;
  return element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: 'timeline',
      viewBox: `0 0 ${width} ${HEIGHT}`,
      preserveAspectRatio: 'none',
      role: 'img',
      'aria-label': `Papers per ${axis.granularity}: ${describeCounts(axis, counts)}`,
    },
    element('line', { class: 'baseline', x1: 0, y1: HEIGHT, x2: width, y2: HEIGHT }) + bars.join(''),
  );
}
