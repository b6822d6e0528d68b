/**
 * Long lists split into pages, so a list of 100,000 papers is many small pages rather than
 * one 100 MB page. Page 1 lives at the list's own address, page n at `<list>page/<n>/`.
 */

/** Large enough that a typical reading list (hundreds of papers) is a single page (LIST_PAGE_SIZE overrides). */
export const PAGE_SIZE = 250;

export interface ListPage<T> {
  /** 1-based. */
  number: number;
  /** How many pages the list has. */
  count: number;
  items: T[];
  /** Index of the first item in the whole list. */
  start: number;
}

export function paginate<T>(items: readonly T[], size = PAGE_SIZE): ListPage<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, index) => ({
    number: index + 1,
    count,
    items: items.slice(index * size, (index + 1) * size),
    start: index * size,
  }));
}

/** Address of page `number` of the list at `listPath` (which ends in "/"). */
export function pagePath(listPath: string, number: number): string {
  return number === 1 ? listPath : `${listPath}page/${number}/`;
}
