/**
 * The whole list as one Markdown file, in the style of an "awesome list": a title, a contents
 * list, then one section per topic with `- [Title](url) — summary` items.
 *
 * Built as an mdast tree and written by remark-stringify, so Markdown-special characters in
 * titles and summaries (`*`, `_`, `[`, `<`…) are escaped by the stringifier, not by hand.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { unified } from 'unified';
import remarkStringify from 'remark-stringify';
import { counted, paperCount } from '../counted.ts';

export interface MarkdownPaper {
  id: string;
  title: string;
  /** Absolute URL of the paper page. */
  url: string;
  summary: string;
  /** Topic ids, best first. */
  topics: string[];
}

export interface MarkdownTopic {
  id: string;
  name: string;
}

export interface MarkdownSection {
  name: string;
  papers: MarkdownPaper[];
}

/** Section name for papers without a topic. */
export const OTHER_PAPERS = 'Other papers';

/**
 * Papers grouped by their first (best) topic, so each paper appears once. Sections follow
 * `topics` order and keep `papers` order within; papers with no known topic come last.
 */
export function sectionsByFirstTopic(papers: MarkdownPaper[], topics: MarkdownTopic[]): MarkdownSection[] {
  const known = new Set(topics.map((t) => t.id));
  const byTopic = new Map<string, MarkdownPaper[]>();
  const other: MarkdownPaper[] = [];
  for (const paper of papers) {
    const first = paper.topics.find((id) => known.has(id));
    if (first) byTopic.set(first, [...(byTopic.get(first) ?? []), paper]);
    else other.push(paper);
  }
  const sections = topics.flatMap((t) => (byTopic.has(t.id) ? [{ name: t.name, papers: byTopic.get(t.id)! }] : []));
  return other.length ? [...sections, { name: OTHER_PAPERS, papers: other }] : sections;
}

// Tiny mdast builders.
const text = (value: string): Text => ({ type: 'text', value });
const link = (url: string, children: PhrasingContent[]): Link => ({ type: 'link', url, children });
const paragraph = (children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const heading = (depth: 1 | 2, value: string): Heading => ({ type: 'heading', depth, children: [text(value)] });
const listItem = (children: PhrasingContent[]): ListItem => ({ type: 'listItem', spread: false, children: [paragraph(children)] });
const list = (items: ListItem[]): List => ({ type: 'list', ordered: false, spread: false, children: items });

const CONTENTS = 'Contents';

export interface ReadingList {
  title: string;
  /** Absolute URL of the site's home page. */
  siteUrl: string;
  sections: MarkdownSection[];
}

export function readingListTree({ title, siteUrl, sections }: ReadingList): Root {
  // The anchors GitHub (and renderers following it) give the headings, in document order.
  const slugger = new GithubSlugger();
  slugger.slug(title);
  slugger.slug(CONTENTS);
  const anchors = sections.map((section) => slugger.slug(section.name));
  const count = sections.reduce((sum, s) => sum + s.papers.length, 0);
  const children: RootContent[] = [
    heading(1, title),
    paragraph([
      text(`${paperCount(count)} in ${counted(sections.length, 'section')}, from `),
      link(siteUrl, [text(siteUrl)]),
      text('. Each paper is listed under its main topic.'),
    ]),
    heading(2, CONTENTS),
    list(sections.map((section, i) => listItem([link(`#${anchors[i]}`, [text(section.name)])]))),
  ];
  for (const section of sections) {
    children.push(
      heading(2, section.name),
      list(
        section.papers.map((paper) =>
          listItem([link(paper.url, [text(paper.title)]), ...(paper.summary ? [text(` — ${paper.summary}`)] : [])]),
        ),
      ),
    );
  }
  return { type: 'root', children };
}

export function readingListMarkdown(list: ReadingList): string {
  return unified().use(remarkStringify, { bullet: '-', listItemIndent: 'one', rule: '-' }).stringify(readingListTree(list));
}
