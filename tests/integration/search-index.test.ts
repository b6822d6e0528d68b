/**
 * The Pagefind bundle after compaction (src/integrations/pagefind-bundle.ts): every name the
 * metadata uses is a file, every file is named, and each fragment is the paper it claims to be.
 * That searches work in a browser is for tests/e2e/search.test.ts.
 */
import { describe, expect, inject, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCbor, encodeCbor } from '../../src/lib/search/cbor.ts';
import { unpackPagefindFile } from '../../src/lib/search/pagefind-meta.ts';

const sites = { fixture: inject('fixtureSite'), real: inject('realSite') };

describe.each(Object.entries(sites))('search index of the %s site', (_, site) => {
  const bundle = join(site.outDir, 'pagefind');
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string; page_count: number }>;
  };
  const read = (path: string) => unpackPagefindFile(readFileSync(join(bundle, path)), path);
  const names = (dir: string, extension: string) =>
    readdirSync(join(bundle, dir))
      .map((file) => file.slice(0, -extension.length))
      .sort();
  const papers = JSON.parse(readFileSync(join(site.outDir, 'papers.json'), 'utf8')) as { url: string; title: string }[];

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

  it('indexes each paper page once, under the right name', () => {
    expect(pages).toHaveLength(papers.length);
    const fragments = pages.map(
      ([name]) => JSON.parse(new TextDecoder().decode(read(`fragment/${name}.pf_fragment`))) as { url: string; meta: { title: string } },
    );
    // Pagefind stores URLs from the site root; the client puts the base path in front.
    const urls = fragments.map((f) => site.base + f.url.slice(1));
    expect([...urls].sort()).toEqual(papers.map((p) => p.url).sort());
    const titleByUrl = new Map(papers.map((p) => [p.url, p.title]));
    fragments.forEach((fragment, i) => expect(fragment.meta.title).toBe(titleByUrl.get(urls[i]!)));
  });

  it('reads and writes every CBOR file of the bundle byte for byte (metadata, index chunks, filters)', () => {
    const files = readdirSync(bundle, { recursive: true })
      .map(String)
      .filter((path) => /\.pf_(meta|index|filter)$/.test(path));
    expect(files.length).toBeGreaterThan(chunks.length);
    for (const path of files) {
      const cbor = read(path);
      expect(Buffer.from(encodeCbor(decodeCbor(cbor))).equals(Buffer.from(cbor)), path).toBe(true);
    }
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
