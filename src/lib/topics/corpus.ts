/**
 * The corpus as topic discovery sees it: papers sorted by id (so input order never matters),
 * read into units with acronyms expanded, plus TF-IDF vectors and the casing the corpus
 * uses for words like "LLMs" or "ChatGPT".
 */
import type { PaperText } from '../types.ts';
import { analysePaper, StemCache, type AnalysedPaper } from './analyse.ts';
import { corpusAcronyms, expandAcronyms } from './acronyms.ts';
import { toUnits, Vocabulary, type Unit } from './units.ts';
import { documentFrequencies, tfidfVector, type TermVector } from './vectors.ts';
import { hasMarkedCase } from './naming.ts';

export interface CorpusPaper {
  id: string;
  index: number;
  title: Unit[];
  abstract: Unit[];
  vector: TermVector;
}

export interface Corpus {
  papers: CorpusPaper[];
  /** Acronym → stems of its long form. */
  acronyms: Map<string, readonly string[]>;
  /** Lowercase word → the marked form the corpus writes it in ("llms" → "LLMs"). */
  casing: Map<string, string>;
  /** Stem → its most frequent lowercase surface ("demonstr" → "demonstrations"). */
  stemSurfaces: Map<string, string>;
  /** Term id → stem, for vectors. */
  termNames: string[];
  /** Stems of key phrases, as ids. */
  vocabulary: Vocabulary;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Papers sorted by id, one per id (the first with the longest abstract wins a duplicate). */
export function canonicalPapers(papers: readonly PaperText[]): PaperText[] {
  const byId = new Map<string, PaperText>();
  for (const paper of papers) {
    const existing = byId.get(paper.id);
    if (existing === undefined || (paper.abstract ?? '').length > (existing.abstract ?? '').length) byId.set(paper.id, paper);
  }
  return [...byId.values()].sort((a, b) => compareStrings(a.id, b.id));
}

export function buildCorpus(input: readonly PaperText[]): Corpus {
  const stems = new StemCache();
  const analysed = canonicalPapers(input).map((paper, index) => analysePaper(paper, index, stems));
  const acronyms = corpusAcronyms(analysed.map((paper) => paper.definitions));

  const termIds = new Map<string, number>();
  const termNames: string[] = [];
  const internTerm = (term: string) => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = termNames.length;
      termIds.set(term, id);
      termNames.push(term);
    }
    return id;
  };
  const documents = analysed.map((paper) => paper.terms.map(internTerm));
  const df = documentFrequencies(documents);

  const vocabulary = new Vocabulary();
  const papers = analysed.map((paper, i): CorpusPaper => {
    const own = new Map(paper.definitions.map((definition) => [definition.acronym, definition.longForm]));
    return {
      id: paper.id,
      index: paper.index,
      title: toUnits(expandAcronyms(paper.title, acronyms, own), true, vocabulary),
      abstract: toUnits(expandAcronyms(paper.abstract, acronyms, own), false, vocabulary),
      vector: tfidfVector(documents[i]!, df, analysed.length),
    };
  });
  return { papers, acronyms, casing: corpusCasing(analysed), stemSurfaces: stemSurfaces(analysed), termNames, vocabulary };
}

/**
 * The case to keep for words the corpus writes with marked capitals. Running text decides
 * (titles capitalise everything); a word seen only in titles keeps a marked form it has there.
 */
function corpusCasing(papers: readonly AnalysedPaper[]): Map<string, string> {
  const tallies = new Map<string, { total: number; forms: Map<string, number> }>();
  const count = (lower: string, surface: string) => {
    const tally = tallies.get(lower) ?? { total: 0, forms: new Map<string, number>() };
    tally.total++;
    if (hasMarkedCase(surface)) tally.forms.set(surface, (tally.forms.get(surface) ?? 0) + 1);
    tallies.set(lower, tally);
  };
  for (const paper of papers) for (const word of paper.abstract) count(word.lower, word.surface);
  const titleTallies = new Map<string, Map<string, number>>();
  for (const paper of papers) {
    for (const word of paper.title) {
      if (tallies.has(word.lower) || !hasMarkedCase(word.surface)) continue;
      const forms = titleTallies.get(word.lower) ?? new Map<string, number>();
      forms.set(word.surface, (forms.get(word.surface) ?? 0) + 1);
      titleTallies.set(word.lower, forms);
    }
  }
  const casing = new Map<string, string>();
  for (const [lower, { total, forms }] of tallies) {
    const best = mostFrequent(forms);
    if (best !== null && forms.get(best)! * 2 >= total) casing.set(lower, best);
  }
  for (const [lower, forms] of titleTallies) {
    const best = mostFrequent(forms);
    if (best !== null) casing.set(lower, best);
  }
  return casing;
}

function stemSurfaces(papers: readonly AnalysedPaper[]): Map<string, string> {
  const forms = new Map<string, Map<string, number>>();
  for (const paper of papers) {
    for (const word of [...paper.title, ...paper.abstract]) {
      const counts = forms.get(word.stem) ?? new Map<string, number>();
      counts.set(word.lower, (counts.get(word.lower) ?? 0) + 1);
      forms.set(word.stem, counts);
    }
  }
  const result = new Map<string, string>();
  for (const [stem, counts] of forms) result.set(stem, mostFrequent(counts)!);
  return result;
}

/** The most frequent key; ties go to the alphabetically first. */
export function mostFrequent(counts: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let bestCount = -1;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && compareStrings(value, best!) < 0)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}
