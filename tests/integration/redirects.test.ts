/**
 * A paper whose address changed (Latin letters now spelled out: src/lib/slug.ts) keeps its old
 * address as a static redirect page: meta refresh and a canonical link to the new one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, projectRoot } from '../support/build-site.ts';
import { readText } from '../support/site-files.ts';

describe('redirects from former paper addresses', () => {
  let outDir = '';
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'reading-list-redirects-'));
    await buildSite({
      seedsDir: join(projectRoot, 'tests/fixtures/redirects/seeds'),
      outDir,
      base: '/rl/',
      siteUrl: 'https://lab.example.org',
    });
  });
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  const ids = () => (JSON.parse(readText(outDir, 'papers.json')) as { id: string }[]).map((paper) => paper.id);
  // Before, Đ, Þ, Ħ and Œ were dropped and the title's hash appended.
  const former = 'or-evic-or-al-uvre-of-robot-policies-fe8dfe';
  const current = 'dordevic-thor-hal-oeuvre-of-robot-policies';

  it('builds the paper at its new address', () => {
    expect(readText(outDir, `papers/${current}/index.html`)).toContain('Đorđević Þór Ħal: Œuvre of Robot Policies');
    expect(ids()).toContain(current);
  });

  it('sends the old address on to the new one, for readers and crawlers', () => {
    const page = readText(outDir, `papers/${former}/index.html`);
    expect(page).toContain(`<meta http-equiv="refresh" content="0; url=/rl/papers/${current}/">`);
    expect(page).toContain(`<link rel="canonical" href="https://lab.example.org/rl/papers/${current}/">`);
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).toContain(`<a href="/rl/papers/${current}/">Đorđević Þór Ħal: Œuvre of Robot Policies</a>`);
  });

  it('makes no redirect for papers whose address did not change', () => {
    const papers = ['a-plain-title-about-diffusion-policies', 'another-plain-title-about-flow-matching', current, former];
    for (const id of papers) expect(existsSync(join(outDir, 'papers', id, 'index.html'))).toBe(true);
    expect(ids()).toEqual([current, 'a-plain-title-about-diffusion-policies', 'another-plain-title-about-flow-matching']);
  });
});
