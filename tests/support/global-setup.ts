/**
 * Builds the sites the integration and browser suites inspect, once per test run:
 * - `fixture`: the edge-case fixture seeds and curator topic files, hosted under a sub-path (/reading-list/);
 * - `real`: the project's own seeds at the root;
 * - `identity`: real papers in all five seed formats (listing, Daily Papers JSON, arXiv Atom, BibTeX, CSL-JSON).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, projectRoot } from './build-site.ts';
import { fixtureSiteBuild, identitySiteBuild } from './fixtures.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureSite: { outDir: string; base: string; log: string };
    realSite: { outDir: string; base: string; log: string };
    identitySite: { outDir: string; base: string; log: string };
  }
}

export default async function setup(project: TestProject) {
  const workDir = await mkdtemp(join(tmpdir(), 'reading-list-tests-'));
  const fixture = fixtureSiteBuild(join(workDir, 'fixture'));
  const real = { seedsDir: join(projectRoot, 'seeds'), outDir: join(workDir, 'real'), base: '/' };
  const fixtureBuild = await buildSite(fixture);
  const realBuild = await buildSite(real);
  const identity = identitySiteBuild(join(workDir, 'identity'));
  const identityBuild = await buildSite(identity);
  project.provide('fixtureSite', { outDir: fixture.outDir, base: fixture.base!, log: fixtureBuild.log });
  project.provide('realSite', { outDir: real.outDir, base: real.base, log: realBuild.log });
  project.provide('identitySite', { outDir: identity.outDir, base: identity.base!, log: identityBuild.log });
  return async () => {
    await rm(workDir, { recursive: true, force: true });
  };
}
