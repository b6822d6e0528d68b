/**
 * The search page's author filter: what the reader types (`scholkopf`, `B. Schölkopf`,
 * `Schölkopf`) against the author names on the list. Accents, case and dots do not count, and
 * every typed word must start a word of the name, so `kaiser` finds Łukasz Kaiser and `kai` does
 * too, but `aiser` does not. Pure: runs in the browser.
 */
import { foldToAscii } from '../text/ascii.ts';

const words = (text: string) =>
  foldToAscii(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The names (from `names`) that match what the reader typed; [] for an empty filter. */
export function matchingAuthors(names: readonly string[], typed: string): string[] {
  const wanted = words(typed);
  if (wanted.length === 0) return [];
  return names.filter((name) => {
    const have = words(name);
    return wanted.every((word) => have.some((w) => w.startsWith(word)));
  });
}
