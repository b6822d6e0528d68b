/**
 * Benchmark for topic discovery, for scripts/bench only (timings vary by machine; tests do not
 * time anything). Uses the shared synthetic corpus built from real seed texts.
 */
import { syntheticPapers, type SeedText } from '../text/bench-data.ts';
import { discoverTopics } from './discover.ts';

export interface TopicBenchResult {
  papers: number;
  milliseconds: number;
  topics: number;
  /** Papers in the largest topic, as a share of all papers. */
  largestShare: number;
  /** Mean topics per paper. */
  meanTopicsPerPaper: number;
}

/** Times discoverTopics on `n` synthetic papers made from `seedTexts`. */
export function benchTopics(n: number, seedTexts: readonly SeedText[]): TopicBenchResult {
  const papers = syntheticPapers(n, seedTexts);
  const started = performance.now();
  const { topics, paperTopics } = discoverTopics(papers);
  const milliseconds = Math.round(performance.now() - started);
  let assigned = 0;
  for (const list of paperTopics.values()) assigned += list.length;
  const largest = topics.reduce((max, topic) => Math.max(max, topic.papers.length), 0);
  return {
    papers: n,
    milliseconds,
    topics: topics.length,
    largestShare: Math.round((largest / Math.max(1, n)) * 1000) / 1000,
    meanTopicsPerPaper: Math.round((assigned / Math.max(1, n)) * 100) / 100,
  };
}
