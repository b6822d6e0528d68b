import { describe, expect, it } from 'vitest';
import { readSettings, SettingsError } from '../../src/settings.ts';

describe('settings from the environment', () => {
  it('has a default for every variable, and treats an empty one as unset', () => {
    const defaults = readSettings({});
    expect(defaults).toEqual({
      seedsDir: 'seeds',
      siteUrl: 'http://localhost:4321',
      base: '/',
      title: 'Reading List',
      pageSize: 250,
      topicsDir: 'src/content/topics',
      precacheLimits: { siteBytes: 20 * 1024 * 1024, searchBytes: 50 * 1024 * 1024 },
      feedYear: 2024,
      feedLimit: 500,
      indexChunkSize: 2000,
      searchSlicePapers: 5000,
      shard: null,
      pipelineResult: null,
    });
    expect(readSettings({ LIST_PAGE_SIZE: '', SITE_TITLE: '  ', FEED_YEAR: '' })).toEqual(defaults);
  });

  it('reads good values', () => {
    const settings = readSettings({
      SEEDS_DIR: '/data/seeds',
      SITE_URL: 'https://lab.example.org',
      SITE_BASE: 'reading-list',
      SITE_TITLE: ' Lab Papers ',
      LIST_PAGE_SIZE: '100',
      TOPICS_DIR: 'curated',
      OFFLINE_PRECACHE_MB: '1.5',
      FEED_YEAR: '2023',
      FEED_LIMIT: '50',
      PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '20000',
      SEARCH_SLICE_PAPERS: '40',
      SITE_SHARD: ' 2/4 ',
      PIPELINE_RESULT: 'out/corpus.bin',
    });
    expect(settings).toEqual({
      seedsDir: '/data/seeds',
      siteUrl: 'https://lab.example.org',
      base: '/reading-list/',
      title: 'Lab Papers',
      pageSize: 100,
      topicsDir: 'curated',
      precacheLimits: { siteBytes: 1.5 * 1024 * 1024, searchBytes: 50 * 1024 * 1024 },
      feedYear: 2023,
      feedLimit: 50,
      indexChunkSize: 20000,
      searchSlicePapers: 40,
      shard: { index: 1, count: 4 },
      pipelineResult: 'out/corpus.bin',
    });
    expect(readSettings({ OFFLINE_PRECACHE_MB: '0', OFFLINE_SEARCH_MB: '0.5' }).precacheLimits).toEqual({
      siteBytes: 0,
      searchBytes: 512 * 1024,
    });
  });

  it.each([
    ['/reading-list/', '/reading-list/'],
    ['/reading-list', '/reading-list/'],
    ['a/b/', '/a/b/'],
    ['/', '/'],
    ['//x//', '/x/'],
  ])('normalises SITE_BASE %j to %j', (given, base) => {
    expect(readSettings({ SITE_BASE: given }).base).toBe(base);
  });

  it.each([
    ['LIST_PAGE_SIZE', 'abc', 'LIST_PAGE_SIZE must be a whole number ≥ 1, got "abc"'],
    ['LIST_PAGE_SIZE', '0', 'LIST_PAGE_SIZE must be a whole number ≥ 1, got "0"'],
    ['LIST_PAGE_SIZE', '2.5', 'LIST_PAGE_SIZE must be a whole number ≥ 1, got "2.5"'],
    ['FEED_LIMIT', '-3', 'FEED_LIMIT must be a whole number ≥ 1, got "-3"'],
    ['FEED_YEAR', 'soon', 'FEED_YEAR must be a four-digit year such as 2024, got "soon"'],
    ['FEED_YEAR', '99', 'FEED_YEAR must be a four-digit year such as 2024, got "99"'],
    ['OFFLINE_PRECACHE_MB', 'lots', 'OFFLINE_PRECACHE_MB must be a number of megabytes ≥ 0, got "lots"'],
    ['OFFLINE_PRECACHE_MB', '-1', 'OFFLINE_PRECACHE_MB must be a number of megabytes ≥ 0, got "-1"'],
    ['SITE_URL', 'lab.example.org', 'SITE_URL must be an http(s) address such as https://lab.example.org, got "lab.example.org"'],
    [
      'SITE_URL',
      'ftp://lab.example.org',
      'SITE_URL must be an http(s) address such as https://lab.example.org, got "ftp://lab.example.org"',
    ],
    ['SITE_BASE', '/my list/', 'SITE_BASE must be a URL path such as /reading-list/, got "/my list/"'],
    ['SITE_BASE', '/a/../b', 'SITE_BASE must be a URL path such as /reading-list/, got "/a/../b"'],
    ['SITE_BASE', '/list?x=1', 'SITE_BASE must be a URL path such as /reading-list/, got "/list?x=1"'],
    ['SITE_SHARD', '0/4', 'SITE_SHARD must be a shard number and a count such as 2/4 (from 1/n to n/n), got "0/4"'],
    ['SITE_SHARD', '5/4', 'SITE_SHARD must be a shard number and a count such as 2/4 (from 1/n to n/n), got "5/4"'],
    ['SITE_SHARD', 'two', 'SITE_SHARD must be a shard number and a count such as 2/4 (from 1/n to n/n), got "two"'],
    ['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE', 'small', 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE must be a whole number ≥ 1, got "small"'],
  ])('rejects %s=%j with a message naming it and the expected form', (name, value, message) => {
    expect(() => readSettings({ [name]: value })).toThrow(new SettingsError(message));
  });

  it('lists every bad variable at once', () => {
    expect(() => readSettings({ LIST_PAGE_SIZE: 'abc', FEED_YEAR: 'soon' })).toThrow(
      'LIST_PAGE_SIZE must be a whole number ≥ 1, got "abc"\nFEED_YEAR must be a four-digit year such as 2024, got "soon"',
    );
  });
});
