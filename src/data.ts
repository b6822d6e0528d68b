/**
 * The collections, read once per build (module scope) and shared by every page.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Paper, Topic } from './lib/types.ts';
import { withBase, paperPath, topicPath } from './lib/urls.ts';
import { bibtexKeys } from './lib/export/bibtex.ts';
import { siteSettings } from './settings.ts';
import { paginate, type ListPage } from './lib/pagination.ts';
import { addedKey } from './lib/export/added.ts';
import { exportSite } from './lib/export/site-exports.ts';
import type { PaperInfo } from './lib/reader-list/state.ts';

export const papers: Paper[] = (await getCollection('papers')).map((entry) => entry.data).sort((a, b) => a.position - b.position);

export const topics: Topic[] = (await getCollection('topics'))
  .map((entry) => entry.data)
  .sort((a, b) => b.papers.length - a.papers.length || (a.name < b.name ? -1 : 1));

export const paperById = new Map(papers.map((paper) => [paper.id, paper]));
export const topicById = new Map(topics.map((topic) => [topic.id, topic]));

/** The newest paper's added key: what "new since your last visit" compares with next time. */
export const newestAddedKey = papers.map(addedKey).reduce((max, key) => (key > max ? key : max), '');

/** The home list, page by page. */
export const homePages = paginate(papers, siteSettings.pageSize);

/** BibTeX keys, unique across the list: the same on paper pages and in every .bib export. */
export const citationKeys = bibtexKeys(papers);

/** What the reader's list keeps about a paper it marks (src/lib/reader-list/state.ts). */
export const paperInfo = (paper: Paper): PaperInfo => ({ title: paper.title, key: citationKeys.get(paper.id)!, added: addedKey(paper) });

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

/** A page of a topic's paper list, with the topic's curator note (MDX) if it has one. */
export interface TopicPage extends ListPage<Paper> {
  topic: Topic;
  note: CollectionEntry<'topicNotes'> | undefined;
  /** How many papers the topic has in all. */
  total: number;
}

let topicPagesMemo: Promise<TopicPage[]> | undefined;

/** Every page of every topic, computed once for the routes that need them. */
export function topicPages(): Promise<TopicPage[]> {
  topicPagesMemo ??= getCollection('topicNotes').then((entries) => {
    const notes = new Map(entries.map((note) => [note.id, note]));
    return topics.flatMap((topic) => {
      const members = topic.papers.flatMap((id) => paperById.get(id) ?? []);
      return paginate(members, siteSettings.pageSize).map((page) => ({ ...page, topic, note: notes.get(topic.id), total: members.length }));
    });
  });
  return topicPagesMemo;
}

/** What the export endpoints (feeds, BibTeX, CSL-JSON, Markdown) are made from, prepared once. */
export const siteExports = exportSite({
  title: siteSettings.title,
  papers,
  topics,
  keys: citationKeys,
  url,
  site: import.meta.env.SITE,
  feedYear: siteSettings.feedYear,
  feedLimit: siteSettings.feedLimit,
});
