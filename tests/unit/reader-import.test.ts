/**
 * The /my-list/ import file is untrusted: whatever it holds, the reader gets a short, clear
 * message (an ImportError, never a stack overflow or a generic failure), and nothing in it can
 * reach an object's prototype or the stored list's paper info.
 */
import { describe, expect, it } from 'vitest';
import { emptyState, hasMark, setMark, withInfo, type PaperInfo } from '../../src/lib/reader-list/state.ts';
import { checkImportSize, importFailure, maxImportBytes, mergeMarks, parseImport } from '../../src/lib/reader-list/transfer.ts';
import { ImportError, describeValue } from '../../src/lib/reader-list/untrusted.ts';

const MARKUP = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
const file = (value: unknown) => JSON.stringify(value);
const list = (papers: unknown, extra: Record<string, unknown> = {}) => file({ format: 'reading-list', version: 1, ...extra, papers });
const nested = (depth: number, inner = '1') => '['.repeat(depth) + inner + ']'.repeat(depth);

/** The message parseImport gives (failing the test if it gives none, or throws anything but ImportError). */
function messageFor(text: string): string {
  try {
    parseImport(text);
  } catch (error) {
    expect(error, text.slice(0, 80)).toBeInstanceOf(ImportError);
    return (error as ImportError).message;
  }
  throw new Error(`accepted: ${text.slice(0, 80)}`);
}

describe('an import file of the wrong shape', () => {
  it('is refused with a message naming what is wrong, for every wrong type', () => {
    const cases: [string, RegExp][] = [
      ['[]', /expected a JSON object, found a list/],
      ['"reading-list"', /expected a JSON object, found "reading-list"/],
      ['42', /expected a JSON object, found 42/],
      ['null', /expected a JSON object, found null/],
      [file({ format: 3, version: 1, papers: {} }), /"format" should be "reading-list", not 3\./],
      [file({ format: ['reading-list'], version: 1, papers: {} }), /"format" should be "reading-list", not a list\./],
      [list({}, { version: '1' }), /"version" should be a number \(1\), not "1"\./],
      [list({}, { version: { major: 1 } }), /not an object\./],
      [list([]), /no "papers" list/],
      [list('all of them'), /no "papers" list/],
      [list(null), /no "papers" list/],
      [list({ a: 'read' }), /entry for "a" should be an object like \{"read": true\}, not "read"/],
      [list({ a: [true] }), /entry for "a" should be an object .*, not a list/],
      [list({ a: 1 }), /not 1/],
      [list({ a: { read: 'yes' } }), /"read": "yes"; expected true or false/],
      [list({ a: { saved: null } }), /"saved": null; expected true or false/],
      [list({ a: { read: {} } }), /"read": an object; expected true or false/],
      [list({ a: { read: true, title: 7 } }), /invalid "title" \(expected text/],
      [list({ a: { read: true, key: ['k'] } }), /invalid "key"/],
      [list({ a: { read: true, added: false } }), /invalid "added"/],
      [list({ '': { read: true } }), /invalid paper id ""/],
    ];
    for (const [text, message] of cases) expect(messageFor(text), text).toMatch(message);
  });

  it('is refused with a clear message however deeply its values are nested', () => {
    const depth = 200_000; // 400 KB: within the size limit of any site
    const cases: [string, RegExp][] = [
      [nested(depth), /expected a JSON object, found a list/],
      [`{"format":${nested(depth)},"version":1,"papers":{}}`, /"format" should be "reading-list", not a list/],
      [`{"version":${nested(depth)},"papers":{}}`, /"version" should be a number \(1\), not a list/],
      [`{"version":1,"papers":${nested(depth)}}`, /no "papers" list/],
      [`{"version":1,"papers":{"a":${nested(depth)}}}`, /not a list/],
      [`{"version":1,"papers":{"a":{"read":${nested(depth)}}}}`, /"read": a list/],
      [`{"version":1,"papers":{"a":{"read":true,"title":${nested(depth, '"t"')}}}}`, /invalid "title"/],
    ];
    for (const [text, message] of cases) expect(messageFor(text)).toMatch(message);
  });
});

describe('an import file of the wrong size', () => {
  it('is refused before it is read when larger than any export of the site could be', () => {
    expect(maxImportBytes(16)).toBe(1024 * 1024);
    expect(maxImportBytes(10_000)).toBe(10_000 * 1024);
    expect(() => checkImportSize(10 * 1024 * 1024, 16)).toThrow(ImportError);
    expect(() => checkImportSize(10 * 1024 * 1024, 16)).toThrow(
      'This file is 10.0 MB, too large to be a reading list of this site (at most 1.0 MB for its 16 papers).',
    );
    expect(() => checkImportSize(1024 * 1024, 16)).not.toThrow();
  });

  it('quotes at most a few words of a huge string in its message', () => {
    const huge = 'x'.repeat(5_000_000);
    for (const text of [
      file({ format: huge, version: 1, papers: {} }),
      list({}, { version: huge }),
      list({ [huge]: { read: true } }),
      list({ a: { read: huge } }),
      list({ a: { read: true, title: huge } }),
    ]) {
      expect(messageFor(text).length).toBeLessThan(200);
    }
    expect(messageFor(list({ [`a${'b'.repeat(300)}`]: { read: true } }))).toMatch(/invalid paper id "abbbb.*…"/);
  });
});

describe('keys that name object internals', () => {
  it('refuses a paper id that cannot be one of the site’s, such as __proto__, and leaves Object.prototype alone', () => {
    const text = `{"version":1,"papers":{"__proto__":{"read":true,"polluted":true}}}`;
    expect(messageFor(text)).toBe('This file has an invalid paper id "__proto__".');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).read).toBeUndefined();
  });

  it('reads "constructor" and "toString" as plain ids, and never a mark or field inherited through __proto__', () => {
    const papers = parseImport(
      `{"version":1,"papers":{"constructor":{"saved":true},"toString":{"read":true},"b":{"__proto__":{"read":true}}}}`,
    );
    expect(papers).toEqual({ constructor: { saved: true }, toString: { read: true } });
    expect(Object.keys(papers)).toEqual(['constructor', 'toString']);
    // A top-level __proto__ does not lend the file a version or papers.
    expect(messageFor(`{"__proto__":{"version":1,"papers":{}}}`)).toMatch(/does not say which version/);
    // Merged against a catalogue that does not have them: left out and reported, like any unknown id.
    const merged = mergeMarks(emptyState(), papers, new Map());
    expect(merged.unknown).toEqual(['constructor', 'toString']);
    expect(merged.state.papers).toEqual({});
  });

  it('finds nothing inherited in the stored list either', () => {
    const info: PaperInfo = { title: 'Constructor', key: 'constructor-abc123', added: 'a.txt 000000001' };
    expect(hasMark(emptyState(), 'constructor', 'read')).toBe(false);
    expect(withInfo(emptyState(), 'constructor', info).papers).toEqual({}); // unmarked: nothing added
    expect(setMark(emptyState(), 'constructor', 'saved', true, info).papers).toEqual({ constructor: { saved: true, ...info } });
  });
});

describe('markup in an import file', () => {
  it('is quoted as text in messages (the page shows them as text), never interpreted', () => {
    expect(messageFor(file({ format: MARKUP, version: 1, papers: {} }))).toBe(
      `This file is a ${JSON.stringify(MARKUP.slice(0, 40) + '…')} file, not a reading list export.`,
    );
    expect(messageFor(list({ [MARKUP]: { read: true } }))).toMatch(/^This file has an invalid paper id "<img src=x/);
    expect(messageFor(list({}, { version: MARKUP }))).toContain('<img src=x');
  });

  it('in the titles, keys, dates or site of good entries: the marks are taken, the paper info comes from the site', () => {
    const papers = parseImport(list({ a: { read: true, title: MARKUP, key: MARKUP, added: MARKUP } }, { site: MARKUP }));
    const site: PaperInfo = { title: 'A paper', key: 'paper-abc123', added: 'a.txt 000000001' };
    const { state } = mergeMarks(emptyState(), papers, new Map([['a', site]]));
    expect(state.papers).toEqual({ a: { read: true, ...site } });
    expect(JSON.stringify(state)).not.toContain('<');
  });
});

describe('messages', () => {
  it('describes values briefly', () => {
    expect(['x', 1, true, null, [], {}, undefined].map(describeValue)).toEqual([
      '"x"',
      '1',
      'true',
      'null',
      'a list',
      'an object',
      'undefined',
    ]);
  });

  it('say which file failed and why, and stay general for anything unexpected', () => {
    expect(importFailure('list.json', new ImportError('This file is not valid JSON.'))).toBe(
      'Could not import list.json: This file is not valid JSON.',
    );
    expect(importFailure('list.json', new RangeError('Maximum call stack size exceeded'))).toBe('Could not read list.json.');
  });
});
