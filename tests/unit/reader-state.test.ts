import { describe, expect, it } from 'vitest';
import {
  VISIT_GAP_MS,
  emptyState,
  hasMark,
  idsWith,
  idsWithoutInfo,
  isNew,
  parseState,
  recordVisit,
  serializeState,
  setMark,
  withInfo,
  type PaperInfo,
} from '../../src/lib/reader-list/state.ts';
import { EXPORT_FORMAT, exportJson, mergeMarks, parseImport } from '../../src/lib/reader-list/transfer.ts';
import { ImportError } from '../../src/lib/reader-list/untrusted.ts';

const info = (title: string, added: string): PaperInfo => ({ title, key: `key-${title}`, added });

describe('marks', () => {
  it('sets and clears marks without changing the input, dropping papers with none', () => {
    const empty = emptyState();
    const read = setMark(empty, 'a', 'read', true);
    expect(empty.papers).toEqual({});
    expect(hasMark(read, 'a', 'read')).toBe(true);
    expect(hasMark(read, 'a', 'saved')).toBe(false);
    const both = setMark(read, 'a', 'saved', true);
    expect(both.papers).toEqual({ a: { read: true, saved: true } });
    expect(setMark(setMark(both, 'a', 'read', false), 'a', 'saved', false).papers).toEqual({});
  });
  it('keeps the paper info given with a mark, and keeps it while any mark remains', () => {
    const state = setMark(setMark(emptyState(), 'a', 'read', true, info('A', 'x.txt 000000001')), 'a', 'saved', true);
    expect(state.papers.a).toEqual({ read: true, saved: true, title: 'A', key: 'key-A', added: 'x.txt 000000001' });
    expect(setMark(state, 'a', 'read', false).papers.a).toEqual({ saved: true, title: 'A', key: 'key-A', added: 'x.txt 000000001' });
  });
  it('fills in info for marked papers only, returning the same state when nothing changes', () => {
    const state = setMark(setMark(emptyState(), 'a', 'read', true), 'b', 'saved', true, info('B', '2'));
    expect(idsWithoutInfo(state)).toEqual(['a']);
    const filled = withInfo(state, 'a', info('A', '1'));
    expect(filled.papers.a).toEqual({ read: true, title: 'A', key: 'key-A', added: '1' });
    expect(idsWithoutInfo(filled)).toEqual([]);
    expect(withInfo(filled, 'a', info('A', '1'))).toBe(filled);
    expect(withInfo(state, 'unmarked', info('U', '3'))).toBe(state);
  });
  it('lists marked ids in the order papers joined the list, papers without info last', () => {
    let state = emptyState();
    state = setMark(state, 'zeta', 'saved', true, info('Z', 'a.txt 000000001'));
    state = setMark(state, 'b', 'saved', true, info('B', 'b.txt 000000001'));
    state = setMark(state, 'a', 'saved', true, info('A', 'a.txt 000000020'));
    state = setMark(state, 'gone', 'saved', true);
    state = setMark(state, 'b', 'read', true);
    expect(idsWith(state, 'saved')).toEqual(['zeta', 'a', 'b', 'gone']);
    expect(idsWith(state, 'read')).toEqual(['b']);
    expect(idsWith(setMark(state, 'c', 'read', true, info('C', '0')), 'any')).toEqual(['c', 'zeta', 'a', 'b', 'gone']);
  });
});

describe('stored state', () => {
  it('round-trips through JSON', () => {
    const state = { ...setMark(emptyState(), 'a', 'read', true), visit: { previous: null, current: 'a.txt 000000001', lastSeen: 5 } };
    expect(parseState(serializeState(state))).toEqual(state);
  });
  it('starts empty, without throwing, from missing, broken or foreign data', () => {
    for (const text of [null, '', '{', '[]', '"x"', '{"version":2,"papers":{}}', '{"version":1,"papers":{"a":{"read":"yes"}}}']) {
      expect(parseState(text)).toEqual(emptyState());
    }
  });
  it('ignores a malformed visit but keeps the marks', () => {
    expect(parseState('{"version":1,"papers":{"a":{"saved":true}},"visit":{"current":3}}')).toEqual({
      version: 1,
      papers: { a: { saved: true } },
    });
  });
});

describe('import and export', () => {
  it('exports marks and paper info (not the visit), sorted, in a named format that imports back', () => {
    let state = setMark(setMark(emptyState(), 'b', 'saved', true), 'a', 'read', true, info('A', '1'));
    state = recordVisit(state, 'x', 1).state;
    const text = exportJson(state, 'https://example.org/reading-list/');
    const value = JSON.parse(text);
    expect(value).toEqual({
      format: EXPORT_FORMAT,
      version: 1,
      site: 'https://example.org/reading-list/',
      papers: { a: { read: true, title: 'A', key: 'key-A', added: '1' }, b: { saved: true } },
    });
    expect(Object.keys(value.papers)).toEqual(['a', 'b']);
    expect(Object.keys(value.papers.a)).toEqual(['read', 'title', 'key', 'added']);
    expect(parseImport(text)).toEqual(state.papers);
  });

  it('explains what is wrong with a bad file', () => {
    const cases: [string, RegExp][] = [
      ['{ nope', /not valid JSON/],
      ['[1, 2]', /expected a JSON object/],
      ['{"format":"zotero","version":1,"papers":{}}', /"zotero" file/],
      ['{"papers":{}}', /does not say which version/],
      ['{"version":3,"papers":{}}', /version 3 .* version 1/],
      ['{"version":1}', /no "papers"/],
      ['{"version":1,"papers":[]}', /no "papers"/],
      ['{"version":1,"papers":{"a":true}}', /entry for "a" should be an object/],
      ['{"version":1,"papers":{"a":{"saved":1}}}', /"saved": 1; expected true or false/],
      [`{"version":1,"papers":{"${'x'.repeat(300)}":{"read":true}}}`, /invalid paper id/],
      ['{"version":1,"papers":{"a":{"read":true,"title":3}}}', /entry for "a" has an invalid "title"/],
      [`{"version":1,"papers":{"a":{"read":true,"key":"${'k'.repeat(2000)}"}}}`, /invalid "key"/],
    ];
    for (const [text, message] of cases) {
      expect(() => parseImport(text), text).toThrow(ImportError);
      expect(() => parseImport(text), text).toThrow(message);
    }
  });

  it('accepts false marks and drops papers left with none', () => {
    expect(parseImport('{"version":1,"papers":{"a":{"read":false,"saved":true},"b":{"read":false},"c":{}}}')).toEqual({
      a: { saved: true },
    });
  });

  it("merges by adding marks with the site's paper info, leaving out and reporting unknown papers", () => {
    const state = setMark(setMark(emptyState(), 'a', 'read', true), 'b', 'saved', true);
    const site = new Map([
      ['a', info('A', '1')],
      ['b', info('B', '2')],
      ['c', info('C', '3')],
    ]);
    const imported = {
      a: { read: true, saved: true },
      b: { saved: true },
      c: { read: true, title: 'Not what the site says' },
      gone: { saved: true },
    } as const;
    const result = mergeMarks(state, imported, site);
    expect(result.state.papers).toEqual({
      a: { read: true, saved: true, ...site.get('a') },
      b: { saved: true },
      c: { read: true, ...site.get('c') },
    });
    expect(result.added).toBe(2);
    expect(result.unknown).toEqual(['gone']);
    expect(state.papers).toEqual({ a: { read: true }, b: { saved: true } });
  });
});

describe('visits', () => {
  const t0 = 1_700_000_000_000;
  it('marks nothing new during the first visit', () => {
    const first = recordVisit(emptyState(), 'a.txt 000000010', t0);
    expect(first.horizon).toBeNull();
    expect(isNew('b.txt 000000001', first.horizon)).toBe(false);
    const later = recordVisit(first.state, 'a.txt 000000010', t0 + VISIT_GAP_MS / 2);
    expect(later.horizon).toBeNull();
  });

  it('compares a later visit with the newest paper the site had at the one before', () => {
    let { state } = recordVisit(emptyState(), 'a.txt 000000010', t0);
    // The site gains papers from b.txt; the reader comes back the next day.
    const next = recordVisit(state, 'b.txt 000000005', t0 + 24 * 3600_000);
    expect(next.horizon).toBe('a.txt 000000010');
    expect(isNew('b.txt 000000005', next.horizon)).toBe(true);
    expect(isNew('a.txt 000000010', next.horizon)).toBe(false);
    expect(isNew('a.txt 000000003', next.horizon)).toBe(false);
    // Within the same visit the horizon holds, page after page…
    state = next.state;
    const samevisit = recordVisit(state, 'b.txt 000000005', t0 + 24 * 3600_000 + 60_000);
    expect(samevisit.horizon).toBe('a.txt 000000010');
    // …and the visit after that has seen b.txt.
    expect(recordVisit(samevisit.state, 'b.txt 000000005', t0 + 48 * 3600_000).horizon).toBe('b.txt 000000005');
  });

  it('treats a clock that went backwards as a new visit, and never lowers what was seen', () => {
    const { state } = recordVisit(emptyState(), 'b.txt 000000001', t0);
    const back = recordVisit(state, 'a.txt 000000001', t0 - 1000);
    expect(back.horizon).toBe('b.txt 000000001');
    expect(back.state.visit?.current).toBe('b.txt 000000001');
  });
});
