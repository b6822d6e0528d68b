/** The public data export: every paper, documented in the README ("Data export"). */
import type { APIRoute } from 'astro';
import { papers, url } from '../data.ts';
import { sourceLabel } from '../lib/paper-display.ts';
import { jsonArrayLines } from '../lib/export/json-array.ts';

export const GET: APIRoute = () =>
  new Response(
    jsonArrayLines(
      papers.map((paper) => ({
        id: paper.id,
        title: paper.title,
        url: url.paper(paper.id),
        abstract: paper.abstract,
        authors: paper.authors,
        date: paper.date,
        arxiv: paper.arxiv,
        doi: paper.doi,
        venue: paper.venue,
        topics: paper.topics,
        related: paper.related.map((r) => r.id),
        sources: paper.sources.map((source) => ({ ...source, label: sourceLabel(source) })),
        links: paper.links,
      })),
    ),
    { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  );
