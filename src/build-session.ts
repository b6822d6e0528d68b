/**
 * What one Astro process shares between its two halves: the content loaders and integrations,
 * loaded with the config, and the pages and middleware, loaded from the prerender bundle (in
 * `astro dev`, from Vite's module runner). Each half has its own copy of every module, so a
 * module-level variable is not shared; this state lives on `globalThis` under a registered symbol.
 *
 * - `corpus`: the pipeline's result, published by the loader (src/loaders/index.ts) and read by
 *   src/data.ts. The papers reach the pages as the objects the pipeline made: not copied into
 *   Astro's data store, serialised, bundled and parsed back (at 100,000 papers that store no
 *   longer fits in one JavaScript string; README "Performance").
 * - `pageHooks`: what integrations do with each page as it is rendered, before it is written
 *   (src/integrations/page-hooks.ts).
 */
import type { Corpus } from './lib/pipeline.ts';

/** A built page on its way to the disk. */
export interface RenderedPage {
  /** Path of the page under the site (no base), as served: `papers/x/`, `404.html`. */
  path: string;
  html: string;
}

export interface PageHook {
  name: string;
  /** Returns the page's HTML, changed or not. */
  page(page: RenderedPage): string | Promise<string>;
}

export interface BuildSession {
  /** The pipeline's result for the current inputs, and their digest; absent until the loader ran. */
  corpus?: { key: string; corpus: Promise<Corpus> };
  /** Called in order for each rendered HTML page during `astro build`. */
  pageHooks: PageHook[];
}

const KEY = Symbol.for('reading-list:build-session');

export function buildSession(): BuildSession {
  const holder = globalThis as typeof globalThis & { [KEY]?: BuildSession };
  holder[KEY] ??= { pageHooks: [] };
  return holder[KEY];
}

/** The corpus the loader published; a clear error where pages render in a process without it. */
export function publishedCorpus(): Promise<Corpus> {
  const published = buildSession().corpus;
  if (!published)
    throw new Error(
      'The reading list was not loaded in this process: pages must be rendered by the Astro process that ran the content loaders (src/build-session.ts).',
    );
  return published.corpus;
}
