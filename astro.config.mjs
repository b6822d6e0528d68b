// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import offline from './src/integrations/offline.ts';
import buildReport from './src/integrations/build-report.ts';
import { siteSettings } from './src/settings.ts';

export default defineConfig({
  // Absolute URLs (canonical links, feeds, citation metadata) need the public origin.
  site: siteSettings.siteUrl,
  base: siteSettings.base,
  trailingSlash: 'always',
  // Pages render from data already in memory; rendering a few at once overlaps each page's file
  // write with the next page's rendering (10,000 papers: page generation ~38 s → ~27 s, npm run bench).
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  // Pagefind after the others: it indexes what they have written. Offline after Pagefind: its
  // service worker precaches the finished site, search index included. The build report
  // (figures for `npm run bench`) first, so it stamps each step before the others run.
  integrations: [buildReport(), mdx(), sitemap(), pagefind(), offline()],
  devToolbar: { enabled: false },
  vite: {
    build: {
      rollupOptions: {
        // MDX topic notes carry Astro's "use astro:head-inject" directive, which the bundler
        // warns about when it sees it at module level; it is expected and harmless.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
