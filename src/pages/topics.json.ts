/** Every topic with its papers, documented in the README ("Data export"). */
import type { APIRoute } from 'astro';
import { topics, url } from '../data.ts';
import { jsonArrayLines } from '../lib/export/json-array.ts';

export const GET: APIRoute = () =>
  new Response(
    jsonArrayLines(topics.map((topic) => ({ id: topic.id, name: topic.name, url: url.topic(topic.id), papers: topic.papers }))),
    { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  );
