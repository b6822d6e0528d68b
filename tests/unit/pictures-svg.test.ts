import { describe, expect, it } from 'vitest';
import { attributes, element, num } from '../../src/lib/pictures/svg.ts';
import { paperCount } from '../../src/lib/counted.ts';
import { textWidth, wrapLines } from '../../src/lib/pictures/text-metrics.ts';
import { overlapping, separate, type Box } from '../../src/lib/pictures/overlap.ts';
import { seededRandom } from '../../src/lib/pictures/seeded-random.ts';

describe('SVG text', () => {
  it('rounds numbers to 0.1 and prints them short', () => {
    expect([num(1), num(1.25), num(1.04), num(-0.04), num(12.345), num(0.1 + 0.2)]).toEqual(['1', '1.3', '1', '0', '12.3', '0.3']);
  });

  it('escapes attribute values and drops absent ones', () => {
    expect(attributes({ href: '/a?b=1&c="2"', title: "<it's>", gone: undefined, none: null, x: 1.26 })).toBe(
      ' href="/a?b=1&amp;c=&quot;2&quot;" title="&lt;it&apos;s&gt;" x="1.3"',
    );
    expect(element('circle', { r: 3 })).toBe('<circle r="3"/>');
    expect(element('g', {}, '')).toBe('<g></g>');
  });

  it('counts papers', () => {
    expect([paperCount(0), paperCount(1), paperCount(2)]).toEqual(['0 papers', '1 paper', '2 papers']);
  });
});

describe('label widths', () => {
  it('measures narrow letters narrower than wide ones, bold wider than regular', () => {
    expect(textWidth('iiii', 10)).toBeLessThan(textWidth('WWWW', 10));
    expect(textWidth('Learning', 13, true)).toBeGreaterThan(textWidth('Learning', 13));
    expect(textWidth('Learning', 26)).toBeCloseTo(2 * textWidth('Learning', 13));
    // Outside ASCII: not zero; wide scripts a full em each.
    expect(textWidth('é', 10)).toBeGreaterThan(5);
    expect(textWidth('学习', 10)).toBe(20);
  });

  it('wraps words into lines no wider than asked', () => {
    const lines = wrapLines('Reinforcement Learning from Human Feedback', 13, 117, 3);
    expect(lines).toEqual(['Reinforcement', 'Learning from', 'Human Feedback']);
    for (const line of lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(117);
  });

  it('breaks a word too wide for a line after its hyphens, or else cuts it short', () => {
    expect(wrapLines('Vision-Language-Action Models', 13, 117, 3)).toEqual(['Vision-Language-', 'Action Models']);
    const cut = wrapLines('Supercalifragilisticexpialidocious models', 13, 80, 3);
    expect(cut[0]!.endsWith('…')).toBe(true);
    expect(cut[1]).toBe('models');
    for (const line of cut) expect(textWidth(line, 13)).toBeLessThanOrEqual(80);
  });

  it('ends text that needs more lines with an ellipsis', () => {
    const lines = wrapLines('one two three four five six seven eight nine ten', 10, 40, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
  });
});

describe('separating boxes', () => {
  it('moves overlapping boxes apart until none overlaps, and leaves separate ones alone', () => {
    const boxes: Box[] = [
      { x: 0, y: 0, width: 100, height: 20 },
      { x: 10, y: 5, width: 100, height: 20 },
      { x: 10, y: 5, width: 30, height: 30 },
      { x: 500, y: 500, width: 10, height: 10 },
    ];
    expect(overlapping(boxes, 4).length).toBeGreaterThan(0);
    separate(boxes, 4);
    expect(overlapping(boxes, 4)).toEqual([]);
    expect(boxes[3]).toEqual({ x: 500, y: 500, width: 10, height: 10 });
  });

  it('separates many boxes on the same spot, the same way every time', () => {
    const make = () => Array.from({ length: 40 }, (_, i) => ({ x: 0, y: 0, width: 20 + (i % 5) * 10, height: 14 }));
    const [a, b] = [make(), make()];
    separate(a, 2);
    separate(b, 2);
    expect(overlapping(a, 2)).toEqual([]);
    expect(a).toEqual(b);
  });
});

describe('seeded random source', () => {
  it('gives the same numbers for the same seed, in [0, 1)', () => {
    const [a, b, c] = [seededRandom(1), seededRandom(1), seededRandom(2)];
    const first = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(first);
    expect(c()).not.toBe(first[0]);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
