/**
 * The search page's state in its address, so a search can be shared and reloaded:
 * `?q=rectified+flow&topic=rectified-flow&topic=diffusion-models` (topic ids, in the order the
 * page lists them). An empty state is the bare page.
 */

export interface SearchState {
  /** As the reader typed it (normalised only when searching). */
  query: string;
  /** Topic ids. */
  topics: string[];
}

export function readSearchState(params: URLSearchParams | string): SearchState {
  const search = typeof params === 'string' ? new URLSearchParams(params) : params;
  const topics = search
    .getAll('topic')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  return { query: (search.get('q') ?? '').trim(), topics: [...new Set(topics)] };
}

/** "?q=…&topic=…", or "" for the empty state. */
export function searchStateQuery(state: SearchState): string {
  const search = new URLSearchParams();
  if (state.query.trim()) search.set('q', state.query.trim());
  for (const topic of new Set(state.topics)) search.append('topic', topic);
  const text = search.toString();
  return text ? `?${text}` : '';
}
