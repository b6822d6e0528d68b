/**
 * Starts the pipeline as soon as `astro build` has read its config, about a second and a half
 * before Astro runs the content loaders: meanwhile the build's main thread starts Astro on one
 * core and the pipeline's thread works on the other (issue 12). The corpus loader
 * (src/loaders/corpus.ts) then finds the run under the same inputs' digest and takes it over;
 * whatever this start reports (a missing seeds folder, a failed pipeline) reaches the build
 * through the loader and the pages, as it would without it. `astro dev` starts with the loader.
 */
import type { AstroIntegration } from 'astro';
import { loadCorpus, type CorpusSource } from '../loaders/corpus.ts';

export default function corpusEarly(source: CorpusSource): AstroIntegration {
  return {
    name: 'reading-list:corpus',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build') return;
        // Not awaited: the config goes on being set up. A failure here shows again when the loader asks.
        loadCorpus(source, { config, logger }).catch(() => {});
      },
    },
  };
}
