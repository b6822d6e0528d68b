import { describe, expect, it } from 'vitest';
import { createContext, Script } from 'node:vm';
import { fileUrl, planPrecache, precacheKey, type SiteFile } from '../../src/lib/search/precache.ts';
import { serviceWorkerScript, workerConfig } from '../../src/integrations/service-worker.ts';

const file = (path: string, size = 1000, hash = `h-${path}`): SiteFile => ({ path, size, hash });
const site = [
  file('index.html'),
  file('404.html'),
  file('papers/a/index.html'),
  file('papers/b/index.html'),
  file('search/index.html'),
  file('topics/index.html'),
  file('topics/x/index.html'),
  file('_astro/SearchBox.abc.js'),
  file('favicon.svg'),
  file('manifest.webmanifest'),
  file('papers.json'),
  file('papers.bib'),
  file('feed.xml'),
  file('topics/x/feed.xml'),
  file('pagefind/pagefind.js'),
  file('pagefind/pagefind.en_1a2b3c.pf_meta'),
  file('pagefind/pagefind-entry.json'),
  file('pagefind/index/en_1.pf_index'),
  file('pagefind/fragment/en_2.pf_fragment'),
  file('pagefind/pagefind-ui.js', 100_000),
  file('pagefind/wasm.unknown.pagefind', 50_000),
  file('sitemap-index.xml'),
  file('sw.js'),
];

describe('fileUrl', () => {
  it('serves index.html files at their folder, under the base path', () => {
    expect(fileUrl('index.html', '/')).toBe('/');
    expect(fileUrl('papers/a/index.html', '/reading-list/')).toBe('/reading-list/papers/a/');
    expect(fileUrl('pagefind/pagefind.js', '/reading-list')).toBe('/reading-list/pagefind/pagefind.js');
  });
});

const urls = (plan: { entries: { url: string }[] }) => plan.entries.map((e) => e.url);

describe('planPrecache', () => {
  it('precaches a small site whole, minus what no reader needs offline', () => {
    const plan = planPrecache(site, '/reading-list/');
    expect(plan.mode).toBe('full');
    for (const download of ['papers.json', 'papers.bib', 'feed.xml', 'topics/x/feed.xml'])
      expect(urls(plan)).not.toContain(`/reading-list/${download}`);
    expect(urls(plan)).toContain('/reading-list/');
    expect(urls(plan)).toContain('/reading-list/papers/a/');
    expect(urls(plan)).toContain('/reading-list/pagefind/fragment/en_2.pf_fragment');
    expect(urls(plan)).not.toContain('/reading-list/sw.js');
    expect(urls(plan)).not.toContain('/reading-list/pagefind/pagefind-ui.js');
    expect(urls(plan)).not.toContain('/reading-list/pagefind/wasm.unknown.pagefind');
    expect(urls(plan)).not.toContain('/reading-list/sitemap-index.xml');
    expect(urls(plan)).toEqual([...urls(plan)].sort());
    expect(plan.bytes).toBe(plan.entries.length * 1000);
  });

  it('above the limit, precaches the shell and the whole search index, not the pages', () => {
    const plan = planPrecache(site, '/', { siteBytes: 5000, searchBytes: 12_000 });
    expect(plan.mode).toBe('shell');
    expect(urls(plan)).toEqual([
      '/',
      '/404.html',
      '/_astro/SearchBox.abc.js',
      '/favicon.svg',
      '/manifest.webmanifest',
      '/pagefind/fragment/en_2.pf_fragment',
      '/pagefind/index/en_1.pf_index',
      '/pagefind/pagefind-entry.json',
      '/pagefind/pagefind.en_1a2b3c.pf_meta',
      '/pagefind/pagefind.js',
      '/search/',
      '/topics/',
    ]);
  });

  it('with a shell and index above the search limit too, precaches the index core: its chunks and fragments come as searches load them', () => {
    const sliced = [...site, file('pagefind/slice-1/pagefind.en_4d5e6f.pf_meta'), file('pagefind/slice-1/index/en_3.pf_index')];
    const shell = planPrecache(sliced, '/', { siteBytes: 5000, searchBytes: 14_000 });
    expect(shell.mode).toBe('shell');
    const plan = planPrecache(sliced, '/', { siteBytes: 5000, searchBytes: 13_999 });
    expect(plan.mode).toBe('core');
    // The shell's files without the index chunks and fragments of any slice; every slice's metadata stays.
    expect(urls(plan)).toEqual(urls(shell).filter((url) => !/\.pf_(index|fragment)$/.test(url)));
    expect(urls(plan)).toContain('/pagefind/slice-1/pagefind.en_4d5e6f.pf_meta');
    expect(urls(shell)).toContain('/pagefind/slice-1/index/en_3.pf_index');
    expect(plan.version).not.toBe(shell.version);
  });

  it('versions the plan by content: same files, same version; any change, a new one', () => {
    const version = planPrecache(site, '/').version;
    expect(planPrecache([...site].reverse(), '/').version).toBe(version);
    expect(
      planPrecache(
        site.map((f) => (f.path === 'papers/a/index.html' ? { ...f, hash: 'changed' } : f)),
        '/',
      ).version,
    ).not.toBe(version);
    expect(planPrecache(site, '/other/').version).not.toBe(version);
    // A file that is never precached does not change the version.
    expect(
      planPrecache(
        site.map((f) => (f.path === 'sw.js' ? { ...f, hash: 'changed' } : f)),
        '/',
      ).version,
    ).toBe(version);
  });
});

describe('precache revisions', () => {
  it('gives each file its content hash as revision, except files named by their content', () => {
    const revisions = Object.fromEntries(planPrecache(site, '/').entries.map((e) => [e.url, e.revision]));
    expect(revisions['/papers/a/']).toBe('h-papers/a/index.html');
    expect(revisions['/pagefind/pagefind-entry.json']).toBe('h-pagefind/pagefind-entry.json');
    expect(revisions['/pagefind/pagefind.js']).toBe('h-pagefind/pagefind.js');
    for (const named of [
      '/_astro/SearchBox.abc.js',
      '/pagefind/fragment/en_2.pf_fragment',
      '/pagefind/index/en_1.pf_index',
      '/pagefind/pagefind.en_1a2b3c.pf_meta',
    ])
      expect(revisions[named], named).toBeNull();
  });

  it('keys a changed file anew and an unchanged one as before, so a new build fetches only what changed', () => {
    const keys = (files: SiteFile[]) => new Set(planPrecache(files, '/').entries.map(precacheKey));
    const before = keys(site);
    const after = keys(site.map((f) => (f.path === 'papers/a/index.html' ? { ...f, hash: 'changed' } : f)));
    expect([...after].filter((key) => !before.has(key))).toEqual(['/papers/a/?__rev=changed']);
    expect(precacheKey({ url: '/x/', revision: null })).toBe('/x/');
  });
});

describe('serviceWorkerScript', () => {
  it('is valid JavaScript carrying the plan, and keys entries as precacheKey does', () => {
    const plan = planPrecache(site, '/reading-list/');
    const source = serviceWorkerScript(workerConfig(plan, '/reading-list/'));
    expect(() => new Script(source)).not.toThrow();
    expect(source).toContain(`"version":"${plan.version}"`);
    expect(source).toContain('["/reading-list/papers/a/","h-papers/a/index.html"]');
    // The worker's own keys, from the script run outside a browser.
    const worker = createContext({
      URL,
      self: { location: { href: 'https://example.org/reading-list/sw.js' }, addEventListener: () => {} },
    });
    new Script(source).runInContext(worker);
    const keys = new Script('[...KEYS.values()]').runInContext(worker);
    expect(keys).toEqual(plan.entries.map((entry) => `https://example.org${precacheKey(entry)}`));
  });
});
