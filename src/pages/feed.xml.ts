/** Atom feed of the whole list, newest additions first (README, "Feeds and exports"). */
import type { APIRoute } from 'astro';
import { siteExports } from '../data.ts';
import { siteFeed } from '../lib/export/site-exports.ts';

export const GET: APIRoute = () =>
  new Response(siteFeed(siteExports), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
