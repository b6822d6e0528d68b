/**
 * Atom feeds (RFC 4287) of papers, newest additions first. Pure: the caller passes absolute
 * URLs and the dates from `addedDates`, so the same input always gives the same bytes.
 */

/* eslint-disable no-control-regex -- matching control characters is the point */
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */

/**
 * Text as XML character data or attribute value: markup characters escaped, and characters
 * XML 1.0 does not allow (most C0 controls, lone surrogates, U+FFFE/U+FFFF) dropped.
 */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export interface FeedEntry {
  /** Absolute URL of the paper page: the entry's id and link. */
  url: string;
  title: string;
  /** ISO 8601 date-time. */
  updated: string;
  /** Publication date, ISO 8601 (a date, or a year-month or year alone), when known. */
  published?: string;
  /** Author names, in order. */
  authors?: string[];
  /** Plain-text summary, if any. */
  summary?: string;
  /** The abstract as (safe) HTML, sent escaped as `type="html"` content. */
  contentHtml?: string | null;
  categories?: { term: string; label: string }[];
}

export interface Feed {
  title: string;
  subtitle?: string;
  /** Absolute URL of the feed itself (its id and rel="self"). */
  feedUrl: string;
  /** Absolute URL of the HTML page the feed follows. */
  pageUrl: string;
  /** Named as the feed's author (entries name their own authors when the seeds give them). */
  author: string;
  entries: FeedEntry[];
}

/** The feed's `updated`: its newest entry, or the Unix epoch for an empty feed (never the clock). */
function feedUpdated(entries: FeedEntry[]): string {
  return (
    entries
      .map((e) => e.updated)
      .sort()
      .at(-1) ?? '1970-01-01T00:00:00Z'
  );
}

/** Atom dates are full date-times: a year or a month stands for its first day, at midnight UTC. */
export function atomDate(date: string): string {
  if (date.includes('T')) return date;
  const [year, month = '01', day = '01'] = date.split('-');
  return `${year}-${month}-${day}T00:00:00Z`;
}

export function atomFeed(feed: Feed): string {
  const x = escapeXml;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${x(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle>${x(feed.subtitle)}</subtitle>`] : []),
    `  <id>${x(feed.feedUrl)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${x(feed.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(feed.pageUrl)}"/>`,
    `  <updated>${x(feedUpdated(feed.entries))}</updated>`,
    `  <author><name>${x(feed.author)}</name></author>`,
  ];
  for (const entry of feed.entries) {
    lines.push(
      '  <entry>',
      `    <title type="text">${x(entry.title)}</title>`,
      `    <id>${x(entry.url)}</id>`,
      `    <link rel="alternate" type="text/html" href="${x(entry.url)}"/>`,
      `    <updated>${x(entry.updated)}</updated>`,
      ...(entry.published ? [`    <published>${x(atomDate(entry.published))}</published>`] : []),
      ...(entry.authors ?? []).map((name) => `    <author><name>${x(name)}</name></author>`),
      ...(entry.categories ?? []).map((c) => `    <category term="${x(c.term)}" label="${x(c.label)}"/>`),
      ...(entry.summary ? [`    <summary type="text">${x(entry.summary)}</summary>`] : []),
      ...(entry.contentHtml ? [`    <content type="html">${x(entry.contentHtml)}</content>`] : []),
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
