/**
 * The header search box's keyboard behaviour (WAI-ARIA APG "list autocomplete" combobox), as a
 * pure function of the key and the list's state, so it is unit-tested without a browser;
 * src/scripts/search-combobox.ts applies the result to the DOM.
 */

export interface ListState {
  /** Whether the list of options is shown. */
  expanded: boolean;
  options: number;
  /** The chosen option's index, -1 for none. */
  active: number;
}

export interface KeyPress {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/** What a key does; every action but null also cancels the key's default. */
export type ComboboxAction = { type: 'open' } | { type: 'move'; to: number } | { type: 'go'; index: number } | { type: 'close' } | null;

/**
 * The option one step (+1 down, -1 up) from `active`. No option (-1) sits between the last and
 * the first, so the reader can get back to what they typed.
 */
export function stepOption(active: number, step: 1 | -1, options: number): number {
  const next = active + step;
  if (next < -1) return options - 1;
  if (next >= options) return -1;
  return next;
}

/**
 * ArrowDown/ArrowUp open the list or move through it; Enter on a chosen option follows it
 * (without one, the form submits to the search page); Escape closes the list (keeping the text,
 * which a search input would otherwise clear). Keys with Alt, Ctrl or Meta are left alone.
 */
export function comboboxKey(press: KeyPress, list: ListState): ComboboxAction {
  if (press.altKey || press.ctrlKey || press.metaKey) return null;
  if (press.key === 'ArrowDown' || press.key === 'ArrowUp') {
    if (list.options === 0) return null;
    if (!list.expanded) return { type: 'open' };
    return { type: 'move', to: stepOption(list.active, press.key === 'ArrowDown' ? 1 : -1, list.options) };
  }
  if (press.key === 'Enter' && list.expanded && list.active >= 0 && list.active < list.options) return { type: 'go', index: list.active };
  if (press.key === 'Escape' && list.expanded) return { type: 'close' };
  return null;
}
