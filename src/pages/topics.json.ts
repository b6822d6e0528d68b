/** Every topic with its papers, documented in the README ("Data export"). */
import type { APIRoute } from 'astro';
import { topics, url } from '../data.ts';

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify(
      topics.map((topic) => ({ id: topic.id, name: topic.name, url: url.topic(topic.id), papers: topic.papers })),
      null,
      2,
    ),
    { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  );
