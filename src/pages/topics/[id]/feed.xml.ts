/** Atom feed of one topic's papers, newest additions first. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteExports, sitePagesOnly, topics } from '../../../data.ts';
import { siteFeed } from '../../../lib/export/site-exports.ts';

export const getStaticPaths: GetStaticPaths = () => sitePagesOnly(topics.map((topic) => ({ params: { id: topic.id } })));

export const GET: APIRoute = ({ params }) =>
  new Response(siteFeed(siteExports, params.id), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
