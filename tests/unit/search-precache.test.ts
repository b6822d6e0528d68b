import { describe, expect, it } from 'vitest';
import { Script } from 'node:vm';
import { fileUrl, planPrecache, type SiteFile } from '../../src/lib/search/precache.ts';
import { serviceWorkerScript } from '../../src/integrations/service-worker.ts';

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
  file('pagefind/pagefind.js'),
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

describe('planPrecache', () => {
  it('precaches a small site whole, minus what no reader needs offline', () => {
    const plan = planPrecache(site, '/reading-list/');
    expect(plan.mode).toBe('full');
    expect(plan.urls).toContain('/reading-list/');
    expect(plan.urls).toContain('/reading-list/papers/a/');
    expect(plan.urls).toContain('/reading-list/pagefind/fragment/en_2.pf_fragment');
    expect(plan.urls).not.toContain('/reading-list/sw.js');
    expect(plan.urls).not.toContain('/reading-list/pagefind/pagefind-ui.js');
    expect(plan.urls).not.toContain('/reading-list/pagefind/wasm.unknown.pagefind');
    expect(plan.urls).not.toContain('/reading-list/sitemap-index.xml');
    expect(plan.urls).toEqual([...plan.urls].sort());
    expect(plan.bytes).toBe(plan.urls.length * 1000);
  });

  it('above the limit, precaches the shell and the whole search index, not the pages', () => {
    const plan = planPrecache(site, '/', 5000);
    expect(plan.mode).toBe('shell');
    expect(plan.urls).toEqual([
      '/',
      '/404.html',
      '/_astro/SearchBox.abc.js',
      '/favicon.svg',
      '/manifest.webmanifest',
      '/pagefind/fragment/en_2.pf_fragment',
      '/pagefind/index/en_1.pf_index',
      '/pagefind/pagefind-entry.json',
      '/pagefind/pagefind.js',
      '/search/',
      '/topics/',
    ]);
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

describe('serviceWorkerScript', () => {
  it('is valid JavaScript carrying the plan', () => {
    const source = serviceWorkerScript({
      version: 'abc123',
      base: '/reading-list/',
      mode: 'full',
      urls: ['/reading-list/', '/reading-list/papers/a/'],
    });
    expect(() => new Script(source)).not.toThrow();
    expect(source).toContain('"version":"abc123"');
    expect(source).toContain('"/reading-list/papers/a/"');
  });
});
