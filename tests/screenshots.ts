/**
 * Screenshots of the pictures (topic map, a topic's papers over time, a paper's local map) in
 * the light and dark themes, on a desktop and a 390 px phone, to look at after a change:
 *
 *   npm run build && node tests/screenshots.ts [site dir, default dist] [output dir, default .screenshots]
 *
 * The browser tests (tests/e2e/pictures.test.ts) check the same pages automatically; these
 * images are for a person's eyes.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchBrowser } from './support/browser.ts';
import { serveStatic } from './support/static-server.ts';

const [siteDir = 'dist', outDir = '.screenshots'] = process.argv.slice(2);
/** A topic and a paper of the project's seeds; override with SCREENSHOT_TOPIC / SCREENSHOT_PAPER. */
const topic = process.env.SCREENSHOT_TOPIC ?? 'imitation-learning';
const paper = process.env.SCREENSHOT_PAPER ?? 'improving-the-training-of-rectified-flows';

const pictures = [
  { name: 'topic-map', path: 'topics/', figure: '.topic-map-figure' },
  { name: 'topic-timeline', path: `topics/${topic}/`, figure: '.timeline-figure' },
  { name: 'topic-shared', path: `topics/${topic}/`, figure: '.shared-topics' },
  { name: 'local-map', path: `papers/${paper}/`, figure: '.local-map-figure' },
];
const screens = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

await mkdir(outDir, { recursive: true });
const server = await serveStatic(resolve(siteDir), '/');
const browser = await launchBrowser();
try {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const screen of screens) {
      const context = await browser.newContext({ viewport: screen.viewport, colorScheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const { name, path, figure } of pictures) {
        await page.goto(server.url + path);
        const file = `${outDir}/${name}-${colorScheme}-${screen.name}.png`;
        await page.locator(figure).screenshot({ path: file });
        console.log(file);
      }
      // Each picture in its page: the screenful around it.
      for (const { name, path, figure } of pictures) {
        await page.goto(server.url + path);
        await page.locator(figure).scrollIntoViewIfNeeded();
        const file = `${outDir}/in-page-${name}-${colorScheme}-${screen.name}.png`;
        await page.screenshot({ path: file });
        console.log(file);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
