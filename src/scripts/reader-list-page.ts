/**
 * /my-list/: the reader's saved and read papers, with export (JSON, BibTeX) and import (JSON).
 * Titles and keys come from the marks themselves (paper pages keep them there); the site's
 * catalogue (my-list/catalogue.json, every paper's id, key, title) is fetched only to check an
 * import and to fill in entries kept without their info. The logic is in
 * src/lib/reader-list/ (pure, unit-tested); this file is the page's wiring.
 */
import { openStore, UNAVAILABLE_MESSAGE, type ReaderStore } from './reader-list-storage.ts';
import {
  idsWith,
  idsWithoutInfo,
  marksOf,
  setMark,
  withInfo,
  type Mark,
  type PaperInfo,
  type ReaderState,
} from '../lib/reader-list/state.ts';
import { ImportError } from '../lib/reader-list/untrusted.ts';
import {
  checkImportSize,
  exportBibtex,
  exportJson,
  importFailure,
  importSummary,
  mergeMarks,
  parseImport,
} from '../lib/reader-list/transfer.ts';

const REMOVE_LABELS: Record<Mark, string> = { saved: 'from saved papers', read: 'from read papers' };

type Catalogue = () => Promise<Map<string, PaperInfo>>;

/** The catalogue, fetched once when needed; a failed fetch (offline) may be retried. */
function catalogueLoader(url: string): Catalogue {
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

function download(name: string, type: string, text: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** The saved and read lists, each item a link and a Remove button (text only: titles are never parsed as HTML). */
function renderLists(
  root: HTMLElement,
  state: ReaderState,
  paperUrl: (id: string) => string,
  remove: (id: string, mark: Mark, title: string) => void,
) {
  for (const mark of ['saved', 'read'] as Mark[]) {
    const ids = idsWith(state, mark);
    const list = root.querySelector<HTMLElement>(`[data-my-list-items="${mark}"]`)!;
    list.replaceChildren(
      ...ids.map((id) => {
        const title = marksOf(state, id)!.title ?? id;
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
}

/**
 * Imports a file into the store: checked against the catalogue (size first, then content), and
 * saved only when all is well. Returns what to tell the reader; throws ImportError otherwise.
 */
async function importFile(file: File, store: ReaderStore, loadCatalogue: Catalogue): Promise<string> {
  const catalogue = await loadCatalogue().catch(() => {
    throw new ImportError(
      'the list of papers on this site could not be loaded to check it against (are you offline?). Try again when online.',
    );
  });
  checkImportSize(file.size, catalogue.size);
  const imported = parseImport(await file.text());
  const result = mergeMarks(store.load(), imported, catalogue);
  if (!store.save(result.state)) throw new ImportError(UNAVAILABLE_MESSAGE);
  return importSummary(file.name, result);
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
  const render = () => renderLists(root, store.load(), paperUrl, remove);
  const remove = (id: string, mark: Mark, title: string) => {
    if (!store.save(setMark(store.load(), id, mark, false))) return say(UNAVAILABLE_MESSAGE, true);
    render();
    say(`Removed “${title}” ${REMOVE_LABELS[mark]}.`);
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

  root.querySelector<HTMLElement>('[data-my-list-needs-js]')?.remove();
  root.querySelector<HTMLElement>('[data-my-list-content]')!.hidden = false;
  if (!store.available) {
    for (const control of tools.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input')) control.disabled = true;
    say(UNAVAILABLE_MESSAGE, true);
  }

  root.querySelector('[data-export="json"]')!.addEventListener('click', () => {
    const home = new URL(import.meta.env.BASE_URL, location.href).href;
    download('reading-list.json', 'application/json', exportJson(store.load(), home));
    say('Downloaded reading-list.json.');
  });

  root.querySelector('[data-export="bibtex"]')!.addEventListener('click', async () => {
    const state = await completeInfo().catch(() => store.load());
    const { text, entries } = exportBibtex(state, paperUrl);
    if (entries === 0) return say('Nothing to export yet: save or mark papers first.');
    download('reading-list.bib', 'application/x-bibtex', text);
    say(`Downloaded reading-list.bib (${entries} entr${entries === 1 ? 'y' : 'ies'}).`);
  });

  const input = root.querySelector<HTMLInputElement>('[data-import]')!;
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      say(await importFile(file, store, loadCatalogue));
      render();
    } catch (e) {
      say(importFailure(file.name, e), true);
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
