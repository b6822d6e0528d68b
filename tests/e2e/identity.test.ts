/**
 * Authors in a real Chromium, on the identity fixture site: found by search with or without
 * accents, narrowed by the search page's author filter (in the address), the long author list
 * opened from its <details>, and the pages that show them accessible in light and dark.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, useServer, watchPage } from '../support/e2e.ts';
import { axeViolations } from '../support/axe.ts';

const site = inject('identitySite');
const server = useServer(site);
const browser = useBrowser();

async function open(
  path: string,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<{ page: Page; close: () => Promise<void>; watch: ReturnType<typeof watchPage> }> {
  const context = await browser.newContext({ serviceWorkers: 'block', colorScheme });
  const page = await context.newPage();
  const watch = watchPage(page, server.origin);
  await page.goto(server.url + path);
  return { page, watch, close: () => context.close() };
}

async function resultTitles(page: Page): Promise<string[]> {
  await page.locator('[data-search-status]', { hasText: /results? |No results/ }).waitFor();
  return page.locator('[data-search-results] > li h2').allTextContents();
}

describe('authors on the identity site', () => {
  it.each(['Schölkopf', 'scholkopf'])('finds the author’s papers searching %j', async (query) => {
    const { page, close } = await open(`search/?q=${encodeURIComponent(query)}`);
    expect((await resultTitles(page))[0]).toBe('Toward Causal Representation Learning');
    await close();
  });

  it('narrows results to an author with the author filter, accents aside, and keeps it in the address', async () => {
    const { page, close, watch } = await open('search/?author=bengio');
    expect((await resultTitles(page)).sort()).toEqual(['Generative Adversarial Networks', 'Toward Causal Representation Learning']);
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toMatch(/2 results by Yoshua Bengio/);
    await page.locator('#search-author-input').fill('erdos');
    await expect.poll(() => page.locator('[data-search-results] > li h2').allTextContents()).toEqual(['On random graphs I']);
    expect(new URL(page.url()).searchParams.get('author')).toBe('erdos');
    expect(await page.locator('[data-search-results] .byline').first().textContent()).toBe('Paul Erdős and Alfréd Rényi · 1959');
    expect(watch.foreign).toEqual([]);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('an author link on a paper page opens that author’s papers', async () => {
    const { page, close } = await open('papers/human-level-control-through-deep-reinforcement-learning/');
    await page.getByRole('link', { name: 'David Silver' }).click();
    expect((await resultTitles(page)).sort()).toEqual([
      'Human-level control through deep reinforcement learning',
      'Playing Atari with Deep Reinforcement Learning',
    ]);
    await close();
  });

  it('opens the rest of a long author list', async () => {
    const { page, close } = await open('papers/human-level-control-through-deep-reinforcement-learning/');
    const hassabis = page.getByRole('link', { name: 'Demis Hassabis' });
    expect(await hassabis.isVisible()).toBe(false);
    await page.getByText('9 more authors').click();
    expect(await hassabis.isVisible()).toBe(true);
    await close();
  });

  it.each(['light', 'dark'] as const)('paper page, list and search page pass axe in %s', async (colorScheme) => {
    for (const path of ['papers/human-level-control-through-deep-reinforcement-learning/', '', 'search/?author=bengio']) {
      const { page, close } = await open(path, colorScheme);
      if (path.startsWith('search')) await resultTitles(page);
      expect(await axeViolations(page), `${path || 'home'} (${colorScheme})`).toEqual([]);
      await close();
    }
  });
});
