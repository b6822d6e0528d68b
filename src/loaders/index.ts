/**
 * Content loaders (Astro Content Layer API) over the pipeline in `src/lib/`.
 * Each stores one entry per item with a digest, so unchanged entries are not rewritten,
 * and deletes entries whose item is gone from the seeds.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { loadCorpus, type CorpusSource } from './corpus.ts';

type Item = { id: string } & Record<string, unknown>;

function syncStore(context: LoaderContext, items: readonly Item[]): void {
  const { store, generateDigest } = context;
  const stale = new Set(store.keys());
  for (const item of items) {
    stale.delete(item.id);
    store.set({ id: item.id, data: item, digest: generateDigest(item) });
  }
  for (const id of stale) store.delete(id);
}

export function papersLoader(source: CorpusSource): Loader {
  return {
    name: 'reading-list:papers',
    load: async (context) => syncStore(context, (await loadCorpus(source, context)).papers as unknown as Item[]),
  };
}

export function topicsLoader(source: CorpusSource): Loader {
  return {
    name: 'reading-list:topics',
    load: async (context) => syncStore(context, (await loadCorpus(source, context)).topics as unknown as Item[]),
  };
}
