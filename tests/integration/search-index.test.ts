/**
 * The Pagefind bundles after compaction (src/integrations/pagefind-bundle.ts), one per slice of
 * papers (src/lib/search/slices.ts; the fixture site is built in slices of 8): every name the
 * metadata uses is a file, every file is named, and each fragment is the paper it claims to be.
 * That searches work in a browser is for tests/e2e/search.test.ts.
 */
import { describe, expect, inject, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCbor, encodeCbor } from '../../src/lib/search/cbor.ts';
import { unpackPagefindFile } from '../../src/lib/search/pagefind-meta.ts';
import { SLICE_FOLDER_NAME } from '../../src/lib/search/slices.ts';

const sites = { fixture: inject('fixtureSite'), real: inject('realSite') };

/** The slices' folders of a built site: Pagefind's own bundle first, then `slice-1/`, `slice-2/`… */
function sliceFolders(outDir: string): string[] {
  const others = readdirSync(join(outDir, 'pagefind'))
    .filter((name) => SLICE_FOLDER_NAME.test(name))
    .sort((a, b) => Number(a.slice(6)) - Number(b.slice(6)));
  return ['pagefind', ...others.map((name) => `pagefind/${name}`)];
}

describe.each(Object.entries(sites))('search index of the %s site', (_, site) => {
  const papers = JSON.parse(readFileSync(join(site.outDir, 'papers.json'), 'utf8')) as { url: string; title: string }[];
  const folders = sliceFolders(site.outDir);
  const expectedSlices = site === sites.fixture ? 3 : 1;

  it(`comes in ${expectedSlices} slice(s) of papers in listing order, each a bundle of its own`, () => {
    expect(folders.map((folder) => folder.replace(/^pagefind\/?/, ''))).toEqual(
      Array.from({ length: expectedSlices }, (_, i) => (i === 0 ? '' : `slice-${i}`)),
    );
    // Only the first carries Pagefind's code: the browser merges the others into it.
    expect(readdirSync(join(site.outDir, 'pagefind'))).toContain('pagefind.js');
    for (const folder of folders.slice(1))
      expect(readdirSync(join(site.outDir, folder)).sort()).toEqual(expect.arrayContaining(['fragment', 'index', 'pagefind-entry.json']));
    for (const folder of folders.slice(1))
      expect(readdirSync(join(site.outDir, folder)).filter((f) => f.endsWith('.js') || f.endsWith('.pagefind'))).toEqual([]);
  });

  const indexed: { url: string; title: string }[] = [];
  describe.each(folders)('slice %s', (folder) => {
    const bundle = join(site.outDir, folder);
    const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string; page_count: number }>;
    };
    const read = (path: string) => unpackPagefindFile(readFileSync(join(bundle, path)), path);
    const names = (dir: string, extension: string) =>
      readdirSync(join(bundle, dir))
        .map((file) => file.slice(0, -extension.length))
        .sort();

    it('has one metadata file, the one the entry file names', () => {
      expect(Object.keys(entry.languages)).toEqual(['en']);
      const metaFiles = readdirSync(bundle).filter((f) => f.endsWith('.pf_meta'));
      expect(metaFiles).toEqual([`pagefind.${entry.languages.en!.hash}.pf_meta`]);
    });

    const [, pages, chunks] = decodeCbor(read(`pagefind.${entry.languages.en!.hash}.pf_meta`)) as [
      string,
      [string, number, string][],
      [string, string, string][],
    ];

    it('names every fragment and index chunk file with a short name, and no other file', () => {
      const fragmentNames = [...new Set(pages.map(([name]) => name))].sort();
      expect(names('fragment', '.pf_fragment')).toEqual(fragmentNames);
      expect(names('index', '.pf_index')).toEqual(chunks.map(([, , name]) => name).sort());
      for (const name of [...fragmentNames, ...chunks.map(([, , n]) => n)]) expect(name).toMatch(/^[0-9a-f]{10}-[0-9a-z]+$/);
    });

    it('indexes its paper pages in listing order, each under the right name', () => {
      const fragments = pages.map(
        ([name]) => JSON.parse(new TextDecoder().decode(read(`fragment/${name}.pf_fragment`))) as { url: string; meta: { title: string } },
      );
      // Pagefind stores URLs from the site root; the client puts the base path in front.
      indexed.push(...fragments.map((f) => ({ url: site.base + f.url.slice(1), title: f.meta.title })));
    });

    it('reads and writes every CBOR file of the bundle byte for byte (metadata, index chunks, filters)', () => {
      const files = readdirSync(bundle, { recursive: true })
        .map(String)
        .filter((path) => /\.pf_(meta|index|filter)$/.test(path) && !path.startsWith('slice-'));
      expect(files.length).toBeGreaterThan(chunks.length);
      for (const path of files) {
        const cbor = read(path);
        expect(Buffer.from(encodeCbor(decodeCbor(cbor))).equals(Buffer.from(cbor)), path).toBe(true);
      }
    });
  });

  it('indexes every paper page once, the slices together in listing order', () => {
    expect(indexed).toEqual(papers.map(({ url, title }) => ({ url, title })));
  });

  it('reports what it indexed and the metadata it saved in the build log', () => {
    expect(site.log).toMatch(
      new RegExp(
        `\\[reading-list:pagefind\\] indexed \\d+ page\\(s\\) in \\d+ ms \\(${papers.length} searchable; metadata [\\d.]+ KiB → [\\d.]+ KiB\\)`,
      ),
    );
  });
});

describe('index chunk size', () => {
  it('is the small one the integration sets (Pagefind reads PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE)', () => {
    // The real seeds make 39 chunks of ~2,000 postings; with Pagefind's default of 20,000 they make 5.
    const chunks = readdirSync(join(sites.real.outDir, 'pagefind/index'));
    expect(chunks.length).toBeGreaterThan(20);
  });
});
