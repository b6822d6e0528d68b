/** The whole list as a Markdown "awesome list", grouped by each paper's first topic. */
import type { APIRoute } from 'astro';
import { siteExports } from '../data.ts';
import { siteMarkdown } from '../lib/export/site-exports.ts';

export const GET: APIRoute = () => new Response(siteMarkdown(siteExports), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
