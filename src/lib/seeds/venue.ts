/**
 * Venue names that only say "preprint": Google Scholar's `journal = {arXiv preprint arXiv:1312.5602}`,
 * DBLP's `journal = {CoRR}`, Zotero's `container-title: "arXiv"`. They are not where a paper was
 * published, so they are not shown as its venue (the arXiv id is read from them instead).
 */
const PREPRINT_VENUE = /^(?:arxiv|corr|biorxiv|medrxiv|ssrn|preprint)\b|\barxiv preprint\b|^arxiv\.org$/i;

export function isPreprintVenue(name: string | null): boolean {
  return name !== null && PREPRINT_VENUE.test(name.trim());
}
