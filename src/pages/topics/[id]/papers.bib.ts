/** BibTeX of one topic's papers, with the same keys as the whole list. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { citationKeys, papers, topics, url } from '../../../data.ts';
import { siteSettings } from '../../../settings.ts';
import { feedYear } from '../../../lib/export/added.ts';
import { exportSite, siteBibtex } from '../../../lib/export/site-exports.ts';

export const getStaticPaths: GetStaticPaths = () => topics.map((topic) => ({ params: { id: topic.id } }));

export const GET: APIRoute = ({ params, site }) => {
  const exports = exportSite({ title: siteSettings.title, papers, topics, keys: citationKeys, url, site: site!, feedYear: feedYear(process.env.FEED_YEAR) });
  return new Response(siteBibtex(exports, params.id), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
