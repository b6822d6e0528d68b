/**
 * The reader's own list in Chromium, on the fixture site under /reading-list/: marking papers,
 * badges and filters on lists, "new since your last visit", /my-list/ export and import, and a
 * browser that refuses storage.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { useBrowser, useServer } from '../support/e2e.ts';
import { axeViolations } from '../support/axe.ts';
import { readText } from '../support/site-files.ts';

const fixture = inject('fixtureSite');
const STORAGE_KEY = `reading-list:${fixture.base}`;
const PAPER = 'improving-the-training-of-rectified-flows';
const OTHER = 'extraneousness-aware-imitation-learning';
const server = useServer(fixture);
const browser = useBrowser();

/** A fresh browser profile (empty storage) whose pages fail the test on script errors. */
async function newReader(options: { blockStorage?: boolean; javaScript?: boolean } = {}) {
  const context = await browser.newContext({
    acceptDownloads: true,
    javaScriptEnabled: options.javaScript ?? true,
    serviceWorkers: 'block',
  });
  if (options.blockStorage) {
    // What private modes and "block site data" settings do: touching localStorage throws.
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
  }
  const errors: string[] = [];
  const open = async (path = ''): Promise<Page> => {
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url + path);
    return page;
  };
  return { context, open, errors };
}

const toggle = (page: Page, name: string) => page.getByRole('button', { name });
// A list item names its paper only by its title link (/papers/<id>/).
const item = (page: Page, id: string) =>
  page.locator('.paper-list > li').filter({ has: page.locator(`.paper-title a[href$="/papers/${id}/"]`) });
const badges = async (page: Page, id: string) => (await item(page, id).locator('.reader-badge').allTextContents()).sort();
const idsOf = (items: Locator) =>
  items.evaluateAll((els) => els.map((el) => el.querySelector('.paper-title a')!.getAttribute('href')!.split('/').filter(Boolean).at(-1)!));
const visibleIds = (page: Page) => idsOf(page.locator('.paper-list > li:visible'));
const allIds = (page: Page) => idsOf(page.locator('.paper-list > li'));

async function mark(context: BrowserContext, open: (path: string) => Promise<Page>, id: string, ...names: string[]) {
  const page = await open(`papers/${id}/`);
  for (const name of names) await toggle(page, name).click();
  await page.close();
  return context;
}

describe('marking papers', () => {
  it('toggles "Mark as read" and "Save for later", remembered across pages', async () => {
    const { context, open, errors } = await newReader();
    const page = await open(`papers/${PAPER}/`);
    const read = toggle(page, 'Mark as read');
    const save = toggle(page, 'Save for later');
    expect(await read.getAttribute('aria-pressed')).toBe('false');
    expect(await save.getAttribute('aria-pressed')).toBe('false');
    await read.click();
    expect(await read.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('status').filter({ hasText: 'Marked as read.' }).count()).toBe(1);
    await save.click();
    await save.click();
    expect(await save.getAttribute('aria-pressed')).toBe('false');
    await page.reload();
    expect(await toggle(page, 'Mark as read').getAttribute('aria-pressed')).toBe('true');
    expect(await toggle(page, 'Save for later').getAttribute('aria-pressed')).toBe('false');

    const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY))!);
    expect(stored.version).toBe(1);
    // The title, key and added key are kept with the mark, for /my-list/.
    expect(stored.papers).toEqual({
      [PAPER]: {
        read: true,
        title: 'Improving the Training of Rectified Flows',
        key: expect.any(String),
        added: expect.stringMatching(/\.txt \d{9}$/),
      },
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows badges on the home and topic pages and filters by All / Unread / Saved', async () => {
    const { context, open, errors } = await newReader();
    await mark(context, open, PAPER, 'Mark as read', 'Save for later');
    await mark(context, open, OTHER, 'Save for later');

    const home = await open();
    const everyone = await allIds(home);
    expect(everyone).toHaveLength(16);
    expect(await badges(home, PAPER)).toEqual(['Read', 'Saved']);
    expect(await badges(home, OTHER)).toEqual(['Saved']);
    expect(await item(home, 'flow-matching-for-robots').locator('.reader-badges').isVisible()).toBe(false);

    const filter = home.getByRole('group', { name: 'Show' });
    await filter.getByLabel('Saved').check();
    expect((await visibleIds(home)).sort()).toEqual([OTHER, PAPER].sort());
    expect(await home.getByRole('status').filter({ hasText: 'Showing 2 of 16 papers.' }).count()).toBe(1);
    await filter.getByLabel('Unread').check();
    expect(await visibleIds(home)).toEqual(everyone.filter((id) => id !== PAPER));
    await filter.getByLabel('All').check();
    expect(await visibleIds(home)).toEqual(everyone);

    const topic = await open('topics/imitation-learning/');
    expect(await badges(topic, OTHER)).toEqual(['Saved']);
    await topic.getByRole('group', { name: 'Show' }).getByLabel('Saved').check();
    expect(await visibleIds(topic)).toEqual([OTHER]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the controls hidden without JavaScript', async () => {
    const { context, open } = await newReader({ javaScript: false });
    const page = await open(`papers/${PAPER}/`);
    expect(await toggle(page, 'Mark as read').count()).toBe(0);
    const home = await open();
    expect(await home.getByRole('group', { name: 'Show' }).count()).toBe(0);
    expect(await allIds(home)).toHaveLength(16);
    const list = await open('my-list/');
    expect(await list.getByText('Your list needs JavaScript').isVisible()).toBe(true);
    expect(await list.getByRole('button', { name: 'Export as JSON' }).count()).toBe(0);
    await context.close();
  });
});

describe('new since your last visit', () => {
  it('marks nothing new on a first visit, then the papers added since the last one', async () => {
    const { context, open, errors } = await newReader();
    const home = await open();
    expect(await home.locator('.reader-badge[data-badge="new"]').count()).toBe(0);
    expect(await home.getByText(/new since your last visit/).count()).toBe(0);

    // Pretend the last visit was two hours ago, when the site's newest paper was the last one
    // first listed in a-listing.txt: everything first listed in b-listing.txt is new since.
    const addedKeys = await home.locator('.paper-list > li').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.added!));
    const added = (await allIds(home)).map((id, i) => ({ id, added: addedKeys[i]! }));
    const lastBefore = added
      .map((a) => a.added)
      .filter((key) => key.startsWith('a-listing.txt'))
      .sort()
      .at(-1)!;
    const expectedNew = added.filter((a) => a.added > lastBefore).map((a) => a.id);
    expect(expectedNew.length).toBeGreaterThan(0);
    expect(expectedNew.length).toBeLessThan(added.length);
    await home.evaluate(
      ([key, current]) => {
        const state = JSON.parse(localStorage.getItem(key)!);
        state.visit = { previous: null, current, lastSeen: Date.now() - 2 * 60 * 60 * 1000 };
        localStorage.setItem(key, JSON.stringify(state));
      },
      [STORAGE_KEY, lastBefore],
    );

    await home.reload();
    const newIds = await idsOf(home.locator('.paper-list > li:has(.reader-badge[data-badge="new"])'));
    expect(newIds).toEqual(expectedNew);
    const count = `${expectedNew.length} papers new since your last visit.`;
    expect(await home.getByText(count).isVisible()).toBe(true);
    await home.getByRole('group', { name: 'Show' }).getByLabel(`New (${expectedNew.length})`).check();
    expect(await visibleIds(home)).toEqual(expectedNew);

    // Still the same visit on another page: the same papers are new there.
    const topic = await open('topics/imitation-learning/');
    const topicIds = await allIds(topic);
    const topicNew = await idsOf(topic.locator('.paper-list > li:has(.reader-badge[data-badge="new"])'));
    expect(topicNew).toEqual(topicIds.filter((id) => expectedNew.includes(id)));
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('my list', () => {
  it('lists saved and read papers and exports them as JSON and BibTeX', async () => {
    const { context, open, errors } = await newReader();
    await mark(context, open, PAPER, 'Save for later', 'Mark as read');
    await mark(context, open, OTHER, 'Mark as read');
    const page = await open('my-list/');
    const saved = page.getByRole('region', { name: /Saved for later/ });
    const read = page.getByRole('region', { name: /^Read/ });
    expect(await saved.getByRole('link').allTextContents()).toEqual(['Improving the Training of Rectified Flows']);
    expect(await read.getByRole('link').allTextContents()).toEqual([
      'Improving the Training of Rectified Flows',
      'Extraneousness-Aware Imitation Learning',
    ]);
    expect(await saved.getByRole('link').getAttribute('href')).toBe(`${server.url}papers/${PAPER}/`);

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as JSON' }).click()]);
    expect(jsonDownload.suggestedFilename()).toBe('reading-list.json');
    const exported = JSON.parse(await readFile((await jsonDownload.path())!, 'utf8'));
    expect(exported).toMatchObject({ format: 'reading-list', version: 1, site: server.url });
    expect(Object.keys(exported.papers)).toEqual([OTHER, PAPER].sort());
    expect(exported.papers[PAPER]).toMatchObject({ read: true, saved: true, title: 'Improving the Training of Rectified Flows' });
    expect(exported.papers[OTHER]).toMatchObject({ read: true, title: 'Extraneousness-Aware Imitation Learning' });
    expect(exported.papers[OTHER].saved).toBeUndefined();

    const [bibDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export as BibTeX' }).click(),
    ]);
    expect(bibDownload.suggestedFilename()).toBe('reading-list.bib');
    const library = parseBibtex(await readFile((await bibDownload.path())!, 'utf8'), { english: false, sentenceCase: false });
    expect(library.errors).toEqual([]);
    // Same keys as the site's own BibTeX file.
    const siteLibrary = parseBibtex(readText(fixture.outDir, 'papers.bib'), { english: false, sentenceCase: false });
    const siteKey = (title: string) => siteLibrary.entries.find((e) => e.fields.title === title)!.key;
    expect(library.entries.map((e) => [e.key, e.fields.title])).toEqual(
      ['Improving the Training of Rectified Flows', 'Extraneousness-Aware Imitation Learning'].map((title) => [siteKey(title), title]),
    );
    expect(await page.getByRole('status').filter({ hasText: 'Downloaded' }).textContent()).toBe('Downloaded reading-list.bib (2 entries).');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('imports a JSON export into another browser, merging, and explains bad files', async () => {
    const { context, open, errors } = await newReader();
    await mark(context, open, OTHER, 'Save for later');
    const page = await open('my-list/');
    const file = {
      name: 'from-laptop.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          format: 'reading-list',
          version: 1,
          papers: { [PAPER]: { read: true, saved: true }, 'gone-paper': { saved: true } },
        }),
      ),
    };
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByLabel(/Import a list/).click()]);
    await chooser.setFiles(file);
    const status = page.getByRole('status').filter({ hasText: 'Imported' });
    await status.waitFor();
    expect(await status.textContent()).toBe(
      'Imported from-laptop.json: 1 paper added or updated. 1 paper is not on this site and was left out.',
    );
    const saved = page.getByRole('region', { name: /Saved for later/ });
    expect(await saved.getByRole('link').allTextContents()).toEqual([
      'Improving the Training of Rectified Flows',
      'Extraneousness-Aware Imitation Learning',
    ]);
    expect(await page.getByRole('region', { name: /^Read/ }).getByRole('link').allTextContents()).toEqual([
      'Improving the Training of Rectified Flows',
    ]);

    const importInput = page.getByLabel(/Import a list/);
    const alert = page.getByRole('alert');
    await importInput.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') });
    await alert.filter({ hasText: 'notes.json' }).waitFor();
    expect(await alert.textContent()).toBe('Could not import notes.json: This file is not valid JSON.');
    await importInput.setInputFiles({
      name: 'future.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"reading-list","version":2,"papers":{}}'),
    });
    await alert.filter({ hasText: 'future.json' }).waitFor();
    expect(await alert.textContent()).toContain('version 2');
    await importInput.setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(`{"version":1,"papers":{"${PAPER}":{"read":"yes"}}}`),
    });
    await alert.filter({ hasText: 'bad.json' }).waitFor();
    expect(await alert.textContent()).toContain('expected true or false');
    // A bad file changes nothing.
    expect(await saved.getByRole('link').count()).toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('my list on a long reading list', () => {
  it('embeds no list of papers: titles come from the marks, the catalogue only when needed', async () => {
    const html = readText(fixture.outDir, 'my-list/index.html');
    expect(html).not.toContain('Improving the Training of Rectified Flows');
    const catalogue = JSON.parse(readText(fixture.outDir, 'my-list/catalogue.json')) as string[][];
    expect(catalogue.find(([id]) => id === PAPER)).toEqual([
      PAPER,
      expect.any(String),
      'Improving the Training of Rectified Flows',
      expect.stringMatching(/\.txt \d{9}$/),
    ]);

    const { context, open, errors } = await newReader();
    const requested: string[] = [];
    context.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await mark(context, open, PAPER, 'Save for later');
    const page = await open('my-list/');
    const saved = page.getByRole('region', { name: /Saved for later/ });
    expect(await saved.getByRole('link').allTextContents()).toEqual(['Improving the Training of Rectified Flows']);
    expect(requested.filter((path) => path.endsWith('catalogue.json'))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fills in entries kept without their title from the catalogue', async () => {
    const { context, open, errors } = await newReader();
    // A list written before titles were kept with the marks.
    const home = await open('');
    await home.evaluate(
      ([key, paper, other]) =>
        localStorage.setItem(key!, JSON.stringify({ version: 1, papers: { [paper!]: { saved: true }, [other!]: { read: true } } })),
      [STORAGE_KEY, PAPER, OTHER],
    );
    const page = await open('my-list/');
    const saved = page.getByRole('region', { name: /Saved for later/ });
    await saved.getByRole('link', { name: 'Improving the Training of Rectified Flows' }).waitFor();
    expect(await page.getByRole('region', { name: /^Read/ }).getByRole('link').allTextContents()).toEqual([
      'Extraneousness-Aware Imitation Learning',
    ]);
    const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), STORAGE_KEY);
    expect(stored.papers[PAPER].title).toBe('Improving the Training of Rectified Flows');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses an import it cannot check (catalogue unreachable), changing nothing', async () => {
    const { context, open, errors } = await newReader();
    await mark(context, open, OTHER, 'Save for later');
    await context.route('**/my-list/catalogue.json', (route) => route.abort('internetdisconnected'));
    const page = await open('my-list/');
    const file = {
      name: 'laptop.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'reading-list', version: 1, papers: { [PAPER]: { read: true } } })),
    };
    await page.getByLabel(/Import a list/).setInputFiles(file);
    const alert = page.getByRole('alert').filter({ hasText: 'laptop.json' });
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'Could not import laptop.json: the list of papers on this site could not be loaded to check it against (are you offline?). Try again when online.',
    );
    expect(await page.getByRole('region', { name: /^Read/ }).getByRole('link').count()).toBe(0);
    expect(
      await page
        .getByRole('region', { name: /Saved for later/ })
        .getByRole('link')
        .allTextContents(),
    ).toEqual(['Extraneousness-Aware Imitation Learning']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('removes a paper from the list with its Remove button', async () => {
    const { context, open, errors } = await newReader();
    await mark(context, open, PAPER, 'Save for later', 'Mark as read');
    const page = await open('my-list/');
    await page.getByRole('button', { name: 'Remove “Improving the Training of Rectified Flows” from saved papers' }).click();
    expect(await page.getByRole('status').filter({ hasText: 'Removed' }).textContent()).toBe(
      'Removed “Improving the Training of Rectified Flows” from saved papers.',
    );
    expect(
      await page
        .getByRole('region', { name: /Saved for later/ })
        .getByRole('link')
        .count(),
    ).toBe(0);
    expect(await page.getByRole('region', { name: /^Read/ }).getByRole('link').allTextContents()).toEqual([
      'Improving the Training of Rectified Flows',
    ]);
    const paperPage = await open(`papers/${PAPER}/`);
    expect(await toggle(paperPage, 'Save for later').getAttribute('aria-pressed')).toBe('false');
    expect(await toggle(paperPage, 'Mark as read').getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('when the browser refuses storage', () => {
  it('says so on paper pages and my list, and nothing throws', async () => {
    const { context, open, errors } = await newReader({ blockStorage: true });
    const page = await open(`papers/${PAPER}/`);
    expect(
      await page.evaluate(() => {
        try {
          return typeof localStorage;
        } catch {
          return 'throws';
        }
      }),
    ).toBe('throws');
    expect(await toggle(page, 'Mark as read').isDisabled()).toBe(true);
    expect(await toggle(page, 'Save for later').isDisabled()).toBe(true);
    expect(await page.getByText('Your browser does not allow saving here').isVisible()).toBe(true);

    const home = await open();
    expect(await home.getByRole('group', { name: 'Show' }).isVisible()).toBe(false);
    expect(await allIds(home)).toHaveLength(16);

    const list = await open('my-list/');
    expect(await list.getByRole('alert').textContent()).toContain('Your browser does not allow saving here');
    expect(await list.getByRole('button', { name: 'Export as JSON' }).isDisabled()).toBe(true);
    expect(await list.getByLabel(/Import a list/).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('accessibility', () => {
  it('has no axe violations on /my-list/ and a paper page with the buttons, light and dark', async () => {
    const { context, open } = await newReader();
    await mark(context, open, PAPER, 'Save for later');
    for (const path of ['my-list/', `papers/${PAPER}/`, '']) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme });
        await page.goto(server.url + path);
        await page
          .locator('.reader-controls:not([hidden]), [data-my-list-content]:not([hidden]), .reader-filter:not([hidden])')
          .first()
          .waitFor();
        expect(await axeViolations(page), `${path || 'home'} (${colorScheme})`).toEqual([]);
        await page.close();
      }
    }
    await context.close();
  });
});
