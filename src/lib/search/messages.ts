/** What the search box and the search page say about results (pure: unit-tested, and used by both). */

/** "3 results", "1 result", "No results". */
export const resultCount = (total: number): string => (total === 0 ? 'No results' : `${total} result${total === 1 ? '' : 's'}`);

/** The header box's live-region announcement. */
export const comboboxStatus = (total: number, query: string): string => `${resultCount(total)} for “${query}”.`;

/** The last option of the header box's list, which opens the search page. */
export const searchPageOption = (total: number, query: string): string =>
  total > 0 ? `See all ${resultCount(total).toLowerCase()} for “${query}”` : `No papers match “${query}”: open the search page`;

export const SEARCH_UNAVAILABLE = 'Search is not available right now. Press Enter to open the search page.';
