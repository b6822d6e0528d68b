import { describe, expect, it } from 'vitest';
import { citationMetaNames, lookupLinks, openGraphProperties, scholarlyArticleJsonLd, type CitablePaper } from '../../src/lib/citation.ts';

const paper: CitablePaper = {
  title: 'Flow Straight & Fast: </script><script>alert(1)</script>\u2028',
  abstract: 'We present rectified flow. It is < 1 step & "fast".\u2028 It is also simple.',
  summary: 'We present rectified flow. It is < 1 step & "fast".\u2028',
  url: 'https://example.org/list/papers/flow-straight-and-fast/',
  keywords: ['Rectified Flow', 'Diffusion Models'],
};

describe('lookupLinks', () => {
  it('searches the exact title on four services, URL-encoded', () => {
    const links = lookupLinks('Flow Matching in Latent Space');
    expect(links.map((l) => l.name)).toEqual(['arXiv', 'Semantic Scholar', 'Hugging Face Papers', 'Google Scholar']);
    expect(links[0].url).toBe('https://arxiv.org/search/?searchtype=title&query=Flow+Matching+in+Latent+Space');
    expect(links[3].url).toBe('https://scholar.google.com/scholar?q=%22Flow+Matching+in+Latent+Space%22');
    expect(lookupLinks('A & B?')[1].url).toBe('https://www.semanticscholar.org/search?q=A+%26+B%3F');
  });
});

describe('citation metadata', () => {
  it('gives Highwire tags with the whole abstract, and OpenGraph tags (which Twitter reads too) without a description (the meta description is the summary)', () => {
    const names = Object.fromEntries(citationMetaNames(paper, 'My List'));
    expect(names.citation_title).toBe(paper.title);
    expect(names.citation_abstract_html_url).toBe(paper.url);
    expect(names.citation_abstract).toBe(paper.abstract);
    expect(names.citation_keywords).toBe('Rectified Flow; Diffusion Models');
    expect(names['twitter:card']).toBe('summary');
    expect(names['twitter:description']).toBeUndefined();
    const og = Object.fromEntries(openGraphProperties(paper, 'My List'));
    expect(og).toEqual({ 'og:type': 'article', 'og:title': paper.title, 'og:site_name': 'My List' });
  });
  it('leaves out descriptions when the abstract is missing', () => {
    const bare = { ...paper, abstract: '', summary: '', keywords: [] };
    expect(citationMetaNames(bare, 'x').map(([n]) => n)).not.toContain('citation_abstract');
    expect(openGraphProperties(bare, 'x').map(([n]) => n)).not.toContain('og:description');
  });
});

describe('scholarlyArticleJsonLd', () => {
  it('is valid JSON-LD that cannot close its script element', () => {
    const json = scholarlyArticleJsonLd(paper, 'My List');
    expect(json).not.toMatch(/<|>|&|\u2028/);
    const data = JSON.parse(json);
    expect(data).toMatchObject({
      '@type': 'ScholarlyArticle',
      headline: paper.title,
      url: paper.url,
      keywords: paper.keywords,
    });
  });
});
