/** The fixture site's build settings, shared by the global setup and tests that rebuild it. */
import { join } from 'node:path';
import { projectRoot, type SiteBuild } from './build-site.ts';

export const FIXTURE_BASE = '/reading-list/';

/** Papers per slice of the fixture site's search index: its 16 papers in three slices, which the browser tests then search together. */
export const FIXTURE_SLICE_PAPERS = 6;

export function fixtureSiteBuild(outDir: string, seedsDir = join(projectRoot, 'tests/fixtures/site/seeds')): SiteBuild {
  return {
    seedsDir,
    outDir,
    base: FIXTURE_BASE,
    env: { TOPICS_DIR: join(projectRoot, 'tests/fixtures/site/topics'), SEARCH_SLICE_PAPERS: String(FIXTURE_SLICE_PAPERS) },
  };
}

/** The identity fixture: real papers in all five seed formats, overlapping, at the site root. */
export function identitySiteBuild(outDir: string): SiteBuild {
  return { seedsDir: join(projectRoot, 'tests/fixtures/identity/seeds'), outDir, base: '/' };
}
