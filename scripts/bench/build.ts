/**
 * Builds the project's site over a seeds folder, with an output and Astro cache dir of its own,
 * measured (run.ts), and reads the build's own figures (src/integrations/build-report.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../../tests/support/build-site.ts';
import { buildReportPath } from '../../src/integrations/build-report.ts';
import { measureProcess, type ProcessRun } from './run.ts';

/** What src/integrations/build-report.ts records (the parts the bench reads). */
export interface BuildReport {
  steps?: Partial<Record<'configured' | 'contentSynced' | 'bundled' | 'pagesGenerated' | 'buildDone', number>>;
  pipeline?: { papers: number; topics: number; unchangedFiles: number; files: number; timings: Record<string, number> };
  searchIndex?: { pages: number; indexedPages: number; ms: number; metaBytesAfter: number };
  offline?: { mode: string; files: number; bytes: number };
}

export interface ProjectBuild {
  run: ProcessRun;
  /** Wall-clock time (ms since the epoch) the process was started. */
  startedAt: number;
  report: BuildReport;
}

export class BuildFailure extends Error {
  readonly run: ProcessRun;
  readonly report: BuildReport;
  /** The yardstick of the same size, when it was built before the failure. */
  yardstick?: ProcessRun;
  constructor(message: string, run: ProcessRun, report: BuildReport) {
    super(message);
    this.run = run;
    this.report = report;
  }
}

/**
 * The variables `npm run build` sets before `astro build` (package.json), so the bench measures
 * the build as users run it: `MALLOC_ARENA_MAX=2` there keeps glibc from giving each of the
 * build's threads a memory arena of its own (README "Performance").
 */
export function buildScriptEnv(): Record<string, string> {
  const scripts = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const assignments = /^((?:\w+=\S*\s+)*)astro build\b/.exec(scripts.build ?? '')?.[1] ?? '';
  return Object.fromEntries(
    assignments
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => pair.split('=', 2) as [string, string]),
  );
}

/** Node flags for the build process, e.g. `--cpu-prof --cpu-prof-dir=…` (bench --cpu-prof). */
export const buildNodeFlags: string[] = [];

/**
 * `astro build` through its JS API, so the bench can give it its own cache dir. The work dir
 * must be inside the project (see index.ts): Astro then writes its prerender bundle below
 * outDir, where it still resolves the project's packages.
 */
export async function buildProject(seedsDir: string, outDir: string, cacheDir: string): Promise<ProjectBuild> {
  const script =
    `const { build } = await import(${JSON.stringify(import.meta.resolve('astro'))});` +
    `await build({ root: ${JSON.stringify(projectRoot)}, outDir: ${JSON.stringify(outDir)}, cacheDir: ${JSON.stringify(cacheDir)}, logLevel: 'info' });`;
  const reportPath = buildReportPath(cacheDir);
  if (existsSync(reportPath)) await rm(reportPath);
  const startedAt = Date.now();
  const run = await measureProcess(process.execPath, [...buildNodeFlags, '--input-type=module', '-e', script], {
    cwd: projectRoot,
    env: {
      ...process.env,
      ...buildScriptEnv(),
      SEEDS_DIR: seedsDir,
      SITE_BASE: '/',
      SITE_URL: 'https://example.org',
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    },
    timeFile: join(cacheDir, '..', 'time.txt'),
  });
  const report = existsSync(reportPath) ? (JSON.parse(await readFile(reportPath, 'utf8')) as BuildReport) : {};
  if (run.exitCode !== 0)
    throw new BuildFailure(`build failed (exit ${run.exitCode}) after ${(run.wallMs / 1000).toFixed(1)} s`, run, report);
  return { run, startedAt, report };
}

/** Milliseconds of each step, from the report's time stamps; null where a step did not report. */
export function buildPhases({ startedAt, report }: Pick<ProjectBuild, 'startedAt' | 'report'>, endedAt: number | null) {
  const steps = report.steps ?? {};
  const between = (from: number | undefined, to: number | undefined | null) => (from === undefined || to == null ? null : to - from);
  return {
    /** Process start, config, Vite, content sync (the loaders running the pipeline), types. */
    setupAndContent: between(startedAt, steps.contentSynced),
    /** Vite bundling of the pages' code. */
    bundling: between(steps.contentSynced, steps.bundled),
    /** Rendering and writing every page. */
    pages: between(steps.bundled, steps.pagesGenerated),
    /** Integrations after the pages (sitemap, Pagefind, service worker) and process exit. */
    afterPages: between(steps.pagesGenerated, endedAt),
    searchIndex: report.searchIndex?.ms ?? null,
    pipeline: report.pipeline?.timings ?? {},
  };
}
