/**
 * The site's export files from its papers and topics: what the endpoints in src/pages
 * (`feed.xml`, `papers.bib`, `papers.csl.json`, `reading-list.md`…) return. Pure: the caller
 * passes the collections and how to make absolute URLs.
 */
import type { Paper, PaperIdentity, Topic } from '../types.ts';
import { addedDates, firstSource, newestFirst, parseDay } from './added.ts';
import { atomDate, atomFeed } from './atom.ts';
import { bibtexEntry } from './bibtex.ts';
import { cslItem, cslJson } from './csl-json.ts';
import { readingListMarkdown, sectionsByFirstTopic } from './markdown.ts';

export interface ExportSite {
  title: string;
  /** Every paper, in listing order. */
  papers: Paper[];
  topics: Topic[];
  /** Citation keys of the whole list (`bibtexKeys`), so every file agrees. */
  keys: Map<string, string>;
  /** Absolute URL of a site path that already includes the base (`url.paper(id)` etc.). */
  absolute: (path: string) => string;
  paperPath: (id: string) => string;
  topicPath: (id: string) => string;
  homePath: string;
  /** Reference year for day lines without one (see added.ts). */
  feedYear: number;
  /** At most this many entries per feed (the newest): feed readers want recent additions. */
  feedLimit: number;
  /** Computed once for all exports. */
  paperById: Map<string, Paper>;
  dates: Map<string, string>;
  /** Each paper's BibTeX entry to cite it (see citeEntry), made on first use. */
  citeEntries: Map<string, string>;
}

/** Enough for any reading list's recent additions; FEED_LIMIT overrides. */
export const DEFAULT_FEED_LIMIT = 500;

/**
 * Entries in a topic's feed. A topic feed tells its readers what is new in the topic; with
 * every paper of every topic, whole abstracts included, the topic feeds were the largest part
 * of a large site (87 MB at 10,000 papers). So: the newest twenty, as many as feeds commonly
 * carry, with summaries; the link leads to the abstract, and the whole list's feed carries
 * abstracts whole. A feed reader keeps what it has already fetched.
 */
export const TOPIC_FEED_LIMIT = 20;

/** An ExportSite from what src/data.ts provides (`url` helpers include the base path). */
export function exportSite(options: {
  title: string;
  papers: Paper[];
  topics: Topic[];
  keys: Map<string, string>;
  url: { home: string; paper: (id: string) => string; topic: (id: string) => string };
  /** The public origin (`Astro.site`, from SITE_URL). */
  site: URL | string;
  feedYear: number;
  feedLimit?: number;
}): ExportSite {
  const { url, site, feedLimit = DEFAULT_FEED_LIMIT, ...rest } = options;
  return {
    ...rest,
    feedLimit,
    paperById: new Map(rest.papers.map((paper) => [paper.id, paper])),
    dates: addedDates(rest.papers, rest.feedYear),
    citeEntries: new Map(),
    absolute: (path) => new URL(path, site).href,
    paperPath: url.paper,
    topicPath: url.topic,
    homePath: url.home,
  };
}

/** What the seeds tell about a paper beyond its title and abstract, for the citation exports. */
export const identityOf = ({ authors, moreAuthors, date, arxiv, doi, venue, kind, primaryClass }: PaperIdentity): PaperIdentity => ({
  authors,
  ...(moreAuthors ? { moreAuthors } : {}),
  date,
  arxiv,
  doi,
  venue,
  kind,
  primaryClass,
});

const feedPath = (pagePath: string) => `${pagePath}feed.xml`;

/** A topic's papers in listing order (the whole list without a topic). Costs the topic's size, not the list's. */
function papersOf(site: ExportSite, topic: Topic | undefined): Paper[] {
  if (!topic) return site.papers;
  return topic.papers.flatMap((id) => site.paperById.get(id) ?? []).sort((a, b) => a.position - b.position);
}

function findTopic(site: ExportSite, topicId: string | undefined): Topic | undefined {
  if (topicId === undefined) return undefined;
  const topic = site.topics.find((t) => t.id === topicId);
  if (!topic) throw new Error(`unknown topic ${topicId}`);
  return topic;
}

/**
 * The date a feed gives a paper: the day it was listed when a seed says so (a day line, the day
 * Hugging Face featured it), else its publication date, else the date derived from the seed order.
 */
function feedDate(site: ExportSite, paper: Paper): string {
  const day = firstSource(paper)?.day;
  const listed = day ? parseDay(day) : null;
  if (!listed && paper.date) return atomDate(paper.date);
  return site.dates.get(paper.id)!;
}

/** The Atom feed of the whole list (`topicId` absent) or of one topic (see TOPIC_FEED_LIMIT). */
export function siteFeed(site: ExportSite, topicId?: string): string {
  const topic = findTopic(site, topicId);
  const papers = papersOf(site, topic);
  const topicName = new Map(site.topics.map((t) => [t.id, t.name]));
  const pagePath = topic ? site.topicPath(topic.id) : site.homePath;
  return atomFeed({
    title: topic ? `${topic.name} · ${site.title}` : site.title,
    subtitle: topic ? `Papers on ${topic.name}, newest additions first.` : 'Every paper on the list, newest additions first.',
    feedUrl: site.absolute(feedPath(pagePath)),
    pageUrl: site.absolute(pagePath),
    author: site.title,
    entries: newestFirst(papers)
      .map((paper) => ({ paper, updated: feedDate(site, paper) }))
      // Stable: papers of one date keep the newest-additions order.
      .sort((a, b) => (a.updated === b.updated ? 0 : a.updated < b.updated ? 1 : -1))
      .slice(0, topic ? Math.min(TOPIC_FEED_LIMIT, site.feedLimit) : site.feedLimit)
      .map(({ paper, updated }) => ({
        url: site.absolute(site.paperPath(paper.id)),
        title: paper.title,
        updated,
        published: paper.date ?? undefined,
        authors: paper.authors,
        summary: paper.summary || undefined,
        contentHtml: topic ? null : paper.abstractHtml,
        categories: paper.topics.flatMap((id) => (topicName.has(id) ? [{ term: id, label: topicName.get(id)! }] : [])),
      })),
  });
}

const bibtexPaper = (site: ExportSite, p: Paper, abstract: string | null) => ({
  ...identityOf(p),
  id: p.id,
  title: p.title,
  abstract,
  url: site.absolute(site.paperPath(p.id)),
});

/**
 * A paper's BibTeX entry to cite it, without its abstract: the same text on the paper's page, in
 * papers.bib and in each of its topics' files, so made once.
 */
export function citeEntry(site: ExportSite, paper: Paper): string {
  let entry = site.citeEntries.get(paper.id);
  if (entry === undefined) {
    entry = bibtexEntry(bibtexPaper(site, paper, null), site.keys.get(paper.id));
    site.citeEntries.set(paper.id, entry);
  }
  return entry;
}

/**
 * BibTeX of the whole list (`topicId` absent) or of one topic's papers, in listing order: entries
 * to cite the papers (citeEntry), without abstracts. BibTeX styles print no abstract; reference
 * managers get abstracts from papers.csl.json, and papers.json carries them. With abstracts,
 * papers.bib alone was 22 MB at 10,000 papers and the topics' files four times that.
 */
export function siteBibtex(site: ExportSite, topicId?: string): string {
  return papersOf(site, findTopic(site, topicId))
    .map((paper) => citeEntry(site, paper))
    .join('\n');
}

export function siteCslJson(site: ExportSite): string {
  const topicName = new Map(site.topics.map((t) => [t.id, t.name]));
  return cslJson(
    site.papers.map((p) =>
      cslItem(
        {
          ...identityOf(p),
          title: p.title,
          abstract: p.abstractText,
          url: site.absolute(site.paperPath(p.id)),
          keywords: p.topics.flatMap((id) => topicName.get(id) ?? []),
        },
        site.keys.get(p.id)!,
      ),
    ),
  );
}

/** The list as Markdown, each paper under its first topic (see markdown.ts). */
export function siteMarkdown(site: ExportSite): string {
  const papers = site.papers.map((p) => ({
    id: p.id,
    title: p.title,
    url: site.absolute(site.paperPath(p.id)),
    summary: p.summary,
    topics: p.topics,
  }));
  return readingListMarkdown({
    title: site.title,
    siteUrl: site.absolute(site.homePath),
    sections: sectionsByFirstTopic(papers, site.topics),
  });
}
