/**
 * Builds the search index from the paper pages as they are rendered (a page hook), in slices
 * (src/lib/search/slices.ts), instead of reading the whole site back from the disk afterwards.
 * Pagefind parses each page in its own process while Astro renders the next ones; a slice is
 * written (and dropped from Pagefind's memory) as soon as its last page is in, so at most one
 * slice is being written at any time.
 *
 * Pagefind numbers pages in the order it gets them, so pages are handed over in listing order
 * (position), whatever order Astro finishes them in: the index does not depend on timing, and a
 * paper added at the end of the list leaves the earlier slices unchanged.
 */
import * as pagefind from 'pagefind';
import { join } from 'node:path';
import type { Paper } from '../lib/types.ts';
import type { CompactOptions } from '../lib/search/pagefind-meta.ts';
import { sliceFolder, sliceOf } from '../lib/search/slices.ts';
import type { PaperRange } from '../lib/shards.ts';
import { collectGarbage } from './collect-garbage.ts';
import { compactPagefindBundle, minifyPagefindScript, type BundleFiles } from './pagefind-bundle.ts';
import { writeBundle } from './bundle-writer.ts';

export interface SearchIndexOptions {
  outDir: string;
  /** Every paper, in listing order: paper i is served at `papers/<id>/` and indexed i-th. */
  papers: readonly Pick<Paper, 'id'>[];
  compaction: CompactOptions;
  /** Postings per index chunk (Pagefind's PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE). */
  indexChunkSize: number;
  /** Papers per slice (src/lib/search/slices.ts). */
  slicePapers: number;
  /** Positions of the papers this build writes (a shard's: src/lib/shards.ts); default all, whole slices otherwise. */
  range?: PaperRange;
  /** Called when a slice is written: the how-manieth of this build's (from 0), and how many it writes. */
  onSlice?: (slice: number, slices: number) => void;
}

export interface SearchIndexReport {
  /** Paper pages handed to Pagefind. */
  pages: number;
  /** Pages in the index (those with a `data-pagefind-body`). */
  indexedPages: number;
  /** Slices this build wrote. */
  slices: number;
  metaBytesBefore: number;
  metaBytesAfter: number;
}

/** Files of Pagefind's bundle that only the first slice needs: the others share its code and WebAssembly. */
const INDEX_FILES = /^(pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|(fragment|index|filter)\/.*)$/;

/**
 * What Pagefind reads of a page: its `data-pagefind-body` element (Pagefind ignores the rest of a
 * site's pages once any page has one), in a document that keeps the page's language. A third of
 * the page to encode and pipe to Pagefind's process; the index comes out the same.
 */
export function indexedPart(html: string): string {
  const start = html.search(/<[a-z][^>]*\sdata-pagefind-body[\s>]/);
  if (start < 0) return html;
  const tag = /^<([a-z][a-z0-9]*)/.exec(html.slice(start))![1]!;
  // Its end: the closing tag that brings the depth of same-named elements back to zero.
  const tags = new RegExp(`<(/?)${tag}[\\s>]`, 'g');
  tags.lastIndex = start;
  let depth = 0;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) {
      const end = html.indexOf('>', match.index) + 1;
      const lang = /<html[^>]*\slang="([^"]*)"/.exec(html)?.[1];
      return `<!doctype html><html${lang ? ` lang="${lang}"` : ''}><body>${html.slice(start, end)}</body></html>`;
    }
  }
  return html;
}

interface Slice {
  index: Promise<pagefind.PagefindIndex>;
  /** Positions of its papers: [first, end). */
  first: number;
  end: number;
  /** Next position to hand to Pagefind. */
  next: number;
  /** Rendered pages waiting for an earlier one. */
  waiting: Map<number, string>;
  added: Promise<unknown>[];
}

export class SearchIndexer {
  readonly #options: SearchIndexOptions;
  readonly #slicePapers: number;
  readonly #positions: Map<string, number>;
  readonly #range: PaperRange;
  /** The slices of the range: the first, and one past the last. */
  readonly #firstSlice: number;
  readonly #endSlice: number;
  readonly #slices: Slice[] = [];
  /** Slices are written one after another. */
  #writing: Promise<void> = Promise.resolve();
  readonly #errors: string[] = [];
  readonly #report: SearchIndexReport;
  /** Positions of the paper pages received so far. */
  readonly #received = new Set<number>();

  constructor(options: SearchIndexOptions) {
    this.#options = options;
    this.#slicePapers = options.slicePapers;
    this.#range = options.range ?? { first: 0, end: options.papers.length };
    this.#positions = new Map(
      options.papers.slice(this.#range.first, this.#range.end).map((paper, i) => [paper.id, this.#range.first + i]),
    );
    this.#firstSlice = sliceOf(this.#range.first, this.#slicePapers);
    // At least one slice, the first, even for an empty list: its bundle carries Pagefind's code.
    this.#endSlice = Math.max(this.#firstSlice + 1, sliceOf(this.#range.end - 1, this.#slicePapers) + 1);
    this.#report = { pages: 0, indexedPages: 0, slices: this.#endSlice - this.#firstSlice, metaBytesBefore: 0, metaBytesAfter: 0 };
    // Postings per index chunk: Pagefind reads it from this variable, which it calls unstable;
    // if a Pagefind update drops it, the bench's first-query bytes show it.
    process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(options.indexChunkSize);
  }

  /** Takes a rendered page (path under the site, `papers/<id>/`); pages other than papers' are not indexed. */
  page(path: string, html: string): void {
    const id = /^papers\/([^/]+)\/$/.exec(path)?.[1];
    const position = id === undefined ? undefined : this.#positions.get(decodeURIComponent(id));
    if (position === undefined || this.#received.has(position)) return;
    this.#received.add(position);
    const slice = this.#slice(sliceOf(position, this.#slicePapers));
    slice.waiting.set(position, html);
    while (slice.waiting.has(slice.next)) {
      const content = slice.waiting.get(slice.next)!;
      slice.waiting.delete(slice.next);
      const url = `/papers/${this.#options.papers[slice.next]!.id}/`;
      const indexed = indexedPart(content);
      slice.added.push(slice.index.then((index) => index.addHTMLFile({ url, content: indexed })).then(this.#check('indexing ' + url)));
      slice.next++;
      this.#report.pages++;
    }
    if (slice.next === slice.end) this.#writing = this.#writing.then(() => this.#write(slice));
  }

  /** Waits for every slice to be written; fails if a paper page never came or Pagefind reported errors. */
  async finish(): Promise<SearchIndexReport> {
    try {
      await this.#writing;
      const { first, end } = this.#range;
      const missing = this.#options.papers
        .slice(first, end)
        .filter((_, i) => !this.#received.has(first + i))
        .map((paper) => paper.id);
      if (missing.length > 0)
        this.#errors.push(
          `${missing.length} paper page(s) were never rendered (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''})`,
        );
      if (this.#errors.length > 0) throw new Error(`Building the search index failed: ${this.#errors.join('; ')}`);
      return this.#report;
    } finally {
      await pagefind.close();
    }
  }

  #slice(number: number): Slice {
    let slice = this.#slices[number];
    if (!slice) {
      const first = number * this.#slicePapers;
      const index = pagefind.createIndex({ forceLanguage: 'en' }).then(({ index, errors }) => {
        if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
        return index;
      });
      index.catch((error: unknown) => this.#errors.push(String(error)));
      const end = Math.min(first + this.#slicePapers, this.#options.papers.length);
      slice = { index, first, end, next: first, waiting: new Map(), added: [] };
      this.#slices[number] = slice;
    }
    return slice;
  }

  /** Records a Pagefind answer's errors (it reports them in the answer rather than failing). */
  #check(what: string) {
    return (response: { errors: string[] }) => {
      if (response.errors.length > 0) this.#errors.push(`${what}: ${response.errors.join('; ')}`);
    };
  }

  async #write(slice: Slice): Promise<void> {
    const number = this.#slices.indexOf(slice);
    try {
      await Promise.all(slice.added);
      const index = await slice.index;
      const { files, errors } = await index.getFiles();
      if (errors.length > 0) throw new Error(errors.join('; '));
      const bundle: BundleFiles = new Map(files.filter((f) => number === 0 || INDEX_FILES.test(f.path)).map((f) => [f.path, f.content]));
      const compacted = compactPagefindBundle(bundle, this.#options.compaction);
      await minifyPagefindScript(bundle);
      // Pages are rendered in listing order: once the last slice is in, no page write waits behind its files.
      await writeBundle(join(this.#options.outDir, sliceFolder(number)), bundle, number === this.#endSlice - 1);
      await index.deleteIndex();
      collectGarbage();
      this.#report.indexedPages += compacted.indexedPages;
      this.#report.metaBytesBefore += compacted.metaBytesBefore;
      this.#report.metaBytesAfter += compacted.metaBytesAfter;
      this.#options.onSlice?.(number - this.#firstSlice, this.#report.slices);
    } catch (error) {
      this.#errors.push(`slice ${number}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
