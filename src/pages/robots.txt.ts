/** robots.txt naming the sitemap that @astrojs/sitemap writes under the base path. */
import type { APIRoute } from 'astro';
import { url } from '../data.ts';
import { robotsTxt } from '../lib/export/robots.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(new URL(url.asset('sitemap-index.xml'), site).href), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
