/**
 * First searches as a reader makes them, measured in Chromium: the bytes from the first
 * keystroke until the results are shown (`npm run bench`, or alone: `npm run bench -- --search dist`).
 */
import { gzipSync } from 'node:zlib';
import { normaliseQuery } from '../../src/lib/search/query.ts';
import { serveStatic } from '../../tests/support/static-server.ts';
import { launchBrowser } from '../../tests/support/browser.ts';
import { listFiles } from '../../tests/support/site-files.ts';

/** First searches measured; the first is the headline figure. A mix of a common pair, an acronym, a hyphen variant and a broad phrase. */
export const QUERIES = ['diffusion policy', 'RLHF', 'in-context learning', 'large language models', 'robot manipulation'];
/** A steady typist: 4 keys a second (about 48 words a minute). */
export const TYPING_DELAY_MS = 250;

/** What one first search cost a reader. */
export interface QueryCost {
  query: string;
  /** Bytes over the wire from a host that gzips text (JS, JSON, HTML); Pagefind's own files are gzipped already. */
  wireBytes: number;
  /** Response bodies as stored. */
  bodyBytes: number;
  requests: number;
  /** The combobox's announcement, e.g. "412 results". */
  status: string;
}

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|manifest\+json|xml)|image\/svg)/;

/**
 * A reader's first search, as they make it: a paper page is open (no search code loaded), they
 * type the query into the header box, and the results list appears. Counts every response from
 * the first keystroke until the network is idle (search code, Pagefind's JS, WebAssembly,
 * metadata, index chunks, and the fragments of the results shown). Service workers are blocked,
 * so every byte comes from the network; each query gets a fresh browser context (empty cache).
 */
export async function measureFirstQueries(
  outDir: string,
  queries: readonly string[] = QUERIES,
  { typingDelayMs = 0 } = {},
): Promise<QueryCost[]> {
  const paper = listFiles(outDir).find((f) => /^papers\/[^/]+\/index\.html$/.test(f));
  if (!paper) throw new Error(`no paper page in ${outDir}`);
  const server = await serveStatic(outDir, '/');
  const browser = await launchBrowser();
  try {
    const costs: QueryCost[] = [];
    for (const query of queries) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      try {
        const page = await context.newPage();
        await page.goto(server.url + paper.replace(/index\.html$/, ''), { waitUntil: 'networkidle' });
        const sizes: Promise<{ body: number; wire: number }>[] = [];
        page.on('response', (response) => {
          const compressible = COMPRESSIBLE.test(response.headers()['content-type'] ?? '');
          sizes.push(response.body().then((body) => ({ body: body.length, wire: compressible ? gzipSync(body).length : body.length })));
        });
        if (typingDelayMs > 0) {
          await page.click('#site-search-input');
          await page.keyboard.type(query, { delay: typingDelayMs });
        } else {
          await page.fill('#site-search-input', query);
        }
        // The status names the query it answers ("12 results for “…”"): wait for the final one.
        await page.waitForFunction(
          (expected) => (document.querySelector('form[data-search-box] [role="status"]')?.textContent ?? '').includes(expected),
          `for “${normaliseQuery(query)}”`,
        );
        await page.waitForLoadState('networkidle');
        const status = (await page.textContent('form[data-search-box] [role="status"]'))?.trim().replace(/ for “.*$/, '') ?? '';
        const measured = await Promise.all(sizes);
        costs.push({
          query,
          wireBytes: measured.reduce((sum, s) => sum + s.wire, 0),
          bodyBytes: measured.reduce((sum, s) => sum + s.body, 0),
          requests: measured.length,
          status,
        });
      } finally {
        await context.close();
      }
    }
    return costs;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Every query of QUERIES at once, and the first one typed key by key. */
export async function measureSearches(outDir: string): Promise<{ queries: QueryCost[]; typed: QueryCost | null }> {
  const queries = await measureFirstQueries(outDir);
  const [typed = null] = await measureFirstQueries(outDir, QUERIES.slice(0, 1), { typingDelayMs: TYPING_DELAY_MS });
  return { queries, typed };
}
