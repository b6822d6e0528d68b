/**
 * `npm run bench`: builds this project's site and a bare Astro + Pagefind yardstick over the
 * same synthetic papers, in the same run, and reports the two side by side with issue 12's
 * targets. Writes docs/benchmarks.md (docs/benchmarks-100k.md with --100k).
 *
 *   npm run bench                          # 10,000 papers → docs/benchmarks.md
 *   npm run bench:100k                     # 100,000 papers → docs/benchmarks-100k.md (long)
 *   npm run bench -- --papers 1000         # quick run for development (printed, not written to docs/)
 *   npm run bench -- --papers 1000,5000 --out /tmp/b.md
 *   npm run bench -- --no-yardstick --no-first-search --no-rebuild   # skip parts
 *   npm run bench -- --cpu-prof            # profile the build (its timings then mean little)
 *   npm run bench -- --keep                # keep the work dirs (seeds, dist, cache, yardstick)
 *   npm run bench -- --search dist         # only the first-search figures of a built site
 *   npm run bench -- --repeat 3            # build times from 3 pairs (default: 2 for the standard 10,000-paper run, else 1)
 *
 * Each size works in its own dir under node_modules/.cache/reading-list-bench/ (inside the
 * project, so that both sites resolve this project's packages), never touching dist/ or the
 * project's own Astro cache.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../tests/support/build-site.ts';
import { writeSyntheticList, synthPapers, SYNTH_SCRIPT } from './synth.ts';
import { BuildFailure, buildNodeFlags, buildPhases, buildProject } from './build.ts';
import type { ProcessRun } from './run.ts';
import { buildYardstick } from './yardstick.ts';
import { measureOutput, siteFiles, updateCost } from './measure.ts';
import { measureSearches } from './first-search.ts';
import { markdown, failureNotes, machineInfo, sizeReport, type SizeFailure, type SizeResult } from './report.ts';
import { SECTIONS } from './sections.ts';
import { profileMarkdown, summariseProfiles } from './profile.ts';

const BENCH_DIR = join(projectRoot, 'node_modules/.cache/reading-list-bench');

const { values: options } = parseArgs({
  options: {
    papers: { type: 'string' },
    '100k': { type: 'boolean', default: false },
    out: { type: 'string' },
    yardstick: { type: 'boolean', default: true },
    search: { type: 'string' },
    'first-search': { type: 'boolean', default: true },
    rebuild: { type: 'boolean', default: true },
    'cpu-prof': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    repeat: { type: 'string' },
  },
  allowNegative: true,
});

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** The first error a failed build logged: Astro's `[ERROR]` line and the exception's own message. */
function firstError(buildLog: string): string {
  const lines = buildLog.split('\n');
  return [lines.find((line) => /\[ERROR\]/.test(line)), lines.find((line) => /^\w*Error\b/.test(line))]
    .filter((line): line is string => !!line)
    .map((line) =>
      line
        .replace(/^\d\d:\d\d:\d\d /, '')
        .replaceAll(/\/\S*\/reading-list-bench\/\d+-\w+\//g, '')
        .trim(),
    )
    .join(' ');
}

async function benchSize(size: number, profileNotes: string[]): Promise<SizeResult> {
  const workDir = await mkdtemp(join(BENCH_DIR, `${size}-`));
  const seedsDir = join(workDir, 'seeds');
  const outDir = join(workDir, 'dist');
  const cacheDir = join(workDir, 'cache');
  const synthFile = join(seedsDir, 'synth.txt');
  try {
    await mkdir(seedsDir);
    const text = await writeSyntheticList(size, synthFile);
    const papers = synthPapers(text);

    let yardstick: SizeResult['yardstick'] = null;
    if (options.yardstick) {
      log(`${size}: building the yardstick (bare Astro + Pagefind)`);
      const built = await buildYardstick(join(workDir, 'yardstick'), papers);
      yardstick = { run: built.run, output: measureOutput(built.outDir) };
      log(`${size}: yardstick built in ${(built.run.wallMs / 1000).toFixed(1)} s`);
    }

    if (options['cpu-prof']) buildNodeFlags.splice(0, buildNodeFlags.length, '--cpu-prof', `--cpu-prof-dir=${join(workDir, 'profile')}`);
    log(`${size}: building this project's site in ${workDir}`);
    const build = await buildProject(seedsDir, outDir, cacheDir).catch((error: unknown) => {
      if (error instanceof BuildFailure) error.yardstick = yardstick?.run;
      throw error;
    });
    const endedAt = build.startedAt + build.run.wallMs;
    await writeFile(join(workDir, 'build.log'), build.run.log);
    log(`${size}: built in ${(build.run.wallMs / 1000).toFixed(1)} s; measuring output`);
    if (options['cpu-prof']) {
      profileNotes.push(profileMarkdown(await summariseProfiles(join(workDir, 'profile'))));
      buildNodeFlags.length = 0;
    }
    const output = measureOutput(outDir);
    const repeats = await repeatBuilds(size, workDir, seedsDir, papers, yardstick !== null);
    const searches = !options['first-search'] ? null : await measureSearches(outDir);

    const context = { papers: size, synthFile, seedsDir, outDir };
    const sections = [];
    for (const section of SECTIONS) sections.push({ name: section.name, figures: await section.figures(context) });

    let rebuild: SizeResult['project']['rebuild'] = null;
    if (options.rebuild) {
      const before = siteFiles(outDir);
      // One more paper, as a curator appends the next day's listing.
      const [title, abstract] = papers[0]!;
      await writeFile(synthFile, `${await readFile(synthFile, 'utf8')}\n\nRebuild Benchmark: ${title}\n\n${abstract}\n`);
      log(`${size}: rebuilding after adding one paper`);
      const again = await buildProject(seedsDir, outDir, cacheDir);
      await writeFile(join(workDir, 'rebuild.log'), again.run.log);
      rebuild = { run: again.run, report: again.report, update: updateCost(before, siteFiles(outDir)) };
    }

    return {
      size,
      project: { run: build.run, report: build.report, phases: buildPhases(build, endedAt), output, searches, rebuild },
      yardstick,
      repeats,
      sections,
    };
  } finally {
    if (options.keep) log(`kept ${workDir}`);
    else await rm(workDir, { recursive: true, force: true });
  }
}

/** How many builds of each site give the build time: `--repeat`, else 2 for the standard 10,000-paper run. */
function repeatCount(size: number): number {
  if (options.repeat !== undefined) {
    const n = Number(options.repeat);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--repeat takes a whole number ≥ 1, not "${options.repeat}"`);
    return n;
  }
  return size === 10_000 && !options.papers && !options['cpu-prof'] ? 2 : 1;
}

/**
 * More builds for the build time, after the first pair (yardstick, then this project): this
 * project again, then the yardstick, alternating (ABBA…), each cold in a folder of its own. The
 * machine's speed drifts by ±25% over minutes, and one pair alone measured anything from 1.4×
 * to 2.0× for the same code; alternating cancels a steady drift, and the report gives every pair.
 */
async function repeatBuilds(size: number, workDir: string, seedsDir: string, papers: [string, string][], withYardstick: boolean) {
  const repeats: SizeResult['repeats'] = { project: [], yardstick: [] };
  for (let round = 2; round <= repeatCount(size); round++) {
    const steps: ['project' | 'yardstick', () => Promise<ProcessRun>][] = [
      ['project', async () => (await buildProject(seedsDir, join(workDir, `dist-${round}`), join(workDir, `cache-${round}`))).run],
      ['yardstick', async () => (await buildYardstick(join(workDir, `yardstick-${round}`), papers)).run],
    ];
    if (round % 2 === 1) steps.reverse();
    for (const [which, build] of steps) {
      if (which === 'yardstick' && !withYardstick) continue;
      log(`${size}: building ${which === 'project' ? "this project's site" : 'the yardstick'} again (${round} of ${repeatCount(size)})`);
      const run = await build();
      repeats[which].push(run);
      log(`${size}: built in ${(run.wallMs / 1000).toFixed(1)} s`);
    }
    for (const dir of [`dist-${round}`, `cache-${round}`, `yardstick-${round}`])
      await rm(join(workDir, dir), { recursive: true, force: true });
  }
  return repeats;
}

/** `--search <dist>`: only the first-search figures, for a site already built. */
async function searchOnly(outDir: string): Promise<void> {
  const { queries, typed } = await measureSearches(outDir);
  for (const cost of [...queries, ...(typed ? [{ ...typed, query: `${typed.query} (typed)` }] : [])])
    console.log(
      `"${cost.query}": ${(cost.wireBytes / 1000).toFixed(1)} KB on the wire, ${(cost.bodyBytes / 1000).toFixed(1)} KB stored, ${cost.requests} requests, ${cost.status}`,
    );
}

function sizesAsked(): number[] {
  if (options['100k']) return [100_000];
  if (!options.papers) return [10_000];
  const sizes = options.papers.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--papers takes positive integers separated by commas, not "${options.papers}"`);
  return sizes;
}

async function main(): Promise<void> {
  if (options.search !== undefined) return searchOnly(options.search || join(projectRoot, 'dist'));
  const sizes = sizesAsked();
  await mkdir(BENCH_DIR, { recursive: true });
  log(`papers from ${SYNTH_SCRIPT}`);
  const results: SizeResult[] = [];
  const failures: SizeFailure[] = [];
  const profiles: string[] = [];
  for (const size of sizes) {
    try {
      results.push(await benchSize(size, profiles));
    } catch (error) {
      if (!(error instanceof BuildFailure)) throw error;
      failures.push({
        size,
        message: error.message,
        error: firstError(error.run.log),
        run: error.run,
        report: error.report,
        yardstick: error.yardstick,
      });
      log(`${size}: ${error.message}\n${error.run.log.slice(-3000)}`);
    }
  }
  const notes = options['cpu-prof'] ? ['Built under --cpu-prof: build times are inflated by profiling.'] : [];
  console.log(`\n${machineInfo()}\n\n${results.map(sizeReport).join('\n\n')}\n${failureNotes(failures)}\n${profiles.join('\n\n')}`);
  // Only the standard runs write docs/: a quick run does not overwrite them.
  const standard = !options.papers && !options['cpu-prof'];
  const out = options.out ?? (standard ? join(projectRoot, options['100k'] ? 'docs/benchmarks-100k.md' : 'docs/benchmarks.md') : undefined);
  if (out) {
    const command = options['100k'] ? 'npm run bench:100k' : 'npm run bench';
    await writeFile(out, markdown(results, failures, command, notes) + (profiles.length ? `\n${profiles.join('\n\n')}\n` : ''));
    log(`wrote ${out}`);
  }
}

await main();
