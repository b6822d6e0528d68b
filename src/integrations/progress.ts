/**
 * Says where a long build is, without a line per page: Astro logs one line for every page it
 * writes (100,000 lines for 100,000 papers). This integration drops those lines and instead
 * prints, at most every `PROGRESS_EVERY_MS` and once at the end, how many files have been
 * written and how many of the paper pages. The other steps report themselves: the pipeline
 * its phases with counts (src/loaders/corpus.ts), the search index its slices.
 *
 * Astro has no hook per page, so this wraps the destination of Astro's logger (the object every
 * logger of the build writes to; the integration logger's `options.destination`).
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { publishedCorpus } from '../build-session.ts';
import { shardRange } from '../lib/shards.ts';
import { siteSettings } from '../settings.ts';

export const PROGRESS_EVERY_MS = 10_000;

type Destination = AstroIntegrationLogger['options']['destination'];
type LogMessage = Parameters<Destination['write']>[0];

/** Astro's line for a page as it starts (`  ├─ /papers/x/index.html`) and the time it adds to it (`(+12ms)`). */
const PAGE_LINE = /^\s*(?:\S+ )?[├└]─ /;
const PAGE_TIME = /^\s*\((?:\+[\d.]+m?s|cached|restored)\)/;

/** Counts written files (each page line) and prints a summary every `everyMs`. */
export class PageProgress {
  #written = 0;
  #papers = 0;
  #lastReport = 0;
  #reported = 0;
  constructor(
    private readonly report: (message: string) => void,
    private readonly paperTotal: () => number | undefined,
    private readonly everyMs = PROGRESS_EVERY_MS,
    private readonly now = () => performance.now(),
  ) {}

  /** Whether Astro's message is a per-page line (counted, and not printed). */
  takes(message: LogMessage): boolean {
    if (message.label === null && PAGE_LINE.test(message.message)) {
      if (this.#written === 0) this.#lastReport = this.now();
      this.#written++;
      if (/[├└]─ \/?(?:[^/]+\/)*papers\/[^/]+\/index\.html/.test(message.message)) this.#papers++;
      if (this.now() - this.#lastReport >= this.everyMs) this.#print();
      return true;
    }
    return message.label === 'SKIP_FORMAT' && PAGE_TIME.test(message.message);
  }

  /** The final count (unless the last report said it already). */
  done(): void {
    if (this.#written > this.#reported) this.#print();
  }

  #print(): void {
    this.#lastReport = this.now();
    this.#reported = this.#written;
    const total = this.paperTotal();
    const papers = total === undefined ? `${this.#papers} paper pages` : `${this.#papers} of ${total} paper pages`;
    this.report(`${this.#written} files written (${papers})`);
  }
}

/** Wraps `destination` so that `progress` sees every message first. */
export function filteredDestination(destination: Destination, progress: PageProgress): Destination {
  return {
    ...destination,
    write: (message) => {
      if (!progress.takes(message)) destination.write(message);
    },
  };
}

export default function progressIntegration(): AstroIntegration {
  let progress: PageProgress | undefined;
  let papers: number | undefined;
  return {
    name: 'reading-list:progress',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        progress = new PageProgress(
          (message) => logger.info(message),
          () => papers,
        );
        logger.options.destination = filteredDestination(logger.options.destination, progress);
      },
      'astro:build:start': () => {
        // Not awaited: the pipeline may still be running while Astro bundles the pages. A shard
        // writes its papers' pages only; a bad SITE_SHARD fails the build in src/data.ts.
        publishedCorpus()
          .then(({ papers: all }) => {
            const { first, end } = shardRange(all.length, siteSettings.searchSlicePapers, siteSettings.shard);
            papers = end - first;
          })
          .catch(() => {});
      },
      'astro:build:generated': () => progress?.done(),
    },
  };
}
