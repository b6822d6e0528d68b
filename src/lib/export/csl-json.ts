/**
 * CSL-JSON (the Citation Style Language's data format, read by Zotero, pandoc/citeproc…).
 * Ids are the BibTeX keys, so `[@key]` in pandoc and `\cite{key}` in LaTeX name the same paper.
 * As in BibTeX, no authors or dates are invented: the seeds have none.
 */

export interface CslItem {
  id: string;
  type: 'article';
  'citation-key': string;
  title: string;
  abstract?: string;
  URL: string;
  keyword?: string;
  note?: string;
}

export interface CslPaper {
  title: string;
  /** Plain-text abstract, or null when missing. */
  abstract: string | null;
  /** Absolute URL of the paper page. */
  url: string;
  /** Topic names, best first. */
  keywords?: string[];
}

/** One item. `type: "article"` is CSL's type for preprints and other unpublished articles. */
export function cslItem(paper: CslPaper, key: string, note?: string): CslItem {
  const item: CslItem = { id: key, type: 'article', 'citation-key': key, title: paper.title, URL: paper.url };
  if (paper.abstract?.trim()) item.abstract = paper.abstract;
  if (paper.keywords?.length) item.keyword = paper.keywords.join(', ');
  if (note?.trim()) item.note = note.trim();
  return item;
}

/** The whole file: a JSON array, two-space indented, ending in a newline. */
export function cslJson(items: CslItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}
