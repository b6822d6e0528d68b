/**
 * The collections, read once per build (module scope) and shared by every page.
 */
import { getCollection } from 'astro:content';
import type { Paper, Topic } from './lib/types.ts';
import { withBase, paperPath, topicPath } from './lib/urls.ts';
import { bibtexKeys } from './lib/export/bibtex.ts';

export const papers: Paper[] = (await getCollection('papers'))
  .map((entry) => entry.data as unknown as Paper)
  .sort((a, b) => a.position - b.position);

export const topics: Topic[] = (await getCollection('topics'))
  .map((entry) => entry.data as unknown as Topic)
  .sort((a, b) => b.papers.length - a.papers.length || (a.name < b.name ? -1 : 1));

export const paperById = new Map(papers.map((paper) => [paper.id, paper]));
export const topicById = new Map(topics.map((topic) => [topic.id, topic]));

/** BibTeX keys, unique across the list: the same on paper pages and in every .bib export. */
export const citationKeys = bibtexKeys(papers);

export const seedFiles = [...new Set(papers.flatMap((paper) => paper.sources.map((s) => s.file)))].sort();

const base = import.meta.env.BASE_URL;
export const url = {
  home: withBase(base),
  paper: (id: string) => withBase(base, paperPath(id)),
  topic: (id: string) => withBase(base, topicPath(id)),
  topics: withBase(base, 'topics/'),
  search: withBase(base, 'search/'),
  asset: (path: string) => withBase(base, path),
};
