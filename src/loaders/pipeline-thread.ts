/**
 * Starts the pipeline in a worker thread (pipeline-worker.ts) and says where it is: each phase
 * as it starts, with its count, and every `PROGRESS_EVERY_MS` while a phase runs. Where a worker
 * cannot load the TypeScript (a Node without type stripping), the pipeline runs in this thread.
 */
import type { ResourceLimits } from 'node:worker_threads';
import type { Corpus } from '../lib/pipeline.ts';
import { runJob, type PipelineJob, type PipelineMessage } from './pipeline-worker.ts';
import { failureError, startWorker } from '../worker-threads.ts';

export const PROGRESS_EVERY_MS = 10_000;

const PHASES: Record<keyof Corpus['timings'], (items: number) => string> = {
  parse: (n) => `reading ${n.toLocaleString('en')} seed file(s)`,
  merge: (n) => `merging ${n.toLocaleString('en')} listing(s)`,
  render: (n) => `cleaning the abstracts of ${n.toLocaleString('en')} paper(s)`,
  topics: (n) => `finding topics among ${n.toLocaleString('en')} paper(s)`,
  related: (n) => `finding related papers for ${n.toLocaleString('en')} paper(s)`,
};

/** Seed files from this size on (about 30,000 papers of 2 KB) make a large list. */
const LARGE_SEEDS_BYTES = 64 * 1024 * 1024;

/**
 * A large list's pipeline gets a young generation four times V8's default (semi-spaces of 64 MB,
 * not 16): with its heap of gigabytes, objects that would die young were promoted and paid for in
 * full collections of that heap. At 100,000 papers (synth.py) topics and related papers took
 * 104–106 s instead of 121 s (a noisier run: 144 s), for 0.07–0.10 GB more memory. A small list's
 * pipeline keeps V8's default: at 10,000 papers the gain was a few per cent, and the build's
 * largest process has less room under its target there.
 */
export function pipelineHeapLimits(job: Pick<PipelineJob, 'files'>): ResourceLimits | undefined {
  const bytes = job.files.reduce((sum, file) => sum + file.bytes.length, 0);
  return bytes >= LARGE_SEEDS_BYTES ? { maxYoungGenerationSizeMb: 3 * 64 } : undefined;
}

/** Runs the pipeline on `job`; `log` gets the progress lines. */
export function runPipelineThread(job: PipelineJob, log: (message: string) => void): Promise<{ corpus: Corpus; reused: number }> {
  let phase: string | undefined;
  let phaseStart = 0;
  const ticker = setInterval(() => {
    if (phase) log(`pipeline: still ${phase} (${Math.round((performance.now() - phaseStart) / 1000)} s)`);
  }, PROGRESS_EVERY_MS);
  return new Promise<{ corpus: Corpus; reused: number }>((resolve, reject) => {
    let started = false;
    const onMessage = (message: PipelineMessage) => {
      started = true;
      if (message.type === 'phase') {
        phase = PHASES[message.phase](message.items);
        phaseStart = performance.now();
        log(`pipeline: ${phase}`);
      } else if (message.type === 'done') resolve(message);
      else reject(failureError(message));
    };
    const worker = startWorker(new URL('./pipeline-worker.ts', import.meta.url), job, pipelineHeapLimits(job));
    worker.on('message', onMessage);
    worker.on('error', (error) => {
      if (started) return reject(error);
      // The worker could not even load its module: run the pipeline here.
      runJob(job, onMessage).catch(reject);
    });
    worker.on('exit', (code) => {
      if (code !== 0 && started) reject(new Error(`the pipeline's worker thread stopped (exit code ${code})`));
    });
  }).finally(() => clearInterval(ticker));
}
