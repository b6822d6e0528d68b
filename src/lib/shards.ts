/**
 * Building one list as shards (README "Beyond one machine"): each shard is an ordinary build
 * of the whole list that writes the pages of a range of papers only, and its slices of the
 * search index (src/lib/search/slices.ts). The first shard also writes the pages there are
 * many of that are not papers' (topic pages, the home list's pages, topic feeds) and the
 * sitemap; every shard writes the site's single pages (home, search, exports), which come out
 * the same in all of them. `npm run assemble` puts the shards' outputs together.
 *
 * A shard's papers are whole slices of the search index, spread as evenly as slices allow,
 * so that the slices of all shards together are exactly the slices of the whole list.
 */
import { sliceCount } from './search/slices.ts';

/** Shard `index` (0-based) of `count`; written `SITE_SHARD=2/4` (1-based) by the user. */
export interface Shard {
  index: number;
  count: number;
}

/** Listing positions [first, end) of the papers a build writes pages for. */
export interface PaperRange {
  first: number;
  end: number;
}

/** "2/4" → shard index 1 of 4; null for anything else. */
export function parseShard(text: string): Shard | null {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return null;
  const [number, count] = [Number(match[1]), Number(match[2])];
  return number >= 1 && number <= count ? { index: number - 1, count } : null;
}

export const formatShard = (shard: Shard): string => `${shard.index + 1}/${shard.count}`;

/** Does this build write the topic pages, the home list's pages, topic feeds and the sitemap? The whole site and the first shard do. */
export const writesSitePages = (shard: Shard | null): boolean => shard === null || shard.index === 0;

/** A list split into more shards than it has search slices: some shards would have no papers. */
export class ShardError extends Error {
  override name = 'ShardError';
}

/**
 * The papers shard `shard` writes pages for, of a list of `papers` in slices of `slicePapers`;
 * all of them without a shard.
 */
export function shardRange(papers: number, slicePapers: number, shard: Shard | null): PaperRange {
  if (shard === null) return { first: 0, end: papers };
  const slices = sliceCount(papers, slicePapers);
  if (shard.count > slices)
    throw new ShardError(
      `SITE_SHARD=${formatShard(shard)}: the list's ${papers} papers make ${slices} search slice(s) of ` +
        `${slicePapers} (SEARCH_SLICE_PAPERS), and a shard is at least one slice: use at most ${slices} shard(s), or smaller slices`,
    );
  const sliceAt = (shardIndex: number) => Math.floor((shardIndex * slices) / shard.count);
  const position = (slice: number) => Math.min(papers, slice * slicePapers);
  return { first: position(sliceAt(shard.index)), end: position(sliceAt(shard.index + 1)) };
}
