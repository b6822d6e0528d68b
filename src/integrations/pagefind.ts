/**
 * Indexes the built site with Pagefind once the build is done (Astro `astro:build:done`).
 * What gets indexed is decided in the pages: only elements inside `data-pagefind-body`
 * (paper pages), with titles weighted above abstracts and navigation marked to be ignored.
 * Paper pages also carry hidden acronym/long-form terms (src/lib/search/index-terms.ts) and an
 * `id="abstract"` anchor that the client uses to take excerpts from the abstract
 * (src/lib/search/excerpt.ts). The offline integration runs after this one and precaches the index.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'reading-list:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const start = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length > 0) throw new Error(`Pagefind failed to index ${outDir}: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
          logger.info(`indexed ${added.page_count} page(s) in ${Math.round(performance.now() - start)} ms`);
        } catch (cause) {
          throw new Error('Building the search index failed', { cause });
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
