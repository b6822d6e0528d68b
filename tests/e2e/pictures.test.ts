/**
 * The pictures in Chromium, on the real seeds' site: the topic map (/topics/), a topic's papers
 * over time and shared topics, and a paper's local map. In the light and dark themes, on a
 * desktop and a 390 px phone: they show, their labels are legible (no two overlap as the
 * browser really sets them; contrast), their links lead to the right pages, and axe finds nothing.
 * For screenshots to look at, see tests/screenshots.ts.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, useServer, watchPage } from '../support/e2e.ts';
import { axeViolations } from '../support/axe.ts';
import { readText } from '../support/site-files.ts';
import { LOCAL_MAP_LIMIT } from '../../src/lib/pictures/local-map.ts';

const site = inject('realSite');
const server = useServer(site);
const browser = useBrowser();

const topics = JSON.parse(readText(site.outDir, 'topics.json')) as { id: string; name: string; url: string; papers: string[] }[];
const papers = JSON.parse(readText(site.outDir, 'papers.json')) as { id: string; title: string; url: string; related: string[] }[];
// The paper with the most related papers (the first, on a tie).
const paper = papers.reduce((best, p) => (p.related.length > best.related.length ? p : best));
const topic = topics[0]!;

const screens = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;
const schemes = ['light', 'dark'] as const;

async function open(path: string, colorScheme: 'light' | 'dark', viewport: { width: number; height: number }) {
  const context = await browser.newContext({ colorScheme, viewport });
  const page = await context.newPage();
  const watched = watchPage(page, server.origin);
  await page.goto(server.url + path);
  return { page, ...watched, close: () => context.close() };
}

/** Pairs of labels (SVG text) whose boxes, as Chromium lays them out, intersect. */
function overlappingLabels(page: Page, selector: string): Promise<string[]> {
  return page.locator(`${selector} text`).evaluateAll((texts) => {
    const boxes = texts.map((t) => ({ name: t.textContent ?? '', box: t.getBoundingClientRect() }));
    const found: string[] = [];
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => {
        if (a.box.left < b.box.right && b.box.left < a.box.right && a.box.top < b.box.bottom && b.box.top < a.box.bottom)
          found.push(`${a.name} / ${b.name}`);
      }),
    );
    return found;
  });
}

/** WCAG contrast of each label's fill against the page background; the lowest. */
function lowestLabelContrast(page: Page, selector: string): Promise<number> {
  return page.locator(`${selector} text`).evaluateAll((texts) => {
    const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (colour: string) => {
      const [r, g, b] = rgb(colour).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const background = luminance(getComputedStyle(document.documentElement).backgroundColor);
    return Math.min(
      ...texts.map((t) => {
        const [hi, lo] = [luminance(getComputedStyle(t).fill), background].sort((x, y) => y - x);
        return (hi! + 0.05) / (lo! + 0.05);
      }),
    );
  });
}

/** Label size as set on screen (px): the map must not be scaled down to illegibility. */
function smallestLabelSize(page: Page, selector: string): Promise<number> {
  return page
    .locator(`${selector} svg`)
    .first()
    .evaluate((svg) => {
      const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
      return Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
    });
}

/** A map's labels, as set on screen: none overlaps another, AA contrast, at least `minSize` px. */
async function expectLegibleLabels(page: Page, selector: string, minSize: number): Promise<void> {
  expect(await overlappingLabels(page, selector)).toEqual([]);
  expect(await lowestLabelContrast(page, selector)).toBeGreaterThanOrEqual(4.5);
  expect(await smallestLabelSize(page, selector)).toBeGreaterThanOrEqual(minSize);
}

/** How far the page itself scrolls sideways (a picture may scroll inside its own box, the page must not). */
const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const colorScheme of schemes) {
  for (const screen of screens) {
    describe(`${colorScheme} theme, ${screen.name}`, () => {
      it('shows the topic map: a node per topic, legible labels, each a link to its topic', async () => {
        const { page, foreign, errors, close } = await open('topics/', colorScheme, screen.viewport);
        const map = page.locator('.topic-map-figure');
        await expect.poll(() => map.isVisible()).toBe(true);
        expect(await map.locator('svg a').count()).toBe(topics.length);
        await expectLegibleLabels(page, '.topic-map-figure', 12);
        expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
        expect(await axeViolations(page)).toEqual([]);
        // The last topic's node: on a phone it lies beyond the screen's edge, in the scrolled part.
        const last = topics.at(-1)!;
        await map.locator(`a[href="${last.url}"]`).click();
        await page.waitForURL(server.origin + last.url);
        expect(await page.locator('h1').textContent()).toBe(last.name);
        expect(foreign).toEqual([]);
        expect(errors).toEqual([]);
        await close();
      });

      it('shows a topic’s papers over time and the topics it shares most papers with, linked', async () => {
        const { page, errors, close } = await open(topic.url.slice(1), colorScheme, screen.viewport);
        const chart = page.locator('.timeline-figure svg');
        await expect.poll(() => chart.isVisible()).toBe(true);
        expect(await chart.getAttribute('aria-label')).toMatch(/^Papers per (day|week|month|year): .+ papers?/);
        const bars = await chart.locator('rect').evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().height));
        expect(bars.length).toBeGreaterThan(0);
        expect(Math.min(...bars)).toBeGreaterThan(0);
        expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
        expect(await axeViolations(page)).toEqual([]);
        const shared = page.locator('.shared-topics a').first();
        const name = await shared.textContent();
        await shared.click();
        await page.waitForURL(/\/topics\/[^/]+\/$/);
        expect(await page.locator('h1').textContent()).toBe(name);
        expect(errors).toEqual([]);
        await close();
      });

      it('shows a paper’s local map: the paper and its related papers, each a link to its page', async () => {
        const { page, errors, close } = await open(paper.url.slice(1), colorScheme, screen.viewport);
        const map = page.locator('.local-map-figure');
        await expect.poll(() => map.isVisible()).toBe(true);
        expect(await map.locator('svg a').count()).toBe(Math.min(paper.related.length, LOCAL_MAP_LIMIT));
        await expectLegibleLabels(page, '.local-map-figure', 11);
        // Whole on a phone's screen, without scrolling.
        const box = (await map.locator('svg').boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(screen.viewport.width);
        expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
        expect(await axeViolations(page)).toEqual([]);
        const target = papers.find((p) => p.id === paper.related.slice(0, LOCAL_MAP_LIMIT).at(-1))!;
        await map.locator(`a[href="${target.url}"]`).click();
        await page.waitForURL(server.origin + target.url);
        expect(await page.locator('h1').textContent()).toBe(target.title);
        expect(errors).toEqual([]);
        await close();
      });
    });
  }
}

describe('keyboard', () => {
  it('reaches the local map’s links with Tab, shows focus, and follows one with Enter', async () => {
    const { page, close } = await open(paper.url.slice(1), 'light', screens[0].viewport);
    const first = page.locator('.local-map-figure a').first();
    await first.evaluate((a) => (a as SVGAElement).focus());
    // Tab moves on to the next node of the map, in document order.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.closest('.local-map-figure a')?.getAttribute('href') ?? null);
    expect(focused).toBe(await page.locator('.local-map-figure a').nth(1).getAttribute('href'));
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('circle')!).strokeWidth);
    expect(parseFloat(ring)).toBeGreaterThanOrEqual(3);
    await page.keyboard.press('Enter');
    await page.waitForURL(server.origin + focused!);
    await close();
  });
});
