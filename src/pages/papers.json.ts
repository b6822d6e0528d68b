/** The public data export: every paper, documented in the README ("Data export"). */
import type { APIRoute } from 'astro';
import { papers, url } from '../data.ts';

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify(
      papers.map((paper) => ({
        id: paper.id,
        title: paper.title,
        url: url.paper(paper.id),
        abstract: paper.abstract,
        topics: paper.topics,
        related: paper.related.map((r) => r.id),
        sources: paper.sources,
        links: paper.links,
      })),
      null,
      2,
    ),
    { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  );
