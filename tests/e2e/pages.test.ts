/**
 * The built fixture site in a real Chromium, served over http under its sub-path.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, useServer, watchPage } from '../support/e2e.ts';
import { axeViolations } from '../support/axe.ts';

const fixture = inject('fixtureSite');
const server = useServer(fixture);
const browser = useBrowser();

/** A page that fails the test on script errors and records any request to another host. */
async function openPage(path = ''): Promise<{ page: Page; foreignRequests: string[]; errors: string[] }> {
  // A context of its own (axe's Playwright runner needs one), closed with the page.
  const context = await browser.newContext();
  const page = await context.newPage();
  // The browser may be closing already (the suite's last page): then there is no context left to close.
  page.once('close', () => void context.close().catch(() => {}));
  const { foreign: foreignRequests, errors } = watchPage(page, server.origin);
  await page.goto(server.url + path);
  return { page, foreignRequests, errors };
}

describe('home and paper pages', () => {
  it('lists every paper and opens one by its link', async () => {
    const { page, foreignRequests, errors } = await openPage();
    const items = page.locator('.paper-list > li');
    expect(await items.count()).toBe(16);
    await page.getByRole('link', { name: 'Improving the Training of Rectified Flows' }).click();
    await page.waitForURL(/\/reading-list\/papers\/improving-the-training-of-rectified-flows\/$/);
    expect(await page.locator('h1').textContent()).toBe('Improving the Training of Rectified Flows');
    expect(await page.title()).toContain('Improving the Training of Rectified Flows');
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows markup in titles as text and runs none of it', async () => {
    const { page, errors } = await openPage();
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs++;
      await dialog.dismiss();
    });
    const link = page.locator('.paper-list a', { hasText: '<script>alert("title")</script>' });
    await link.click();
    await page.waitForLoadState('load');
    expect(await page.locator('h1').textContent()).toBe('<script>alert("title")</script> & <img src=x onerror=alert(1)> "Quoted" Robots');
    expect(await page.locator('.abstract').textContent()).toContain('<script>alert("abstract")</script>');
    expect(await page.locator('main img').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no accessibility violations (axe, WCAG 2.1 AA) on the home and a paper page', async () => {
    for (const path of ['', 'papers/improving-the-training-of-rectified-flows/']) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page } = await openPage();
        await page.emulateMedia({ colorScheme });
        await page.goto(server.url + path);
        expect(await axeViolations(page), `${path || 'home'} (${colorScheme})`).toEqual([]);
        await page.close();
      }
    }
  });

  it('can be used with the keyboard: the skip link reaches the content', async () => {
    const { page } = await openPage();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });
});

describe('paper page', () => {
  const path = 'papers/improving-the-training-of-rectified-flows/';

  it('copies the BibTeX citation and the link', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await context.newPage();
    await page.goto(server.url + path);
    await page.getByRole('button', { name: 'Copy BibTeX' }).click();
    await expect.poll(() => page.locator('#copy-status').textContent()).toBe('BibTeX copied to the clipboard.');
    const bibtex = await page.evaluate(() => navigator.clipboard.readText());
    expect(bibtex).toMatch(/^@misc\{[a-z0-9]+/);
    expect(bibtex).toContain('Improving the Training of Rectified Flows');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`https://example.org/reading-list/${path}`);
    await context.close();
  });

  it('moves to the previous and next paper with the arrow keys', async () => {
    const { page } = await openPage(path);
    const next = await page.locator('.pager a[rel="next"]').getAttribute('href');
    await page.keyboard.press('ArrowRight');
    await page.waitForURL((u) => u.pathname === next);
    await page.keyboard.press('ArrowLeft');
    await page.waitForURL((u) => u.pathname.endsWith(path));
    // Typing in the search box must not navigate.
    await page.locator('input[type="search"]').first().focus();
    await page.keyboard.press('ArrowRight');
    expect(new URL(page.url()).pathname).toBe(`/reading-list/${path}`);
    await page.close();
  });

  it('follows the system colour scheme', async () => {
    const { page } = await openPage(path);
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await background();
    expect(light).toBe('rgb(253, 253, 252)');
    expect(dark).toBe('rgb(20, 21, 24)');
    await page.close();
  });

  it('carries citation metadata, OpenGraph tags and schema.org JSON-LD', async () => {
    const { page } = await openPage(path);
    const meta = (selector: string) => page.locator(selector).getAttribute('content');
    expect(await meta('meta[name="citation_title"]')).toBe('Improving the Training of Rectified Flows');
    expect(await meta('meta[property="og:title"]')).toBe('Improving the Training of Rectified Flows');
    expect(await meta('meta[name="description"]')).toMatch(/^Diffusion models have shown great promise/);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`https://example.org/reading-list/${path}`);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd).toMatchObject({ '@type': 'ScholarlyArticle', headline: 'Improving the Training of Rectified Flows' });
    const lookups = await page.locator('a', { hasText: 'Semantic Scholar' }).getAttribute('href');
    expect(lookups).toBe('https://www.semanticscholar.org/search?q=Improving+the+Training+of+Rectified+Flows');
    await page.close();
  });
});
