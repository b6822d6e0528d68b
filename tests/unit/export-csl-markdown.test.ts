import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Link, Root } from 'mdast';
import { cslItem, cslJson } from '../../src/lib/export/csl-json.ts';
import { OTHER_PAPERS, readingListMarkdown, sectionsByFirstTopic } from '../../src/lib/export/markdown.ts';
import { cslSchemaErrors } from '../support/csl-schema.ts';

describe('CSL-JSON', () => {
  it('makes items with the required fields and no invented authors or dates', () => {
    const item = cslItem({ title: 'T & "q"', abstract: 'Abs', url: 'https://x.org/p/', keywords: ['A', 'B'] }, 'key-1');
    expect(item).toEqual({
      id: 'key-1',
      type: 'article',
      'citation-key': 'key-1',
      title: 'T & "q"',
      URL: 'https://x.org/p/',
      abstract: 'Abs',
      keyword: 'A, B',
    });
    expect(cslSchemaErrors([item])).toEqual([]);
    const bare = cslItem({ title: 'T', abstract: null, url: 'https://x.org/q/' }, 'k');
    expect(bare).toEqual({ id: 'k', type: 'article', 'citation-key': 'k', title: 'T', URL: 'https://x.org/q/' });
    expect(JSON.parse(cslJson([item, bare]))).toEqual([item, bare]);
  });
  it('has a schema check that catches what it should', () => {
    expect(cslSchemaErrors({})).toEqual(['the file is not an array']);
    expect(cslSchemaErrors([{ id: 'a', type: 'blog' }, { type: 'article' }, { id: 'a', type: 'article', title: 3, author: 'X' }])).toEqual([
      'item 0: type "blog" is not a CSL type',
      'item 1: id must be a string or number',
      'item 2: title must be a string',
      'item 2: author: must be an array of names',
      'item 2: id "a" is used twice',
    ]);
  });
});

describe('Markdown reading list', () => {
  const papers = [
    {
      id: 'p1',
      title: 'Flows *and* [links]',
      url: 'https://x.org/rl/papers/p1/',
      summary: 'Uses <script>alert(1)</script> & `code`',
      topics: ['flows', 'robots'],
    },
    { id: 'p2', title: 'Robots_with_underscores # 1. not a list', url: 'https://x.org/rl/papers/p2/', summary: '', topics: ['robots'] },
    { id: 'p3', title: 'Ελληνικά 大規模', url: 'https://x.org/rl/papers/p3%20x/', summary: 'Greek and CJK', topics: [] },
  ];
  const topics = [
    { id: 'robots', name: 'Robots' },
    { id: 'flows', name: 'Flows & Diffusion' },
  ];

  it('groups each paper under its first topic, in topic order, papers without one last', () => {
    const sections = sectionsByFirstTopic(papers, topics);
    expect(sections.map((s) => [s.name, s.papers.map((p) => p.id)])).toEqual([
      ['Robots', ['p2']],
      ['Flows & Diffusion', ['p1']],
      [OTHER_PAPERS, ['p3']],
    ]);
  });

  it('links the contents to GitHub-style heading anchors, numbering repeats', () => {
    const section = (name: string) => ({ name, papers: [] });
    const markdown = readingListMarkdown({
      title: 'Robots',
      siteUrl: 'https://x.org/',
      sections: ['Flows & Diffusion', 'Robots', 'Contents', 'Ελληνικά: Μοντέλα', 'Robots 1', 'Robots'].map(section),
    });
    expect([...markdown.matchAll(/\]\(#([^)]*)\)/g)].map((match) => match[1])).toEqual([
      'flows--diffusion',
      'robots-1',
      'contents-1',
      'ελληνικά-μοντέλα',
      'robots-1-1',
      'robots-2',
    ]);
  });

  it('parses back to the same titles, links and contents', () => {
    const markdown = readingListMarkdown({
      title: 'My *List*',
      siteUrl: 'https://x.org/rl/',
      sections: sectionsByFirstTopic(papers, topics),
    });
    const tree = unified().use(remarkParse).parse(markdown) as Root;
    const headings = tree.children.filter((n) => n.type === 'heading').map((n) => [n.depth, toString(n)]);
    expect(headings).toEqual([
      [1, 'My *List*'],
      [2, 'Contents'],
      [2, 'Robots'],
      [2, 'Flows & Diffusion'],
      [2, OTHER_PAPERS],
    ]);
    const links: [string, string][] = [];
    visit(tree, 'link', (node: Link) => void links.push([toString(node), node.url]));
    expect(links).toEqual([
      ['https://x.org/rl/', 'https://x.org/rl/'],
      ['Robots', '#robots'],
      ['Flows & Diffusion', '#flows--diffusion'],
      [OTHER_PAPERS, '#other-papers'],
      ['Robots_with_underscores # 1. not a list', 'https://x.org/rl/papers/p2/'],
      ['Flows *and* [links]', 'https://x.org/rl/papers/p1/'],
      ['Ελληνικά 大規模', 'https://x.org/rl/papers/p3%20x/'],
    ]);
    // The summary stays text: no raw HTML node, no inline code.
    const kinds = new Set<string>();
    visit(tree, (node) => void kinds.add(node.type));
    expect(kinds.has('html')).toBe(false);
    expect(kinds.has('inlineCode')).toBe(false);
    expect(markdown).toContain(' — Uses \\<script>alert(1)\\</script> & \\`code\\`');
  });
});
