/**
 * Churn: how many papers' related papers or topics change when one paper is added to a list —
 * what decides how many paper pages a rebuild changes, and so what a returning reader's browser
 * fetches again (issue 12). Ideally only the papers the new paper is genuinely related to (and
 * those whose topic it joins) change.
 *
 * - The seeds plus one new paper (tests/fixtures/added-paper.txt, the paper the offline e2e test
 *   adds), and the seeds less each of a few papers spread over the list, then put back.
 * - Each list from other fields less each of its papers in turn, then put back.
 *
 * A paper counts as changed when its related papers (as a set), their order, the reasons shown
 * for them or its topics differ; the added paper itself is not counted.
 */
import { readFileSync } from 'node:fs';
import { buildCorpus, type SeedFile } from '../../src/lib/pipeline.ts';
import type { Paper } from '../../src/lib/types.ts';
import { asSeedFile, OTHER_LISTS, readJudgements, seedFiles, type ListedPaper } from './judged-lists.ts';

const ADDED_PAPER = new URL('../../tests/fixtures/added-paper.txt', import.meta.url);
/** Seed papers taken out and put back (evenly spread over the list): a sample, as each is a full build. */
const SEED_SAMPLES = 6;

export interface ChurnCounts {
  /** Papers present in both builds. */
  papers: number;
  /** Papers whose related papers changed as a set. */
  related: number;
  /** …or only in order. */
  order: number;
  /** …or only in the reasons shown. */
  reasons: number;
  topics: number;
  /** Papers with any of these changes. */
  any: number;
  /** Papers listing the added paper among their related papers (they change for a good reason). */
  pointing: number;
}

export interface ListChurn {
  list: string;
  /** How the paper was added: the new seed paper, or "each of N papers" (then figures are means). */
  added: string;
  churn: ChurnCounts;
  /** Mean share of papers with any change, over the additions measured. */
  share: number;
}

/** Papers of `before` whose related papers or topics differ in `after` (which has one paper more). */
export function compareBuilds(before: readonly Paper[], after: readonly Paper[]): ChurnCounts {
  const next = new Map(after.map((paper) => [paper.id, paper]));
  const added = after.find((paper) => !before.some((old) => old.id === paper.id))?.id;
  const counts: ChurnCounts = { papers: 0, related: 0, order: 0, reasons: 0, topics: 0, any: 0, pointing: 0 };
  for (const paper of before) {
    const other = next.get(paper.id);
    if (other === undefined) continue;
    counts.papers++;
    const ids = (p: Paper) => p.related.map((entry) => entry.id);
    const setChanged = [...ids(paper)].sort().join() !== [...ids(other)].sort().join();
    const orderChanged = !setChanged && ids(paper).join() !== ids(other).join();
    const reasonsChanged =
      !setChanged && !orderChanged && JSON.stringify(paper.related.map((e) => e.why)) !== JSON.stringify(other.related.map((e) => e.why));
    const topicsChanged = paper.topics.join() !== other.topics.join();
    if (setChanged) counts.related++;
    if (orderChanged) counts.order++;
    if (reasonsChanged) counts.reasons++;
    if (topicsChanged) counts.topics++;
    if (setChanged || orderChanged || reasonsChanged || topicsChanged) counts.any++;
    if (added !== undefined && ids(other).includes(added)) counts.pointing++;
  }
  return counts;
}

/** Mean counts, to one decimal. */
function mean(all: readonly ChurnCounts[]): ChurnCounts {
  const of = (key: keyof ChurnCounts) => Math.round((10 * all.reduce((sum, counts) => sum + counts[key], 0)) / all.length) / 10;
  return {
    papers: of('papers'),
    related: of('related'),
    order: of('order'),
    reasons: of('reasons'),
    topics: of('topics'),
    any: of('any'),
    pointing: of('pointing'),
  };
}

/** A list's papers built whole, and less each paper at `positions` in turn, then put back. */
function leaveOneOut(list: string, papers: readonly ListedPaper[], positions: readonly number[]): ListChurn {
  const full = buildCorpus([asSeedFile(papers)]).papers;
  const all = positions.map((skip) => compareBuilds(buildCorpus([asSeedFile(papers.filter((_, i) => i !== skip))]).papers, full));
  const churn = mean(all);
  return { list, added: `each of ${positions.length} papers`, churn, share: churn.any / churn.papers };
}

function spread(count: number, samples: number): number[] {
  if (count <= samples) return Array.from({ length: count }, (_, i) => i);
  return Array.from({ length: samples }, (_, i) => Math.floor(((i + 0.5) * count) / samples));
}

export function measureChurn(): ListChurn[] {
  const seeds = seedFiles();
  const before = buildCorpus(seeds).papers;
  const added: SeedFile = { name: 'zz-added-paper.txt', bytes: new Uint8Array(readFileSync(ADDED_PAPER)) };
  const newPaper = compareBuilds(before, buildCorpus([...seeds, added]).papers);
  const results: ListChurn[] = [{ list: 'seeds', added: 'one new paper', churn: newPaper, share: newPaper.any / newPaper.papers }];
  // The seeds rewritten as one listing of titles and abstracts (all that related papers and
  // topics read), to leave papers out.
  results.push(leaveOneOut('seeds', before, spread(before.length, SEED_SAMPLES)));
  for (const name of OTHER_LISTS) {
    const papers = readJudgements(name).papers ?? [];
    results.push(leaveOneOut(name, papers, spread(papers.length, papers.length)));
  }
  return results;
}

export function formatChurn(results: readonly ListChurn[]): string {
  return results
    .map(({ list, added, churn, share }) => {
      const { papers, related, order, reasons, topics, any, pointing } = churn;
      return (
        `churn, ${list} + ${added}: ${any} of ${papers} papers change (${(100 * share).toFixed(1)}%): related papers ${related}, ` +
        `their order ${order}, reasons ${reasons}, topics ${topics}; the added paper is related to ${pointing}`
      );
    })
    .join('\n');
}
