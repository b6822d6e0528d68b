/**
 * /my-list/: the reader's saved and read papers, with export (JSON, BibTeX) and import (JSON).
 * Titles and keys come from the <template> of every paper the page embeds; BibTeX is made here
 * with the same code (and keys) as the site's .bib files.
 */
import { bibtexEntries } from '../lib/export/bibtex.ts';
import { openStore, UNAVAILABLE_MESSAGE } from './reader-list-storage.ts';
import { ImportError, exportJson, idsWith, mergeMarks, parseImport, type Mark } from './reader-list-state.ts';

interface CataloguePaper {
  id: string;
  title: string;
  /** Absolute URL of the paper page. */
  url: string;
  key: string;
}

const root = document.querySelector<HTMLElement>('[data-my-list]');
if (root) myList(root);

function myList(root: HTMLElement) {
  const template = root.querySelector<HTMLTemplateElement>('template[data-catalogue]')!;
  const catalogue = new Map<string, CataloguePaper>();
  for (const item of template.content.querySelectorAll<HTMLLIElement>('li[data-paper-id]')) {
    const link = item.querySelector('a')!;
    const id = item.dataset.paperId!;
    catalogue.set(id, { id, title: link.textContent ?? id, url: new URL(link.getAttribute('href')!, location.href).href, key: item.dataset.key! });
  }
  const order = [...catalogue.keys()];
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

  const render = () => {
    const state = store.load();
    for (const mark of ['saved', 'read'] as Mark[]) {
      const ids = idsWith(state, mark, order);
      const list = root.querySelector<HTMLElement>(`[data-my-list-items="${mark}"]`)!;
      list.replaceChildren(
        ...ids.map((id) => {
          const item = document.createElement('li');
          const paper = catalogue.get(id);
          if (paper) {
            const link = document.createElement('a');
            link.href = paper.url;
            link.textContent = paper.title;
            item.append(link);
          } else {
            item.textContent = `${id} (no longer on this site)`;
          }
          return item;
        }),
      );
      list.hidden = ids.length === 0;
      root.querySelector<HTMLElement>(`[data-my-list-count="${mark}"]`)!.textContent = String(ids.length);
      root.querySelector<HTMLElement>(`[data-my-list-empty="${mark}"]`)!.hidden = ids.length > 0;
    }
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

  root.querySelector('[data-export="bibtex"]')!.addEventListener('click', () => {
    const state = store.load();
    const ids = new Set([...idsWith(state, 'saved'), ...idsWith(state, 'read')]);
    const papers = order.filter((id) => ids.has(id)).map((id) => catalogue.get(id)!);
    if (papers.length === 0) return say('Nothing to export yet: save or mark papers first.');
    const keys = new Map(papers.map((p) => [p.id, p.key]));
    // Abstracts are left out: the page would be too heavy with them (papers.bib has them).
    const bib = bibtexEntries(papers.map((p) => ({ id: p.id, title: p.title, abstract: null, url: p.url })), { keys });
    download('reading-list.bib', 'application/x-bibtex', bib);
    say(`Downloaded reading-list.bib (${papers.length} entr${papers.length === 1 ? 'y' : 'ies'}).`);
  });

  const input = root.querySelector<HTMLInputElement>('[data-import]')!;
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      const imported = parseImport(await file.text());
      const { state, added, unknown } = mergeMarks(store.load(), imported, new Set(order));
      if (!store.save(state)) return say(UNAVAILABLE_MESSAGE, true);
      render();
      const skipped = unknown.length ? ` ${unknown.length} paper${unknown.length === 1 ? ' is' : 's are'} not on this site and ${unknown.length === 1 ? 'was' : 'were'} left out.` : '';
      say(`Imported ${file.name}: ${added} paper${added === 1 ? '' : 's'} added or updated.${skipped}`);
    } catch (e) {
      say(e instanceof ImportError ? `Could not import ${file.name}: ${e.message}` : `Could not read ${file.name}.`, true);
    } finally {
      input.value = '';
    }
  });

  render();
}
