/**
 * /my-list/ imports a JSON file the reader picks: untrusted. In Chromium, on the fixture site,
 * each hostile or broken file gets a clear message naming it; nothing is stored (the existing
 * list stays as it was, byte for byte), nothing runs (no dialog, no new element, no CSP
 * violation), and the page keeps working. Unit tests cover the messages case by case
 * (tests/unit/reader-import.test.ts).
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, useServer } from '../support/e2e.ts';
import { watchCsp } from '../support/csp-watch.ts';

const fixture = inject('fixtureSite');
const server = useServer(fixture);
const browser = useBrowser();
const STORAGE_KEY = `reading-list:${fixture.base}`;
const PAPER = 'improving-the-training-of-rectified-flows';
const OTHER = 'extraneousness-aware-imitation-learning';
const MARKUP = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
const MB = 1024 * 1024;

const list = (papers: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'reading-list', version: 1, ...extra, papers });
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** Hostile or broken files, each with the message it must get. */
const BAD_FILES: { name: string; text: () => string; message: string | RegExp }[] = [
  { name: 'wrong-type.json', text: () => list([]), message: /: This file has no "papers" list\.$/ },
  { name: 'wrong-mark.json', text: () => list({ [PAPER]: { read: 'yes' } }), message: /"read": "yes"; expected true or false\.$/ },
  {
    name: 'nested.json',
    text: () => `{"version":1,"papers":{"${PAPER}":{"saved":${nested(300_000)}}}}`,
    message: /"saved": a list; expected true or false\.$/,
  },
  {
    name: 'ten-megabytes.json',
    text: () => list({ [PAPER]: { read: true, title: 'x'.repeat(10 * MB) } }),
    message: /This file is 10\.0 MB, too large/,
  },
  { name: 'huge-string.json', text: () => list({ [PAPER]: { read: true, key: 'k'.repeat(900_000) } }), message: /invalid "key"/ },
  { name: 'proto.json', text: () => `{"version":1,"papers":{"__proto__":{"read":true}}}`, message: /invalid paper id "__proto__"\.$/ },
  {
    name: 'constructor.json',
    text: () => `{"version":1,"constructor":{"prototype":{"read":true}},"papers":{"constructor":{"read":"<b>x</b>"}}}`,
    message: /entry for "constructor" has "read": "<b>x<\/b>"/,
  },
  {
    name: 'markup-format.json',
    text: () => JSON.stringify({ format: MARKUP, version: 1, papers: {} }),
    message: /^Could not import markup-format\.json: This file is a "<img src=x onerror=/,
  },
  { name: 'markup-id.json', text: () => list({ [MARKUP]: { read: true } }), message: /invalid paper id "<img src=x/ },
  { name: 'markup-version.json', text: () => list({}, { version: MARKUP }), message: /"version" should be a number \(1\), not "<img/ },
  { name: `${MARKUP}.json`, text: () => '{ not json', message: `Could not import ${MARKUP}.json: This file is not valid JSON.` },
];

async function myListWithMarks() {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const watch = await watchCsp(context);
  const page = await context.newPage();
  await page.goto(server.url + `papers/${OTHER}/`);
  await page.getByRole('button', { name: 'Save for later' }).click();
  await page.goto(server.url + 'my-list/');
  return { context, page, ...watch };
}

const savedTitles = (page: Page) =>
  page
    .getByRole('region', { name: /Saved for later/ })
    .getByRole('link')
    .allTextContents();
const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
const elementCount = (page: Page) => page.evaluate(() => document.querySelectorAll('*').length);

describe('importing an untrusted file on /my-list/', () => {
  it('refuses each hostile or broken file with a clear message, storing and running nothing', async () => {
    const { context, page, violations, consoleReports, errors, dialogs } = await myListWithMarks();
    const before = await stored(page);
    expect(before).toContain(OTHER);
    const elements = await elementCount(page);
    const input = page.getByLabel(/Import a list/);
    const alert = page.getByRole('alert');
    for (const bad of BAD_FILES) {
      await input.setInputFiles({ name: bad.name, mimeType: 'application/json', buffer: Buffer.from(bad.text()) });
      await alert.filter({ hasText: bad.name }).waitFor();
      const message = (await alert.textContent())!;
      expect(message.startsWith(`Could not import ${bad.name}: `), message.slice(0, 200)).toBe(true);
      if (typeof bad.message === 'string') expect(message).toBe(bad.message);
      else expect(message).toMatch(bad.message);
      expect(message.length, bad.name).toBeLessThan(300);
      expect(await stored(page), bad.name).toBe(before);
      expect(await elementCount(page), bad.name).toBe(elements);
    }
    expect(await savedTitles(page)).toEqual(['Extraneousness-Aware Imitation Learning']);
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).read)).toBeUndefined();
    expect({ violations, consoleReports, errors, dialogs }).toEqual({ violations: [], consoleReports: [], errors: [], dialogs: [] });

    // The page still imports a good file afterwards.
    await input.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(list({ [PAPER]: { read: true } })) });
    await page.getByRole('status').filter({ hasText: 'Imported good.json' }).waitFor();
    await context.close();
  });

  it('takes only the marks of a good entry with markup in its other fields: titles and keys come from the site', async () => {
    const { context, page, violations, dialogs } = await myListWithMarks();
    const text = list({ [PAPER]: { read: true, saved: true, title: MARKUP, key: MARKUP, added: MARKUP } }, { site: MARKUP });
    await page.getByLabel(/Import a list/).setInputFiles({ name: 'markup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.getByRole('status').filter({ hasText: 'Imported markup.json: 1 paper added or updated.' }).waitFor();
    expect(await savedTitles(page)).toEqual(['Improving the Training of Rectified Flows', 'Extraneousness-Aware Imitation Learning']);
    expect(await stored(page)).not.toContain('<');
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(violations).toEqual([]);
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
