/**
 * Lets integrations see and change each page as it is rendered, before Astro writes it, instead
 * of reading every page back from the disk after the build: at 100,000 pages a second pass over
 * the output (read, scan, rewrite) costs minutes. Integrations register a hook in
 * `astro:build:start` with `addPageHook`; a middleware (page-hooks-middleware.ts) hands every
 * HTML page of the build to the hooks, in the order they were registered. In `astro dev` no
 * hook is registered and the middleware passes pages through.
 */
import type { AstroIntegration } from 'astro';
import { buildSession, type PageHook } from '../build-session.ts';

export type { PageHook, RenderedPage } from '../build-session.ts';

/** Registers `hook` for the pages of the build that is starting. */
export function addPageHook(hook: PageHook): void {
  buildSession().pageHooks.push(hook);
}

/**
 * The output file of a page served at `path` (under the site, no base; build.format
 * 'directory'): `papers/x/` → `papers/x/index.html`, `404` → `404.html`.
 */
export function pageFile(path: string): string {
  const relative = path.replace(/^\/+/, '');
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : `${relative}.html`;
}

/** First in astro.config.mjs: starts each build with no hooks and adds the middleware. */
export default function pageHooks(): AstroIntegration {
  return {
    name: 'reading-list:page-hooks',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) => {
        addMiddleware({ entrypoint: new URL('./page-hooks-middleware.ts', import.meta.url), order: 'post' });
      },
      'astro:build:start': () => {
        buildSession().pageHooks.length = 0;
      },
    },
  };
}
