/**
 * Full garbage collections during the pages, so the build's peak memory stays near what it
 * holds rather than what it has thrown away. Rendering pages leaves garbage that outlives V8's
 * young generation (each page's strings wait on file writes), so it piles up in the old
 * generation until V8 decides to collect: at 10,000 papers the heap held about 0.2 GB after a
 * collection, and V8 let it grow to 0.6 GB before the next one.
 *
 * A collection whenever the heap has grown by a quarter of what it held after the last one (at
 * least 64 MB) keeps that growth small on any list: at 10,000 papers it ran 12 times (`--trace-gc`),
 * 70–180 ms each, and at 100,000 papers it runs less often, since the heap holds more. Measured
 * in README "Performance". The search index also collects once each slice is written
 * (search-index.ts): its files are buffers outside V8's heap, which the growth above does not see.
 * `gc` is not exposed without `--expose-gc`, which an `astro build` cannot be given; V8 allows
 * turning the flag on at run time, for contexts created afterwards.
 */
import type { AstroIntegration } from 'astro';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { addPageHook } from './page-hooks.ts';

const MIN_GROWTH = 64 * 1024 * 1024;
/** How often (in pages) the heap's size is looked at: reading it costs little, but not nothing. */
const CHECK_EVERY_PAGES = 50;

let collect: (() => void) | undefined;
let heldAfterCollection = 0;
let pagesSinceCheck = 0;

export function collectGarbage(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
  heldAfterCollection = getHeapStatistics().used_heap_size;
}

/** Collects when the heap has grown by a quarter (at least MIN_GROWTH) since the last collection; whether it did. */
export function collectGarbageIfGrown(): boolean {
  if (++pagesSinceCheck < CHECK_EVERY_PAGES) return false;
  pagesSinceCheck = 0;
  const used = getHeapStatistics().used_heap_size;
  if (heldAfterCollection === 0) heldAfterCollection = used;
  if (used - heldAfterCollection < Math.max(MIN_GROWTH, heldAfterCollection / 4)) return false;
  collectGarbage();
  return true;
}

/** After the page hooks in astro.config.mjs: looks at the heap as each page is rendered, and leaves the page as it is. */
export default function garbageCollection(): AstroIntegration {
  return {
    name: 'reading-list:collect-garbage',
    hooks: {
      'astro:build:start': () => {
        heldAfterCollection = 0;
        pagesSinceCheck = 0;
        addPageHook({
          name: 'collect garbage',
          page: ({ html }) => {
            collectGarbageIfGrown();
            return html;
          },
        });
      },
    },
  };
}
