/**
 * Orderings shared by build and browser code. No imports, so a browser script can use it too.
 */

/** Code-point order: locale-independent, so builds agree on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
