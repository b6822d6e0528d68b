/**
 * Builds that the shared sites cannot show: the same seeds twice (byte-identical output),
 * and a rebuild after a paper is deleted from the seeds (its page must go).
 */
import { describe, expect, inject, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, projectRoot } from '../support/build-site.ts';
import { brokenInternalLinks, listFiles, readText } from '../support/site-files.ts';
import { fixtureSiteBuild } from '../support/fixtures.ts';

const fixture = inject('fixtureSite');

describe('rebuilds', () => {
  it('gives byte-identical output for the same seeds', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'reading-list-again-'));
    try {
      await buildSite(fixtureSiteBuild(outDir));
      const first = listFiles(fixture.outDir);
      expect(listFiles(outDir)).toEqual(first);
      for (const file of first) {
        const [a, b] = await Promise.all([readFile(join(fixture.outDir, file)), readFile(join(outDir, file))]);
        expect(a.equals(b), `${file} differs between two builds`).toBe(true);
      }
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });

  it('drops the pages of a paper deleted from the seeds (and list pages it no longer fills); unchanged files are not reparsed', async () => {
    const workDir = await mkdtemp(join(tmpdir(), 'reading-list-delete-'));
    const seedsDir = join(workDir, 'seeds');
    const outDir = join(workDir, 'out');
    try {
      await cp(join(projectRoot, 'tests/fixtures/site/seeds'), seedsDir, { recursive: true });
      const env = { LIST_PAGE_SIZE: '5' };
      await buildSite({ seedsDir, outDir, env });
      const id = 'a-title-whose-abstract-went-missing';
      expect(listFiles(outDir)).toContain(`papers/${id}/index.html`);
      // 16 papers, 5 a page: the home list has 4 pages, each paper on exactly one.
      const homePages = ['index.html', 'page/2/index.html', 'page/3/index.html', 'page/4/index.html'];
      expect(
        listFiles(outDir)
          .filter((f) => /^(page\/\d+\/)?index\.html$/.test(f))
          .sort(),
      ).toEqual([...homePages].sort());
      const listed = homePages.flatMap((page) =>
        [...readText(outDir, page).matchAll(/class="paper-title"><a href="\/papers\/([^"/]+)\/"/g)].map((m) => m[1]),
      );
      expect(listed.sort()).toEqual((JSON.parse(readText(outDir, 'papers.json')) as { id: string }[]).map((p) => p.id).sort());
      expect(brokenInternalLinks(outDir, '/')).toEqual([]);

      const listing = join(seedsDir, 'a-listing.txt');
      await writeFile(listing, (await readFile(listing, 'utf8')).replace('A Title Whose Abstract Went Missing\n', ''));
      const { log } = await buildSite({ seedsDir, outDir, env });
      expect(listFiles(outDir)).not.toContain(`papers/${id}/index.html`);
      expect(listFiles(outDir)).not.toContain('page/4/index.html');
      expect(log).toContain('15 paper(s)');
      expect(log).toMatch(/4 unchanged file\(s\) not reparsed/);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  });
});
