/**
 * The search page: runs the search in its address (`?q=…&topic=…`), re-runs it as the reader
 * types or ticks topics, and keeps the address in step with history.replaceState so the current
 * search can be shared. Results are built from text (search-render.ts).
 */
import { readSearchState, searchStateQuery, type SearchState } from '../lib/search/url-state.ts';
import { TYPING_PAUSE_MS, typingPause } from '../lib/search/query.ts';
import { matchingAuthors } from '../lib/search/authors.ts';
import { INDEX_INCOMPLETE, SEARCH_PAGE_UNAVAILABLE, searchFailure } from '../lib/search/messages.ts';
import { authorNames, indexFetchFailures, searchPapers, type SearchOutcome, type SearchHit } from './search-engine.ts';
import { element, excerptNodes, resultCount } from './search-render.ts';

const PAGE_SIZE = 20;

const form = document.querySelector<HTMLFormElement>('form[data-search-page]');
const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const list = document.querySelector<HTMLOListElement>('[data-search-results]');
const moreButton = document.querySelector<HTMLButtonElement>('[data-search-more]');

const authorInput = form?.querySelector<HTMLInputElement>('input[name="author"]');

if (form && input && status && list && moreButton) {
  const checkboxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="topic"]')];
  const idleStatus = status.textContent;
  let current: SearchOutcome | null = null;
  let shown = 0;
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const readForm = (): SearchState => {
    const author = authorInput?.value.trim() ?? '';
    return { query: input.value, topics: checkboxes.filter((c) => c.checked).map((c) => c.value), ...(author ? { author } : {}) };
  };

  const writeForm = (state: SearchState) => {
    input.value = state.query;
    if (authorInput) authorInput.value = state.author ?? '';
    for (const checkbox of checkboxes) checkbox.checked = state.topics.includes(checkbox.value);
  };

  const appendHits = (hits: SearchHit[]) => {
    for (const hit of hits) {
      const item = element('li');
      const heading = element('h2');
      const link = element('a', undefined, hit.title);
      link.href = hit.url;
      heading.append(link);
      item.append(heading);
      const byline = [hit.authors, hit.date].filter(Boolean).join(' · ');
      if (byline) item.append(element('p', 'byline muted', byline));
      if (hit.excerpt.length > 0) {
        const excerpt = element('p');
        excerpt.append(excerptNodes(hit.excerpt));
        item.append(excerpt);
      }
      if (hit.topics.length > 0) item.append(element('p', 'topics muted', `Topics: ${hit.topics.join(', ')}`));
      list.append(item);
    }
    shown += hits.length;
    moreButton.hidden = !current || shown >= current.total;
  };

  const showCounts = (counts: Record<string, number> | null) => {
    for (const checkbox of checkboxes) {
      const count = checkbox.parentElement?.querySelector('[data-topic-count]');
      const name = checkbox.dataset.topicName ?? '';
      if (count && counts) count.textContent = `(${counts[name] ?? 0})`;
    }
  };

  const describe = (outcome: SearchOutcome, state: SearchState, authors: string[] | null) => {
    const names = checkboxes.filter((c) => state.topics.includes(c.value)).map((c) => c.dataset.topicName);
    let where = names.length > 0 ? ` in ${names.join(' or ')}` : '';
    if (authors !== null) {
      const by =
        authors.length === 0
          ? `no author matches “${state.author}”`
          : authors.length <= 3
            ? authors.join(' or ')
            : `${authors.length} authors matching “${state.author}”`;
      where += authors.length === 0 ? ` (${by})` : ` by ${by}`;
    }
    const counted = outcome.query
      ? `${resultCount(outcome.total)} for “${outcome.query}”${where}.`
      : `${resultCount(outcome.total)}${where}.`;
    return outcome.incomplete ? `${counted} ${INDEX_INCOMPLETE}` : counted;
  };

  const run = async (state: SearchState) => {
    const id = ++latest;
    const failuresBefore = indexFetchFailures();
    const topicNames = checkboxes.filter((c) => state.topics.includes(c.value)).map((c) => c.dataset.topicName ?? c.value);
    try {
      const authors = state.author ? matchingAuthors(await authorNames(), state.author) : null;
      if (id !== latest) return;
      const outcome = await searchPapers(state.query, topicNames, { topicCounts: true, authors });
      if (id !== latest) return;
      current = outcome;
      shown = 0;
      if (!outcome) {
        list.replaceChildren();
        moreButton.hidden = true;
        status.textContent = idleStatus;
        return;
      }
      const hits = await outcome.more(PAGE_SIZE);
      if (id !== latest) return;
      list.replaceChildren();
      appendHits(hits);
      showCounts(outcome.topicCounts);
      status.textContent = describe(outcome, state, authors);
    } catch {
      if (id === latest) status.textContent = searchFailure(indexFetchFailures() > failuresBefore, SEARCH_PAGE_UNAVAILABLE);
    }
  };

  /** The form changed: update the address (without a new history entry), then search. */
  const update = () => {
    const state = readForm();
    history.replaceState(history.state, '', `${location.pathname}${searchStateQuery(state)}${location.hash}`);
    clearTimeout(timer);
    // Same pause as the header box; a short query (or topics alone) still runs here, after the usual pause.
    timer = setTimeout(() => run(state), typingPause(state.query) ?? TYPING_PAUSE_MS);
  };

  input.addEventListener('input', update);
  authorInput?.addEventListener('input', update);
  for (const checkbox of checkboxes) checkbox.addEventListener('change', update);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    const state = readForm();
    history.replaceState(history.state, '', `${location.pathname}${searchStateQuery(state)}${location.hash}`);
    run(state);
  });
  moreButton.addEventListener('click', async () => {
    const outcome = current;
    if (!outcome) return;
    const before = list.children.length;
    appendHits(await outcome.more(PAGE_SIZE));
    // Move the focus to the first new result, so keyboard readers continue from there.
    list.children[before]?.querySelector('a')?.focus();
  });

  const initial = readSearchState(location.search);
  writeForm(initial);
  if (initial.query || initial.topics.length > 0 || initial.author) run(readForm());
}
