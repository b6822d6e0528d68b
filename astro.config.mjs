// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';

/** "/reading-list" or "reading-list/" → "/reading-list/"; unset → "/". */
function normalizeBase(base = '/') {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export default defineConfig({
  // Absolute URLs (canonical links, feeds, citation metadata) need the public origin.
  site: process.env.SITE_URL || 'http://localhost:4321',
  base: normalizeBase(process.env.SITE_BASE),
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  // Pagefind last: it indexes what the other integrations have written.
  integrations: [mdx(), sitemap(), pagefind()],
  devToolbar: { enabled: false },
});
