/**
 * How pages name a paper's authors, date and sources to a reader: in words, not seed file
 * hash names. Pure functions, shared by the paper page, the lists and papers.json.
 */
import type { PaperSource, SeedFormat } from './types.ts';
import { formatDate, normaliseDate } from './seeds/dates.ts';

export { formatDate };

/** The kind of source, in words. */
export const FORMAT_NAMES: Record<SeedFormat, string> = {
  listing: 'pasted listing',
  'hf-daily-papers': 'Hugging Face Daily Papers',
  'arxiv-atom': 'arXiv',
  bibtex: 'BibTeX library',
  'csl-json': 'CSL-JSON library',
};

/** File names a machine made (`000_15d2c952e2523303.txt`) say nothing to a reader. */
const MACHINE_NAME = /(?:^|[_.-])[0-9a-f]{8,}(?:[_.-]|$)/i;

/**
 * A source as a reader understands it: "Hugging Face Daily Papers, 14 Jun 2024", "arXiv",
 * "my-library.bib", "reading.txt, Jul 31", or the listing's day when its file has a machine-made name.
 */
export function sourceLabel(source: PaperSource): string {
  const day = source.day ? (normaliseDate(source.day) ? formatDate(normaliseDate(source.day)!) : source.day) : null;
  switch (source.format) {
    case 'hf-daily-papers':
      return day ? `Hugging Face Daily Papers, ${day}` : 'Hugging Face Daily Papers';
    case 'arxiv-atom':
      return 'arXiv';
    case 'listing': {
      const base = source.file.split('/').pop()!;
      if (MACHINE_NAME.test(base)) return day ? `listing of ${day}` : 'a pasted listing';
      return day ? `${source.file}, ${day}` : source.file;
    }
    default:
      return source.file;
  }
}

/** Each distinct label once, in source order. */
export function sourceLabels(sources: readonly PaperSource[]): string[] {
  return [...new Set(sources.map(sourceLabel))];
}

/** "A", "A and B", "A, B and C", or "A, B, C et al." past `max` names. */
export function abridgeAuthors(authors: readonly string[], max = 3): string {
  if (authors.length === 0) return '';
  if (authors.length > max) return `${authors.slice(0, max).join(', ')} et al.`;
  if (authors.length === 1) return authors[0];
  return `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}`;
}
