/**
 * A JSON array with one item a line: as compact as JSON without spaces (two-space indentation
 * made papers.json a tenth larger), yet a diff of two builds still shows which items changed.
 */
export function jsonArrayLines(items: readonly unknown[]): string {
  return items.length === 0 ? '[]\n' : `[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]\n`;
}
