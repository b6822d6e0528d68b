/**
 * The reading list, read once per build (module scope) and shared by every page: the pipeline's
 * result as the content loader published it (src/build-session.ts). Nothing here imports
 * `astro:content`, so pages that need only the list render without Astro's content runtime.
 */
import { publishedCorpus } from './build-session.ts';
import type { Paper, Topic } from './lib/types.ts';
import { withBase, paperPath, topicPath } from './lib/urls.ts';
import { bibtexKeys } from './lib/export/bibtex.ts';
import { siteSettings } from './settings.ts';
import { paginate } from './lib/pagination.ts';
import { sliceCount } from './lib/search/slices.ts';
import { shardRange, writesSitePages } from './lib/shards.ts';
import { addedKey, newestKey } from './lib/export/added.ts';
import { exportSite } from './lib/export/site-exports.ts';
import type { PaperInfo } from './lib/reader-list/state.ts';

const corpus = await publishedCorpus();

/** Every paper, in listing order (the pipeline's order). */
export const papers: Paper[] = corpus.papers;

export const topics: Topic[] = [...corpus.topics].sort((a, b) => b.papers.length - a.papers.length || (a.name < b.name ? -1 : 1));

export const paperById = new Map(papers.map((paper) => [paper.id, paper]));
export const topicById = new Map(topics.map((topic) => [topic.id, topic]));

/** The newest paper's added key: what "new since your last visit" compares with next time. */
export const newestAddedKey = newestKey(papers);

/** Slices of the search index (src/lib/search/slices.ts), which the search code combines. */
export const searchSlices = sliceCount(papers.length, siteSettings.searchSlicePapers);

/** The routes of pages that only the whole site and the first shard write (src/lib/shards.ts): all of them there, none elsewhere. */
export const sitePagesOnly = <Route>(routes: Route[]): Route[] => (writesSitePages(siteSettings.shard) ? routes : []);

/** The papers this build writes pages for: all of them, or a shard's (SITE_SHARD, src/lib/shards.ts). */
export const shardPapers: Paper[] = (({ first, end }) => papers.slice(first, end))(
  shardRange(papers.length, siteSettings.searchSlicePapers, siteSettings.shard),
);

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
