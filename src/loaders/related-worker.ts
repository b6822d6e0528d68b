/**
 * Ranks related papers in a thread of its own, started by pipeline-worker.ts while its thread
 * finds topics: the ranking does not depend on topics (they only add a reason afterwards,
 * src/lib/related.ts), so the two run side by side on two cores instead of one after the other.
 * This thread analyses the text itself: the analysis is deterministic, and copying it from the
 * other thread would cost about as much as making it (and it skips the part only topics read).
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { rankRelated, type RankedPaper, type RelatedInput } from '../lib/related.ts';

export interface Ranking {
  ranked: Map<string, RankedPaper[]>;
  /** Milliseconds the ranking took, analysis included. */
  ms: number;
}

type RankingMessage = ({ type: 'done' } & Ranking) | { type: 'failed'; message: string; stack?: string };

function rankHere(papers: readonly RelatedInput[]): Ranking {
  const start = performance.now();
  const ranked = rankRelated(papers);
  return { ranked, ms: Math.round(performance.now() - start) };
}

/** Ranks `papers` in a worker thread (in this one, once this one is free, where a worker cannot start). */
export function rankRelatedInThread(papers: readonly RelatedInput[], execArgv: string[]): Promise<Ranking> {
  return new Promise<Ranking>((resolve, reject) => {
    let answered = false;
    const worker = new Worker(new URL(import.meta.url), { workerData: { rankRelated: papers }, execArgv });
    worker.once('message', (message: RankingMessage) => {
      answered = true;
      if (message.type === 'done') resolve(message);
      else reject(Object.assign(new Error(message.message), { stack: message.stack }));
    });
    worker.once('error', (error) => {
      if (answered) return;
      answered = true;
      // The worker could not start (or load its module): rank in this thread instead.
      try {
        resolve(rankHere(papers));
      } catch (cause) {
        reject(new Error('ranking related papers failed', { cause: [error, cause] }));
      }
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the related papers' worker thread stopped (exit code ${code})`));
    });
  });
}

const job = workerData as { rankRelated?: RelatedInput[] } | null;
if (parentPort && job?.rankRelated) {
  let message: RankingMessage;
  try {
    message = { type: 'done', ...rankHere(job.rankRelated) };
  } catch (error) {
    message = {
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    };
  }
  parentPort.postMessage(message);
}
