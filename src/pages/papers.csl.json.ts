/** CSL-JSON of the whole list (for Zotero, pandoc…); item ids are the BibTeX keys. */
import type { APIRoute } from 'astro';
import { citationKeys, papers, topics, url } from '../data.ts';
import { siteSettings } from '../settings.ts';
import { feedYear } from '../lib/export/added.ts';
import { exportSite, siteCslJson } from '../lib/export/site-exports.ts';

export const GET: APIRoute = ({ site }) => {
  const exports = exportSite({ title: siteSettings.title, papers, topics, keys: citationKeys, url, site: site!, feedYear: feedYear(process.env.FEED_YEAR) });
  return new Response(siteCslJson(exports), { headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' } });
};
