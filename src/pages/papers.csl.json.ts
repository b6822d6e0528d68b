/** CSL-JSON of the whole list (for Zotero, pandoc…); item ids are the BibTeX keys. */
import type { APIRoute } from 'astro';
import { siteExports } from '../data.ts';
import { siteCslJson } from '../lib/export/site-exports.ts';

export const GET: APIRoute = () =>
  new Response(siteCslJson(siteExports), { headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' } });
