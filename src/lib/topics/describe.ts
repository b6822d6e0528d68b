/**
 * What a topic shows: its name (the corpus's usual way of writing the phrase, title-cased) and
 * related topics. Key terms: key-terms.ts.
 */
import type { AnalysedCorpus } from '../text/analysis/corpus.ts';
import { Spellings } from '../text/analysis/spelling.ts';
import { titleCase } from '../text/analysis/title-case.ts';
import { PhraseMatcher } from './matcher.ts';
import type { Member } from './membership.ts';
import type { Centroid } from './centroids.ts';
import { appendTo } from './collections.ts';

/**
 * A phrase written before a noun ("gravitational wave detectors") counts less toward the
 * name than the phrase standing as a noun ("gravitational waves"), so names take the form a
 * heading would: "Gravitational Waves", "Labour Markets".
 */
const MODIFIER_FORM_WEIGHT = 0.3;

/**
 * How the corpus writes each key, as weighted surfaces. Occurrences that go through an
 * expanded acronym count only if `withAcronyms` ("VLA models" is not a way of writing a
 * topic's name, but "RLHF" is a fine way of showing a key term).
 */
export function collectSpellings(corpus: AnalysedCorpus, keys: Iterable<string>, withAcronyms = false): Spellings {
  const matcher = new PhraseMatcher(keys, corpus.vocabulary);
  const spellings = new Spellings();
  for (const paper of corpus.papers) {
    for (const field of [paper.title, paper.abstract]) {
      matcher.scan(field, (key, start, end, expanded) => {
        if (expanded && !withAcronyms) return;
        let surface = field.surface(start);
        for (let i = start + 1; i <= end; i++) surface += ` ${field.surface(i)}`;
        spellings.add(key, surface, field.isContentHead(end + 1) ? MODIFIER_FORM_WEIGHT : 1);
      });
    }
  }
  return spellings;
}

/**
 * Names for keys: each key's usual form, else its acronym, else its usual form through acronyms
 * ("OpenVLA" for "open vision language action"), title-cased. Never the key itself: its words
 * are stems ("languag").
 */
export function namesFor(corpus: AnalysedCorpus, keys: readonly string[]): string[] {
  const spellings = collectSpellings(corpus, keys);
  const direct = keys.map((key) => spellings.best(key) ?? acronymFor(key, corpus));
  const unspelled = keys.filter((_, i) => direct[i] === null);
  const throughAcronyms = unspelled.length === 0 ? spellings : collectSpellings(corpus, unspelled, true);
  return keys.map((key, i) => titleCase(direct[i] ?? throughAcronyms.best(key) ?? key));
}

/** The acronym whose long form this key is (or starts with): "vision languag action model" → "VLA". */
export function acronymFor(key: string, corpus: AnalysedCorpus): string | null {
  let best: string | null = null;
  let bestLength = -1;
  for (const acronym of corpus.glossary.acronyms()) {
    const long = corpus.glossary.meaning(acronym)!.join(' ');
    if (!long.includes(' ')) continue;
    if ((key === long || key.startsWith(`${long} `)) && long.length > bestLength) {
      best = acronym;
      bestLength = long.length;
    }
  }
  return best;
}

/** Terms of a centroid used to compare topics: the heaviest, enough to tell topics apart. */
const RELATED_CENTROID_TERMS = 40;

/** The heaviest terms of a centroid, in term order, for a merge-join dot product. */
function topTerms(centroid: Centroid): { terms: number[]; weights: number[] } {
  const entries = [...centroid.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, RELATED_CENTROID_TERMS);
  entries.sort((a, b) => a[0] - b[0]);
  return { terms: entries.map(([term]) => term), weights: entries.map(([, weight]) => weight) };
}

function sparseDot(a: { terms: number[]; weights: number[] }, b: { terms: number[]; weights: number[] }): number {
  let dot = 0;
  for (let i = 0, j = 0; i < a.terms.length && j < b.terms.length;) {
    if (a.terms[i] === b.terms[j]) dot += a.weights[i++]! * b.weights[j++]!;
    else if (a.terms[i]! < b.terms[j]!) i++;
    else j++;
  }
  return dot;
}

/**
 * Related topics: shared papers (cosine of the member sets) plus half the similarity of the
 * centroids. Up to `limit`, most related first; unrelated topics are left out.
 */
export function relatedTopics(
  members: ReadonlyMap<string, Member[]>,
  centroids: ReadonlyMap<string, Centroid>,
  limit: number,
): Map<string, string[]> {
  const ids = [...members.keys()].sort();
  // Shared papers per pair, counted from each paper's (few) topics: no pass over all pairs of papers.
  const topicsOfPaper = new Map<number, number[]>();
  ids.forEach((id, i) => {
    for (const member of members.get(id)!) appendTo(topicsOfPaper, member.paper, i);
  });
  const shared = new Map<number, number>();
  for (const topics of topicsOfPaper.values()) {
    for (const a of topics) for (const b of topics) if (a !== b) shared.set(a * ids.length + b, (shared.get(a * ids.length + b) ?? 0) + 1);
  }
  const sizes = ids.map((id) => members.get(id)!.length);
  const tops = ids.map((id) => topTerms(centroids.get(id) ?? new Map()));
  const result = new Map<string, string[]>();
  ids.forEach((id, a) => {
    const scored: { id: string; score: number }[] = [];
    ids.forEach((other, b) => {
      if (a === b) return;
      const together = shared.get(a * ids.length + b) ?? 0;
      const similarity = sparseDot(tops[a]!, tops[b]!);
      if (together === 0 && similarity < 0.15) return;
      const sharedScore = sizes[a]! > 0 && sizes[b]! > 0 ? together / Math.sqrt(sizes[a]! * sizes[b]!) : 0;
      scored.push({ id: other, score: sharedScore + 0.5 * similarity });
    });
    scored.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1));
    result.set(
      id,
      scored.slice(0, limit).map((entry) => entry.id),
    );
  });
  return result;
}
