/**
 * Names for Pagefind's fragment and index chunk files that change only when their content
 * does, yet cost a first search little: each file's name goes into the metadata file every
 * first search downloads, so a hash per file (random digits gzip cannot shrink: 68 KB at 10,000
 * papers) is too dear. Instead files are named in blocks:
 *
 * - consecutive items (pages in Pagefind's order, chunks in word order) form blocks whose ends
 *   depend on the items' own keys (a page's URL, a chunk's first word), on average one block
 *   per `averageBlock` items, as content-defined chunking does (rsync, backup tools): adding,
 *   removing or changing an item touches its own block only, never shifts the others;
 * - a block's tag is a hash of its items' content hashes, and item i of the block is named
 *   `<tag>-<i in base 36>`. The tag repeats along the block, which gzip encodes in a byte or two.
 *
 * So a name always means the same bytes (a reader, or a service worker, never mixes two builds'
 * files under one name), and an unchanged block keeps its names from one build to the next.
 */
import { createHash } from 'node:crypto';

export interface NamedItem {
  /** The item's current name (the same name twice is one file, named once). */
  name: string;
  /** Decides block ends: stable across builds while the item exists (a URL, a first word). */
  key: string;
  /** Hash of the item's content. */
  hash: string;
}

export interface BlockOptions {
  /** Items per block on average (a power of two; see `blockSizeFor` for a list's own). */
  averageBlock: number;
  /** A block ends after this many items whatever the keys say. */
  maxBlock: number;
}

const TAG_LENGTH = 10; // hex digits: 40 bits

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Block options for a list of `itemCount` items: blocks of about √n/2 items (a power of two,
 * at least 4, at most `options.averageBlock`). Small lists get small blocks, so one changed
 * item makes readers fetch few files again; a large list stays at the cap, where the tags'
 * cost to a first search matters. Powers of two nest (a key that ends a block of 8 ends one of
 * 4), so a list crossing a size keeps half its block ends.
 */
export function blockSizeFor(itemCount: number, options: BlockOptions): BlockOptions {
  const wanted = Math.sqrt(itemCount) / 2;
  let average = MIN_AVERAGE_BLOCK;
  while (average * 2 <= Math.min(wanted, options.averageBlock)) average *= 2;
  return { ...options, averageBlock: average };
}

const MIN_AVERAGE_BLOCK = 4;

/** Whether an item with this key ends its block: true for one key in `average`, whatever the order. */
export function endsBlock(key: string, average: number): boolean {
  return Number.parseInt(sha256(key).slice(0, 8), 16) % average === 0;
}

/** Current name → content-derived name, for every distinct name of `items` (in their order). */
export function blockNames(items: readonly NamedItem[], { averageBlock, maxBlock }: BlockOptions): Map<string, string> {
  const names = new Map<string, string>();
  let block: NamedItem[] = [];
  const close = () => {
    if (block.length === 0) return;
    const tag = sha256(block.map((item) => item.hash).join(',')).slice(0, TAG_LENGTH);
    block.forEach((item, i) => names.set(item.name, `${tag}-${i.toString(36)}`));
    block = [];
  };
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.name)) continue;
    seen.add(item.name);
    block.push(item);
    if (block.length >= maxBlock || endsBlock(item.key, averageBlock)) close();
  }
  close();
  return names;
}
