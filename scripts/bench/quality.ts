/**
 * `npm run bench:quality`: how far related papers and topics agree with a researcher's
 * judgements (tests/fixtures/judgements/), on the real seeds and on hand-written lists from
 * other fields.
 *
 * - Related papers: precision@5, the share of judged (paper, partner) pairs whose partner is
 *   among the first five related papers shown for the paper.
 * - Topics: pair agreement, the share of judged pairs that share a topic when they should
 *   ("share") and share none when they should not ("apart").
 *
 * Every list goes through the real pipeline (`buildCorpus`), as seed text, so ids, topics and
 * related papers are exactly those of a built site. `measureQuality` returns the figures;
 * run directly, this prints them.
 */
import { fileURLToPath } from 'node:url';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import type { Paper, Topic } from '../../src/lib/types.ts';
import { asSeedFile, OTHER_LISTS, readJudgements, seedFiles, type JudgementFile, type OtherList, type Pair } from './judged-lists.ts';
import { formatChurn, measureChurn } from './churn.ts';

export { OTHER_LISTS } from './judged-lists.ts';

const SHOWN_RELATED = 5;

/** Goals (issue 13): on the seeds, and on the lists from other fields and a day's listing. */
export const QUALITY_GOALS = { seeds: 0.95, others: 0.9 } as const;

interface Floor {
  related: number;
  topics: number;
}

const AT_GOAL: Floor = { related: QUALITY_GOALS.others, topics: QUALITY_GOALS.others };

/**
 * What tests/unit/quality.test.ts holds the figures to: the goals, or where a goal is not met
 * yet, the figure measured when this was written, so that none can drop unnoticed.
 */
export const QUALITY_FLOORS: Record<'seeds' | OtherList, Floor> = {
  // Topic pairs above the goal; related papers not yet at it.
  seeds: { related: 0.922, topics: 0.958 },
  'five-fields': AT_GOAL,
  'day-listing': AT_GOAL,
  'mixed-fields': AT_GOAL,
  // Topics below the goal: two subjects of two papers that name no phrase alike (benchmarks,
  // robot policies), a 3D-vision paper that shares no phrase with the two on Gaussians, and
  // a speech and a quantization paper both in "Large Language Models".
  'day-listing-b': { related: QUALITY_GOALS.others, topics: 0.878 },
  'day-listing-c': AT_GOAL,
  // Topics below the goal (84.7% as it arrived): subjects no phrase names alike (checkpoint
  // blockade), a paper without abstract, and subjects still split over topics (Cas9, Genome
  // Engineering, Genome Editing; mRNA and SARS-CoV-2).
  'field-list-d': { related: QUALITY_GOALS.others, topics: 0.865 },
};

export interface Score {
  agreed: number;
  total: number;
  /** agreed / total, rounded to 3 decimals. */
  share: number;
  /** The judgements not met, as "a → b (reason)". */
  misses: string[];
}

export interface ListQuality {
  list: string;
  papers: number;
  related: Score;
  topicsShare: Score;
  topicsApart: Score;
  /** Both kinds of topic pairs together. */
  topics: Score;
  topicList: { name: string; papers: number }[];
  /** Papers that fit no topic ("Other papers" on /topics/). */
  otherPapers: number;
}

function score(results: { ok: boolean; label: string }[]): Score {
  const agreed = results.filter((result) => result.ok).length;
  return {
    agreed,
    total: results.length,
    share: results.length === 0 ? 1 : Math.round((agreed / results.length) * 1000) / 1000,
    misses: results.filter((result) => !result.ok).map((result) => result.label),
  };
}

function evaluate(
  list: string,
  judgements: JudgementFile,
  papers: readonly Paper[],
  topics: readonly Topic[],
  idOf: (id: string) => string,
): ListQuality {
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  const paper = (id: string) => {
    const found = byId.get(idOf(id));
    if (found === undefined) throw new Error(`${list}: judged paper "${id}" is not in the list`);
    return found;
  };
  const related = score(
    judgements.related.map(([a, b, reason]) => ({
      ok: paper(a)
        .related.slice(0, SHOWN_RELATED)
        .some((entry) => entry.id === idOf(b)),
      label: `${a} → ${b} (${reason})`,
    })),
  );
  const shareTopic = (a: string, b: string) => paper(a).topics.some((topic) => paper(b).topics.includes(topic));
  const topicPairs = (pairs: Pair[], wanted: boolean) =>
    pairs.map(([a, b, reason]) => ({ ok: shareTopic(a, b) === wanted, label: `${a} ${wanted ? '+' : '−'} ${b} (${reason})` }));
  const share = topicPairs(judgements.topics.share, true);
  const apart = topicPairs(judgements.topics.apart, false);
  return {
    list,
    papers: papers.length,
    related,
    topicsShare: score(share),
    topicsApart: score(apart),
    topics: score([...share, ...apart]),
    topicList: topics.map((topic) => ({ name: topic.name, papers: topic.papers.length })),
    otherPapers: papers.filter((p) => p.topics.length === 0).length,
  };
}

/** The seeds, judged by paper id (their stable slugs). */
export function measureSeeds(): ListQuality {
  const judgements = readJudgements('seeds');
  const corpus = buildCorpus(seedFiles());
  return evaluate('seeds', judgements, corpus.papers, corpus.topics, (id) => id);
}

/** A hand-written list, judged by its own short ids (mapped to the built papers by title). */
export function measureList(name: string): ListQuality {
  const judgements = readJudgements(name);
  const inline = judgements.papers ?? [];
  const corpus = buildCorpus([asSeedFile(inline)]);
  const idByTitle = new Map(corpus.papers.map((paper) => [paper.title, paper.id]));
  const ids = new Map(inline.map((paper) => [paper.id, idByTitle.get(paper.title) ?? `missing:${paper.id}`]));
  return evaluate(name, judgements, corpus.papers, corpus.topics, (id) => ids.get(id) ?? id);
}

export function measureQuality(): ListQuality[] {
  return [measureSeeds(), ...OTHER_LISTS.map(measureList)];
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function againstGoal(result: ListQuality): string {
  const goal = result.list === 'seeds' ? QUALITY_GOALS.seeds : QUALITY_GOALS.others;
  const met = result.related.share >= goal && result.topics.share >= goal;
  return met ? `goal ${percent(goal)} met` : `goal ${percent(goal)} NOT met`;
}

export function formatQuality(results: readonly ListQuality[]): string {
  const lines: string[] = [];
  for (const result of results) {
    const { related, topicsShare, topicsApart, topics } = result;
    lines.push(
      `${result.list} (${result.papers} papers): related P@5 ${percent(related.share)} (${related.agreed}/${related.total}); ` +
        `topic pairs ${percent(topics.share)} (share ${topicsShare.agreed}/${topicsShare.total}, apart ${topicsApart.agreed}/${topicsApart.total}); ${againstGoal(result)}`,
    );
    lines.push(
      `  topics: ${result.topicList.map((topic) => `${topic.name} (${topic.papers})`).join(', ') || 'none'}; other papers: ${result.otherPapers}`,
    );
    for (const miss of [...related.misses, ...topics.misses]) lines.push(`  miss: ${miss}`);
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(formatQuality(measureQuality()));
  console.log(formatChurn(measureChurn()));
}
