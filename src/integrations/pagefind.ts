/**
 * Indexes the built site with Pagefind once the build is done (Astro `astro:build:done`).
 * What gets indexed is decided in the pages: only elements inside `data-pagefind-body`
 * (paper pages), with titles weighted above abstracts and navigation marked to be ignored.
 * Paper pages also carry hidden acronym/long-form terms (src/lib/search/index-terms.ts) and an
 * `id="abstract"` anchor that the client uses to take excerpts from the abstract
 * (src/lib/search/excerpt.ts). The offline integration runs after this one and precaches the index.
 *
 * Two changes to Pagefind's defaults make a first search download less (figures from
 * `npm run bench` at 10,000 papers, README "Search"): smaller index chunks, so a query word's
 * chunk carries fewer other words, and a compacted metadata file (pagefind-bundle.ts).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { compactPagefindBundle } from './pagefind-bundle.ts';
import { recordBuildFigures } from './build-report.ts';
import { siteSettings } from '../settings.ts';

/** See src/lib/search/pagefind-meta.ts and content-names.ts. */
const COMPACTION = { wordCountStep: 16, blocks: { averageBlock: 32, maxBlock: 128 } };

export interface SearchIndexReport {
  /** HTML files read. */
  pages: number;
  /** Pages in the index (those with a `data-pagefind-body`). */
  indexedPages: number;
  ms: number;
  metaBytesBefore: number;
  metaBytesAfter: number;
}

/** Indexes the built site in `outDir` into `outDir/pagefind/`. */
export async function buildSearchIndex(outDir: string): Promise<SearchIndexReport> {
  const start = performance.now();
  try {
    // Postings per index chunk: Pagefind reads it from this variable, which it calls unstable;
    // if a Pagefind update drops it, the bench's first-query bytes show it.
    process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(siteSettings.indexChunkSize);
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(`Pagefind failed to index ${outDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
    const compacted = await compactPagefindBundle(join(outDir, 'pagefind'), COMPACTION);
    return { pages: added.page_count, ms: Math.round(performance.now() - start), ...compacted };
  } catch (cause) {
    throw new Error('Building the search index failed', { cause });
  } finally {
    await pagefind.close();
  }
}

export default function pagefindIntegration(): AstroIntegration {
  let cacheDir: URL;
  return {
    name: 'reading-list:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const report = await buildSearchIndex(fileURLToPath(dir));
        recordBuildFigures(cacheDir, 'searchIndex', { ...report });
        const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
        logger.info(
          `indexed ${report.pages} page(s) in ${report.ms} ms ` +
            `(${report.indexedPages} searchable; metadata ${kb(report.metaBytesBefore)} → ${kb(report.metaBytesAfter)})`,
        );
      },
    },
  };
}
