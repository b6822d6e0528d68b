/**
 * The built fixture site in a real Chromium, served over http under its sub-path.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { serveStatic, type RunningServer } from '../support/static-server.ts';
import { axeViolations } from '../support/axe.ts';

const fixture = inject('fixtureSite');
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(fixture.outDir, fixture.base);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that fails the test on script errors and records any request to another host. */
async function openPage(path = ''): Promise<{ page: Page; foreignRequests: string[]; errors: string[] }> {
  const page = await browser.newPage();
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(server.origin) && !request.url().startsWith('data:')) foreignRequests.push(request.url());
  });
  page.on('pageerror', (error) => errors.push(error.message));
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
