/**
 * Rewrites a Pagefind bundle in place so that a first search downloads less: compacts each
 * language's metadata (src/lib/search/pagefind-meta.ts explains what and why), renames the
 * fragment and index chunk files to match, and points pagefind-entry.json at the new metadata.
 * Index chunks and fragments themselves are not touched.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compactPagefindMeta, packPagefindFile, unpackPagefindFile, type CompactOptions } from '../lib/search/pagefind-meta.ts';

interface PagefindEntry {
  languages: Record<string, { hash: string; [key: string]: unknown }>;
  [key: string]: unknown;
}

export interface CompactedBundle {
  /** Metadata bytes (gzipped, as served), all languages. */
  metaBytesBefore: number;
  metaBytesAfter: number;
  renamedFiles: number;
  /** Pages in the index, all languages. */
  indexedPages: number;
}

/** Renames old → new names in `dir` (`<name><extension>`), a few at a time. */
async function renameAll(dir: string, names: Map<string, string>, extension: string): Promise<void> {
  const pairs = [...names];
  const BATCH = 64;
  for (let i = 0; i < pairs.length; i += BATCH) {
    await Promise.all(pairs.slice(i, i + BATCH).map(([from, to]) => rename(join(dir, from + extension), join(dir, to + extension))));
  }
}

export async function compactPagefindBundle(bundleDir: string, options: CompactOptions): Promise<CompactedBundle> {
  const entryPath = join(bundleDir, 'pagefind-entry.json');
  const entry = JSON.parse(await readFile(entryPath, 'utf8')) as PagefindEntry;
  const result: CompactedBundle = { metaBytesBefore: 0, metaBytesAfter: 0, renamedFiles: 0, indexedPages: 0 };
  for (const language of Object.values(entry.languages)) {
    const oldPath = join(bundleDir, `pagefind.${language.hash}.pf_meta`);
    const original = await readFile(oldPath);
    const compacted = compactPagefindMeta(unpackPagefindFile(original, oldPath), options);
    const packed = packPagefindFile(compacted.cbor);
    // Same naming as Pagefind's: language prefix, then a hash of the file.
    const prefix = language.hash.slice(0, language.hash.lastIndexOf('_') + 1);
    const hash = prefix + createHash('sha256').update(packed).digest('hex').slice(0, 10);

    await renameAll(join(bundleDir, 'fragment'), compacted.fragments, '.pf_fragment');
    await renameAll(join(bundleDir, 'index'), compacted.chunks, '.pf_index');
    await writeFile(join(bundleDir, `pagefind.${hash}.pf_meta`), packed);
    if (hash !== language.hash) await rm(oldPath);
    language.hash = hash;

    result.metaBytesBefore += original.length;
    result.metaBytesAfter += packed.length;
    result.renamedFiles += compacted.fragments.size + compacted.chunks.size;
    result.indexedPages += compacted.pages;
  }
  await writeFile(entryPath, JSON.stringify(entry));
  return result;
}
