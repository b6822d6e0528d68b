/**
 * The reader's own list on paper pages ("Mark as read", "Save for later") and on lists (badges,
 * the All / Unread / Saved / New filter, "new since your last visit"). State lives in
 * localStorage (reader-list-storage.ts); without it the controls say so and nothing throws.
 */
import { openStore, UNAVAILABLE_MESSAGE, STORAGE_KEY, type ReaderStore } from './reader-list-storage.ts';
import { hasMark, isNew, recordVisit, setMark, withInfo, type Mark, type PaperInfo, type ReaderState } from '../lib/reader-list/state.ts';

type Filter = 'all' | 'unread' | 'saved' | 'new';

const store = openStore();
const LABELS: Record<Mark, [on: string, off: string]> = {
  read: ['Marked as read.', 'No longer marked as read.'],
  saved: ['Saved for later.', 'Removed from your saved papers.'],
};

/** Notes the visit (for "new since your last visit") and returns the horizon it gives. */
function visit(store: ReaderStore, newest: string | undefined): string | null {
  if (!store.available || newest === undefined) return null;
  const { state, horizon } = recordVisit(store.load(), newest, Date.now());
  store.save(state);
  return horizon;
}

function paperPage(root: HTMLElement) {
  const id = root.dataset.paperId!;
  // The title is the page's heading, not repeated in an attribute.
  const title = document.querySelector('h1')?.textContent?.trim() || id;
  const { key = '', added = '' } = root.dataset;
  const info: PaperInfo = { title, key, added };
  const note = root.querySelector<HTMLElement>('[data-reader-note]')!;
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[data-reader-toggle]')];
  root.hidden = false;
  if (!store.available) {
    for (const button of buttons) button.disabled = true;
    note.textContent = UNAVAILABLE_MESSAGE;
    return;
  }
  visit(store, root.dataset.newest);
  // A paper marked before its info was kept (or from an import) gets it now.
  const current = store.load();
  const completed = withInfo(current, id, info);
  if (completed !== current) store.save(completed);
  const show = (state: ReaderState) => {
    for (const button of buttons) button.setAttribute('aria-pressed', String(hasMark(state, id, button.dataset.readerToggle as Mark)));
  };
  show(store.load());
  for (const button of buttons) {
    button.addEventListener('click', () => {
      const mark = button.dataset.readerToggle as Mark;
      // Load afresh: another tab may have changed the list since this page opened.
      const state = store.load();
      const on = !hasMark(state, id, mark);
      const saved = store.save(setMark(state, id, mark, on, info));
      note.textContent = saved ? LABELS[mark][on ? 0 : 1] : UNAVAILABLE_MESSAGE;
      show(store.load());
    });
  }
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY) show(store.load());
  });
}

function badge(kind: 'read' | 'saved' | 'new', text: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'reader-badge';
  span.dataset.badge = kind;
  span.textContent = text;
  return span;
}

/**
 * A list item's paper id: the last segment of its title link's path. Lists do not repeat the id
 * in an attribute, which cost 0.5 KB per paper across a large site's lists.
 */
function listedPaperId(item: HTMLElement): string {
  const link = item.querySelector<HTMLAnchorElement>(':scope > .paper-title a');
  return link ? decodeURIComponent(new URL(link.href).pathname.split('/').filter(Boolean).at(-1) ?? '') : '';
}

function listPage(root: HTMLElement) {
  const items = [...document.querySelectorAll<HTMLLIElement>('.paper-list > li[data-added]')];
  if (!store.available || items.length === 0) return; // the filter stays hidden: nothing to filter by
  const horizon = visit(store, root.dataset.newest);
  const note = root.querySelector<HTMLElement>('[data-reader-note]')!;
  const idOf = new Map(items.map((item) => [item, listedPaperId(item)]));
  const newIds = new Set(items.filter((item) => isNew(item.dataset.added ?? '', horizon)).map((item) => idOf.get(item)!));
  let state = store.load();

  const showBadges = () => {
    for (const item of items) {
      const id = idOf.get(item)!;
      let holder = item.querySelector<HTMLElement>(':scope > .reader-badges');
      if (!holder) {
        holder = document.createElement('p');
        holder.className = 'reader-badges';
        const title = item.querySelector(':scope > .paper-title');
        if (title) title.after(holder);
        else item.prepend(holder);
      }
      const badges = [
        ...(newIds.has(id) ? [badge('new', 'New')] : []),
        ...(hasMark(state, id, 'read') ? [badge('read', 'Read')] : []),
        ...(hasMark(state, id, 'saved') ? [badge('saved', 'Saved')] : []),
      ];
      holder.replaceChildren(...badges);
      holder.hidden = badges.length === 0;
    }
  };

  const matches = (item: HTMLLIElement, filter: Filter) => {
    const id = idOf.get(item)!;
    if (filter === 'unread') return !hasMark(state, id, 'read');
    if (filter === 'saved') return hasMark(state, id, 'saved');
    if (filter === 'new') return newIds.has(id);
    return true;
  };
  const applyFilter = (announce: boolean) => {
    const filter = (root.querySelector<HTMLInputElement>('input[name="reader-filter"]:checked')?.value ?? 'all') as Filter;
    let shown = 0;
    for (const item of items) {
      item.hidden = !matches(item, filter);
      if (!item.hidden) shown++;
    }
    if (announce) note.textContent = shown === 0 ? 'No papers to show with this filter.' : `Showing ${shown} of ${items.length} papers.`;
  };

  if (newIds.size > 0) {
    const count = root.querySelector<HTMLElement>('[data-reader-new]')!;
    count.textContent = `${newIds.size} paper${newIds.size === 1 ? '' : 's'} new since your last visit.`;
    count.hidden = false;
    const option = root.querySelector<HTMLElement>('[data-reader-new-option]')!;
    option.querySelector('[data-reader-new-label]')!.textContent = `New (${newIds.size})`;
    option.hidden = false;
  }
  for (const input of root.querySelectorAll<HTMLInputElement>('input[name="reader-filter"]')) {
    input.addEventListener('change', () => applyFilter(true));
  }
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY) return;
    state = store.load();
    showBadges();
    applyFilter(false);
  });
  showBadges();
  applyFilter(false);
  root.hidden = false;
}

for (const root of document.querySelectorAll<HTMLElement>('[data-reader-controls]')) paperPage(root);
for (const root of document.querySelectorAll<HTMLElement>('[data-reader-filter]')) listPage(root);
