/**
 * The header search box as a combobox (WAI-ARIA APG "list autocomplete" pattern): results
 * appear in a listbox under the box as the reader types; ArrowDown/ArrowUp move through them
 * (aria-activedescendant, focus stays in the box), Enter opens the chosen one (or, with none
 * chosen, submits the form to the search page), Escape closes the list. A polite live region
 * announces how many results there are.
 */
import { typingPause } from '../lib/search/query.ts';
import { loadPagefind, searchPapers, type SearchHit } from './search-engine.ts';
import { element, excerptNodes, resultCount } from './search-render.ts';

/** Results shown in the list; the last option leads to the search page with all of them. */
const SHOWN = 6;
const EXCERPT_WORDS = 16;

interface Option {
  node: HTMLElement;
  url: string;
}

export function attachCombobox(form: HTMLFormElement, input: HTMLInputElement): void {
  if (form.dataset.comboboxReady) return;
  form.dataset.comboboxReady = 'true';
  const listbox = form.querySelector<HTMLElement>('[role="listbox"]')!;
  const status = form.querySelector<HTMLElement>('[role="status"]')!;
  let options: Option[] = [];
  let active = -1;
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const setActive = (index: number) => {
    options[active]?.node.setAttribute('aria-selected', 'false');
    active = index;
    const option = options[active];
    if (option) {
      option.node.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', option.node.id);
      option.node.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const close = () => {
    setActive(-1);
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  };

  const open = () => {
    if (options.length === 0) return;
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  const addOption = (build: (node: HTMLElement) => void, url: string) => {
    const node = element('li', 'search-option');
    node.id = `${listbox.id}-option-${options.length}`;
    node.setAttribute('role', 'option');
    node.setAttribute('aria-selected', 'false');
    build(node);
    listbox.append(node);
    options.push({ node, url });
  };

  const render = (query: string, total: number, hits: SearchHit[]) => {
    listbox.replaceChildren();
    options = [];
    active = -1;
    for (const hit of hits) {
      addOption((node) => {
        node.append(element('span', 'search-option-title', hit.title));
        if (hit.excerpt.length > 0) {
          const excerpt = element('span', 'search-option-excerpt');
          excerpt.append(excerptNodes(hit.excerpt));
          node.append(excerpt);
        }
        if (hit.topics.length > 0) node.append(element('span', 'search-option-topics', hit.topics.join(' · ')));
      }, hit.url);
    }
    const all = `${form.action}?q=${encodeURIComponent(query)}`;
    addOption(
      (node) =>
        node.append(
          element(
            'span',
            'search-option-all',
            total > 0 ? `See all ${resultCount(total).toLowerCase()} for “${query}”` : `No papers match “${query}”: open the search page`,
          ),
        ),
      all,
    );
    status.textContent = `${resultCount(total)} for “${query}”.`;
    if (document.activeElement === input) open();
  };

  const run = async () => {
    const id = ++latest;
    try {
      const outcome = typingPause(input.value) === null ? null : await searchPapers(input.value, [], { excerptWords: EXCERPT_WORDS });
      if (id !== latest) return; // a newer query has started
      if (!outcome) {
        listbox.replaceChildren();
        options = [];
        status.textContent = '';
        return close();
      }
      const hits = await outcome.more(SHOWN);
      if (id === latest) render(outcome.query, outcome.total, hits);
    } catch {
      if (id === latest) status.textContent = 'Search is not available right now. Press Enter to open the search page.';
    }
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, typingPause(input.value) ?? 0);
  };

  const go = (option: Option) => {
    close();
    window.location.assign(option.url);
  };

  input.addEventListener('input', schedule);
  input.addEventListener('focus', () => {
    if (options.length > 0 && input.value.trim()) open();
  });
  input.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const expanded = !listbox.hidden;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return;
      event.preventDefault();
      if (!expanded) return open();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // -1 (no option) sits between the last and the first option, so the box is reachable again.
      const next = active + step < -1 ? options.length - 1 : active + step >= options.length ? -1 : active + step;
      setActive(next);
    } else if (event.key === 'Enter' && expanded && options[active]) {
      event.preventDefault();
      go(options[active]);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault(); // keep the text (a search input would clear it)
      close();
    }
  });
  // Keep the focus in the box while clicking an option, then follow it.
  listbox.addEventListener('mousedown', (event) => event.preventDefault());
  listbox.addEventListener('click', (event) => {
    const node = (event.target as HTMLElement).closest('[role="option"]');
    const option = options.find((o) => o.node === node);
    if (option) go(option);
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) close();
  });

  // The reader may have typed before this code arrived; if not, get Pagefind ready meanwhile.
  if (input.value.trim()) run();
  else loadPagefind().catch(() => {});
}
