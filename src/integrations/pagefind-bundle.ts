/**
 * Rewrites a Pagefind bundle in place so that a first search downloads less and a rebuild
 * renames only the files that changed: compacts each language's metadata
 * (src/lib/search/pagefind-meta.ts explains what and why), renames the fragment and index chunk
 * files to match, and points pagefind-entry.json at the new metadata. Index chunks and fragments
 * themselves are not touched.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  compactPagefindMeta,
  packPagefindFile,
  pagefindMetaFiles,
  unpackPagefindFile,
  type BundleContents,
  type CompactOptions,
} from '../lib/search/pagefind-meta.ts';

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

/** Files handled at once: a large site has tens of thousands, more than a process may open. */
const BATCH = 64;

async function inBatches<T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += BATCH) results.push(...(await Promise.all(items.slice(i, i + BATCH).map(run))));
  return results;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Content hashes of the files the metadata names, and each fragment's page URL (which decides its block). */
async function readContents(bundleDir: string, files: { fragments: string[]; chunks: string[] }): Promise<BundleContents> {
  const fragments = await inBatches(files.fragments, async (name) => {
    const path = join(bundleDir, 'fragment', `${name}.pf_fragment`);
    const bytes = await readFile(path);
    const { url } = JSON.parse(new TextDecoder().decode(unpackPagefindFile(bytes, path))) as { url: string };
    return [name, { hash: sha256(bytes), url }] as const;
  });
  const chunks = await inBatches(
    files.chunks,
    async (name) => [name, sha256(await readFile(join(bundleDir, 'index', `${name}.pf_index`)))] as const,
  );
  return { fragments: new Map(fragments), chunks: new Map(chunks) };
}

/** Renames old → new names in `dir` (`<name><extension>`). */
async function renameAll(dir: string, names: Map<string, string>, extension: string): Promise<void> {
  await inBatches([...names], ([from, to]) => rename(join(dir, from + extension), join(dir, to + extension)));
}

export async function compactPagefindBundle(bundleDir: string, options: CompactOptions): Promise<CompactedBundle> {
  const entryPath = join(bundleDir, 'pagefind-entry.json');
  const entry = JSON.parse(await readFile(entryPath, 'utf8')) as PagefindEntry;
  const result: CompactedBundle = { metaBytesBefore: 0, metaBytesAfter: 0, renamedFiles: 0, indexedPages: 0 };
  for (const language of Object.values(entry.languages)) {
    const oldPath = join(bundleDir, `pagefind.${language.hash}.pf_meta`);
    const original = await readFile(oldPath);
    const metaCbor = unpackPagefindFile(original, oldPath);
    const contents = await readContents(bundleDir, pagefindMetaFiles(metaCbor));
    const compacted = compactPagefindMeta(metaCbor, options, contents);
    const packed = packPagefindFile(compacted.cbor);
    // Same naming as Pagefind's: language prefix, then a hash of the file.
    const prefix = language.hash.slice(0, language.hash.lastIndexOf('_') + 1);
    const hash = prefix + sha256(packed).slice(0, 10);

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
