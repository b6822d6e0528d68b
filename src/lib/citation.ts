/**
 * What a paper page tells machines and other sites about the paper: lookup links, Highwire
 * citation tags, OpenGraph/Twitter tags and schema.org JSON-LD. Pure functions over a paper.
 */

export interface CitablePaper {
  title: string;
  /** Cleaned plain-text abstract ('' when missing). */
  abstract: string;
  /** Absolute canonical URL of the paper page. */
  url: string;
  /** Topic names, best first. */
  keywords: string[];
}

export interface LookupLink {
  name: string;
  url: string;
}

/** Search the paper by title where researchers look papers up. The seeds carry no ids. */
export function lookupLinks(title: string): LookupLink[] {
  const q = encodeURIComponent(title);
  return [
    { name: 'arXiv', url: `https://arxiv.org/search/?searchtype=title&query=${q}` },
    { name: 'Semantic Scholar', url: `https://www.semanticscholar.org/search?q=${q}` },
    { name: 'Hugging Face Papers', url: `https://huggingface.co/papers?q=${q}` },
    { name: 'Google Scholar', url: `https://scholar.google.com/scholar?q=${encodeURIComponent(`"${title}"`)}` },
  ];
}

/** `<meta name=… content=…>` pairs: Highwire Press tags (read by Google Scholar and Zotero) and Twitter cards. */
export function citationMetaNames(paper: CitablePaper, siteName: string): [string, string][] {
  const tags: [string, string][] = [
    ['citation_title', paper.title],
    ['citation_abstract_html_url', paper.url],
  ];
  if (paper.abstract) tags.push(['citation_abstract', paper.abstract]);
  if (paper.keywords.length > 0) tags.push(['citation_keywords', paper.keywords.join('; ')]);
  tags.push(['citation_publisher', siteName]);
  tags.push(['twitter:card', 'summary'], ['twitter:title', paper.title]);
  if (paper.abstract) tags.push(['twitter:description', paper.abstract]);
  return tags;
}

/** `<meta property=… content=…>` pairs: OpenGraph. */
export function openGraphProperties(paper: CitablePaper, siteName: string): [string, string][] {
  const tags: [string, string][] = [
    ['og:type', 'article'],
    ['og:title', paper.title],
    ['og:url', paper.url],
    ['og:site_name', siteName],
  ];
  if (paper.abstract) tags.push(['og:description', paper.abstract]);
  return tags;
}

/**
 * schema.org ScholarlyArticle as JSON-LD, safe to put inside `<script type="application/ld+json">`:
 * `<`, `>` and `&` are escaped so no title or abstract can close the script element.
 */
export function scholarlyArticleJsonLd(paper: CitablePaper, siteName: string): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: paper.title,
    name: paper.title,
    url: paper.url,
    mainEntityOfPage: paper.url,
    ...(paper.abstract ? { abstract: paper.abstract } : {}),
    ...(paper.keywords.length > 0 ? { keywords: paper.keywords } : {}),
    isPartOf: { '@type': 'Collection', name: siteName },
  };
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
