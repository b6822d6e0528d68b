/**
 * The pipeline in a worker thread (started by corpus.ts): the build's main thread stays free
 * while it runs, to start Astro's bundling meanwhile and to log progress every few seconds,
 * which a minute-long synchronous phase (topics of 100,000 papers) would otherwise block; and
 * what the pipeline allocates on the way goes with the worker's heap, not into the heap that
 * then renders the pages.
 *
 * Node loads this file itself (type stripping), not through Vite: it and the modules it imports
 * (src/lib/) use only TypeScript that Node can strip (no enums, no parameter properties).
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  analyseText,
  completeCorpus,
  finishCorpus,
  readCorpus,
  relatedInputs,
  type Corpus,
  type CorpusOptions,
  type ReadCorpus,
  type SeedFile,
} from '../lib/pipeline.ts';
import { rankTextInThread } from './related-worker.ts';
import { workerFailure, type WorkerFailure } from '../worker-threads.ts';
import type { TopicOverride } from '../lib/topics/index.ts';
import type { Diagnostic } from '../lib/types.ts';
import { ParseCache } from './parse-cache.ts';

export interface PipelineJob {
  files: SeedFile[];
  readProblems: Diagnostic[];
  /** Seed file name → digest of its bytes (the parse cache's key). */
  digests: [string, string][];
  overrides: TopicOverride[];
  /** The parse cache's file. */
  cachePath: string;
}

export type PipelineMessage =
  { type: 'phase'; phase: keyof Corpus['timings']; items: number } | { type: 'done'; corpus: Corpus; reused: number } | WorkerFailure;

/**
 * Up to this many papers, related papers are ranked in a second thread while this one finds
 * topics. Each thread then holds an analysis of the whole text: at 100,000 papers that took the
 * build's largest process from 5.4 to 7.2 GiB (issue 12's budget: 6), for 6% less time.
 */
export const RANK_BESIDE_TOPICS_MAX_PAPERS = 50_000;

/** finishCorpus, with related papers ranked (and search terms worked out) in a second thread (related-worker.ts) while this one renders abstracts and finds topics. */
async function finishBesideRanking(read: ReadCorpus, options: CorpusOptions): Promise<Corpus> {
  const ranking = rankTextInThread(relatedInputs(read));
  ranking.catch(() => {}); // awaited below, once topics are found
  const analysed = analyseText(read, options);
  options.onPhase?.('related', read.merged.papers.length);
  const { ms, ...ranked } = await ranking;
  read.timings.related = ms;
  return completeCorpus(read, analysed, ranked, options);
}

/** Runs `job`, telling `post` each phase as it starts and the result at the end. */
export async function runJob(job: PipelineJob, post: (message: PipelineMessage) => void): Promise<void> {
  const cache = await ParseCache.open(job.cachePath);
  const digests = new Map(job.digests);
  const options: CorpusOptions = {
    topicOverrides: job.overrides,
    readProblems: job.readProblems,
    parseCache: {
      get: (file) => cache.get(file.name, digests.get(file.name)!),
      set: (file, parsed) => cache.set(file.name, digests.get(file.name)!, parsed),
    },
    onPhase: (phase, items) => post({ type: 'phase', phase, items }),
  };
  const read = readCorpus(job.files, options);
  const corpus =
    read.merged.papers.length > RANK_BESIDE_TOPICS_MAX_PAPERS ? finishCorpus(read, options) : await finishBesideRanking(read, options);
  await cache.save(job.files.map((file) => file.name));
  post({ type: 'done', corpus, reused: cache.reused });
}

if (parentPort && workerData) {
  const port = parentPort;
  await runJob(workerData as PipelineJob, (message) => port.postMessage(message)).catch((error: unknown) =>
    port.postMessage(workerFailure(error)),
  );
}
