import { describe, expect, it } from 'vitest';
import { pagePath, paginate } from '../../src/lib/pagination.ts';

describe('paginate', () => {
  it('splits a list into pages that together hold every item once', () => {
    const items = Array.from({ length: 7 }, (_, i) => i);
    const pages = paginate(items, 3);
    expect(pages.map((p) => p.items)).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(pages.map((p) => [p.number, p.count, p.start])).toEqual([
      [1, 3, 0],
      [2, 3, 3],
      [3, 3, 6],
    ]);
  });
  it('gives an empty list one empty page', () => {
    expect(paginate([], 3)).toEqual([{ number: 1, count: 1, items: [], start: 0 }]);
  });
  it('puts page 1 at the list address', () => {
    expect(pagePath('/base/topics/x/', 1)).toBe('/base/topics/x/');
    expect(pagePath('/base/', 4)).toBe('/base/page/4/');
  });
});
