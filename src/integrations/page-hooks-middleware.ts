/**
 * Hands every HTML page of a build to the hooks integrations registered (page-hooks.ts), and
 * returns the page as the last hook left it. Other responses (feeds, JSON, redirects) and every
 * response in `astro dev` pass through untouched.
 */
import { defineMiddleware } from 'astro:middleware';
import { buildSession } from '../build-session.ts';

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const decoder = new TextDecoder();

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const hooks = buildSession().pageHooks;
  if (hooks.length === 0 || response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const pathname = context.url.pathname;
  const path = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\/+/, '');
  const bytes = new Uint8Array(await response.arrayBuffer());
  const original = decoder.decode(bytes);
  let html = original;
  for (const hook of hooks) html = await hook.page({ path, html });
  // Unchanged (the usual case): hand Astro the bytes it made, not the text to encode again.
  return new Response(html === original ? bytes : html, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
});
