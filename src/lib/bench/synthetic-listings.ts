/**
 * Writes synthetic papers (src/lib/text/bench-data.ts) as listing files in the real seed
 * format: page chrome, day lines, then title, blank line, abstract, blank line. A paper
 * without an abstract is a title followed directly by the next title, as in truncated copies.
 * Pure and deterministic: the benchmark writes these strings to disk.
 */
import type { SyntheticPaper } from '../text/bench-data.ts';

export interface ListingFile {
  /** File name, sorting in paper order (`synthetic-0000.txt`, …). */
  name: string;
  text: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const CHROME = [
  'new',
  '',
  'Get trending papers in your email inbox!',
  '',
  'Subscribe',
  '',
  'Daily Papers',
  '',
  'by AK and the research community',
  '',
];

/** The d-th listing day as a day line (`Jan 1` … `Dec 28`, then round again). */
export function dayLine(d: number): string {
  return `${MONTHS[Math.floor(d / 28) % 12]} ${(d % 28) + 1}`;
}

/** `papers` in files of `papersPerFile`, with a new day every `papersPerDay` papers. */
export function syntheticListings(papers: readonly SyntheticPaper[], papersPerFile = 500, papersPerDay = 25): ListingFile[] {
  const files: ListingFile[] = [];
  for (let start = 0; start < papers.length; start += papersPerFile) {
    const lines = [...CHROME];
    let day = -1;
    papers.slice(start, start + papersPerFile).forEach((paper, offset) => {
      const paperDay = Math.floor((start + offset) / papersPerDay);
      if (paperDay !== day) {
        day = paperDay;
        lines.push(dayLine(day), '');
      }
      lines.push(paper.title, '');
      if (paper.abstract !== null) lines.push(paper.abstract, '');
    });
    files.push({ name: `synthetic-${String(files.length).padStart(4, '0')}.txt`, text: lines.join('\n') });
  }
  return files;
}
