/**
 * Content loaders (Astro Content Layer API) over the pipeline in `src/lib/`.
 * Each stores one entry per item, validated against its collection's schema (schemas.ts) with
 * `parseData`, and a digest, so unchanged entries are neither checked nor rewritten; it deletes
 * entries whose item is gone. In `astro dev` each reloads when its source folders change.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus, sourceFolders, type CorpusSource } from './corpus.ts';
import { loadTopicFiles, type TopicFile } from './topic-files.ts';
import { watchFolders } from './watch.ts';

/** Validates and stores `items`, skipping those whose digest is unchanged; deletes the rest. */
async function syncStore<Item extends { id: string }>(context: LoaderContext, items: readonly Item[]): Promise<void> {
  const { store, parseData, generateDigest } = context;
  const stale = new Set(store.keys());
  for (const item of items) {
    stale.delete(item.id);
    const data = { ...item };
    const digest = generateDigest(data);
    if (store.get(item.id)?.digest === digest) continue;
    store.set({ id: item.id, data: await parseData({ id: item.id, data }), digest });
  }
  for (const id of stale) store.delete(id);
}

/**
 * Curator topic files are stored for their bodies, which pages render with `render()` (Astro
 * compiles the MDX), and their front matter, checked against `topicFileSchema`.
 */
async function syncTopicNotes(context: LoaderContext, files: readonly TopicFile[]): Promise<void> {
  const { store, parseData, generateDigest, config } = context;
  const stale = new Set(store.keys());
  for (const file of files) {
    stale.delete(file.id);
    const filePath = relative(fileURLToPath(config.root), file.path).split('\\').join('/');
    const digest = generateDigest(file.text);
    if (store.get(file.id)?.digest === digest) {
      store.addModuleImport(filePath); // the body's module, as Astro's glob() loader keeps it
      continue;
    }
    const data = await parseData({ id: file.id, data: file.frontMatter, filePath: file.path });
    store.set({ id: file.id, data, filePath, digest, deferredRender: true });
  }
  for (const id of stale) store.delete(id);
}

/** Loads once, then (in `astro dev`) again whenever a file in `folders` changes. */
function watchingLoader(
  name: string,
  folders: (context: LoaderContext) => string[],
  sync: (context: LoaderContext) => Promise<void>,
): Loader {
  return {
    name,
    load: async (context) => {
      await sync(context);
      watchFolders(context, folders(context), () => sync(context));
    },
  };
}

const seedsAndTopics = (source: CorpusSource) => (context: LoaderContext) => Object.values(sourceFolders(source, context));
const topicsOnly = (source: CorpusSource) => (context: LoaderContext) => [sourceFolders(source, context).topicsDir];

export function papersLoader(source: CorpusSource): Loader {
  return watchingLoader('reading-list:papers', seedsAndTopics(source), async (context) =>
    syncStore(context, (await loadCorpus(source, context)).papers),
  );
}

export function topicsLoader(source: CorpusSource): Loader {
  return watchingLoader('reading-list:topics', seedsAndTopics(source), async (context) =>
    syncStore(context, (await loadCorpus(source, context)).topics),
  );
}

export function topicNotesLoader(source: CorpusSource): Loader {
  return watchingLoader('reading-list:topic-notes', topicsOnly(source), async (context) =>
    syncTopicNotes(context, await loadTopicFiles(sourceFolders(source, context).topicsDir, context)),
  );
}
