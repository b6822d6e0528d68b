/** What the search box and the search page say about results (pure: unit-tested, and used by both). */

/** "3 results", "1 result", "No results". */
export const resultCount = (total: number): string => (total === 0 ? 'No results' : `${total} result${total === 1 ? '' : 's'}`);

/**
 * Added to a count when part of the index could not be loaded: offline, where a large list's
 * index is not saved whole (src/lib/search/precache.ts) and this search needed a part never
 * loaded before. (The browser's own online flag is not trusted: it says little about whether
 * the site answers.)
 */
export const INDEX_INCOMPLETE = 'Part of the search index could not be loaded (are you offline?): more papers may match.';

/** The header box's live-region announcement; `incomplete`: see INDEX_INCOMPLETE. */
export const comboboxStatus = (total: number, query: string, incomplete = false): string =>
  `${resultCount(total)} for “${query}”.${incomplete ? ` ${INDEX_INCOMPLETE}` : ''}`;

/** The last option of the header box's list, which opens the search page. */
export const searchPageOption = (total: number, query: string): string =>
  total > 0 ? `See all ${resultCount(total).toLowerCase()} for “${query}”` : `No papers match “${query}”: open the search page`;

export const SEARCH_UNAVAILABLE = 'Search is not available right now. Press Enter to open the search page.';
/** The search page's own: it has no other page to offer. */
export const SEARCH_PAGE_UNAVAILABLE = 'Search is not available right now (the search index could not be loaded). Try again later.';

/** A search failed because a part of the index it needs could not be loaded (see INDEX_INCOMPLETE). */
export const SEARCH_OFFLINE =
  'This search needs a part of the search index that could not be loaded (are you offline?). Try again when you are online.';

/** What to say when a search fails: `indexMissing`, it failed to load part of the index; else `unavailable`. */
export const searchFailure = (indexMissing: boolean, unavailable = SEARCH_UNAVAILABLE): string =>
  indexMissing ? SEARCH_OFFLINE : unavailable;
