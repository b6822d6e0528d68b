/**
 * The search index is built in slices of consecutive papers (in listing order), each its own
 * Pagefind index, which the browser combines with Pagefind's `mergeIndex`
 * (src/scripts/search-engine.ts). Two reasons:
 *
 * - memory: Pagefind holds about 160 KB per page while it writes an index (1.6 GB for 10,000
 *   papers, 15 GB for 100,000; measured with pagefind 1.6.0), and one slice is written and
 *   dropped before the next is built;
 * - rebuilds: Pagefind numbers pages in the order it gets them, and every index chunk names
 *   pages by number. Papers added at the end of the list join the last slice only, so the other
 *   slices keep their files byte for byte and a returning reader does not fetch them again.
 *
 * A slice's size is fixed (not the list divided evenly), so that adding a paper moves no paper
 * from one slice to another.
 */

/** Papers per slice (SEARCH_SLICE_PAPERS, src/settings.ts): Pagefind then stays under 1 GB. */
export const DEFAULT_SLICE_PAPERS = 5000;

/** Slices for a list of `papers` papers (at least one). */
export const sliceCount = (papers: number, slicePapers: number): number => Math.max(1, Math.ceil(papers / slicePapers));

/** The slice of the paper at `position` in listing order. */
export const sliceOf = (position: number, slicePapers: number): number => Math.floor(position / slicePapers);

/** Folder of a slice's index under the site: the first is Pagefind's own bundle, with its code. */
export const sliceFolder = (slice: number): string => (slice === 0 ? 'pagefind/' : `pagefind/slice-${slice}/`);

/** Names of the other slices' folders inside Pagefind's. */
export const SLICE_FOLDER_NAME = /^slice-\d+$/;
