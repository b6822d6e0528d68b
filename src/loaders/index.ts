/**
 * Content loaders (Astro Content Layer API) over the pipeline in `src/lib/`. Entries are
 * validated against their collection's schema (schemas.ts) with `parseData` and carry a digest,
 * so unchanged entries are neither checked nor rewritten. In `astro dev` each loader reloads
 * when its source folders change.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus, sourceFolders, type CorpusSource } from './corpus.ts';
import { loadTopicFiles, type TopicFile } from './topic-files.ts';
import { watchFolders } from './watch.ts';

/** Id of the corpus collection's one entry. */
export const CORPUS_ENTRY = 'reading-list';

/**
 * The reading list's one entry: the digest of its inputs (seed files and topic files). The papers
 * and topics themselves reach the pages in memory (src/build-session.ts); the entry changes
 * whenever they may, so `astro dev` reloads the browser after a seed edit.
 */
async function syncSummary({ store, parseData }: LoaderContext, key: string): Promise<void> {
  if (store.get(CORPUS_ENTRY)?.digest === key) return;
  store.clear();
  store.set({ id: CORPUS_ENTRY, data: await parseData({ id: CORPUS_ENTRY, data: { inputs: key } }), digest: key });
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

/** Starts the pipeline over the seeds and topic files (src/loaders/corpus.ts) and stores its summary. */
export function corpusLoader(source: CorpusSource): Loader {
  return watchingLoader('reading-list:corpus', seedsAndTopics(source), async (context) =>
    syncSummary(context, (await loadCorpus(source, context)).key),
  );
}

export function topicNotesLoader(source: CorpusSource): Loader {
  return watchingLoader('reading-list:topic-notes', topicsOnly(source), async (context) =>
    syncTopicNotes(context, await loadTopicFiles(sourceFolders(source, context).topicsDir)),
  );
}
