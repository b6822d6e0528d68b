/**
 * The build's own figures as JSON, for `npm run bench` (scripts/bench/) to read instead of
 * parsing log lines: `<cacheDir>/reading-list/build-report.json`, one section per part of the
 * build (the pipeline's counts and phase timings, Pagefind's, the service worker's) and the
 * time each build step started.
 *
 * `recordBuildFigures` is all a loader or integration calls. The `buildReport()` integration
 * (first in astro.config.mjs) starts a fresh file for each build and stamps the steps Astro
 * has hooks for. Nothing here is read by the site: the file sits in the cache dir, not dist/.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export type BuildFigures = Record<string, unknown>;

/** Step name → wall-clock time (ms since the epoch) at which it started. */
export type BuildSteps = Record<string, number>;

export function buildReportPath(cacheDir: URL | string): string {
  const dir = typeof cacheDir === 'string' ? cacheDir : fileURLToPath(cacheDir);
  return `${dir.replace(/\/+$/, '')}/reading-list/build-report.json`;
}

function readReport(path: string): BuildFigures {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as BuildFigures;
  } catch {
    return {};
  }
}

/** Sets one section of this build's report (the steps of one build run one after another, so read-modify-write is safe). */
export function recordBuildFigures(cacheDir: URL | string, section: string, figures: BuildFigures): void {
  const path = buildReportPath(cacheDir);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify({ ...readReport(path), [section]: figures }, null, 2));
}

export default function buildReport(): AstroIntegration {
  let building = false;
  let cacheDir: URL | undefined;
  const steps: BuildSteps = {};
  const stamp = (step: string) => {
    steps[step] = Date.now();
    if (cacheDir) recordBuildFigures(cacheDir, 'steps', steps);
  };
  return {
    name: 'reading-list:build-report',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        building = command === 'build';
        if (!building) return;
        // Vite calls closeBundle once per bundle it builds; the last call ends bundling.
        updateConfig({ vite: { plugins: [{ name: 'reading-list:build-report', closeBundle: () => stamp('bundled') }] } });
      },
      'astro:config:done': ({ config }) => {
        if (!building) return;
        cacheDir = config.cacheDir;
        // A new build: forget the previous one's figures.
        const path = buildReportPath(cacheDir);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, '{}');
        stamp('configured');
      },
      'astro:build:start': () => stamp('contentSynced'),
      'astro:build:generated': () => stamp('pagesGenerated'),
      'astro:build:done': () => stamp('buildDone'),
    },
  };
}
