/** The whole list as a Markdown "awesome list", grouped by each paper's first topic. */
import type { APIRoute } from 'astro';
import { citationKeys, papers, topics, url } from '../data.ts';
import { siteSettings } from '../settings.ts';
import { feedYear } from '../lib/export/added.ts';
import { exportSite, siteMarkdown } from '../lib/export/site-exports.ts';

export const GET: APIRoute = ({ site }) => {
  const exports = exportSite({ title: siteSettings.title, papers, topics, keys: citationKeys, url, site: site!, feedYear: feedYear(process.env.FEED_YEAR) });
  return new Response(siteMarkdown(exports), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
