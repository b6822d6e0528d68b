/** BibTeX of the whole list; keys are the ones paper pages show (src/data.ts `citationKeys`). */
import type { APIRoute } from 'astro';
import { siteExports } from '../data.ts';
import { siteBibtex } from '../lib/export/site-exports.ts';

export const GET: APIRoute = () =>
  new Response(siteBibtex(siteExports), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
