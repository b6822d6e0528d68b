/** Atom feed of one topic's papers, newest additions first. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { citationKeys, papers, topics, url } from '../../../data.ts';
import { siteSettings } from '../../../settings.ts';
import { feedYear } from '../../../lib/export/added.ts';
import { exportSite, siteFeed } from '../../../lib/export/site-exports.ts';

export const getStaticPaths: GetStaticPaths = () => topics.map((topic) => ({ params: { id: topic.id } }));

export const GET: APIRoute = ({ params, site }) => {
  const exports = exportSite({ title: siteSettings.title, papers, topics, keys: citationKeys, url, site: site!, feedYear: feedYear(process.env.FEED_YEAR) });
  return new Response(siteFeed(exports, params.id), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
