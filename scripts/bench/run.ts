/**
 * Runs one command the way the bench measures builds: wall clock, CPU time and peak memory.
 *
 * Memory is measured per process, over the whole process tree (the build's Node process and
 * the Pagefind binary it starts): every 200 ms the sampler reads /proc for each process of the
 * tree, keeping each one's VmHWM (the kernel's own peak resident set of that process, so a peak
 * between two samples is not missed) and the sum of the tree's VmRSS at that moment.
 * `/usr/bin/time -v`, when installed, adds the CPU time of the whole tree and its own figure for
 * the largest process.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';

export interface ProcessRun {
  wallMs: number;
  /** User + system CPU time of the whole tree, from /usr/bin/time; null without it. */
  cpuMs: number | null;
  /** Peak resident memory of the largest single process of the tree. */
  largestProcessBytes: number;
  /** Peak of the tree's summed resident memory (sampled). */
  allProcessesBytes: number;
  /** Everything it printed. */
  log: string;
  exitCode: number | null;
}

const SAMPLE_MS = 200;

/** Status fields of every process below (and including) `rootPid`. */
function treeStatus(rootPid: number): { pid: number; rss: number; hwm: number }[] {
  const parents = new Map<number, number>();
  const memory = new Map<number, { rss: number; hwm: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
      parents.set(Number(entry), Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      memory.set(Number(entry), { rss: kb('VmRSS'), hwm: kb('VmHWM') });
    } catch {
      // the process ended while we looked
    }
  }
  const inTree = (pid: number) => {
    for (let p: number | undefined = pid; p; p = parents.get(p)) if (p === rootPid) return true;
    return false;
  };
  return [...memory].filter(([pid]) => inTree(pid)).map(([pid, m]) => ({ pid, ...m }));
}

/** Runs `command args` in `cwd` with `env`, measuring it; never throws for a non-zero exit. */
export async function measureProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeFile: string },
): Promise<ProcessRun> {
  const useTime = existsSync('/usr/bin/time');
  const [file, fileArgs] = useTime ? ['/usr/bin/time', ['-v', '-o', options.timeFile, command, ...args]] : [command, args];
  const start = performance.now();
  const child = spawn(file, fileArgs, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const peaks = new Map<number, number>();
  let allProcessesBytes = 0;
  const sample = () => {
    let sum = 0;
    for (const { pid, rss, hwm } of treeStatus(child.pid!)) {
      peaks.set(pid, Math.max(peaks.get(pid) ?? 0, hwm));
      // /usr/bin/time itself is a few MB and not part of what is measured.
      if (!useTime || pid !== child.pid) sum += rss;
    }
    allProcessesBytes = Math.max(allProcessesBytes, sum);
  };
  const sampler = setInterval(sample, SAMPLE_MS);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  clearInterval(sampler);
  const wallMs = Math.round(performance.now() - start);
  if (useTime) peaks.delete(child.pid!);
  let largestProcessBytes = Math.max(0, ...peaks.values());
  let cpuMs: number | null = null;
  if (useTime && existsSync(options.timeFile)) {
    const report = await readFile(options.timeFile, 'utf8');
    await rm(options.timeFile);
    const field = (label: string) => Number(new RegExp(`${label}: ([\\d.]+)`).exec(report)?.[1] ?? NaN);
    cpuMs = Math.round((field('User time \\(seconds\\)') + field('System time \\(seconds\\)')) * 1000);
    if (Number.isNaN(cpuMs)) cpuMs = null;
    const maxRssKb = field('Maximum resident set size \\(kbytes\\)');
    if (!Number.isNaN(maxRssKb)) largestProcessBytes = Math.max(largestProcessBytes, maxRssKb * 1024);
  }
  return { wallMs, cpuMs, largestProcessBytes, allProcessesBytes: Math.max(allProcessesBytes, largestProcessBytes), log, exitCode };
}

/** Runs measured one after another, as one: times add up, memory peaks do not. */
export function sequence(runs: ProcessRun[]): ProcessRun {
  return {
    wallMs: runs.reduce((sum, r) => sum + r.wallMs, 0),
    cpuMs: runs.some((r) => r.cpuMs === null) ? null : runs.reduce((sum, r) => sum + r.cpuMs!, 0),
    largestProcessBytes: Math.max(...runs.map((r) => r.largestProcessBytes)),
    allProcessesBytes: Math.max(...runs.map((r) => r.allProcessesBytes)),
    log: runs.map((r) => r.log).join('\n'),
    exitCode: runs.find((r) => r.exitCode !== 0)?.exitCode ?? 0,
  };
}
