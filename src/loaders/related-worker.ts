/**
 * Ranks related papers, and works out search terms, in a thread of its own, started by
 * pipeline-worker.ts while its thread finds topics: neither depends on topics (they only add a
 * reason afterwards, src/lib/related.ts), so the two run side by side on two cores instead of
 * one after the other. That thread (related-worker-thread.ts) analyses the text itself: the
 * analysis is deterministic, and copying it from the other thread would cost about as much as
 * making it (and it skips the part only topics read).
 */
import { rankText, type TextRanking } from '../lib/pipeline.ts';
import type { RankInput } from '../lib/related.ts';
import { runInWorker } from '../worker-threads.ts';

export interface Ranking extends Required<TextRanking> {
  /** Milliseconds the ranking took, analysis included. */
  ms: number;
}

export function rankHere(papers: readonly RankInput[]): Ranking {
  const start = performance.now();
  const ranking = rankText(papers);
  return { ...ranking, ms: Math.round(performance.now() - start) };
}

/** rankHere in a worker thread (in this one, once this one is free, where a worker cannot start). */
export function rankTextInThread(papers: readonly RankInput[]): Promise<Ranking> {
  return runInWorker(new URL('./related-worker-thread.ts', import.meta.url), papers, () => rankHere(papers));
}
