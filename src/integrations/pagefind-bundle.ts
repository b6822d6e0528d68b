/**
 * Rewrites a Pagefind bundle, held in memory as Pagefind's `getFiles()` gives it, so that a first
 * search downloads less and a rebuild renames only the files that changed: compacts each
 * language's metadata (src/lib/search/pagefind-meta.ts explains what and why), renames the
 * fragment and index chunk files to match, and points pagefind-entry.json at the new metadata.
 * Index chunks and fragments themselves are not touched. bundle-writer.ts then writes it.
 */
import { createHash } from 'node:crypto';
import { transform } from 'esbuild';
import {
  compactPagefindMeta,
  packPagefindFile,
  pagefindMetaFiles,
  unpackPagefindFile,
  type BundleContents,
  type CompactOptions,
} from '../lib/search/pagefind-meta.ts';

/** A bundle's files by path inside the bundle (`pagefind-entry.json`, `fragment/<name>.pf_fragment`…). */
export type BundleFiles = Map<string, Uint8Array>;

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

const ENTRY = 'pagefind-entry.json';
const SCRIPT = 'pagefind.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function file(files: BundleFiles, path: string): Uint8Array {
  const content = files.get(path);
  if (!content) throw new Error(`the Pagefind bundle has no ${path}`);
  return content;
}

/** Content hashes of the files the metadata names, and each fragment's page URL (which decides its block). */
function readContents(files: BundleFiles, names: { fragments: string[]; chunks: string[] }): BundleContents {
  const decoder = new TextDecoder();
  const fragments = names.fragments.map((name) => {
    const path = `fragment/${name}.pf_fragment`;
    const bytes = file(files, path);
    const { url } = JSON.parse(decoder.decode(unpackPagefindFile(bytes, path))) as { url: string };
    return [name, { hash: sha256(bytes), url }] as const;
  });
  const chunks = names.chunks.map((name) => [name, sha256(file(files, `index/${name}.pf_index`))] as const);
  return { fragments: new Map(fragments), chunks: new Map(chunks) };
}

/** Moves `<folder>/<old><extension>` to `<folder>/<new><extension>` for each name. */
function renameAll(files: BundleFiles, folder: string, names: Map<string, string>, extension: string): void {
  const moved = [...names].map(([from, to]) => [`${folder}/${to}${extension}`, file(files, `${folder}/${from}${extension}`)] as const);
  for (const from of names.keys()) files.delete(`${folder}/${from}${extension}`);
  for (const [path, content] of moved) files.set(path, content);
}

/** Compacts the bundle in `files` (changed in place). */
export function compactPagefindBundle(files: BundleFiles, options: CompactOptions): CompactedBundle {
  const entry = JSON.parse(new TextDecoder().decode(file(files, ENTRY))) as PagefindEntry;
  const result: CompactedBundle = { metaBytesBefore: 0, metaBytesAfter: 0, renamedFiles: 0, indexedPages: 0 };
  for (const language of Object.values(entry.languages)) {
    const oldPath = `pagefind.${language.hash}.pf_meta`;
    const original = file(files, oldPath);
    const metaCbor = unpackPagefindFile(original, oldPath);
    const compacted = compactPagefindMeta(metaCbor, options, readContents(files, pagefindMetaFiles(metaCbor)));
    const packed = packPagefindFile(compacted.cbor);
    // Same naming as Pagefind's: language prefix, then a hash of the file.
    const prefix = language.hash.slice(0, language.hash.lastIndexOf('_') + 1);
    const hash = prefix + sha256(packed).slice(0, 10);

    renameAll(files, 'fragment', compacted.fragments, '.pf_fragment');
    renameAll(files, 'index', compacted.chunks, '.pf_index');
    files.delete(oldPath);
    files.set(`pagefind.${hash}.pf_meta`, packed);
    language.hash = hash;

    result.metaBytesBefore += original.length;
    result.metaBytesAfter += packed.length;
    result.renamedFiles += compacted.fragments.size + compacted.chunks.size;
    result.indexedPages += compacted.pages;
  }
  files.set(ENTRY, new TextEncoder().encode(JSON.stringify(entry)));
  return result;
}

/**
 * Pagefind's own script, minified: Pagefind ships it without whitespace but with its long names
 * (47 KB, 13.3 KB gzipped); minified it is 11.4 KB gzipped, fetched by every first search.
 */
export async function minifyPagefindScript(files: BundleFiles): Promise<void> {
  const script = files.get(SCRIPT);
  if (!script) return;
  const { code } = await transform(new TextDecoder().decode(script), { minify: true, format: 'esm', target: 'es2020' });
  files.set(SCRIPT, new TextEncoder().encode(code));
}
