/** Atom feed of the whole list, newest additions first (README, "Feeds and exports"). */
import type { APIRoute } from 'astro';
import { citationKeys, papers, topics, url } from '../data.ts';
import { siteSettings } from '../settings.ts';
import { feedYear } from '../lib/export/added.ts';
import { exportSite, siteFeed } from '../lib/export/site-exports.ts';

export const GET: APIRoute = ({ site }) => {
  const exports = exportSite({ title: siteSettings.title, papers, topics, keys: citationKeys, url, site: site!, feedYear: feedYear(process.env.FEED_YEAR) });
  return new Response(siteFeed(exports), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
