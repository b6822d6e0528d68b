/**
 * `npm run bench`: builds synthetic reading lists of growing size end to end and reports
 * where the time, memory and bytes go. Writes the table to docs/benchmarks.md
 * (docs/benchmarks-100k.md with --100k).
 *
 *   npm run bench                 # 1,000 and 10,000 papers
 *   npm run bench -- --100k       # also 100,000 papers (long: tens of minutes or more)
 *   BENCH_SIZES=2000,5000 npm run bench
 *   npm run bench -- --keep       # keep the temp dirs (seeds, dist, cache) for inspection
 *   npm run bench -- --search dist  # only the first-search figures of a site already built
 *
 * Each size gets its own seeds, output and Astro cache dir under
 * node_modules/.cache/reading-list-bench/, so a benchmark never touches the project's dist/ or
 * its shared cache (node_modules/.astro), and can run while other builds do.
 * Timings come from the build's own log (pipeline phases, page generation, Pagefind) and a
 * wall clock; peak memory from /usr/bin/time -v (largest process) and from sampling the RSS of
 * the whole process tree in /proc.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { syntheticPapers, type SeedText } from '../src/lib/text/bench-data.ts';
import { syntheticListings } from '../src/lib/bench/synthetic-listings.ts';
import { parseListing } from '../src/lib/seeds/parse.ts';
import { normaliseQuery } from '../src/lib/search/query.ts';
import { projectRoot } from '../tests/support/build-site.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { listFiles } from '../tests/support/site-files.ts';

/** First searches measured; the first is the headline figure. A mix of a common pair, an acronym, a hyphen variant and a broad phrase. */
const QUERIES = ['diffusion policy', 'RLHF', 'in-context learning', 'large language models', 'robot manipulation'];
/** A steady typist: 4 keys a second (about 48 words a minute). */
const TYPING_DELAY_MS = 250;
const PAPERS_PER_FILE = 500;
const BENCH_DIR = join(projectRoot, 'node_modules/.cache/reading-list-bench');

interface BuildRun {
  wallMs: number;
  /** User + system CPU time of the build's processes, from /usr/bin/time -v; null without it. */
  cpuMs: number | null;
  log: string;
  /** Largest single process (kB → bytes), from /usr/bin/time -v; null without it. */
  maxRssBytes: number | null;
  /** Peak of the summed RSS of the build's process tree, sampled every 100 ms. */
  treeRssBytes: number;
}

interface SizeResult {
  size: number;
  files: number;
  papers: number;
  pages: number;
  build: BuildRun;
  phases: Record<string, number | null>;
  outputBytes: number;
  outputFiles: number;
  homeBytes: number;
  paperHtml: { medianRaw: number; maxRaw: number; medianGzip: number; maxGzip: number };
  queries: QueryCost[];
  /** The first query typed key by key at TYPING_DELAY_MS. */
  typed: QueryCost | null;
  rebuild: { wallMs: number; cpuMs: number | null; unchanged: number | null; files: number };
}

// ---------------------------------------------------------------------------------------
// Running a build

class BuildFailure extends Error {
  log: string;
  wallMs: number;
  constructor(message: string, log: string, wallMs: number) {
    super(message);
    this.log = log;
    this.wallMs = wallMs;
  }
}

/** A size whose build failed: what the log said before it did. */
interface SizeFailure {
  size: number;
  message: string;
  /** The first error line of the build log. */
  error: string;
  phases: Record<string, number | null>;
}

/** Sum of VmRSS over `rootPid` and its descendants, in bytes. */
function treeRss(rootPid: number): number {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      parents.set(Number(entry), Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      rss.set(Number(entry), Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  for (const [pid, bytes] of rss) {
    for (let p: number | undefined = pid; p; p = parents.get(p)) {
      if (p === rootPid) {
        total += bytes;
        break;
      }
    }
  }
  return total;
}

/** `astro build` through its JS API, so the benchmark can give it a cache dir of its own. */
async function runBuild(seedsDir: string, outDir: string, cacheDir: string): Promise<BuildRun> {
  // The work dir is inside the project (see benchSize), so Astro writes its prerender bundle
  // below outDir, where it still resolves the project's packages, rather than in the shared
  // `.astro/` that it uses for an outDir outside the working directory.
  const script =
    `const { build } = await import(${JSON.stringify(import.meta.resolve('astro'))});` +
    `await build({ root: ${JSON.stringify(projectRoot)}, outDir: ${JSON.stringify(outDir)}, cacheDir: ${JSON.stringify(cacheDir)}, logLevel: 'info' });`;
  const nodeArgs = ['--input-type=module', '-e', script];
  const timeFile = join(cacheDir, '..', 'time.txt');
  const useTime = existsSync('/usr/bin/time');
  const [command, args] = useTime ? ['/usr/bin/time', ['-v', '-o', timeFile, process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const start = performance.now();
  const child = spawn(command, args, {
    cwd: projectRoot,
    env: {
      ...process.env,
      SEEDS_DIR: seedsDir,
      SITE_BASE: '/',
      SITE_URL: 'https://example.org',
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  let treeRssBytes = 0;
  const sampler = setInterval(() => (treeRssBytes = Math.max(treeRssBytes, treeRss(child.pid!))), 100);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  clearInterval(sampler);
  const wallMs = Math.round(performance.now() - start);
  if (code !== 0) throw new BuildFailure(`build failed (exit ${code}) after ${seconds(wallMs)}`, log, wallMs);
  const timeReport = useTime ? await readFile(timeFile, 'utf8') : '';
  const timeField = (label: string) => {
    const match = new RegExp(`${label}: ([\\d.]+)`).exec(timeReport);
    return match ? Number(match[1]) : null;
  };
  const maxRssKb = timeField('Maximum resident set size \\(kbytes\\)');
  const user = timeField('User time \\(seconds\\)');
  const system = timeField('System time \\(seconds\\)');
  return {
    wallMs,
    cpuMs: user === null || system === null ? null : Math.round((user + system) * 1000),
    log,
    maxRssBytes: maxRssKb === null ? null : maxRssKb * 1024,
    treeRssBytes,
  };
}

/** Astro's durations: `830ms`, `5.18s`, `1m 5s`. */
function parseDuration(text: string): number {
  const match = /^(?:(\d+)m )?(\d+(?:\.\d+)?)(ms|s)$/.exec(text.trim());
  if (!match) throw new Error(`unreadable duration "${text}"`);
  const [, minutes = '0', amount, unit] = match;
  return Math.round(Number(minutes) * 60_000 + Number(amount) * (unit === 'ms' ? 1 : 1000));
}

/** Phase timings in ms from a build log; null where the log does not say. */
export function phasesFromLog(log: string): Record<string, number | null> {
  const pipeline = /pipeline: (.*)/.exec(log)?.[1] ?? '';
  const phase = (name: string) => {
    const match = new RegExp(`\\b${name} (\\d+) ms`).exec(pipeline);
    return match ? Number(match[1]) : null;
  };
  const duration = (pattern: RegExp) => {
    const match = pattern.exec(log);
    return match ? parseDuration(match[1]!) : null;
  };
  return {
    // Config, Vite, content sync (which runs the pipeline) and type generation.
    setup: duration(/Collecting build info\.\.\.\s*\n.*✓ Completed in ([^\n]+?)\.\n/),
    parse: phase('parse'),
    merge: phase('merge'),
    render: phase('render'),
    topics: phase('topics'),
    related: phase('related'),
    pages: duration(/generating static routes[\s\S]*?✓ Completed in ([^\n]+?)\.\n/),
    index: (() => {
      const match = /\[reading-list:pagefind\] indexed \d+ page\(s\) in (\d+) ms/.exec(log);
      return match ? Number(match[1]) : null;
    })(),
  };
}

// ---------------------------------------------------------------------------------------
// Measuring the output

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

function measureOutput(outDir: string) {
  const files = listFiles(outDir);
  let outputBytes = 0;
  for (const file of files) outputBytes += statSync(join(outDir, file)).size;
  const raw: number[] = [];
  const gzip: number[] = [];
  for (const file of files.filter((f) => /^papers\/[^/]+\/index\.html$/.test(f))) {
    const html = readFileSync(join(outDir, file));
    raw.push(html.length);
    gzip.push(gzipSync(html).length);
  }
  return {
    outputBytes,
    outputFiles: files.length,
    homeBytes: statSync(join(outDir, 'index.html')).size,
    paperHtml: { medianRaw: median(raw), maxRaw: Math.max(...raw), medianGzip: median(gzip), maxGzip: Math.max(...gzip) },
  };
}

/** What one first search cost a reader. */
interface QueryCost {
  query: string;
  /** Bytes over the wire from a host that gzips text (JS, JSON, HTML); Pagefind's own files are gzipped already. */
  wireBytes: number;
  /** Response bodies as stored. */
  bodyBytes: number;
  requests: number;
  /** The combobox's announcement, e.g. "412 results". */
  status: string;
}

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|manifest\+json|xml)|image\/svg)/;

/**
 * A reader's first search, as they make it: a paper page is open (no search code loaded), they
 * type the query into the header box, and the results list appears. Counts every response from
 * the first keystroke until the network is idle (search code, Pagefind's JS, WebAssembly,
 * metadata, index chunks, and the fragments of the results shown). Service workers are blocked,
 * so every byte comes from the network; each query gets a fresh browser context (empty cache).
 */
export async function measureFirstQueries(
  outDir: string,
  queries: readonly string[] = QUERIES,
  { typingDelayMs = 0 } = {},
): Promise<QueryCost[]> {
  const paper = listFiles(outDir).find((f) => /^papers\/[^/]+\/index\.html$/.test(f));
  if (!paper) throw new Error(`no paper page in ${outDir}`);
  const server = await serveStatic(outDir, '/');
  const browser = await launchBrowser();
  try {
    const costs: QueryCost[] = [];
    for (const query of queries) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      try {
        const page = await context.newPage();
        await page.goto(server.url + paper.replace(/index\.html$/, ''), { waitUntil: 'networkidle' });
        const sizes: Promise<{ body: number; wire: number }>[] = [];
        page.on('response', (response) => {
          const compressible = COMPRESSIBLE.test(response.headers()['content-type'] ?? '');
          sizes.push(response.body().then((body) => ({ body: body.length, wire: compressible ? gzipSync(body).length : body.length })));
        });
        if (typingDelayMs > 0) {
          await page.click('#site-search-input');
          await page.keyboard.type(query, { delay: typingDelayMs });
        } else {
          await page.fill('#site-search-input', query);
        }
        // The status names the query it answers ("12 results for “…”"): wait for the final one.
        await page.waitForFunction(
          (expected) => (document.querySelector('form[data-search-box] [role="status"]')?.textContent ?? '').includes(expected),
          `for “${normaliseQuery(query)}”`,
        );
        await page.waitForLoadState('networkidle');
        const status = (await page.textContent('form[data-search-box] [role="status"]'))?.trim().replace(/ for “.*$/, '') ?? '';
        const measured = await Promise.all(sizes);
        costs.push({
          query,
          wireBytes: measured.reduce((sum, s) => sum + s.wire, 0),
          bodyBytes: measured.reduce((sum, s) => sum + s.body, 0),
          requests: measured.length,
          status,
        });
      } finally {
        await context.close();
      }
    }
    return costs;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Every query of QUERIES at once, and the first one typed key by key. */
async function measureSearches(outDir: string): Promise<Pick<SizeResult, 'queries' | 'typed'>> {
  const queries = await measureFirstQueries(outDir);
  const [typed = null] = await measureFirstQueries(outDir, QUERIES.slice(0, 1), { typingDelayMs: TYPING_DELAY_MS });
  return { queries, typed };
}

// ---------------------------------------------------------------------------------------
// One size, end to end

function realSeedTexts(): SeedText[] {
  const seedsDir = join(projectRoot, 'seeds');
  const texts = new Map<string, SeedText>();
  for (const name of readdirSync(seedsDir)
    .filter((n) => !n.startsWith('.'))
    .sort()) {
    for (const record of parseListing(readFileSync(join(seedsDir, name)), name).records) {
      if (record.abstract !== null && !texts.has(record.title)) texts.set(record.title, { title: record.title, abstract: record.abstract });
    }
  }
  return [...texts.values()];
}

async function benchSize(size: number, seedTexts: SeedText[], keep: boolean): Promise<SizeResult> {
  // Inside the project (gitignored), not the system temp dir: see runBuild.
  const workDir = await mkdtemp(join(BENCH_DIR, `${size}-`));
  const seedsDir = join(workDir, 'seeds');
  const outDir = join(workDir, 'dist');
  const cacheDir = join(workDir, 'cache');
  try {
    await mkdir(seedsDir);
    const listings = syntheticListings(syntheticPapers(size, seedTexts), PAPERS_PER_FILE);
    for (const file of listings) await writeFile(join(seedsDir, file.name), file.text);

    log(`${size}: building ${listings.length} seed file(s) in ${workDir}`);
    const build = await runBuild(seedsDir, outDir, cacheDir).catch(async (error) => {
      if (error instanceof BuildFailure) await writeFile(join(workDir, 'build.log'), error.log);
      throw error;
    });
    await writeFile(join(workDir, 'build.log'), build.log);
    const phases = phasesFromLog(build.log);
    const papers = Number(/→ (\d+) paper\(s\)/.exec(build.log)?.[1] ?? NaN);
    const pages = Number(/(\d+) page\(s\) built in/.exec(build.log)?.[1] ?? NaN);
    log(`${size}: built ${pages} page(s) in ${build.wallMs} ms; measuring output`);
    const output = measureOutput(outDir);
    const { queries, typed } = await measureSearches(outDir);

    // Rebuild with the same cache after adding one paper to one seed file.
    const edited = join(seedsDir, listings[0]!.name);
    const extra = seedTexts[0]!;
    await writeFile(edited, `${await readFile(edited, 'utf8')}\nRebuild Benchmark: ${extra.title}\n\n${extra.abstract}\n`);
    log(`${size}: rebuilding after editing ${listings[0]!.name}`);
    const rebuild = await runBuild(seedsDir, outDir, cacheDir);
    await writeFile(join(workDir, 'rebuild.log'), rebuild.log);
    const unchanged = /\((\d+) unchanged file\(s\) not reparsed\)/.exec(rebuild.log)?.[1];

    return {
      size,
      files: listings.length,
      papers,
      pages,
      build,
      phases,
      ...output,
      queries,
      typed,
      rebuild: {
        wallMs: rebuild.wallMs,
        cpuMs: rebuild.cpuMs,
        unchanged: unchanged === undefined ? null : Number(unchanged),
        files: listings.length,
      },
    };
  } finally {
    if (keep) log(`kept ${workDir}`);
    else await rm(workDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------
// Report

const int = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const seconds = (ms: number | null) => (ms === null ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
const mib = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export function reportTable(results: SizeResult[]): string {
  if (results.length === 0) return '(no size built)';
  const rows: [string, (r: SizeResult) => string][] = [
    ['papers (pages)', (r) => `${int(r.papers)} (${int(r.pages)})`],
    ['build, end to end', (r) => seconds(r.build.wallMs)],
    ['· CPU time (user + system)', (r) => seconds(r.build.cpuMs)],
    ['pages per second', (r) => int(r.pages / (r.build.wallMs / 1000))],
    ['· setup + content sync', (r) => seconds(r.phases.setup ?? null)],
    ['·· parse', (r) => seconds(r.phases.parse ?? null)],
    ['·· merge', (r) => seconds(r.phases.merge ?? null)],
    ['·· render abstracts', (r) => seconds(r.phases.render ?? null)],
    ['·· topics', (r) => seconds(r.phases.topics ?? null)],
    ['·· related', (r) => seconds(r.phases.related ?? null)],
    ['· pages (Astro)', (r) => seconds(r.phases.pages ?? null)],
    ['· search index (Pagefind)', (r) => seconds(r.phases.index ?? null)],
    ['peak RSS, largest process', (r) => mib(r.build.maxRssBytes)],
    ['peak RSS, process tree (sampled)', (r) => mib(r.build.treeRssBytes)],
    ['output (dist/)', (r) => `${mib(r.outputBytes)}, ${int(r.outputFiles)} files`],
    ['home page HTML', (r) => kib(r.homeBytes)],
    ['paper page HTML, median / max', (r) => `${kib(r.paperHtml.medianRaw)} / ${kib(r.paperHtml.maxRaw)}`],
    ['paper page gzip, median / max', (r) => `${kib(r.paperHtml.medianGzip)} / ${kib(r.paperHtml.maxGzip)}`],
    ...QUERIES.map((query, i): [string, (r: SizeResult) => string] => [
      `first search "${query}": on the wire (stored)`,
      (r) => {
        const cost = r.queries[i];
        return cost ? `${kib(cost.wireBytes)} (${kib(cost.bodyBytes)}) in ${cost.requests} requests, ${cost.status}` : 'n/a';
      },
    ]),
    [
      `first search "${QUERIES[0]}" typed at 4 keys a second`,
      (r) => (r.typed ? `${kib(r.typed.wireBytes)} (${kib(r.typed.bodyBytes)}) in ${r.typed.requests} requests` : 'n/a'),
    ],
    ['rebuild after editing 1 seed file', (r) => seconds(r.rebuild.wallMs)],
    ['· CPU time (user + system)', (r) => seconds(r.rebuild.cpuMs)],
    ['· seed files not reparsed', (r) => (r.rebuild.unchanged === null ? 'n/a' : `${r.rebuild.unchanged} of ${r.rebuild.files}`)],
  ];
  const header = `| | ${results.map((r) => `${int(r.size)} papers`).join(' | ')} |`;
  const rule = `| --- | ${results.map(() => '---:').join(' | ')} |`;
  return [header, rule, ...rows.map(([label, cell]) => `| ${label} | ${results.map(cell).join(' | ')} |`)].join('\n');
}

function machineInfo(): string {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB memory, Node ${process.version}, ${os.platform()} ${os.arch()}`;
}

/** Failed sizes, with the phases their log reported before the failure. */
function failureNotes(failures: SizeFailure[]): string {
  return failures
    .map((f) => {
      const phases = Object.entries(f.phases).flatMap(([phase, ms]) => (ms === null ? [] : [`${phase} ${seconds(ms)}`]));
      return `- ${int(f.size)} papers: ${f.message}: \`${f.error}\`${phases.length ? `; logged before that: ${phases.join(', ')}` : ''}.\n`;
    })
    .join('');
}

function markdown(results: SizeResult[], failures: SizeFailure[], command: string): string {
  return `# Benchmarks

Written by \`${command}\` (scripts/bench.ts); do not edit by hand. Figures vary from run to
run, more so while other work runs on the machine; the shape matters more than the last digit.

Machine: ${machineInfo()}.

${reportTable(results)}
${failures.length ? `\nBuilds that failed:\n\n${failureNotes(failures)}` : ''}
How it is measured:

- Seeds: synthetic papers (\`syntheticPapers\` in src/lib/text/bench-data.ts: sentences and title
  words of the real seeds mixed with invented rare words, fixed PRNG seed), written as listing
  files in the real format, ${PAPERS_PER_FILE} papers a file. About 3% lack an abstract and a few
  titles repeat, so there are slightly fewer papers than listings.
- Build: \`astro build\` through its JS API with its own output and cache dir (a cold build:
  empty cache). "End to end" is the wall clock of the whole process; the phases are read from
  the build log: setup + content sync (config, Vite, the loaders running the pipeline, type
  generation), the pipeline's own phases inside it, page generation, and Pagefind indexing.
  The rest is Vite bundling, the sitemap and process start and exit.
- Peak RSS: the largest single process (\`/usr/bin/time -v\`) and the sum over the build's process
  tree (Node and Pagefind), sampled every 100 ms.
- First search: the site served over loopback; in Chromium with an empty cache and service
  workers blocked, a paper page is open, the query is typed into the header box at once (as
  pasted, or typed faster than the box's 200 ms pause), and every response from then until the
  network is idle is counted: the search code, Pagefind's JS and WebAssembly, its metadata, the
  index chunks and the fragments of the results shown. "On the wire" gzips text responses as a
  static host does (Pagefind's index files are gzipped already); "stored" is the bytes as built.
  "Typed" types the first query key by key, ${TYPING_DELAY_MS} ms apart, so the box searches
  whenever it pauses long enough (see \`typingPause\` in src/lib/search/query.ts), and counts
  everything those searches load.
- Rebuild: one paper appended to one seed file, built again with the same cache and output dir.
`;
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** `--search <dist>`: only the first-search figures, for a site already built. */
async function measureBuiltSite(outDir: string): Promise<void> {
  const print = (label: string, cost: QueryCost) =>
    console.log(`${label}: ${kib(cost.wireBytes)} on the wire, ${kib(cost.bodyBytes)} stored, ${cost.requests} requests, ${cost.status}`);
  const { queries, typed } = await measureSearches(outDir);
  for (const cost of queries) print(`"${cost.query}"`, cost);
  if (typed) print(`"${typed.query}" typed`, typed);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const searchOnly = args.indexOf('--search');
  if (searchOnly >= 0) return measureBuiltSite(args[searchOnly + 1] ?? join(projectRoot, 'dist'));
  const with100k = args.includes('--100k');
  const sizes = process.env.BENCH_SIZES
    ? process.env.BENCH_SIZES.split(',').map((s) => Number(s.trim()))
    : [1_000, 10_000, ...(with100k ? [100_000] : [])];
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`BENCH_SIZES must be positive integers, got "${process.env.BENCH_SIZES}"`);
  const seedTexts = realSeedTexts();
  await mkdir(BENCH_DIR, { recursive: true });
  const results: SizeResult[] = [];
  const failures: SizeFailure[] = [];
  for (const size of sizes) {
    try {
      results.push(await benchSize(size, seedTexts, args.includes('--keep')));
    } catch (error) {
      if (!(error instanceof BuildFailure)) throw error;
      // The first error the build logged: Astro's `[ERROR]` line and the exception's own message.
      const lines = error.log.split('\n');
      const errorLines = [lines.find((line) => /\[ERROR\]/.test(line)), lines.find((line) => /^\w*Error\b/.test(line))];
      const firstError = errorLines
        .filter(Boolean)
        .map((line) =>
          line!
            .replace(/^\d\d:\d\d:\d\d /, '')
            .replaceAll(/\/\S*\/reading-list-bench\/\d+-\w+\//g, '')
            .trim(),
        )
        .join(' ');
      failures.push({ size, message: error.message, error: firstError, phases: phasesFromLog(error.log) });
      log(`${size}: ${error.message}\n${error.log.slice(-3000)}`);
    }
  }
  console.log(`\n${machineInfo()}\n\n${reportTable(results)}\n${failureNotes(failures)}`);
  // The long 100,000-paper run keeps its own file, so a quick run does not overwrite it.
  const out = join(projectRoot, with100k ? 'docs/benchmarks-100k.md' : 'docs/benchmarks.md');
  await mkdir(join(projectRoot, 'docs'), { recursive: true });
  await writeFile(out, markdown(results, failures, with100k ? 'npm run bench:100k' : 'npm run bench'));
  log(`wrote ${out}`);
}

await main();
