/**
 * Every paper's id, citation key, title and added key, for /my-list/ (src/scripts/reader-list-page.ts)
 * to check imported files against and to fill in entries saved without their info. Fetched only
 * for those, so the page itself stays small however long the list is.
 * Rows, not objects, to keep it compact: [id, key, title, added].
 */
import type { APIRoute } from 'astro';
import { paperInfo, papers } from '../../data.ts';

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify(
      papers.map((paper) => {
        const { key, title, added } = paperInfo(paper);
        return [paper.id, key, title, added];
      }),
    ),
    { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  );
