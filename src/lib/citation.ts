/**
 * What a paper page tells machines and other sites about the paper: direct and lookup links,
 * Highwire citation tags, OpenGraph/Twitter tags and schema.org JSON-LD. Pure functions over a paper.
 */
import type { PaperIdentity } from './types.ts';

export interface CitablePaper extends Partial<PaperIdentity> {
  title: string;
  /** Cleaned plain-text abstract ('' when missing). */
  abstract: string;
  /**
   * A short description (the abstract's first sentences, '' when missing) for link previews and
   * search engines, which show no more: the full abstract goes only where it is used whole.
   */
  summary: string;
  /** Absolute canonical URL of the paper page. */
  url: string;
  /** Topic names, best first. */
  keywords: string[];
}

export interface LookupLink {
  name: string;
  url: string;
}

export interface DirectLink extends LookupLink {
  kind: 'arxiv' | 'pdf' | 'doi' | 'hf';
}

/** A DOI as a doi.org address: each part percent-encoded, the slashes kept. */
export const doiUrl = (doi: string) => `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;

/**
 * Links straight to the paper, from its ids: arXiv abstract, PDF and Hugging Face paper page
 * (by arXiv id; Hugging Face has pages only for new-style ids), and the DOI.
 */
export function directLinks({ arxiv, doi }: { arxiv?: string | null; doi?: string | null }): DirectLink[] {
  const links: DirectLink[] = [];
  if (arxiv) {
    links.push(
      { kind: 'arxiv', name: 'arXiv', url: `https://arxiv.org/abs/${arxiv}` },
      { kind: 'pdf', name: 'PDF', url: `https://arxiv.org/pdf/${arxiv}` },
    );
    if (!arxiv.includes('/')) links.push({ kind: 'hf', name: 'Hugging Face', url: `https://huggingface.co/papers/${arxiv}` });
  }
  if (doi) links.push({ kind: 'doi', name: 'DOI', url: doiUrl(doi) });
  return links;
}

/** Search the paper by title where researchers look papers up: for papers without ids, and as a second route. */
export function lookupLinks(title: string): LookupLink[] {
  const q = queryValue(title);
  return [
    { name: 'arXiv', url: `https://arxiv.org/search/?searchtype=title&query=${q}` },
    { name: 'Semantic Scholar', url: `https://www.semanticscholar.org/search?q=${q}` },
    { name: 'Hugging Face Papers', url: `https://huggingface.co/papers?q=${q}` },
    { name: 'Google Scholar', url: `https://scholar.google.com/scholar?q=${queryValue(`"${title}"`)}` },
  ];
}

/** A query string value as forms send it: spaces as `+` (a title is written four times a page). */
function queryValue(text: string): string {
  return encodeURIComponent(text).replaceAll('%20', '+');
}

/**
 * `<meta name=… content=…>` pairs: Highwire Press tags (read by Google Scholar and Zotero; the
 * abstract whole, for Zotero's abstract field) and the Twitter card type (Twitter reads the
 * title and description from the OpenGraph tags).
 */
export function citationMetaNames(paper: CitablePaper, siteName: string): [string, string][] {
  const tags: [string, string][] = [['citation_title', paper.title]];
  for (const author of paper.authors ?? []) tags.push(['citation_author', author]);
  // Highwire dates are written with slashes: 2013/12/19, 2013/12 or 2013.
  if (paper.date) tags.push(['citation_publication_date', paper.date.replaceAll('-', '/')]);
  if (paper.venue && paper.kind === 'inproceedings') tags.push(['citation_conference_title', paper.venue]);
  else if (paper.venue && paper.kind === 'article') tags.push(['citation_journal_title', paper.venue]);
  if (paper.arxiv) tags.push(['citation_arxiv_id', paper.arxiv]);
  if (paper.doi) tags.push(['citation_doi', paper.doi]);
  const pdf = directLinks(paper).find((link) => link.kind === 'pdf');
  if (pdf) tags.push(['citation_pdf_url', pdf.url]);
  tags.push(['citation_abstract_html_url', paper.url]);
  if (paper.abstract) tags.push(['citation_abstract', paper.abstract]);
  if (paper.keywords.length > 0) tags.push(['citation_keywords', paper.keywords.join('; ')]);
  tags.push(['citation_publisher', siteName]);
  tags.push(['twitter:card', 'summary']);
  return tags;
}

/**
 * `<meta property=… content=…>` pairs: OpenGraph. No og:description: link previews fall back to
 * the page's meta description, which is the same summary; no og:url: they fall back to the
 * address they fetched, which is the page's canonical one.
 */
export function openGraphProperties(paper: CitablePaper, siteName: string): [string, string][] {
  const tags: [string, string][] = [
    ['og:type', 'article'],
    ['og:title', paper.title],
    ['og:site_name', siteName],
  ];
  return tags;
}

/**
 * schema.org ScholarlyArticle as JSON-LD, safe to put inside `<script type="application/ld+json">`:
 * `<`, `>` and `&` are escaped so no title or abstract can close the script element.
 */
export function scholarlyArticleJsonLd(paper: CitablePaper, siteName: string): string {
  const identifiers = [
    ...(paper.arxiv ? [{ '@type': 'PropertyValue', propertyID: 'arXiv', value: paper.arxiv }] : []),
    ...(paper.doi ? [{ '@type': 'PropertyValue', propertyID: 'DOI', value: paper.doi }] : []),
  ];
  const sameAs = directLinks(paper)
    .filter((link) => link.kind === 'arxiv' || link.kind === 'doi')
    .map((link) => link.url);
  const data = {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    // No `name`, `mainEntityOfPage` or `description`: they would repeat the headline, the url and
    // the page's meta description on every page.
    headline: paper.title,
    url: paper.url,
    ...(paper.keywords.length > 0 ? { keywords: paper.keywords } : {}),
    ...(paper.authors?.length ? { author: paper.authors.map((name) => ({ '@type': 'Person', name })) } : {}),
    ...(paper.date ? { datePublished: paper.date } : {}),
    ...(identifiers.length > 0 ? { identifier: identifiers } : {}),
    ...(sameAs.length > 0 ? { sameAs } : {}),
    isPartOf: { '@type': 'Collection', name: siteName },
  };
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
