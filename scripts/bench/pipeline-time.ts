/**
 * Times the build's pipeline (`buildCorpus`) alone, as the build runs it: in a worker thread, with
 * a fresh heap and cold code for the first run. Prints each run's phase timings (the first run is
 * what the build sees; the median of the later ones is steadier), the worker's peak heap, and a
 * SHA-256 of the papers and topics so a faster pipeline can prove its output did not change.
 *
 *   node scripts/bench/pipeline-time.ts <seed file or folder> [runs=4]
 *
 * e.g. `python3 ../shared/bench/synth.py 10000 > /tmp/synth10k.txt` then this on that file, or on
 * `seeds` (the folder is read as the build reads SEEDS_DIR).
 */
import { createHash } from 'node:crypto';
import { statSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { buildCorpus, type SeedFile } from '../../src/lib/pipeline.ts';
import { readSeedFiles } from '../../src/loaders/read-seeds.ts';

interface RunResult {
  timings: Record<string, number>;
  total: number;
  /** CPU time of the whole process meanwhile (less disturbed than wall time by other processes on the machine). */
  cpu: number;
  /** The same by phase, from the start of one phase to the start of the next (the last runs to the end, assembly included). */
  cpuByPhase: Record<string, number>;
  hash: string;
  diagnosticsHash: string;
}

type Message = { type: 'start' } | { type: 'end'; result: RunResult } | { type: 'done' };

async function readInput(path: string): Promise<SeedFile[]> {
  if (statSync(path).isDirectory()) return (await readSeedFiles(path)).files;
  return [{ name: basename(path), bytes: new Uint8Array(readFileSync(path)) }];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function runInWorker(files: SeedFile[], runs: number, post: (message: Message) => void): void {
  for (let run = 0; run < runs; run++) {
    post({ type: 'start' });
    const start = performance.now();
    const startCpu = process.cpuUsage();
    const cpuMs = () => {
      const { user, system } = process.cpuUsage(startCpu);
      return (user + system) / 1000;
    };
    const phaseStarts: [string, number][] = [];
    const corpus = buildCorpus(files, { onPhase: (phase) => phaseStarts.push([phase, cpuMs()]) });
    const total = Math.round(performance.now() - start);
    const cpu = Math.round(cpuMs());
    const cpuByPhase = Object.fromEntries(phaseStarts.map(([phase, at], i) => [phase, Math.round((phaseStarts[i + 1]?.[1] ?? cpu) - at)]));
    const phases = Object.values(corpus.timings).reduce((sum, ms) => sum + ms, 0);
    const timings = { ...corpus.timings, assemble: total - phases };
    const result = {
      timings,
      total,
      cpu,
      cpuByPhase,
      hash: sha256(JSON.stringify([corpus.papers, corpus.topics])),
      diagnosticsHash: sha256(JSON.stringify([corpus.diagnostics, corpus.stats])),
    };
    post({ type: 'end', result });
  }
  post({ type: 'done' });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

async function main(): Promise<void> {
  const [path, runsArg] = process.argv.slice(2);
  if (!path) throw new Error('usage: pipeline-time.ts <seed file or folder> [runs]');
  const runs = Math.max(1, Number(runsArg ?? 4));
  const files = await readInput(path);
  const worker = new Worker(new URL(import.meta.url), { workerData: { files, runs } });
  const results: { result: RunResult; peakHeap: number }[] = [];
  let peakHeap = 0;
  let sampling = false;
  const sample = async () => {
    if (!sampling) return;
    const stats = await worker.getHeapStatistics().catch(() => undefined);
    if (stats) peakHeap = Math.max(peakHeap, stats.used_heap_size);
  };
  const timer = setInterval(() => void sample(), 25);
  await new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (message: Message) => {
      if (message.type === 'start') {
        peakHeap = 0;
        sampling = true;
      } else if (message.type === 'end') {
        sampling = false;
        results.push({ result: message.result, peakHeap });
        const { timings, total, cpu, hash } = message.result;
        console.log(
          `run ${results.length}: ${Object.entries(timings)
            .map(([phase, ms]) => `${phase} ${ms}`)
            .join(', ')}; total ${total} ms (cpu ${cpu} ms); peak heap ${mib(peakHeap)}; ${hash.slice(0, 16)}`,
        );
      } else resolve();
    });
  });
  clearInterval(timer);
  await worker.terminate();
  const [cold, ...warm] = results;
  console.log(`\ncold cpu: ${JSON.stringify(cold!.result.cpuByPhase)}`);
  console.log(
    `cold:   ${JSON.stringify(cold!.result.timings)} total ${cold!.result.total} ms (cpu ${cold!.result.cpu} ms), peak heap ${mib(cold!.peakHeap)}`,
  );
  if (warm.length > 0) {
    const phases = Object.keys(cold!.result.timings);
    const med = Object.fromEntries(phases.map((phase) => [phase, median(warm.map((w) => w.result.timings[phase]!))]));
    console.log(
      `median: ${JSON.stringify(med)} total ${median(warm.map((w) => w.result.total))} ms (cpu ${median(warm.map((w) => w.result.cpu))} ms) (of ${warm.length} warm runs)`,
    );
  }
  const hashes = new Set(results.map((r) => r.result.hash));
  if (hashes.size > 1) throw new Error('runs of the same input gave different output');
  console.log(`sha256(papers, topics) ${cold!.result.hash}`);
  console.log(`sha256(diagnostics, stats) ${cold!.result.diagnosticsHash}`);
}

if (isMainThread) await main();
else {
  const { files, runs } = workerData as { files: SeedFile[]; runs: number };
  runInWorker(files, runs, (message) => parentPort!.postMessage(message));
}
