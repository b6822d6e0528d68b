import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { addedDates, addedKey, newestFirst, parseDay } from '../../src/lib/export/added.ts';
import { atomFeed, escapeXml } from '../../src/lib/export/atom.ts';
import type { PaperSource } from '../../src/lib/types.ts';

const paper = (id: string, ...sources: [file: string, line: number, day: string | null][]) => ({
  id,
  sources: sources.map(([file, line, day]): PaperSource => ({ file, line, day, format: 'listing' })),
});

describe('parseDay', () => {
  it('reads the day lines the seed parser accepts', () => {
    expect(parseDay('Jul 31')).toEqual({ month: 7, day: 31, year: null });
    expect(parseDay('July 31st')).toEqual({ month: 7, day: 31, year: null });
    expect(parseDay('Sept. 2, 2023')).toEqual({ month: 9, day: 2, year: 2023 });
    expect(parseDay('31 Jul 2024')).toEqual({ month: 7, day: 31, year: 2024 });
    expect(parseDay('2024-02-29')).toEqual({ month: 2, day: 29, year: 2024 });
    expect(parseDay('Feb 29')).toEqual({ month: 2, day: 29, year: null });
  });
  it('rejects days that do not exist', () => {
    for (const line of ['Feb 30', 'Jun 31', '2023-02-29', '2024-13-01', 'Foo 3', 'yesterday']) expect(parseDay(line), line).toBeNull();
  });
});

describe('addedDates', () => {
  it('dates papers by the day line of their first listing, in the reference year', () => {
    const dates = addedDates(
      [paper('a', ['a.txt', 12, 'Jul 30']), paper('b', ['a.txt', 40, 'Jul 31'], ['b.txt', 3, 'Aug 1']), paper('c', ['b.txt', 5, 'Aug 1'])],
      2023,
    );
    expect(Object.fromEntries(dates)).toEqual({ a: '2023-07-30T00:00:00Z', b: '2023-07-31T00:00:00Z', c: '2023-08-01T00:00:00Z' });
  });

  it('moves to the next year when days wrap around, and keeps explicit years', () => {
    const dates = addedDates(
      [paper('dec', ['a.txt', 1, 'Dec 30']), paper('jan', ['b.txt', 1, 'Jan 2']), paper('y', ['c.txt', 1, '2020-05-01'])],
      2024,
    );
    expect(dates.get('dec')).toBe('2024-12-30T00:00:00Z');
    expect(dates.get('jan')).toBe('2025-01-02T00:00:00Z');
    expect(dates.get('y')).toBe('2020-05-01T00:00:00Z');
  });

  it('gives listings without a day line a synthetic day from their neighbours', () => {
    const dates = addedDates(
      [
        paper('u1', ['a.txt', 1, null]),
        paper('u2', ['b.txt', 1, null]),
        paper('d', ['c.txt', 9, 'Mar 10']),
        paper('u3', ['d.txt', 1, null]),
      ],
      2024,
    );
    expect([...dates.values()]).toEqual(['2024-03-08T00:00:00Z', '2024-03-09T00:00:00Z', '2024-03-10T00:00:00Z', '2024-03-11T00:00:00Z']);
    const none = addedDates([paper('x', ['a.txt', 1, null]), paper('y', ['b.txt', 1, null])], 2022);
    expect([...none.values()]).toEqual(['2022-01-01T00:00:00Z', '2022-01-02T00:00:00Z']);
  });

  it('is the same whatever the input order', () => {
    const list = [paper('a', ['a.txt', 12, 'Jul 30']), paper('b', ['b.txt', 3, 'Aug 1']), paper('c', ['a.txt', 30, null])];
    expect(Object.fromEntries(addedDates(list))).toEqual(Object.fromEntries(addedDates([...list].reverse())));
  });
});

describe('newestFirst and addedKey', () => {
  it('puts later files and later days first, keeping listing order within a day', () => {
    const list = [
      paper('a1', ['a.txt', 12, 'Jul 30']),
      paper('a2', ['a.txt', 14, 'Jul 30']),
      paper('a3', ['a.txt', 40, 'Jul 31']),
      paper('b1', ['b.txt', 3, 'Aug 1']),
      paper('b2', ['b.txt', 9, 'Aug 1']),
      paper('dup', ['a.txt', 20, 'Jul 30'], ['b.txt', 5, 'Aug 1']),
    ];
    expect(newestFirst(list).map((p) => p.id)).toEqual(['b1', 'b2', 'a3', 'a1', 'a2', 'dup']);
    expect(newestFirst([...list].reverse()).map((p) => p.id)).toEqual(['b1', 'b2', 'a3', 'a1', 'a2', 'dup']);
  });
  it('gives keys that sort in the order papers were added', () => {
    const keys = [
      paper('x', ['a.txt', 9, null]),
      paper('y', ['a.txt', 10, null]),
      paper('z', ['a.txt2', 1, null]),
      paper('w', ['b.txt', 1, null]),
    ].map(addedKey);
    expect([...keys].sort()).toEqual(keys);
    expect(addedKey(paper('d', ['b.txt', 7, null], ['a.txt', 100, null]))).toBe('a.txt 000000100');
  });
});

describe('atomFeed', () => {
  const feed = () =>
    atomFeed({
      title: 'List <&> "quoted"',
      feedUrl: 'https://x.org/rl/feed.xml',
      pageUrl: 'https://x.org/rl/',
      author: 'List',
      entries: [
        {
          url: 'https://x.org/rl/papers/a/?x=1&y=2',
          title: '<script>alert("x")</script> & Ελληνικά 大規模 \u0007bell',
          updated: '2024-08-01T00:00:00Z',
          summary: "It's <b>bold</b>",
          contentHtml: '<p>A &amp; B</p>',
          categories: [{ term: 'rl', label: 'R&L' }],
        },
        { url: 'https://x.org/rl/papers/b/', title: 'B', updated: '2024-07-30T00:00:00Z' },
      ],
    });

  it('is well-formed XML that reads back to the same text', () => {
    const xml = feed();
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', processEntities: true, htmlEntities: false }).parse(
      xml,
    );
    const entries = parsed.feed.entry;
    expect(parsed.feed.title).toBe('List <&> "quoted"');
    expect(parsed.feed.updated).toBe('2024-08-01T00:00:00Z');
    expect(entries[0].title['#text']).toBe('<script>alert("x")</script> & Ελληνικά 大規模 bell');
    expect(entries[0].id).toBe('https://x.org/rl/papers/a/?x=1&y=2');
    expect(entries[0].summary['#text']).toBe("It's <b>bold</b>");
    expect(entries[0].content['#text']).toBe('<p>A &amp; B</p>');
    expect(entries[0].category['@label']).toBe('R&L');
    expect(xml).not.toContain('<script>');
  });

  it('is the same bytes every time and never uses the clock', () => {
    expect(feed()).toBe(feed());
    const empty = atomFeed({ title: 'E', feedUrl: 'https://x.org/feed.xml', pageUrl: 'https://x.org/', author: 'E', entries: [] });
    expect(empty).toContain('<updated>1970-01-01T00:00:00Z</updated>');
  });

  it('escapes markup and drops characters XML does not allow', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0000\u001f\ud800\ufffe ok 😀`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt; ok 😀',
    );
  });
});
