/**
 * Shrinks Pagefind's metadata file, the one file every first search downloads whole.
 *
 * `pagefind.<hash>.pf_meta` lists every indexed page by the name of its fragment file and its
 * word count, and every index chunk by its word range and file name. Pagefind names those
 * files by content hash ("en_31ba8a7"): seven random hex digits a page, which gzip cannot
 * shrink, so for 10,000 papers the file is 68 KB of a first query's budget. Here:
 *
 * - fragment and index chunk files get short names that still follow their content, named in
 *   blocks (src/lib/search/content-names.ts: "3f9a1c07b2-0", "3f9a1c07b2-1", …): a file whose
 *   block did not change keeps its name from one build to the next, so readers and their
 *   service worker fetch it once, and a name always means the same bytes;
 * - word counts, which feed only the page-length part of Pagefind's ranking (BM25's length
 *   normalisation), are all set to the pages' median (`uniformWordCounts`): one count per page
 *   cost 5 KB (gzipped) per 5,000 pages of every first search, and on a list whose pages are
 *   all one abstract long, ranking by length mostly just favoured shorter abstracts. Titles,
 *   weighted ten times, still come first.
 *
 * The caller renames the files (src/integrations/pagefind-bundle.ts). Pages whose fragments
 * Pagefind bundled into shared group files (`maxFragments`) keep their names: their name is
 * also a key inside the group file.
 *
 * File layout (Pagefind 1.6.0, pagefind/src/index/index_metadata.rs): gzip of "pagefind_dcd"
 * followed by CBOR [version, pages: [hash, word_count, group?][], chunks: [from, to, hash][],
 * filters, sorts, meta_fields].
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeCbor, encodeCbor, type CborValue } from './cbor.ts';
import { blockNames, blockSizeFor, type BlockOptions } from './content-names.ts';

const SIGNATURE = new TextEncoder().encode('pagefind_dcd');

export class PagefindFormatError extends Error {}

/** The CBOR inside a Pagefind file: gunzipped, signature checked and removed. */
export function unpackPagefindFile(file: Uint8Array, name: string): Uint8Array {
  const content = gunzipSync(file);
  if (!SIGNATURE.every((byte, i) => content[i] === byte))
    throw new PagefindFormatError(`${name} does not start with Pagefind's "pagefind_dcd" signature`);
  return content.subarray(SIGNATURE.length);
}

/** The reverse of unpackPagefindFile. Node's gzip header has no time stamp, so the bytes are reproducible. */
export function packPagefindFile(cbor: Uint8Array): Uint8Array {
  const content = new Uint8Array(SIGNATURE.length + cbor.length);
  content.set(SIGNATURE);
  content.set(cbor, SIGNATURE.length);
  return gzipSync(content, { level: 9 });
}

export interface CompactOptions {
  /** Every page gets the median word count (false: each keeps its own). */
  uniformWordCounts: boolean;
  /** Fragment and chunk files per block of names, on average and at most (see content-names.ts). */
  blocks: BlockOptions;
  /** Blocks sized to the index (`blockSizeFor`), `blocks.averageBlock` being the largest (false: as given). */
  scaledBlocks: boolean;
}

/** What the files the metadata names hold, by their Pagefind name (see pagefindMetaFiles). */
export interface BundleContents {
  /** Each ungrouped fragment's content hash and page URL. */
  fragments: ReadonlyMap<string, { hash: string; url: string }>;
  /** Each index chunk's content hash. */
  chunks: ReadonlyMap<string, string>;
}

export interface CompactedMeta {
  /** The new metadata, as CBOR (pack it with packPagefindFile). */
  cbor: Uint8Array;
  /** Old fragment name → new, for files in `fragment/` (`<name>.pf_fragment`). */
  fragments: Map<string, string>;
  /** Old index chunk name → new, for files in `index/` (`<name>.pf_index`). */
  chunks: Map<string, string>;
  /** Pages in the index. */
  pages: number;
}

/**
 * The Pagefind version whose private metadata layout this module rewrites. package.json pins
 * `pagefind` to it exactly; a different version stops the build until someone checks its layout.
 */
export const PAGEFIND_VERSION = '1.6.0';

/** What each page and chunk entry must look like before anything is changed. */
function checkShape(meta: CborValue): asserts meta is [string, CborValue[][], CborValue[][], ...CborValue[]] {
  const fail = (what: string): never => {
    throw new PagefindFormatError(`unexpected Pagefind metadata layout (${what}); this code knows Pagefind ${PAGEFIND_VERSION}`);
  };
  if (!Array.isArray(meta) || meta.length < 3 || typeof meta[0] !== 'string') fail('not [version, pages, chunks, …]');
  const [version, pages, chunks] = meta as CborValue[];
  if (version !== PAGEFIND_VERSION) {
    throw new PagefindFormatError(
      `Pagefind ${String(version)} wrote this index, but the metadata compaction (src/lib/search/pagefind-meta.ts) ` +
        `was written for Pagefind ${PAGEFIND_VERSION}, whose private file layout it rewrites. Install pagefind@${PAGEFIND_VERSION} ` +
        `(package.json pins it), or check the new version's layout (pagefind/src/index/index_metadata.rs) and update PAGEFIND_VERSION.`,
    );
  }
  if (!Array.isArray(pages) || !pages.every((p) => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'number')) fail('pages');
  if (!Array.isArray(chunks) || !chunks.every((c) => Array.isArray(c) && c.length === 3 && c.every((part) => typeof part === 'string')))
    fail('chunks');
}

const ungrouped = (page: CborValue[]) => page.length < 3 || page[2] === '' || page[2] === null;

/** The median of `counts` (the lower middle one of an even number), 0 for none. */
export function medianWordCount(counts: readonly number[]): number {
  const sorted = [...counts].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/** The fragment (ungrouped pages only) and index chunk files a metadata file names, for the caller to read. */
export function pagefindMetaFiles(metaCbor: Uint8Array): { fragments: string[]; chunks: string[] } {
  const meta = decodeCbor(metaCbor);
  checkShape(meta);
  return {
    fragments: [...new Set(meta[1].filter(ungrouped).map((page) => page[0] as string))],
    chunks: meta[2].map((chunk) => chunk[2] as string),
  };
}

export function compactPagefindMeta(
  metaCbor: Uint8Array,
  { uniformWordCounts, blocks, scaledBlocks }: CompactOptions,
  contents: BundleContents,
): CompactedMeta {
  const meta = decodeCbor(metaCbor);
  checkShape(meta);
  const known = <T>(map: ReadonlyMap<string, T>, name: string, kind: string): T => {
    const value = map.get(name);
    if (value === undefined) throw new PagefindFormatError(`the metadata names ${kind} ${name}, which the bundle does not have`);
    return value;
  };
  const sized = (count: number) => (scaledBlocks ? blockSizeFor(count, blocks) : blocks);
  const fragments = blockNames(
    meta[1].filter(ungrouped).map((page) => {
      const name = page[0] as string;
      const { hash, url } = known(contents.fragments, name, 'fragment');
      return { name, key: url, hash };
    }),
    sized(meta[1].length),
  );
  const chunks = blockNames(
    meta[2].map(([from, , name]) => ({
      name: name as string,
      key: from as string,
      hash: known(contents.chunks, name as string, 'index chunk'),
    })),
    sized(meta[2].length),
  );

  // Identical pages share a fragment (Pagefind names them by content), so names map one to one.
  const uniform = uniformWordCounts ? medianWordCount(meta[1].map((page) => page[1] as number)) : null;
  const pages = meta[1].map((page) => {
    const [name, wordCount, ...rest] = page as [string, number, ...CborValue[]];
    return [ungrouped(page) ? fragments.get(name)! : name, uniform ?? wordCount, ...rest];
  });
  const chunkEntries = meta[2].map(([from, to, name]) => [from!, to!, chunks.get(name as string)!]);

  const [version, , , ...rest] = meta;
  return {
    cbor: encodeCbor([version, pages, chunkEntries, ...rest]),
    fragments,
    chunks,
    pages: pages.length,
  };
}
