/**
 * Loaded on every page (small): makes the header search box a combobox and loads the real
 * code (search-combobox.ts, then Pagefind) only when the reader focuses or types in the box.
 * "/" and Ctrl/Cmd+K jump to the box. Without JavaScript the box is a plain GET form to /search/.
 */
import { isSearchShortcut } from '../lib/search/query.ts';

const form = document.querySelector<HTMLFormElement>('form[data-search-box]');
const input = form?.querySelector<HTMLInputElement>('input[type="search"]');

if (form && input) {
  const listbox = form.querySelector<HTMLElement>('[role="listbox"]');
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  if (listbox) input.setAttribute('aria-controls', listbox.id);
  input.setAttribute('aria-keyshortcuts', '/ Control+K Meta+K');

  let started: Promise<unknown> | null = null;
  const start = () => {
    started ??= import('./search-combobox.ts')
      .then((module) => module.attachCombobox(form, input))
      .catch(() => {
        started = null; // e.g. offline before the code was cached: try again on the next focus
      });
  };
  input.addEventListener('focus', start);
  input.addEventListener('input', start);

  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    const typing = !!target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
    if (event.defaultPrevented || !isSearchShortcut(event, typing)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
