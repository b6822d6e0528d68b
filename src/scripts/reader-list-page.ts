/**
 * /my-list/: the reader's saved and read papers, with export (JSON, BibTeX) and import (JSON).
 * Titles and keys come from the marks themselves (paper pages keep them there); the site's
 * catalogue (my-list/catalogue.json, every paper's id, key, title) is fetched only to check an
 * import and to fill in entries kept without their info. BibTeX is made with the same code
 * (and keys) as the site's .bib files.
 */
import { bibtexEntries } from '../lib/export/bibtex.ts';
import { openStore, UNAVAILABLE_MESSAGE } from './reader-list-storage.ts';
import {
  ImportError,
  exportJson,
  idsWith,
  idsWithoutInfo,
  mergeMarks,
  parseImport,
  setMark,
  withInfo,
  type Mark,
  type PaperInfo,
  type ReaderState,
} from './reader-list-state.ts';

const REMOVE_LABELS: Record<Mark, string> = { saved: 'from saved papers', read: 'from read papers' };

/** The catalogue, fetched once when needed; a failed fetch (offline) may be retried. */
function catalogueLoader(url: string): () => Promise<Map<string, PaperInfo>> {
  let loading: Promise<Map<string, PaperInfo>> | null = null;
  return () => {
    loading ??= fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
        return response.json() as Promise<[string, string, string, string][]>;
      })
      .then((rows) => new Map(rows.map(([id, key, title, added]) => [id, { key, title, added }])))
      .catch((error: unknown) => {
        loading = null;
        throw error;
      });
    return loading;
  };
}

function myList(root: HTMLElement) {
  const loadCatalogue = catalogueLoader(root.dataset.catalogue!);
  const paperUrl = (id: string) => new URL(`${encodeURIComponent(id)}/`, new URL(root.dataset.papers!, location.href)).href;
  const status = root.querySelector<HTMLElement>('[data-my-list-status]')!;
  const error = root.querySelector<HTMLElement>('[data-my-list-error]')!;
  const tools = root.querySelector<HTMLElement>('[data-my-list-tools]')!;
  const store = openStore();
  const say = (message: string, isError = false) => {
    status.textContent = isError ? '' : message;
    error.textContent = isError ? message : '';
  };

  root.querySelector<HTMLElement>('[data-my-list-needs-js]')?.remove();
  root.querySelector<HTMLElement>('[data-my-list-content]')!.hidden = false;
  if (!store.available) {
    for (const control of tools.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input')) control.disabled = true;
    say(UNAVAILABLE_MESSAGE, true);
  }

  const remove = (id: string, mark: Mark, title: string) => {
    if (!store.save(setMark(store.load(), id, mark, false))) return say(UNAVAILABLE_MESSAGE, true);
    render();
    say(`Removed “${title}” ${REMOVE_LABELS[mark]}.`);
  };

  const render = () => {
    const state = store.load();
    for (const mark of ['saved', 'read'] as Mark[]) {
      const ids = idsWith(state, mark);
      const list = root.querySelector<HTMLElement>(`[data-my-list-items="${mark}"]`)!;
      list.replaceChildren(
        ...ids.map((id) => {
          const title = state.papers[id]!.title ?? id;
          const link = document.createElement('a');
          link.href = paperUrl(id);
          link.textContent = title;
          const button = document.createElement('button');
          button.type = 'button';
          button.textContent = 'Remove';
          button.setAttribute('aria-label', `Remove “${title}” ${REMOVE_LABELS[mark]}`);
          button.addEventListener('click', () => remove(id, mark, title));
          const item = document.createElement('li');
          item.append(link, button);
          return item;
        }),
      );
      list.hidden = ids.length === 0;
      root.querySelector<HTMLElement>(`[data-my-list-count="${mark}"]`)!.textContent = String(ids.length);
      root.querySelector<HTMLElement>(`[data-my-list-empty="${mark}"]`)!.hidden = ids.length > 0;
    }
  };

  /** Fills in titles and keys the marks lack, from the catalogue; entries it does not know stay as they are. */
  const completeInfo = async (): Promise<ReaderState> => {
    let state = store.load();
    const missing = idsWithoutInfo(state);
    if (missing.length === 0) return state;
    const catalogue = await loadCatalogue();
    for (const id of missing) {
      const info = catalogue.get(id);
      if (info) state = withInfo(state, id, info);
    }
    store.save(state);
    return state;
  };

  const download = (name: string, type: string, text: string) => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type }));
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  root.querySelector('[data-export="json"]')!.addEventListener('click', () => {
    const home = new URL(import.meta.env.BASE_URL, location.href).href;
    download('reading-list.json', 'application/json', exportJson(store.load(), home));
    say('Downloaded reading-list.json.');
  });

  root.querySelector('[data-export="bibtex"]')!.addEventListener('click', async () => {
    const state = await completeInfo().catch(() => store.load());
    // Papers the site no longer has (no key, even after the catalogue) are left out.
    const ids = idsWith(state, 'any').filter((id) => state.papers[id]!.key);
    if (ids.length === 0) return say('Nothing to export yet: save or mark papers first.');
    const keys = new Map(ids.map((id) => [id, state.papers[id]!.key!]));
    // Abstracts are left out: they are not kept with the marks (papers.bib has them).
    const bib = bibtexEntries(
      ids.map((id) => ({ id, title: state.papers[id]!.title ?? id, abstract: null, url: paperUrl(id) })),
      { keys },
    );
    download('reading-list.bib', 'application/x-bibtex', bib);
    say(`Downloaded reading-list.bib (${ids.length} entr${ids.length === 1 ? 'y' : 'ies'}).`);
  });

  const input = root.querySelector<HTMLInputElement>('[data-import]')!;
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      const imported = parseImport(await file.text());
      const catalogue = await loadCatalogue().catch(() => {
        throw new ImportError(
          'the list of papers on this site could not be loaded to check it against (are you offline?). Try again when online.',
        );
      });
      const { state, added, unknown } = mergeMarks(store.load(), imported, catalogue);
      if (!store.save(state)) return say(UNAVAILABLE_MESSAGE, true);
      render();
      const skipped = unknown.length
        ? ` ${unknown.length} paper${unknown.length === 1 ? ' is' : 's are'} not on this site and ${unknown.length === 1 ? 'was' : 'were'} left out.`
        : '';
      say(`Imported ${file.name}: ${added} paper${added === 1 ? '' : 's'} added or updated.${skipped}`);
    } catch (e) {
      say(e instanceof ImportError ? `Could not import ${file.name}: ${e.message}` : `Could not read ${file.name}.`, true);
    } finally {
      input.value = '';
    }
  });

  render();
  // Entries kept without their info show their id until the catalogue fills it in.
  if (store.available && idsWithoutInfo(store.load()).length > 0) void completeInfo().then(render, () => {});
}

const root = document.querySelector<HTMLElement>('[data-my-list]');
if (root) myList(root);
