/**
 * `npm run bench -- --cpu-prof`: the build runs under Node's --cpu-prof; this sums the profile's
 * samples by where the time went (self time): by function, and by area (this project's modules,
 * each package, Node's internals). Profiling slows the build, so a profiled run's timings are not
 * compared with the yardstick.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** "src/lib/topics", "astro", "(node internals)"… */
function area(url: string): string {
  if (!url) return '(native, GC, idle)';
  if (url.startsWith('node:')) return '(node internals)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg && !url.includes('/.cache/')) return pkg[1]!;
  const own = /\/(src\/(?:lib\/[^/]+|[^/]+))/.exec(url);
  if (own) return own[1]!.replace(/\.ts$/, '');
  if (url.includes('/dist/') || url.includes('/.cache/')) return '(bundled pages: src/pages, components)';
  return url;
}

export interface ProfileSummary {
  totalMs: number;
  byArea: [string, number][];
  byFunction: [string, number][];
}

export function summarise(profile: CpuProfile, top = 15): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let totalMs = 0;
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    totalMs += ms;
    byArea.set(area(url), (byArea.get(area(url)) ?? 0) + ms);
    const name =
      `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${lineNumber + 1}` : ''}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { totalMs, byArea: sorted(byArea), byFunction: sorted(byFunction) };
}

/** Summaries of every .cpuprofile in `dir` (one per Node process of the build). */
export async function summariseProfiles(dir: string): Promise<ProfileSummary[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile')).sort();
  return Promise.all(files.map(async (name) => summarise(JSON.parse(await readFile(join(dir, name), 'utf8')) as CpuProfile)));
}

export function profileMarkdown(summaries: ProfileSummary[]): string {
  const share = (ms: number, total: number) => `${(ms / 1000).toFixed(1)} s (${((100 * ms) / total).toFixed(0)}%)`;
  return summaries
    .map(
      (s, i) =>
        `### CPU profile of the build${summaries.length > 1 ? `, process ${i + 1}` : ''} (self time, ${(s.totalMs / 1000).toFixed(1)} s sampled)\n\n` +
        `| area | time |\n| --- | ---: |\n${s.byArea.map(([name, ms]) => `| ${name} | ${share(ms, s.totalMs)} |`).join('\n')}\n\n` +
        `| function | time |\n| --- | ---: |\n${s.byFunction.map(([name, ms]) => `| \`${name}\` | ${share(ms, s.totalMs)} |`).join('\n')}`,
    )
    .join('\n\n');
}
