/**
 * The search index: Pagefind indexes each paper page as it is rendered (search-index.ts, fed by
 * a page hook) and the index is finished once the pages are (Astro `astro:build:done`). What
 * gets indexed is decided in the pages: only elements inside `data-pagefind-body` (paper
 * pages), with titles weighted above abstracts and navigation marked to be ignored. Paper pages
 * also carry hidden acronym/long-form terms (src/lib/search/index-terms.ts) and an
 * `id="abstract"` anchor that the client uses to take excerpts from the abstract
 * (src/lib/search/excerpt.ts). The offline integration runs after this one and precaches the index.
 *
 * Two changes to Pagefind's defaults make a first search download less (figures from
 * `npm run bench` at 10,000 papers, README "Search"): smaller index chunks, so a query word's
 * chunk carries fewer other words, and a compacted metadata file (pagefind-bundle.ts).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { SearchIndexer, type SearchIndexReport } from './search-index.ts';
import { recordBuildFigures } from './build-report.ts';
import { addPageHook } from './page-hooks.ts';
import { publishedCorpus } from '../build-session.ts';
import { siteSettings } from '../settings.ts';
import { shardRange } from '../lib/shards.ts';

/** See src/lib/search/pagefind-meta.ts and content-names.ts. */
const COMPACTION = { uniformWordCounts: true, blocks: { averageBlock: 32, maxBlock: 128 }, scaledBlocks: true };

export type { SearchIndexReport };

export default function pagefindIntegration(): AstroIntegration {
  let cacheDir: URL;
  let outDir: string;
  let indexer: Promise<SearchIndexer> | undefined;
  return {
    name: 'reading-list:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ logger }) => {
        indexer = publishedCorpus().then(
          ({ papers }) =>
            new SearchIndexer({
              outDir,
              papers,
              compaction: COMPACTION,
              indexChunkSize: siteSettings.indexChunkSize,
              slicePapers: siteSettings.searchSlicePapers,
              range: shardRange(papers.length, siteSettings.searchSlicePapers, siteSettings.shard),
              onSlice: (slice, slices) => {
                if (slices > 1) logger.info(`search index: slice ${slice + 1} of ${slices} written`);
              },
            }),
        );
        // A failed pipeline fails the build where the pages wait for it, not here.
        indexer.catch(() => {});
        addPageHook({
          name: 'search index',
          page: async ({ path, html }) => {
            (await indexer!).page(path, html);
            return html;
          },
        });
      },
      'astro:build:done': async ({ logger }) => {
        if (!indexer) throw new Error('reading-list:pagefind: the build did not start');
        const start = performance.now();
        const report = await (await indexer).finish();
        const ms = Math.round(performance.now() - start);
        recordBuildFigures(cacheDir, 'searchIndex', { ...report, ms });
        const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
        logger.info(
          `indexed ${report.pages} page(s) in ${ms} ms (${report.indexedPages} searchable; metadata ` +
            `${kb(report.metaBytesBefore)} → ${kb(report.metaBytesAfter)})${report.slices > 1 ? ` in ${report.slices} slices` : ''}; ` +
            'the pages were indexed as they were rendered',
        );
      },
    },
  };
}
