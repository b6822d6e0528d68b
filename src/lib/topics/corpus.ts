/**
 * The corpus as topic discovery sees it: papers sorted by id (so input order never matters),
 * read into units with acronyms expanded, plus TF-IDF vectors.
 */
import type { PaperText } from '../types.ts';
import { analysePaper, Lexicon } from './analyse.ts';
import { acronymLookup, corpusAcronyms } from './acronyms.ts';
import { expandAcronymsIn, toField, Vocabulary, type Field } from './units.ts';
import { documentFrequencies, tfidfVector, type TermVector } from './vectors.ts';
import { compareStrings } from '../compare.ts';

export interface CorpusPaper {
  id: string;
  index: number;
  title: Field;
  abstract: Field;
  vector: TermVector;
}

export interface Corpus {
  papers: CorpusPaper[];
  /** Acronym → stems of its long form. */
  acronyms: Map<string, readonly string[]>;
  /** Term id → stem, for vectors (term ids are vocabulary ids). */
  termNames: readonly string[];
  /** Stems of key phrases, as ids. */
  vocabulary: Vocabulary;
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
  const vocabulary = new Vocabulary();
  const lexicon = new Lexicon(vocabulary);
  // Words live only while their paper is read (a corpus has millions): fields keep compact arrays.
  const read = canonicalPapers(input).map((paper, index) => {
    const analysed = analysePaper(paper, index, lexicon);
    return {
      id: analysed.id,
      title: toField(analysed.titleText, analysed.title, true),
      abstract: toField(analysed.abstractText, analysed.abstract, false),
      terms: analysed.terms,
      definitions: analysed.definitions,
    };
  });
  const acronyms = corpusAcronyms(read.map((paper) => paper.definitions));
  const df = documentFrequencies(read.map((paper) => paper.terms));

  const papers = read.map((paper, index): CorpusPaper => {
    const longFormOf = acronymLookup(acronyms, new Map(paper.definitions.map((definition) => [definition.acronym, definition.longForm])));
    return {
      id: paper.id,
      index,
      title: expandAcronymsIn(paper.title, longFormOf, vocabulary),
      abstract: expandAcronymsIn(paper.abstract, longFormOf, vocabulary),
      vector: tfidfVector(paper.terms, df, read.length),
    };
  });
  return { papers, acronyms, termNames: vocabulary.stems, vocabulary };
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
