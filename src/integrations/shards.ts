/**
 * A build that is one shard of the list (`SITE_SHARD`, src/lib/shards.ts). The pages and the
 * search index know their part already (src/data.ts, pagefind.ts); this adds what lets the
 * shards' outputs be put together (`npm run assemble`, scripts/assemble.ts):
 *
 * - the sitemap (written by the first shard) lists every paper page, not only the shard's:
 *   `sitemapPages` is @astrojs/sitemap's `customPages`, which it adds to the pages it saw,
 *   sorted and without duplicates;
 * - `shard.json`: which shard this is, of which list (the digest of its inputs) and which
 *   papers, for the assembly to check that the shards fit together.
 */
import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSession, publishedCorpus } from '../build-session.ts';
import { formatShard, shardRange, writesSitePages, type PaperRange, type Shard } from '../lib/shards.ts';
import { paperPath, withBase } from '../lib/urls.ts';
import type { PrecacheLimits } from '../lib/search/precache.ts';
import { sliceOf } from '../lib/search/slices.ts';

export const SHARD_MANIFEST = 'shard.json';

export interface ShardManifest extends PaperRange {
  /** As written in SITE_SHARD: "2/4". */
  shard: string;
  index: number;
  count: number;
  /** Digest of the list's inputs: the shards of one site are built from the same. */
  list: string;
  /** Papers in the whole list. */
  papers: number;
  /** The settings the assembly writes the whole site's service worker and `_headers` with. */
  base: string;
  precacheLimits: PrecacheLimits;
}

export interface ShardSettings {
  shard: Shard | null;
  searchSlicePapers: number;
  precacheLimits: PrecacheLimits;
}

export default function shardIntegration({ shard, searchSlicePapers, precacheLimits }: ShardSettings): {
  integration: AstroIntegration;
  sitemapPages: string[];
} {
  const sitemapPages: string[] = [];
  /** The list's size and this shard's papers, once the corpus is in (build start). */
  let shardPapers: Promise<{ papers: number; range: PaperRange }> | undefined;
  let site = '';
  let base = '/';
  const integration: AstroIntegration = {
    name: 'reading-list:shards',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? '';
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:start': ({ logger }) => {
        if (shard === null) return;
        shardPapers = publishedCorpus().then(({ papers }) => {
          const range = shardRange(papers.length, searchSlicePapers, shard);
          const [firstSlice, lastSlice] = [sliceOf(range.first, searchSlicePapers) + 1, sliceOf(range.end - 1, searchSlicePapers) + 1];
          const slices = firstSlice === lastSlice ? `search slice ${firstSlice}` : `search slices ${firstSlice}–${lastSlice}`;
          const others = writesSitePages(shard)
            ? 'and every other page'
            : 'and the single pages every shard writes (home, search, exports); shard 1 writes the topic pages';
          logger.info(
            `shard ${formatShard(shard)}: the pages of papers ${range.first + 1}–${range.end} of ${papers.length} (${slices}), ${others}`,
          );
          for (const paper of papers)
            for (const id of [paper.id, paper.formerId ?? []].flat()) sitemapPages.push(new URL(withBase(base, paperPath(id)), site).href);
          return { papers: papers.length, range };
        });
        // A failed pipeline fails the build where the pages wait for it, not here.
        shardPapers.catch(() => {});
      },
      'astro:build:done': async ({ dir }) => {
        if (shard === null || shardPapers === undefined) return;
        const { papers, range } = await shardPapers;
        const manifest: ShardManifest = {
          shard: formatShard(shard),
          index: shard.index,
          count: shard.count,
          list: buildSession().corpus!.key,
          papers,
          ...range,
          base,
          precacheLimits,
        };
        await writeFile(join(fileURLToPath(dir), SHARD_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
      },
    },
  };
  return { integration, sitemapPages };
}
