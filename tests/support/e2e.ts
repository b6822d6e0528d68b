/**
 * Set-up shared by the browser test files: a Chromium and static servers that live for the
 * whole file. Call at the top level of a test file; use the handles inside tests.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serveStatic, type RunningServer } from './static-server.ts';

function ready<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not started yet: use it inside a test or hook`);
  return value;
}

/** The file's Chromium (launched before its tests, closed after). */
export function useBrowser(): Pick<Browser, 'newPage' | 'newContext'> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    newPage: (...args) => ready(browser, 'The browser').newPage(...args),
    newContext: (...args) => ready(browser, 'The browser').newContext(...args),
  };
}

/** A built site served over http under its base path, for the file's tests. */
export function useServer(site: { outDir: string; base: string }): Pick<RunningServer, 'url' | 'origin'> {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await serveStatic(site.outDir, site.base);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get url() {
      return ready(server, 'The server').url;
    },
    get origin() {
      return ready(server, 'The server').origin;
    },
  };
}

/** Records, from now on, a page's requests to hosts other than `origin` and its uncaught script errors. */
export function watchPage(page: Page, origin: string): { foreign: string[]; errors: string[] } {
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) foreign.push(request.url());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { foreign, errors };
}
