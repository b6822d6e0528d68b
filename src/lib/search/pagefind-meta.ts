/**
 * Shrinks Pagefind's metadata file, the one file every first search downloads whole.
 *
 * `pagefind.<hash>.pf_meta` lists every indexed page by the name of its fragment file and its
 * word count, and every index chunk by its word range and file name. Pagefind names those
 * files by content hash ("en_31ba8a7"): seven random hex digits a page, which gzip cannot
 * shrink, so for 10,000 papers the file is 68 KB of a first query's budget. Here:
 *
 * - fragment and index chunk files get short sequential names ("k3f9a1-0", "k3f9a1-1", …):
 *   a per-build tag (hashed from the original metadata, which holds every content hash, so any
 *   change to any page gives new names and no cache can serve a stale file) and a base-36 count;
 * - word counts, which only feed the page-length part of the ranking, are rounded to
 *   `wordCountStep` (a paper's abstract is ~150–250 words, so a step of 16 changes the length
 *   normalisation by a few percent at most).
 *
 * The caller renames the files (src/integrations/pagefind-bundle.ts). Pages whose fragments
 * Pagefind bundled into shared group files (`maxFragments`) keep their names: their name is
 * also a key inside the group file.
 *
 * File layout (Pagefind 1.6.0, pagefind/src/index/index_metadata.rs): gzip of "pagefind_dcd"
 * followed by CBOR [version, pages: [hash, word_count, group?][], chunks: [from, to, hash][],
 * filters, sorts, meta_fields].
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeCbor, encodeCbor, type CborValue } from './cbor.ts';

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
  /** Word counts are rounded to a multiple of this (1: unchanged). */
  wordCountStep: number;
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

export function roundWordCount(count: number, step: number): number {
  return step <= 1 || count < step ? count : Math.round(count / step) * step;
}

/** Old name → `<tag>-<n in base 36>`, n counting distinct old names in the order first seen. */
function sequentialNames(tag: string) {
  const names = new Map<string, string>();
  const rename = (old: string): string => {
    let name = names.get(old);
    if (name === undefined) names.set(old, (name = `${tag}-${names.size.toString(36)}`));
    return name;
  };
  return { names, rename };
}

export function compactPagefindMeta(metaCbor: Uint8Array, { wordCountStep }: CompactOptions): CompactedMeta {
  const meta = decodeCbor(metaCbor);
  checkShape(meta);
  const tag = createHash('sha256').update(metaCbor).digest('hex').slice(0, 6);
  const fragments = sequentialNames(tag);
  const chunks = sequentialNames(tag);

  // Identical pages share a fragment (Pagefind names them by content), so names map one to one.
  const pages = meta[1].map((page) => {
    const [name, wordCount, ...rest] = page as [string, number, ...CborValue[]];
    return [ungrouped(page) ? fragments.rename(name) : name, roundWordCount(wordCount, wordCountStep), ...rest];
  });
  const chunkEntries = meta[2].map(([from, to, name]) => [from!, to!, chunks.rename(name as string)]);

  const [version, , , ...rest] = meta;
  return {
    cbor: encodeCbor([version, pages, chunkEntries, ...rest]),
    fragments: fragments.names,
    chunks: chunks.names,
    pages: pages.length,
  };
}
