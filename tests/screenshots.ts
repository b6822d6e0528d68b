/**
 * Screenshots of the pictures (topic map, a topic's papers over time, a paper's local map) in
 * the light and dark themes, on a desktop and a 390 px phone, to look at after a change:
 *
 *   npm run build && npm run screenshots -- [site dir, default dist] [output dir, default .screenshots] [--docs]
 *
 * With `--docs`, it also writes the README's images (docs/pictures-*.jpg) from the seeds' site.
 *
 * The browser tests (tests/e2e/pictures.test.ts) check the same pages automatically; these
 * images are for a person's eyes.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchBrowser } from './support/browser.ts';
import { serveStatic } from './support/static-server.ts';

const docs = process.argv.includes('--docs');
const [siteDir = 'dist', outDir = '.screenshots'] = process.argv.slice(2).filter((arg) => arg !== '--docs');
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
  if (docs) {
    // The README's pictures: the map of the field in the light theme, a topic page and a paper page on a phone in the dark.
    for (const [name, path, colorScheme, viewport, figure] of [
      ['topic-map', 'topics/', 'light', screens[0]!.viewport, '.topic-map-figure'],
      ['topic-page', `topics/${topic}/`, 'dark', screens[1]!.viewport, '.shared-topics, .timeline-figure'],
      ['paper-page', `papers/${paper}/`, 'dark', screens[1]!.viewport, '.local-map-figure'],
    ] as const) {
      const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(server.url + path);
      const boxes = await Promise.all((await page.locator(figure).all()).map((element) => element.boundingBox()));
      const top = Math.min(...boxes.map((b) => b!.y)) - 8;
      const bottom = Math.max(...boxes.map((b) => b!.y + b!.height)) + 8;
      const clip = { x: 0, y: top, width: viewport.width, height: bottom - top };
      if (viewport.width > 1000) Object.assign(clip, { x: boxes[0]!.x - 8, width: boxes[0]!.width + 16 });
      await page.screenshot({ path: `docs/pictures-${name}.jpg`, type: 'jpeg', quality: 80, clip, fullPage: true });
      console.log(`docs/pictures-${name}.jpg`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
