/**
 * The search engine, shared by the header box and the search page: loads Pagefind's JS API
 * from the built site (`<base>pagefind/pagefind.js`) the first time it is needed, runs
 * normalised queries, and returns plain result objects for the UI to render as text.
 */
import { abstractExcerpt, EXCERPT_WORDS, type ExcerptPart, type ExcerptSource } from '../lib/search/excerpt.ts';
import { isSearchable, normaliseQuery } from '../lib/search/query.ts';
import { sliceFolder } from '../lib/search/slices.ts';

/** The part of Pagefind's JS API we use (pagefind.js has no types of its own). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, unknown> }): Promise<PagefindResponse>;
  filters(): Promise<Record<string, Record<string, number>>>;
  mergeIndex(path: string): Promise<void>;
  destroy(): Promise<void>;
}
interface PagefindResponse {
  results: { id: string; score: number; data(): Promise<PagefindData> }[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
interface PagefindData extends ExcerptSource {
  url: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

export interface SearchHit {
  url: string;
  title: string;
  /** Abridged author names and the publication date, when the paper page gives them. */
  authors: string;
  date: string;
  /** From the abstract, matches marked (see excerpt.ts). */
  excerpt: ExcerptPart[];
  topics: string[];
}

export interface SearchOutcome {
  /** What was searched, after normalisation ("" for a topic-only listing). */
  query: string;
  total: number;
  /**
   * Part of the index could not be loaded (offline, where a large list's index is not saved
   * whole: src/lib/search/precache.ts), so results may be missing.
   */
  incomplete: boolean;
  /** Hits not yet loaded: call `more(n)` for the next n. */
  more(count: number): Promise<SearchHit[]>;
  /** Papers per topic name among the query's results, ignoring the topic filter. */
  topicCounts: Record<string, number>;
}

const base = import.meta.env.BASE_URL;
let loading: Promise<Pagefind> | null = null;
let allFilters: Promise<Record<string, Record<string, number>>> | null = null;

/** Every filter value with its number of papers (Pagefind's filter index, loaded once). */
function filterValues(pagefind: Pagefind): Promise<Record<string, Record<string, number>>> {
  allFilters ??= pagefind.filters().catch(() => ({}));
  return allFilters;
}

/** Every author name on the list (the `author` filter's values). */
export async function authorNames(): Promise<string[]> {
  return Object.keys((await filterValues(await loadPagefind())).author ?? {});
}

/**
 * Index files that failed to load, counted from the start (a search compares the count before
 * and after it). Pagefind logs a chunk it cannot fetch and searches without it, and remembers the
 * failure, so an offline search of a word whose chunk was never saved answers "no results" and
 * keeps doing so once back online. Counting failed fetches of the index lets the search say so,
 * and start Pagefind afresh when the network returns.
 */
let failedIndexFetches = 0;
/** The count when the Pagefind now loaded started: any more, and it holds a failure. */
let failedBeforeLoad = 0;

/** Failed index fetches so far: a search that fails with more than before failed for lack of them. */
export const indexFetchFailures = (): number => failedIndexFetches;

const fetchFirst = window.fetch.bind(window);
window.fetch = async (input, init) => {
  try {
    return await fetchFirst(input, init);
  } catch (error) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (new URL(url, location.href).pathname.startsWith(`${base}pagefind/`)) failedIndexFetches++;
    throw error;
  }
};
// Back online: the next search loads Pagefind afresh (see loadPagefind).
window.addEventListener('online', () => {
  if (failedIndexFetches === failedBeforeLoad) return;
  loading = null;
  allFilters = null;
});

/** Loads and initialises Pagefind once; a failed load (offline, no index) may be retried. */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    // Pagefind keeps one instance in its module: one that met a failed fetch starts over.
    const holdsFailure = failedIndexFetches > failedBeforeLoad;
    failedBeforeLoad = failedIndexFetches;
    const pagefind: Pagefind = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`);
    if (holdsFailure) await pagefind.destroy();
    // Searching a reading list is quick on the main thread; the worker would be another
    // ~43 KB download on the first query.
    await pagefind.options({ noWorker: true });
    await pagefind.init();
    // A long list's index comes in slices (src/lib/search/slices.ts); the page says how many.
    const slices = Number(document.querySelector<HTMLElement>('[data-search-slices]')?.dataset.searchSlices ?? 1);
    const merged = Array.from({ length: slices - 1 }, (_, i) => pagefind.mergeIndex(`${base}${sliceFolder(i + 1)}`));
    await Promise.all(merged);
    return pagefind;
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function toHit(result: PagefindResponse['results'][number], excerptWords: number): Promise<SearchHit> {
  const data = await result.data();
  return {
    url: data.url,
    title: data.meta.title ?? data.url,
    authors: data.meta.authors ?? '',
    date: data.meta.date ?? '',
    excerpt: abstractExcerpt(data, excerptWords),
    topics: data.filters.topic ?? [],
  };
}

/**
 * Searches for `rawQuery` among papers in any of `topics` (topic names; none = all papers),
 * with excerpts of `excerptWords` words, and papers per topic if `topicCounts` is asked for.
 * An empty query with topics lists those topics' papers. Returns null when there is nothing to search.
 */
export async function searchPapers(
  rawQuery: string,
  topics: readonly string[] = [],
  { excerptWords = EXCERPT_WORDS, topicCounts: withCounts = false, authors = null as readonly string[] | null } = {},
): Promise<SearchOutcome | null> {
  const query = normaliseQuery(rawQuery);
  if (!isSearchable(query) && topics.length === 0 && authors === null) return null;
  const pagefind = await loadPagefind();
  // Pagefind counts results per filter value only once its filter index is loaded (filters()
  // loads it, and gives every paper per topic, the counts for a topic-only listing).
  const everyTopic = withCounts || topics.length > 0 || authors !== null ? ((await filterValues(pagefind)).topic ?? {}) : {};
  // `authors`: papers by any of these names (none matching: no papers).
  const filters = {
    ...(topics.length > 0 ? { topic: { any: [...topics] } } : {}),
    ...(authors !== null ? { author: { any: authors.length > 0 ? [...authors] : ['\u0000no author'] } } : {}),
  };
  const failedBefore = failedIndexFetches;
  const response = await pagefind.search(isSearchable(query) ? query : null, { filters });
  // For a query: its results per topic, whatever topics are ticked.
  const topicCounts = isSearchable(query) ? (response.totalFilters.topic ?? {}) : everyTopic;
  let loaded = 0;
  return {
    query: isSearchable(query) ? query : '',
    total: response.results.length,
    incomplete: failedIndexFetches > failedBefore,
    topicCounts,
    async more(count) {
      const next = response.results.slice(loaded, loaded + count);
      loaded += next.length;
      return Promise.all(next.map((result) => toHit(result, excerptWords)));
    },
  };
}
