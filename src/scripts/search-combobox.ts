/**
 * The header search box as a combobox (WAI-ARIA APG "list autocomplete" pattern): results
 * appear in a listbox under the box as the reader types; ArrowDown/ArrowUp move through them
 * (aria-activedescendant, focus stays in the box), Enter opens the chosen one (or, with none
 * chosen, submits the form to the search page), Escape closes the list. A polite live region
 * announces how many results there are. Key handling and wording are pure and unit-tested
 * (src/lib/search/combobox.ts, messages.ts); this file keeps the DOM in step.
 */
import { comboboxKey } from '../lib/search/combobox.ts';
import { comboboxStatus, searchFailure, searchPageOption } from '../lib/search/messages.ts';
import { typingPause } from '../lib/search/query.ts';
import { indexFetchFailures, loadPagefind, searchPapers, type SearchHit } from './search-engine.ts';
import { element, excerptNodes } from './search-render.ts';

/** Results shown in the list; the last option leads to the search page with all of them. */
const SHOWN = 6;
const EXCERPT_WORDS = 16;

interface Option {
  node: HTMLElement;
  url: string;
}

/** An option's content: title, excerpt with the matches marked, topics (all as text nodes). */
function hitContent(node: HTMLElement, hit: SearchHit) {
  node.append(element('span', 'search-option-title', hit.title));
  if (hit.excerpt.length > 0) {
    const excerpt = element('span', 'search-option-excerpt');
    excerpt.append(excerptNodes(hit.excerpt));
    node.append(excerpt);
  }
  if (hit.topics.length > 0) node.append(element('span', 'search-option-topics', hit.topics.join(' · ')));
}

/** The listbox under the box: its options, the chosen one, and whether it is shown. */
function listboxView(input: HTMLInputElement, listbox: HTMLElement) {
  let options: Option[] = [];
  let active = -1;

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
  const addOption = (fill: (node: HTMLElement) => void, url: string) => {
    const node = element('li', 'search-option');
    node.id = `${listbox.id}-option-${options.length}`;
    node.setAttribute('role', 'option');
    node.setAttribute('aria-selected', 'false');
    fill(node);
    listbox.append(node);
    options.push({ node, url });
  };

  return {
    state: () => ({ expanded: !listbox.hidden, options: options.length, active }),
    option: (index: number): Option | undefined => options[index],
    optionFor: (node: Element | null) => options.find((option) => option.node === node),
    setActive,
    open() {
      if (options.length === 0) return;
      listbox.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    },
    close() {
      setActive(-1);
      listbox.hidden = true;
      input.setAttribute('aria-expanded', 'false');
    },
    /** Replaces the options: one per hit, then one for the search page. */
    show(hits: SearchHit[], lastLabel: string, lastUrl: string) {
      setActive(-1);
      listbox.replaceChildren();
      options = [];
      for (const hit of hits) addOption((node) => hitContent(node, hit), hit.url);
      addOption((node) => node.append(element('span', 'search-option-all', lastLabel)), lastUrl);
    },
    clear() {
      setActive(-1);
      listbox.replaceChildren();
      options = [];
    },
  };
}

export function attachCombobox(form: HTMLFormElement, input: HTMLInputElement): void {
  if (form.dataset.comboboxReady) return;
  form.dataset.comboboxReady = 'true';
  const listbox = form.querySelector<HTMLElement>('[role="listbox"]')!;
  const view = listboxView(input, listbox);
  const status = form.querySelector<HTMLElement>('[role="status"]')!;
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = async () => {
    const id = ++latest;
    const failuresBefore = indexFetchFailures();
    try {
      const outcome = typingPause(input.value) === null ? null : await searchPapers(input.value, [], { excerptWords: EXCERPT_WORDS });
      if (id !== latest) return; // a newer query has started
      if (!outcome) {
        view.clear();
        status.textContent = '';
        return view.close();
      }
      const hits = await outcome.more(SHOWN);
      if (id !== latest) return;
      view.show(hits, searchPageOption(outcome.total, outcome.query), `${form.action}?q=${encodeURIComponent(outcome.query)}`);
      status.textContent = comboboxStatus(outcome.total, outcome.query, outcome.incomplete);
      if (document.activeElement === input) view.open();
    } catch {
      if (id === latest) status.textContent = searchFailure(indexFetchFailures() > failuresBefore);
    }
  };

  const go = (option: Option | undefined) => {
    if (!option) return;
    view.close();
    window.location.assign(option.url);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, typingPause(input.value) ?? 0);
  });
  input.addEventListener('focus', () => {
    if (view.state().options > 0 && input.value.trim()) view.open();
  });
  input.addEventListener('keydown', (event) => {
    const action = comboboxKey(event, view.state());
    if (!action) return;
    event.preventDefault();
    if (action.type === 'open') view.open();
    else if (action.type === 'move') view.setActive(action.to);
    else if (action.type === 'go') go(view.option(action.index));
    else view.close();
  });
  // Keep the focus in the box while clicking an option, then follow it.
  listbox.addEventListener('mousedown', (event) => event.preventDefault());
  listbox.addEventListener('click', (event) => go(view.optionFor((event.target as HTMLElement).closest('[role="option"]'))));
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) view.close();
  });

  // The reader may have typed before this code arrived; if not, get Pagefind ready meanwhile.
  if (input.value.trim()) void run();
  else loadPagefind().catch(() => {});
}
