/** BibTeX of the whole list; keys are the ones paper pages show (src/data.ts `citationKeys`). */
import type { APIRoute } from 'astro';
import { citationKeys, papers, topics, url } from '../data.ts';
import { siteSettings } from '../settings.ts';
import { feedYear } from '../lib/export/added.ts';
import { exportSite, siteBibtex } from '../lib/export/site-exports.ts';

export const GET: APIRoute = ({ site }) => {
  const exports = exportSite({ title: siteSettings.title, papers, topics, keys: citationKeys, url, site: site!, feedYear: feedYear(process.env.FEED_YEAR) });
  return new Response(siteBibtex(exports), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
