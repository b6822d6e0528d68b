import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SLICE_FOLDER_NAME, sliceCount, sliceFolder, sliceOf } from '../../src/lib/search/slices.ts';
import { SearchIndexer, indexedPart } from '../../src/integrations/search-index.ts';
import { unpackPagefindFile } from '../../src/lib/search/pagefind-meta.ts';
import { decodeCbor } from '../../src/lib/search/cbor.ts';

/** The compaction the build uses (src/integrations/pagefind.ts). */
const COMPACTION = { uniformWordCounts: true, blocks: { averageBlock: 32, maxBlock: 128 }, scaledBlocks: true };

describe('slices of the search index', () => {
  it('are fixed runs of papers in listing order: adding a paper at the end changes the last slice only', () => {
    expect(sliceCount(0, 5)).toBe(1);
    expect(sliceCount(5, 5)).toBe(1);
    expect(sliceCount(6, 5)).toBe(2);
    expect([0, 4, 5, 9, 10].map((position) => sliceOf(position, 5))).toEqual([0, 0, 1, 1, 2]);
    expect([sliceFolder(0), sliceFolder(1), sliceFolder(12)]).toEqual(['pagefind/', 'pagefind/slice-1/', 'pagefind/slice-12/']);
    expect(SLICE_FOLDER_NAME.test('slice-12')).toBe(true);
    expect(SLICE_FOLDER_NAME.test('fragment')).toBe(false);
  });
});

describe('indexedPart', () => {
  it('keeps the data-pagefind-body element whole, nested elements of its kind included, with the page language', () => {
    const page =
      '<!doctype html><html lang="de"><head><title>T</title></head><body><header><div>nav</div></header>' +
      '<main><div data-pagefind-body><h1>Titel</h1><div class="a"><div>x</div></div><p>Text</p></div><div>after</div></main></body></html>';
    expect(indexedPart(page)).toBe(
      '<!doctype html><html lang="de"><body><div data-pagefind-body><h1>Titel</h1><div class="a"><div>x</div></div><p>Text</p></div></body></html>',
    );
  });

  it('leaves a page without a body element (or with one it cannot delimit) whole', () => {
    expect(indexedPart('<html><body><p>x</p></body></html>')).toBe('<html><body><p>x</p></body></html>');
    expect(indexedPart('<html><body><div data-pagefind-body><div>open</body></html>')).toBe(
      '<html><body><div data-pagefind-body><div>open</body></html>',
    );
  });
});

const page = (title: string, words: string) =>
  `<!doctype html><html lang="en"><body><header>site</header><div data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1><p>${words}</p></div></body></html>`;

/** Builds an index of `papers` in slices of 2, the pages handed over in `order`; returns every file, by path. */
async function buildIndex(papers: string[], order: number[]): Promise<Map<string, Buffer>> {
  const outDir = await mkdtemp(join(tmpdir(), 'search-slices-'));
  try {
    const written: number[] = [];
    const indexer = new SearchIndexer({
      outDir,
      papers: papers.map((id) => ({ id })),
      compaction: COMPACTION,
      indexChunkSize: 2000,
      slicePapers: 2,
      onSlice: (slice) => written.push(slice),
    });
    indexer.page('404.html', page('Not found', 'nothing here'));
    for (const i of order) indexer.page(`papers/${papers[i]}/`, page(`Paper ${papers[i]}`, `words about ${papers[i]} and flows`));
    const report = await indexer.finish();
    expect(report).toMatchObject({ pages: papers.length, indexedPages: papers.length, slices: Math.ceil(papers.length / 2) });
    expect([...written].sort()).toEqual(Array.from({ length: report.slices }, (_, i) => i));
    const files = new Map<string, Buffer>();
    for (const path of (await readdir(outDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())) {
      const full = join(path.parentPath, path.name);
      files.set(full.slice(outDir.length + 1), await readFile(full));
    }
    return files;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

describe('SearchIndexer', () => {
  const papers = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];

  it('writes one bundle per slice, papers in listing order whatever order they are rendered in, the same bytes either way', async () => {
    const inOrder = await buildIndex(papers, [0, 1, 2, 3, 4]);
    const shuffled = await buildIndex(papers, [3, 0, 4, 2, 1]);
    expect([...shuffled.keys()].sort()).toEqual([...inOrder.keys()].sort());
    for (const [path, bytes] of inOrder) expect(shuffled.get(path)!.equals(bytes), path).toBe(true);

    const folders = ['pagefind/', 'pagefind/slice-1/', 'pagefind/slice-2/'];
    const urls = folders.flatMap((folder) => {
      const entry = JSON.parse(inOrder.get(`${folder}pagefind-entry.json`)!.toString()) as { languages: { en: { hash: string } } };
      const metaPath = `${folder}pagefind.${entry.languages.en.hash}.pf_meta`;
      const [, pages] = decodeCbor(unpackPagefindFile(inOrder.get(metaPath)!, metaPath)) as [string, [string][]];
      return pages.map(([name]) => {
        const path = `${folder}fragment/${name}.pf_fragment`;
        return (JSON.parse(new TextDecoder().decode(unpackPagefindFile(inOrder.get(path)!, path))) as { url: string }).url;
      });
    });
    expect(urls).toEqual(papers.map((id) => `/papers/${id}/`));
    // Only the first slice carries Pagefind's code; pages other than papers are not indexed.
    expect([...inOrder.keys()].filter((path) => path.endsWith('pagefind.js'))).toEqual(['pagefind/pagefind.js']);
  });

  it('fails the build when a paper page never came', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'search-slices-'));
    try {
      const indexer = new SearchIndexer({
        outDir,
        papers: [{ id: 'a' }, { id: 'b' }],
        compaction: COMPACTION,
        indexChunkSize: 2000,
        slicePapers: 2,
      });
      indexer.page('papers/b/', page('B', 'words'));
      await expect(indexer.finish()).rejects.toThrow(/1 paper page\(s\) were never rendered/);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
