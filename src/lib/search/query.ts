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

/**
 * Pause after a keystroke before the header box searches, in ms: longer than the gap between
 * keys of someone typing 40 words a minute (about 300 ms a key at five characters a word), so
 * steady typing costs one search, not one per key.
 */
export const TYPING_PAUSE_MS = 300;
/** Longer while the word being typed is one or two characters: its matches are many and costly to load. */
export const SHORT_WORD_PAUSE_MS = 400;

/**
 * How long the header box waits after the reader types before searching `raw`, or null when
 * it is not worth a search yet (fewer than two letters or digits). Each search loads the index
 * chunks of the words typed so far and the results' fragments, so a search per keystroke costs
 * a reader on a slow connection real bytes (`npm run bench` measures typing too); a reader
 * typing steadily gets one search when they pause.
 */
export function typingPause(raw: string): number | null {
  const query = normaliseQuery(raw);
  if ((query.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < 2) return null;
  const lastWord = /[\p{L}\p{N}]*$/u.exec(query)![0];
  return lastWord.length > 0 && lastWord.length < 3 ? SHORT_WORD_PAUSE_MS : TYPING_PAUSE_MS;
}

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
