/**
 * Writes a search bundle (pagefind-bundle.ts) to its folder from a worker thread, recompressing
 * on the way the files every first search downloads whole. Done in the build's main thread, this
 * stalled page rendering for seconds per slice (bench --cpu-prof): Zopfli holds the thread for
 * about a second, and thousands of file writes filled libuv's four-thread pool, queueing Astro's
 * own page writes behind them. The worker writes synchronously, outside that pool.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';
import type { BundleFiles } from './pagefind-bundle.ts';
import { runInWorker } from '../worker-threads.ts';

/**
 * Files every first search downloads whole: Pagefind's WebAssembly (for the languages pages use,
 * not its fallback for pages without one) and each slice's metadata.
 */
const FETCHED_WHOLE = /^(wasm\.(?!unknown\.)[^/]+\.pagefind|pagefind\.[^/]+\.pf_meta)$/;
/** Zopfli's passes: more gain next to nothing (Pagefind's WebAssembly: 5 → 56,887 bytes, 50 → 56,872). */
const ZOPFLI_ITERATIONS = 5;

/**
 * Recompresses the files every first search downloads whole with Zopfli: gzip that any reader
 * (Pagefind's own) inflates, 3–8% smaller than zlib's best (the WebAssembly 59.8 → 56.9 KB), for
 * about a second of build time. The name of a metadata file still follows its content, which
 * decides the recompressed bytes too. Index chunks and fragments keep zlib's: there are tens of
 * thousands, and a search fetches a few.
 */
export async function recompressFetchedWhole(files: BundleFiles): Promise<void> {
  for (const [path, bytes] of files) {
    if (FETCHED_WHOLE.test(path)) files.set(path, await gzipAsync(gunzipSync(bytes), { numiterations: ZOPFLI_ITERATIONS }));
  }
}

/** Files written at once when no page waits to be written (libuv's pool is then free). */
const BATCH = 64;

/**
 * Recompresses and writes the bundle's files into `dir`, in this thread (the worker's work):
 * one after another while pages are being written, in parallel batches (through libuv's pool)
 * for the last slice, which nothing else waits behind (measured: about 2 s sooner at 10,000 papers).
 */
export async function writeBundleHere(dir: string, files: BundleFiles, parallel = false): Promise<void> {
  await recompressFetchedWhole(files);
  for (const folder of new Set([...files.keys()].map((path) => dirname(join(dir, path))))) mkdirSync(folder, { recursive: true });
  if (!parallel) {
    for (const [path, content] of files) writeFileSync(join(dir, path), content);
    return;
  }
  const entries = [...files];
  for (let i = 0; i < entries.length; i += BATCH) {
    await Promise.all(entries.slice(i, i + BATCH).map(([path, content]) => writeFile(join(dir, path), content)));
  }
}

export interface BundleJob {
  dir: string;
  files: [string, Uint8Array][];
  parallel: boolean;
}

/**
 * Recompresses and writes the bundle into `dir` from a worker thread (from this one where a
 * worker cannot start); `parallel` when no page will be written meanwhile (the last slice).
 */
export async function writeBundle(dir: string, files: BundleFiles, parallel = false): Promise<void> {
  const job: BundleJob = { dir, files: [...files], parallel };
  try {
    await runInWorker(new URL('./bundle-write-worker.ts', import.meta.url), job, () => writeBundleHere(dir, files, parallel));
  } catch (cause) {
    throw new Error(`writing the search index to ${dir} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
