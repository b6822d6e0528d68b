/**
 * The bench's report: for each size, the project's build next to the yardstick's, each figure
 * with its target from issue 12 and whether it is met; then the details (phases, page sizes,
 * first searches, rebuild), any extra sections (sections.ts) and how it was measured.
 */
import os from 'node:os';
import type { ProcessRun } from './run.ts';
import type { BuildReport } from './build.ts';
import type { buildPhases } from './build.ts';
import type { OutputFigures, UpdateCost } from './measure.ts';
import { QUERIES, TYPING_DELAY_MS, type QueryCost } from './first-search.ts';
import type { Figures } from './sections.ts';

export interface SizeResult {
  /** Papers asked of synth.py. */
  size: number;
  project: {
    run: ProcessRun;
    report: BuildReport;
    phases: ReturnType<typeof buildPhases>;
    output: OutputFigures;
    searches: { queries: QueryCost[]; typed: QueryCost | null } | null;
    rebuild: { run: ProcessRun; report: BuildReport; update: UpdateCost } | null;
  };
  yardstick: { run: ProcessRun; output: OutputFigures } | null;
  /** Further cold builds of each, for the build time (bench --repeat); none on a single pair. */
  repeats?: { project: ProcessRun[]; yardstick: ProcessRun[] };
  sections: { name: string; figures: Figures }[];
}

export interface SizeFailure {
  size: number;
  message: string;
  /** The first error line of the build log. */
  error: string;
  run: ProcessRun;
  report: BuildReport;
  yardstick?: ProcessRun;
}

const GiB = 1024 ** 3;
const int = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const seconds = (ms: number | null | undefined) =>
  ms == null ? 'n/a' : ms >= 120_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(1)} s`;
const memory = (bytes: number | null | undefined) =>
  bytes == null ? 'n/a' : bytes >= GiB ? `${(bytes / GiB).toFixed(2)} GiB` : `${int(bytes / 1024 ** 2)} MiB`;
/** Kilobytes of 1,000 bytes, as the targets are written. */
const kb = (bytes: number | null | undefined) => (bytes == null ? 'n/a' : `${(bytes / 1000).toFixed(1)} KB`);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}×` : '');
const met = (ok: boolean | null) => (ok === null ? '' : ok ? 'yes' : '**no**');

/** Issue 12's targets: 10,000 papers, and 100,000 (applied from 50,000 papers on). */
export function targetsFor(size: number) {
  return size >= 50_000
    ? { label: '100,000 papers', buildRatio: null, buildMs: 10 * 60_000, largest: 6 * GiB, all: 8 * GiB, perPaper: 30_000 }
    : { label: '10,000 papers', buildRatio: 1.5, buildMs: null, largest: 1.5 * GiB, all: null, perPaper: 30_000 };
}
export const FIRST_SEARCH_TARGET = 150_000;
export const PAPER_PAGE_GZIP_TARGET = 14_000;

type Row = [label: string, project: string, yardstick: string, ratio: string, target: string, met: string];

/** Project vs yardstick, with the targets. */
function headline(r: SizeResult): Row[] {
  const t = targetsFor(r.size);
  const p = r.project;
  const y = r.yardstick;
  // Every build counts: mean times, the ratio of the means, the highest memory.
  const projectRuns = [p.run, ...(r.repeats?.project ?? [])];
  const yardstickRuns = y ? [y.run, ...(r.repeats?.yardstick ?? [])] : [];
  const meanWall = (runs: ProcessRun[]) => (runs.length ? runs.reduce((sum, run) => sum + run.wallMs, 0) / runs.length : undefined);
  const projectMs = meanWall(projectRuns)!;
  const yardstickMs = meanWall(yardstickRuns);
  const largest = (runs: ProcessRun[]) => (runs.length ? Math.max(...runs.map((run) => run.largestProcessBytes)) : undefined);
  const buildRatio = yardstickMs ? projectMs / yardstickMs : null;
  const perPaper = p.output.bytes / r.size;
  const slowestSearch = p.searches ? Math.max(...p.searches.queries.map((q) => q.wireBytes), p.searches.typed?.wireBytes ?? 0) : null;
  return [
    [
      projectRuns.length > 1 ? `build, end to end (mean of ${projectRuns.length})` : 'build, end to end',
      seconds(projectMs),
      seconds(yardstickMs),
      ratio(projectMs, yardstickMs),
      t.buildRatio ? `≤ ${t.buildRatio}× yardstick` : `≤ ${seconds(t.buildMs)}`,
      met(t.buildRatio ? (buildRatio === null ? null : buildRatio <= t.buildRatio) : projectMs <= t.buildMs!),
    ],
    ...(projectRuns.length > 1
      ? [
          [
            'each build, in the order run',
            projectRuns.map((run) => seconds(run.wallMs)).join(', '),
            yardstickRuns.map((run) => seconds(run.wallMs)).join(', '),
            projectRuns.length === yardstickRuns.length
              ? projectRuns.map((run, i) => ratio(run.wallMs, yardstickRuns[i]!.wallMs)).join(', ')
              : '',
            '',
            '',
          ] as Row,
        ]
      : []),
    [
      'CPU time (user + system)',
      seconds(p.run.cpuMs),
      seconds(y?.run.cpuMs),
      y?.run.cpuMs && p.run.cpuMs ? ratio(p.run.cpuMs, y.run.cpuMs) : '',
      '',
      '',
    ],
    [
      projectRuns.length > 1 ? `largest process (highest of ${projectRuns.length})` : 'largest process',
      memory(largest(projectRuns)),
      memory(largest(yardstickRuns)),
      ratio(largest(projectRuns)!, largest(yardstickRuns)),
      `≤ ${memory(t.largest)}`,
      met(largest(projectRuns)! <= t.largest),
    ],
    [
      'all processes together',
      memory(p.run.allProcessesBytes),
      memory(y?.run.allProcessesBytes),
      ratio(p.run.allProcessesBytes, y?.run.allProcessesBytes),
      t.all ? `≤ ${memory(t.all)}` : '',
      t.all ? met(p.run.allProcessesBytes <= t.all) : '',
    ],
    [
      'output per paper',
      kb(perPaper),
      kb(y ? y.output.bytes / r.size : null),
      ratio(perPaper, y ? y.output.bytes / r.size : undefined),
      `≤ ${kb(t.perPaper)}`,
      met(perPaper <= t.perPaper),
    ],
    [
      'output, all files',
      `${mb(p.output.bytes)}, ${int(p.output.files)} files`,
      y ? `${mb(y.output.bytes)}, ${int(y.output.files)} files` : 'n/a',
      '',
      '',
      '',
    ],
    [
      'first search, largest of the queries below',
      kb(slowestSearch),
      '',
      '',
      `≤ ${kb(FIRST_SEARCH_TARGET)}`,
      slowestSearch === null ? '' : met(slowestSearch <= FIRST_SEARCH_TARGET),
    ],
    [
      'paper page, gzipped, largest',
      kb(p.output.paperHtml?.maxGzip),
      kb(y?.output.paperHtml?.maxGzip),
      '',
      `≤ ${kb(PAPER_PAGE_GZIP_TARGET)}`,
      p.output.paperHtml ? met(p.output.paperHtml.maxGzip <= PAPER_PAGE_GZIP_TARGET) : '',
    ],
  ];
}

/** Where the project's build spends its time and bytes. */
function details(r: SizeResult): [string, string][] {
  const p = r.project;
  const timings = p.phases.pipeline;
  const pipelineRows: [string, string][] = Object.entries(timings).map(([phase, ms]) => [`·· ${phase}`, seconds(ms)]);
  const search = (cost: QueryCost | undefined) =>
    cost ? `${kb(cost.wireBytes)} (${kb(cost.bodyBytes)} stored) in ${cost.requests} requests, ${cost.status}` : 'n/a';
  const rebuild = p.rebuild;
  return [
    [
      'papers, pages',
      `${int(p.report.pipeline?.papers ?? NaN)} papers, ${int(p.report.searchIndex?.pages ?? NaN)} pages, ${int(p.report.pipeline?.topics ?? NaN)} topics`,
    ],
    ['· process start, config, content sync (pipeline), types', seconds(p.phases.setupAndContent)],
    ...pipelineRows,
    ['· bundling (Vite)', seconds(p.phases.bundling)],
    ['· pages (render and write)', seconds(p.phases.pages)],
    ['· after the pages (sitemap, search index, service worker, exit)', seconds(p.phases.afterPages)],
    ['·· search index (Pagefind and compaction)', seconds(p.phases.searchIndex)],
    ['home page HTML', kb(p.output.homeBytes)],
    [
      'paper page HTML, median / max (gzipped)',
      p.output.paperHtml
        ? `${kb(p.output.paperHtml.medianRaw)} / ${kb(p.output.paperHtml.maxRaw)} (${kb(p.output.paperHtml.medianGzip)} / ${kb(p.output.paperHtml.maxGzip)})`
        : 'n/a',
    ],
    ...(p.searches
      ? [
          ...QUERIES.map((query, i): [string, string] => [`first search "${query}"`, search(p.searches!.queries[i])]),
          [`first search "${QUERIES[0]}" typed at ${1000 / TYPING_DELAY_MS} keys a second`, search(p.searches.typed ?? undefined)] as [
            string,
            string,
          ],
        ]
      : []),
    ...(rebuild
      ? ([
          ['rebuild after adding 1 paper', seconds(rebuild.run.wallMs)],
          [
            '· a returning reader’s service worker fetches',
            `${mb(rebuild.update.updateBytes)} in ${int(rebuild.update.updateFiles)} files, ${((100 * rebuild.update.updateBytes) / rebuild.update.firstVisitBytes).toFixed(1)}% of a first visit’s ${mb(rebuild.update.firstVisitBytes)}`,
          ],
          [
            '·· of which',
            Object.entries(rebuild.update.byArea)
              .sort((a, b) => b[1] - a[1])
              .slice(0, 6)
              .map(([name, bytes]) => `${name} ${mb(bytes)}`)
              .join(', '),
          ],
        ] as [string, string][])
      : []),
  ];
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

export function sizeReport(r: SizeResult): string {
  const t = targetsFor(r.size);
  const parts = [
    `## ${int(r.size)} papers`,
    table(['', 'this project', 'yardstick', 'ratio', `target (${t.label})`, 'met'], headline(r)),
    table(['this project', ''], details(r)),
    ...r.sections.map(
      ({ name, figures }) =>
        `### ${name}\n\n${table(
          ['', ''],
          Object.entries(figures).map(([k, v]) => [k, String(v)]),
        )}`,
    ),
  ];
  return parts.join('\n\n');
}

export function machineInfo(): string {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / GiB).toFixed(0)} GiB memory, Node ${process.version}, ${os.platform()} ${os.arch()}`;
}

export function failureNotes(failures: SizeFailure[]): string {
  return failures
    .map((f) => {
      const timings = Object.entries(f.report.pipeline?.timings ?? {}).map(([phase, ms]) => `${phase} ${seconds(ms)}`);
      const memoryUsed = `largest process ${memory(f.run.largestProcessBytes)}, all processes ${memory(f.run.allProcessesBytes)}`;
      const yardstick = f.yardstick
        ? `; the yardstick built in ${seconds(f.yardstick.wallMs)} (largest process ${memory(f.yardstick.largestProcessBytes)})`
        : '';
      return `- ${int(f.size)} papers: ${f.message} (${memoryUsed}): \`${f.error}\`${timings.length ? `; the pipeline had reported ${timings.join(', ')}` : ''}${yardstick}.\n`;
    })
    .join('');
}

export function markdown(results: SizeResult[], failures: SizeFailure[], command: string, notes: string[]): string {
  return `# Benchmarks

Written by \`${command}\` (scripts/bench/); do not edit by hand. Times and memory vary from run
to run, more so while other work runs on the machine: the ratio to the yardstick, built in the
same run, is the figure that counts.

Machine: ${machineInfo()}.${notes.length ? `\n\n${notes.map((n) => `- ${n}`).join('\n')}` : ''}

${results.map(sizeReport).join('\n\n')}
${failures.length ? `\nBuilds that failed:\n\n${failureNotes(failures)}` : ''}
## How it is measured

- Papers: \`python3 ../shared/bench/synth.py N\` (the project's shared generator: each seed
  abstract reused with 40 extra words drawn from all abstracts, titles built from seed titles;
  deterministic), one listing file.
- This project: \`astro build\` through its JS API with its own output and cache dir (a cold
  build). The steps come from the build's own report (\`<cacheDir>/reading-list/build-report.json\`,
  src/integrations/build-report.ts), not from its log.
- Yardstick: a bare Astro 7 site over the same papers, one page per paper with its title and
  abstract and nothing else, then Pagefind's CLI over its output (scripts/bench/yardstick.ts),
  built in the same run with this project's packages.
- Build time: the standard 10,000-paper run builds each site twice, cold, alternating
  (yardstick, this project, this project, yardstick), because the machine's speed drifts by
  up to ±25% over minutes; the time is the mean of each site's builds, the ratio that of the
  means, and the row below it gives every build. The other figures come from the first build
  of this project, but memory, which is the highest of all its builds.
- Memory: every 200 ms the bench reads /proc for every process of the build's tree (Node and
  the Pagefind binary): "largest process" is the highest peak resident set (VmHWM) of any one
  process (and /usr/bin/time's), "all processes together" the highest sum of their resident
  sets at one moment. For the yardstick, the larger of its two steps.
- Output: every file written, in bytes (KB = 1,000 bytes), divided by the papers asked for.
- First search: the site served over loopback; in Chromium with an empty cache and service
  workers blocked, a paper page is open, the query is typed into the header box at once (as
  pasted), and every response from then until the network is idle is counted: the search
  code, Pagefind's JS and WebAssembly, its metadata, the index chunks and the fragments of the
  results shown. Text responses are counted gzipped, as a static host serves them (Pagefind's
  index files are gzipped already). "Typed" types the first query key by key, ${TYPING_DELAY_MS} ms
  apart, and counts everything those searches load.
- Rebuild: one paper appended to the list, built again with the same cache and output dir.
  What a returning reader's service worker then fetches is computed from both builds' precache
  plans (src/lib/search/precache.ts): the entries whose address or content changed.
`;
}
