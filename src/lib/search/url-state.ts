/**
 * The search page's state in its address, so a search can be shared and reloaded:
 * `?q=rectified+flow&topic=rectified-flow&topic=diffusion-models&author=scholkopf` (topic ids, in
 * the order the page lists them; the author as typed). An empty state is the bare page.
 */

export interface SearchState {
  /** As the reader typed it (normalised only when searching). */
  query: string;
  /** Topic ids. */
  topics: string[];
  /** The author filter as typed; absent when empty. */
  author?: string;
}

export function readSearchState(params: URLSearchParams | string): SearchState {
  const search = typeof params === 'string' ? new URLSearchParams(params) : params;
  const topics = search
    .getAll('topic')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const author = (search.get('author') ?? '').trim();
  return { query: (search.get('q') ?? '').trim(), topics: [...new Set(topics)], ...(author ? { author } : {}) };
}

/** "?q=…&topic=…", or "" for the empty state. */
export function searchStateQuery(state: SearchState): string {
  const search = new URLSearchParams();
  if (state.query.trim()) search.set('q', state.query.trim());
  for (const topic of new Set(state.topics)) search.append('topic', topic);
  if (state.author?.trim()) search.set('author', state.author.trim());
  const text = search.toString();
  return text ? `?${text}` : '';
}
