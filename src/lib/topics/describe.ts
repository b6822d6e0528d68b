/**
 * What a topic shows: its name (the corpus's most frequent way of writing the phrase), a few
 * key terms, and related topics.
 */
import type { CandidateStats } from './candidates.ts';
import { isEligible } from './candidates.ts';
import type { Corpus } from './corpus.ts';
import { mostFrequent } from './corpus.ts';
import { PhraseMatcher } from './matcher.ts';
import type { Member } from './membership.ts';
import { titleCase } from './naming.ts';
import { casingFor, stemForms } from './forms.ts';
import type { Centroid } from './vectors.ts';
import { appendTo } from './collections.ts';

/**
 * A phrase written before a noun ("gravitational wave detectors") counts less toward the
 * name than the phrase standing as a noun ("gravitational waves"), so names take the form a
 * heading would: "Gravitational Waves", "Labour Markets".
 */
const MODIFIER_FORM_WEIGHT = 0.3;

/**
 * How the corpus writes each key: lowercase surface → weighted count. Occurrences that go through an
 * expanded acronym do not count ("VLA models" is not a way of writing the long form).
 */
export function collectSurfaces(corpus: Corpus, keys: Iterable<string>): Map<string, Map<string, number>> {
  const matcher = new PhraseMatcher(keys, corpus.vocabulary);
  const surfaces = new Map<string, Map<string, number>>();
  for (const paper of corpus.papers) {
    for (const field of [paper.title, paper.abstract]) {
      matcher.scan(field, (key, start, end, expanded) => {
        if (expanded) return;
        let surface = field.surface(start);
        for (let i = start + 1; i <= end; i++) surface += ` ${field.surface(i)}`;
        const counts = surfaces.get(key) ?? new Map<string, number>();
        const weight = field.isContentHead(end + 1) ? MODIFIER_FORM_WEIGHT : 1;
        const lower = surface.toLowerCase();
        counts.set(lower, (counts.get(lower) ?? 0) + weight);
        surfaces.set(key, counts);
      });
    }
  }
  return surfaces;
}

/** The usual way of writing a key: its most frequent surface, else its acronym, else the key. */
function formOf(key: string, surfaces: ReadonlyMap<string, Map<string, number>>, corpus: Corpus): string {
  return mostFrequent(surfaces.get(key) ?? new Map()) ?? acronymFor(key, corpus) ?? key;
}

/** Names for keys: each key's usual form, title-cased, keeping the corpus's capitals ("LLMs"). */
export function namesFor(corpus: Corpus, keys: readonly string[]): string[] {
  const surfaces = collectSurfaces(corpus, keys);
  const forms = keys.map((key) => formOf(key, surfaces, corpus));
  const casing = casingFor(corpus, forms.flatMap((form) => form.toLowerCase().split(/[\s\-/]+/)));
  return forms.map((form) => titleCase(form, casing));
}

/** The acronym whose long form this key is (or starts with): "vision languag action model" → "VLA". */
export function acronymFor(key: string, corpus: Corpus): string | null {
  let best: string | null = null;
  for (const [acronym, longForm] of corpus.acronyms) {
    const long = longForm.join(' ');
    if (long.split(' ').length < 2) continue;
    if (key === long || key.startsWith(`${long} `)) {
      if (best === null || long.length > corpus.acronyms.get(best)!.join(' ').length) best = acronym;
    }
  }
  return best;
}

/** A key term must be shared by at least this share of the topic's papers. */
const MIN_TERM_SHARE = 0.25;

/** Words of web chrome and code links, never a topic's key term. */
const BOILERPLATE_STEMS: ReadonlySet<string> = new Set(['project', 'page', 'websit', 'github', 'code', 'url', 'http', 'https', 'www', 'com']);
/** First parts of hyphenated words ("multi-stage", "self-supervised"): not terms on their own. */
const PREFIX_STEMS: ReadonlySet<string> = new Set(['multi', 'self', 'non', 'pre', 'post', 'co', 're', 'sub', 'semi', 'cross', 'inter', 'intra', 'single', 'part']);
/** Key terms scoring under this share of the topic's best term, or under the floor, are left out: fewer terms beat filler. */
const MIN_TERM_SCORE_SHARE = 0.3;
const MIN_TERM_SCORE = 0.03;
const MAX_TERM_MODIFIER_SHARE = 0.6;

/**
 * How telling a term is for a topic: its share among the topic's papers times the log of how
 * much more common it is there than in the corpus (a term every paper uses tells nothing).
 */
function distinctiveness(topicShare: number, corpusShare: number): number {
  const lift = topicShare / Math.max(corpusShare, 1e-9);
  return lift <= 1 ? 0 : topicShare * Math.log(lift);
}

interface TermChoice {
  key: string;
  score: number;
  phrase: boolean;
}

/**
 * Key terms of each topic: phrases and words frequent among its members but rare elsewhere
 * (in-topic share × inverse document frequency), other than the words of its own name.
 * Returned as keys; `surfaceTerms` turns them into text.
 */
export function chooseKeyTerms(
  corpus: Corpus,
  candidates: ReadonlyMap<string, CandidateStats>,
  members: ReadonlyMap<string, Member[]>,
  matchers: ReadonlyMap<string, readonly string[]>,
  limit: number,
): Map<string, string[]> {
  const paperCount = corpus.papers.length;
  const phrases = keyTermPhrases(candidates);
  // Which candidate phrases (by index) and title terms each paper has, built once.
  const phrasesOfPaper: number[][] = corpus.papers.map(() => []);
  phrases.forEach((candidate, c) => {
    for (const paper of candidate.papers) phrasesOfPaper[paper]!.push(c);
  });
  const termIdOfStem = new Map(corpus.termNames.map((name, id) => [name, id]));
  const titleTerms = corpus.papers.map((paper) => new Set(Array.from(paper.title.stems, (id) => termIdOfStem.get(corpus.vocabulary.stems[id]!) ?? -1)));
  const termDf = new Int32Array(corpus.termNames.length);
  for (const paper of corpus.papers) for (const term of paper.vector.terms) termDf[term]!++;
  // Acronyms count through their long forms; as words they would say the same twice.
  const acronymWords = new Set([...corpus.acronyms.keys()].flatMap((acronym) => [acronym.toLowerCase(), `${acronym.toLowerCase()}s`]));

  const phraseCounts = new Int32Array(phrases.length);
  const wordCounts = new Int32Array(corpus.termNames.length);
  const result = new Map<string, string[]>();
  for (const [topic, list] of members) {
    const size = Math.max(1, list.length);
    const minCount = Math.max(size >= 3 ? 2 : 1, Math.ceil(MIN_TERM_SHARE * size));
    const ownStems = new Set((matchers.get(topic) ?? []).flatMap((key) => key.split(' ')));
    // Count in typed arrays, remembering what was touched to reset it cheaply.
    const touchedPhrases: number[] = [];
    const touchedTerms: number[] = [];
    for (const member of list) {
      for (const c of phrasesOfPaper[member.paper]!) if (phraseCounts[c]!++ === 0) touchedPhrases.push(c);
      // Words: present in members' abstracts, and more telling in their titles.
      const inTitle = titleTerms[member.paper]!;
      for (const term of corpus.papers[member.paper]!.vector.terms) {
        if (wordCounts[term] === 0) touchedTerms.push(term);
        wordCounts[term]! += inTitle.has(term) ? 2 : 1;
      }
    }
    const choices: TermChoice[] = [];
    for (const c of touchedPhrases) {
      const count = phraseCounts[c]!;
      phraseCounts[c] = 0;
      const candidate = phrases[c]!;
      if (count < minCount || candidate.key.split(' ').every((stem) => ownStems.has(stem))) continue;
      // A phrase no title uses is usually an expression ("project page"), not a term.
      if (count < 3 && !candidate.titleHits.some((hits) => hits > 0)) continue;
      choices.push({ key: candidate.key, score: 1.3 * distinctiveness(count / size, candidate.papers.length / paperCount), phrase: true });
    }
    for (const term of touchedTerms) {
      const count = wordCounts[term]!;
      wordCounts[term] = 0;
      const key = corpus.termNames[term]!;
      if (count < minCount + 1 || ownStems.has(key) || key.length < 3 || /\d/.test(key)) continue;
      if (BOILERPLATE_STEMS.has(key) || PREFIX_STEMS.has(key) || acronymWords.has(key)) continue;
      choices.push({ key, score: distinctiveness(Math.min(1, count / (2 * size)), termDf[term]! / paperCount), phrase: false });
    }
    choices.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const picked: string[] = [];
    for (const choice of choices) {
      if (picked.length >= limit || choice.score < Math.max(MIN_TERM_SCORE, MIN_TERM_SCORE_SHARE * choices[0]!.score)) break;
      // Skip a word or phrase already said by a chosen phrase, or that says it again.
      if (picked.some((other) => ` ${other} `.includes(` ${choice.key} `) || ` ${choice.key} `.includes(` ${other} `))) continue;
      picked.push(choice.key);
    }
    result.set(topic, picked);
  }
  return result;
}

/** Candidate phrases that may serve as key terms, in key order. */
function keyTermPhrases(candidates: ReadonlyMap<string, CandidateStats>): CandidateStats[] {
  return [...candidates.values()]
    .filter(
      (candidate) =>
        isEligible(candidate) &&
        candidate.stemCount >= 2 &&
        !candidate.key.split(' ').some((stem) => BOILERPLATE_STEMS.has(stem)) &&
        // Mostly the first half of a longer phrase ("few-shot class-incremental" learning).
        candidate.modifierOccurrences <= MAX_TERM_MODIFIER_SHARE * candidate.occurrences,
    )
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Text for key-term keys: a phrase as the corpus most often writes it, a word in its usual
 * form, with the corpus's capitals ("LLMs", "GPT-4").
 */
export function keyTermTexts(corpus: Corpus, keyLists: readonly (readonly string[])[]): string[][] {
  const keys = keyLists.flat();
  const surfaces = collectSurfaces(corpus, keys);
  const words = stemForms(corpus, keys.filter((key) => !surfaces.has(key)));
  const forms = new Map(keys.map((key) => [key, mostFrequent(surfaces.get(key) ?? new Map()) ?? words.get(key) ?? key]));
  const casing = casingFor(corpus, [...forms.values()].flatMap((form) => form.split(/[\s\-/]+/)));
  const withCase = (form: string) =>
    form
      .split(/([\s\-/]+)/)
      .map((part) => casing.get(part) ?? part)
      .join('');
  return keyLists.map((list) => list.map((key) => withCase(forms.get(key)!)));
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
  for (let i = 0, j = 0; i < a.terms.length && j < b.terms.length; ) {
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
    result.set(id, scored.slice(0, limit).map((entry) => entry.id));
  });
  return result;
}
