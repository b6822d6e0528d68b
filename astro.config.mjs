// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import offline from './src/integrations/offline.ts';
import buildReport from './src/integrations/build-report.ts';
import pageHooks from './src/integrations/page-hooks.ts';
import progress from './src/integrations/progress.ts';
import garbageCollection from './src/integrations/collect-garbage.ts';
import contentSecurityPolicy from './src/integrations/content-security-policy.ts';
import corpusEarly from './src/integrations/corpus-early.ts';
import shards from './src/integrations/shards.ts';
import { siteSettings } from './src/settings.ts';
import { writesSitePages } from './src/lib/shards.ts';

const csp = contentSecurityPolicy();
// A shard's build (SITE_SHARD) lists every paper page in its sitemap, and notes what it built last.
const shard = shards(siteSettings);

export default defineConfig({
  // Absolute URLs (canonical links, feeds, citation metadata) need the public origin.
  site: siteSettings.siteUrl,
  base: siteSettings.base,
  trailingSlash: 'always',
  // Pages render from data already in memory; rendering a few at once overlaps each page's file
  // write with the next page's rendering (10,000 papers: page generation ~38 s → ~27 s, npm run bench).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Pagefind after the others: it indexes what they have written. The policy check then trims each
  // page's policy, and offline precaches the finished site, search index included. _headers last:
  // hosts read it, they do not serve it, so it must not be precached. The build report (figures
  // for `npm run bench`) first, so it stamps each step before the others run; the pipeline starts
  // next, while Astro sets up the rest (src/integrations/corpus-early.ts); then the page
  // hooks, which hand each page to the integrations as it is rendered (the policy check), and
  // garbage collection, which keeps the heap from growing far between collections (issue 12).
  // A shard's note (shard.json) after everything: it is not part of the site.
  integrations: [
    buildReport(),
    corpusEarly(siteSettings),
    progress(),
    pageHooks(),
    garbageCollection(),
    mdx(),
    // The sitemap is the whole site's or the first shard's (src/lib/shards.ts).
    ...(writesSitePages(siteSettings.shard) ? [sitemap({ customPages: shard.sitemapPages })] : []),
    pagefind(),
    csp.pages,
    offline(),
    csp.headers,
    shard.integration,
  ],
  // Shiki colours code with style attributes, which that policy blocks: code in topic notes stays plain.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  vite: {
    environments: {
      // Scripts and stylesheets named by their hash alone: a paper page links six of them, and
      // Astro's names ("ReaderControls.astro_astro_type_script_index_0_lang.dr4tc6M5.js") cost
      // a quarter of a kilobyte a page.
      client: {
        build: {
          rollupOptions: {
            output: { entryFileNames: '_astro/[hash].js', chunkFileNames: '_astro/[hash].js', assetFileNames: '_astro/[hash][extname]' },
          },
        },
      },
    },
    build: {
      // Page scripts as files, never inline: each page then has no inline script for Astro to
      // hash on every render and for the policy to list, and the browser caches them once.
      assetsInlineLimit: 0,
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
