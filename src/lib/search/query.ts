/**
 * What the reader typed → what Pagefind is asked.
 *
 * Pagefind indexes "in-context" as "in", "context" and "incontext", so a query with spaces
 * finds both spellings, while a hyphenated query only finds the hyphenated one (and ranks
 * "few-shot class incremental" papers lower than "few-shot class-incremental" ones). Hyphens,
 * dashes, slashes and underscores in a query therefore become spaces. Acronyms need nothing
 * here: their long forms are indexed with each paper (index-terms.ts).
 */

/** Longest query sent to Pagefind, in characters; a pasted abstract is cut here. */
export const MAX_QUERY_LENGTH = 120;

export function normaliseQuery(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\p{Pd}/\\_]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .trim();
}

/** Worth searching: at least one letter or digit. */
export const isSearchable = (query: string) => /[\p{L}\p{N}]/u.test(query);

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * The keys that jump to the search box: "/" (unless the reader is typing somewhere) and
 * Ctrl+K / Cmd+K (anywhere, as in many sites and editors).
 */
export function isSearchShortcut(event: KeyLike, typingInField: boolean): boolean {
  if (event.altKey) return false;
  if (event.key === '/' && !event.ctrlKey && !event.metaKey) return !typingInField;
  return (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey) && !event.shiftKey;
}
