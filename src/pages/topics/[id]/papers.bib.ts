/** BibTeX of one topic's papers, with the same keys as the whole list. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteExports, sitePagesOnly, topics } from '../../../data.ts';
import { siteBibtex } from '../../../lib/export/site-exports.ts';

export const getStaticPaths: GetStaticPaths = () => sitePagesOnly(topics.map((topic) => ({ params: { id: topic.id } })));

export const GET: APIRoute = ({ params }) =>
  new Response(siteBibtex(siteExports, params.id), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
