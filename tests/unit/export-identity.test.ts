/** What the exports and page metadata say about a paper's identity: authors, date, ids, venue. */
import { describe, expect, it } from 'vitest';
import { parse } from '@retorquere/bibtex-parser';
import { bibtexEntry } from '../../src/lib/export/bibtex.ts';
import { cslItem, cslName } from '../../src/lib/export/csl-json.ts';
import { cslSchemaErrors } from '../support/csl-schema.ts';
import { atomDate, atomFeed } from '../../src/lib/export/atom.ts';
import { citationMetaNames, directLinks, scholarlyArticleJsonLd } from '../../src/lib/citation.ts';
import { abridgeAuthors, sourceLabel } from '../../src/lib/paper-display.ts';
import { matchingAuthors } from '../../src/lib/search/authors.ts';
import { readSearchState, searchStateQuery } from '../../src/lib/search/url-state.ts';
import type { PaperIdentity } from '../../src/lib/types.ts';

const causal: PaperIdentity = {
  authors: ['Bernhard Schölkopf', 'Francesco Locatello', 'Nan Rosemary Ke', 'Laurens van der Maaten'],
  date: '2021-05',
  arxiv: '2102.11107',
  doi: '10.1109/jproc.2021.3058954',
  venue: 'Proceedings of the IEEE',
  kind: 'article',
  primaryClass: 'cs.LG',
};
const page = 'https://lab.example.org/papers/toward-causal-representation-learning/';

describe('BibTeX with identity', () => {
  it('writes the type the source gives, authors, year, month, eprint, DOI and URL, and parses back', () => {
    const bib = bibtexEntry(
      { ...causal, id: 'x', title: 'Toward Causal Representation Learning', abstract: 'A.', url: page },
      'toward-abc123',
    );
    const library = parse(bib, { english: false, sentenceCase: false });
    expect(library.errors).toEqual([]);
    const [entry] = library.entries;
    expect(entry.type).toBe('article');
    expect(entry.fields.author?.map((a) => `${a.firstName} ${a.prefix ? `${a.prefix} ` : ''}${a.lastName}`)).toEqual(causal.authors);
    expect(entry.fields).toMatchObject({
      year: '2021',
      month: '5',
      journal: 'Proceedings of the IEEE',
      eprint: '2102.11107',
      archiveprefix: 'arXiv',
      primaryclass: 'cs.LG',
      doi: '10.1109/jproc.2021.3058954',
      url: 'https://arxiv.org/abs/2102.11107',
    });
  });
  it('keeps a listing-only paper a @misc pointing at its page, with nothing invented', () => {
    const bib = bibtexEntry({ id: 'x', title: 'A Listing Paper', abstract: null, url: page }, 'listing-1');
    expect(bib).toBe(`@misc{listing-1,\n  title = {A Listing Paper},\n  howpublished = {\\url{${page}}}\n}\n`);
  });
  it('puts a conference in booktitle and keeps "and others"', () => {
    const bib = bibtexEntry({
      ...causal,
      kind: 'inproceedings',
      venue: 'NeurIPS',
      authors: ['Ian Goodfellow'],
      moreAuthors: true,
      id: 'g',
      title: 'GANs',
      abstract: null,
      url: page,
    });
    const [entry] = parse(bib, { english: false }).entries;
    expect(entry.type).toBe('inproceedings');
    expect(entry.fields.booktitle).toBe('NeurIPS');
    expect(entry.fields.author).toHaveLength(2);
  });
});

describe('CSL-JSON with identity', () => {
  it('writes author, issued, DOI, container-title and a CSL type, valid against the schema check', () => {
    const item = cslItem({ ...causal, title: 'Toward Causal Representation Learning', abstract: null, url: page }, 'toward-abc123');
    expect(item).toMatchObject({
      type: 'article-journal',
      author: [
        { family: 'Schölkopf', given: 'Bernhard' },
        { family: 'Locatello', given: 'Francesco' },
        { family: 'Ke', given: 'Nan Rosemary' },
        { family: 'van der Maaten', given: 'Laurens' },
      ],
      issued: { 'date-parts': [[2021, 5]] },
      DOI: '10.1109/jproc.2021.3058954',
      'container-title': 'Proceedings of the IEEE',
    });
    expect(cslSchemaErrors([item])).toEqual([]);
    expect(cslName('OpenAI')).toEqual({ literal: 'OpenAI' });
    const preprint = cslItem({ ...causal, kind: null, venue: null, doi: null, title: 'T', abstract: null, url: page }, 'k');
    expect(preprint).toMatchObject({ type: 'article', publisher: 'arXiv', number: '2102.11107' });
  });
});

describe('page metadata with identity', () => {
  const citable = { ...causal, title: 'Toward Causal Representation Learning', abstract: 'A.', summary: 'A.', url: page, keywords: [] };
  it('writes one citation_author per author in order, the date with slashes, ids, PDF and journal', () => {
    const tags = citationMetaNames(citable, 'Reading List');
    expect(tags.filter(([name]) => name === 'citation_author').map(([, v]) => v)).toEqual(causal.authors);
    expect(tags).toEqual(
      expect.arrayContaining([
        ['citation_publication_date', '2021/05'],
        ['citation_journal_title', 'Proceedings of the IEEE'],
        ['citation_arxiv_id', '2102.11107'],
        ['citation_doi', '10.1109/jproc.2021.3058954'],
        ['citation_pdf_url', 'https://arxiv.org/pdf/2102.11107'],
      ]),
    );
    expect(citationMetaNames({ ...citable, kind: 'inproceedings' }, 'R')).toContainEqual([
      'citation_conference_title',
      'Proceedings of the IEEE',
    ]);
  });
  it('gives JSON-LD author, datePublished, identifier and sameAs', () => {
    const data = JSON.parse(scholarlyArticleJsonLd(citable, 'Reading List'));
    expect(data.author[0]).toEqual({ '@type': 'Person', name: 'Bernhard Schölkopf' });
    expect(data.datePublished).toBe('2021-05');
    expect(data.identifier).toContainEqual({ '@type': 'PropertyValue', propertyID: 'arXiv', value: '2102.11107' });
    expect(data.sameAs).toEqual(['https://arxiv.org/abs/2102.11107', 'https://doi.org/10.1109/jproc.2021.3058954']);
  });
  it('links arXiv, PDF, Hugging Face (new-style ids only) and the DOI', () => {
    expect(directLinks({ arxiv: '2406.09414', doi: null }).map((l) => l.url)).toEqual([
      'https://arxiv.org/abs/2406.09414',
      'https://arxiv.org/pdf/2406.09414',
      'https://huggingface.co/papers/2406.09414',
    ]);
    expect(directLinks({ arxiv: 'hep-th/9711200', doi: '10.1023/a:1026654312961' }).map((l) => l.kind)).toEqual(['arxiv', 'pdf', 'doi']);
    expect(directLinks({})).toEqual([]);
  });
});

describe('feeds with real dates and authors', () => {
  it('writes published dates and entry authors', () => {
    expect(atomDate('2021-05')).toBe('2021-05-01T00:00:00Z');
    const xml = atomFeed({
      title: 'T',
      feedUrl: 'https://x/feed.xml',
      pageUrl: 'https://x/',
      author: 'Site',
      entries: [{ url: page, title: 'P', updated: '2024-06-14T00:00:00Z', published: '2021-05', authors: ['Bernhard Schölkopf'] }],
    });
    expect(xml).toContain('<published>2021-05-01T00:00:00Z</published>');
    expect(xml).toContain('<author><name>Bernhard Schölkopf</name></author>');
  });
});

describe('names for readers', () => {
  it('abridges author lists', () => {
    expect(abridgeAuthors([])).toBe('');
    expect(abridgeAuthors(['A'])).toBe('A');
    expect(abridgeAuthors(['A', 'B', 'C'])).toBe('A, B and C');
    expect(abridgeAuthors(['A', 'B', 'C', 'D'])).toBe('A, B, C et al.');
  });
  it('names sources in words, never by a machine-made file name', () => {
    expect(sourceLabel({ file: 'daily.json', line: 2, day: '2024-06-14', format: 'hf-daily-papers' })).toBe(
      'Hugging Face Daily Papers, 14 Jun 2024',
    );
    expect(sourceLabel({ file: 'q.xml', line: 2, day: null, format: 'arxiv-atom' })).toBe('arXiv');
    expect(sourceLabel({ file: 'dumps/my-library.bib', line: 2, day: null, format: 'bibtex' })).toBe('dumps/my-library.bib');
    expect(sourceLabel({ file: '001_d5dc35cc82ff7c9c.txt', line: 2, day: 'Jul 31', format: 'listing' })).toBe('listing of Jul 31');
    expect(sourceLabel({ file: '000_15d2c952e2523303.txt', line: 2, day: null, format: 'listing' })).toBe('a pasted listing');
    expect(sourceLabel({ file: 'robotics.txt', line: 2, day: 'Jul 31', format: 'listing' })).toBe('robotics.txt, Jul 31');
  });
});

describe('author search', () => {
  const names = ['Bernhard Schölkopf', 'Łukasz Kaiser', 'Paul Erdős', 'Bernhard Nebel'];
  it('matches accents and case aside, by word starts', () => {
    expect(matchingAuthors(names, 'scholkopf')).toEqual(['Bernhard Schölkopf']);
    expect(matchingAuthors(names, 'Schölkopf')).toEqual(['Bernhard Schölkopf']);
    expect(matchingAuthors(names, 'lukasz')).toEqual(['Łukasz Kaiser']);
    expect(matchingAuthors(names, 'erdos')).toEqual(['Paul Erdős']);
    expect(matchingAuthors(names, 'bernhard')).toEqual(['Bernhard Schölkopf', 'Bernhard Nebel']);
    expect(matchingAuthors(names, 'B. Nebel')).toEqual(['Bernhard Nebel']);
    expect(matchingAuthors(names, 'olkopf')).toEqual([]);
    expect(matchingAuthors(names, '  ')).toEqual([]);
  });
  it('keeps the author filter in the address', () => {
    const state = { query: 'causal', topics: [], author: 'scholkopf' };
    expect(searchStateQuery(state)).toBe('?q=causal&author=scholkopf');
    expect(readSearchState(searchStateQuery(state))).toEqual(state);
    expect(readSearchState('?q=x')).toEqual({ query: 'x', topics: [] });
  });
});
