/**
 * A list of papers read once for every text-analysis stage (topics, related papers, search
 * terms): papers sorted by id (so input order never matters), each title and abstract read into
 * units with defined acronyms standing for their long forms, the corpus glossary of acronyms,
 * and TF-IDF vectors over stems.
 */
import type { PaperText } from '../../types.ts';
import { compareStrings } from '../../compare.ts';
import { acronymLookup, findAcronymDefinitions, Glossary, type AcronymDefinition } from './acronyms.ts';
import { expandAcronymsIn, toField, type Field } from './units.ts';
import { Vocabulary } from './vocabulary.ts';
import { latentDimensions, latentSpace, type LatentSpace } from './latent.ts';
import { inSample, textKey } from './hashed-sample.ts';
import { documentFrequencies, tfidfVector, type TermVector } from './weights.ts';
import { Lexicon, readWords, SENTENCE_END, withoutUrls, type Word } from './words.ts';
import { stem } from '../stem.ts';

export interface AnalysedPaper {
  id: string;
  /** Position in the id-sorted corpus. */
  index: number;
  title: Field;
  abstract: Field;
  /** TF-IDF over content stems (title stems count twice). */
  vector: TermVector;
  /**
   * Hyphenated compounds of each field as the one word the list also writes them as
   * ("multi-modal" → the stem of "multimodal", "pre-training" → that of "pretraining").
   */
  joined: { title: number[]; abstract: number[] };
}

export interface AnalysedCorpus {
  papers: AnalysedPaper[];
  glossary: Glossary;
  /** Stems (and stems of acronyms' long forms) as ids. */
  vocabulary: Vocabulary;
  /** By stem id: 1 for stems of content words (not stop words, generic words or numbers). */
  contentStems: Uint8Array;
  /** Papers using each stem id, as written or through an acronym. */
  stemPapers: Int32Array;
  /** Papers and stems in the term space learned from the corpus (latent.ts). */
  latent: LatentSpace;
}

/** Papers sorted by id, one per id (the first with the longest abstract wins a duplicate). */
export function canonicalPapers<T extends PaperText>(papers: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const paper of papers) {
    const existing = byId.get(paper.id);
    if (existing === undefined || (paper.abstract ?? '').length > (existing.abstract ?? '').length) byId.set(paper.id, paper);
  }
  return [...byId.values()].sort((a, b) => compareStrings(a.id, b.id));
}

/** Drops "(ACR)" after its long form; the next word continues the phrase if only ")" and spaces follow. */
function removeDefinitionSites(words: Word[], gaps: readonly string[], definitions: readonly AcronymDefinition[]): Word[] {
  if (definitions.length === 0) return words;
  const sites = new Set(definitions.map((definition) => definition.position));
  const kept: Word[] = [];
  words.forEach((word, i) => {
    if (sites.has(i)) return;
    if (sites.has(i - 1)) {
      const after = gaps[i]!.replace(/^\s*\)/, '');
      kept.push({ ...word, breakBefore: after.trim() !== '', hyphenated: false, sentenceStart: SENTENCE_END.test(after) });
    } else {
      kept.push(word);
    }
  });
  return kept;
}

/** One field read into words, with the acronyms it defines (their "(ACR)" sites removed). */
function readField(text: string, lexicon: Lexicon): { words: Word[]; text: string; definitions: AcronymDefinition[] } {
  const read = readWords(withoutUrls(text), lexicon);
  const definitions = findAcronymDefinitions(read.words, read.gaps);
  return { words: removeDefinitionSites(read.words, read.gaps, definitions), text: read.text, definitions };
}

export function analyseCorpus(input: readonly PaperText[]): AnalysedCorpus {
  const vocabulary = new Vocabulary();
  const lexicon = new Lexicon(vocabulary);
  // Words live only while their paper is read (a corpus has millions): fields keep compact arrays.
  const read = canonicalPapers(input).map((paper) => {
    const title = readField(paper.title, lexicon);
    const abstract = readField(paper.abstract ?? '', lexicon);
    return {
      id: paper.id,
      title: toField(title.text, title.words, true, lexicon),
      abstract: toField(abstract.text, abstract.words, false, lexicon),
      definitions: [...title.definitions, ...abstract.definitions],
    };
  });
  const glossary = new Glossary(read.map((paper) => paper.definitions));
  const fields = read.map((paper) => {
    const longFormOf = acronymLookup(glossary, new Map(paper.definitions.map((definition) => [definition.acronym, definition.longForm])));
    return {
      title: expandAcronymsIn(paper.title, longFormOf, vocabulary),
      abstract: expandAcronymsIn(paper.abstract, longFormOf, vocabulary),
    };
  });
  const joinedStem = joinedStems(lexicon);
  const joined = fields.map(({ title, abstract }) => ({ title: joinedStem(title), abstract: joinedStem(abstract) }));
  const content = lexicon.contentStemFlags();
  const terms = fields.map(({ title, abstract }, index) => {
    const paperTerms: number[] = [];
    // Title terms count twice.
    for (let twice = 0; twice < 2; twice++) {
      addContentStems(paperTerms, title, content);
      for (const id of joined[index]!.title) paperTerms.push(id);
    }
    addContentStems(paperTerms, abstract, content);
    for (const id of joined[index]!.abstract) paperTerms.push(id);
    return paperTerms;
  });
  const df = documentFrequencies(terms, vocabulary.size);
  const papers = read.map((paper, index): AnalysedPaper => ({
    id: paper.id,
    index,
    title: fields[index]!.title,
    abstract: fields[index]!.abstract,
    vector: tfidfVector(terms[index]!, df, read.length),
    joined: joined[index]!,
  }));
  let latent: LatentSpace | undefined;
  return {
    papers,
    glossary,
    vocabulary,
    contentStems: content,
    stemPapers: stemPapersOf(papers, vocabulary.size),
    // Learned when first read: related papers never read it, so a thread that only ranks them skips it.
    get latent() {
      return (latent ??= latentSpace(
        papers.map((paper) => paper.vector),
        vocabulary.size,
        latentDimensions(papers.length),
        Int32Array.from(vocabulary.stems, textKey),
        Int32Array.from(papers, (paper) => textKey(paper.id)),
      ));
    },
  };
}

/**
 * For a field, the stems of its hyphenated compounds written as one word, when some paper of
 * the list writes them so (its content stem is known): "multi-modal" meets "multimodality".
 */
function joinedStems(lexicon: Lexicon): (field: Field) => number[] {
  const known = lexicon.vocabulary.size;
  const content = lexicon.contentStemFlags();
  const cache = new Map<string, number>();
  return (field) => {
    const found: number[] = [];
    for (let unit = 0; unit < field.length; unit++) {
      if (field.stemCount(unit) < 2 || field.isExpanded(unit)) continue;
      const written = field.surface(unit);
      if (!HYPHEN.test(written)) continue;
      const word = written.toLowerCase().replace(HYPHENS, '');
      let id = cache.get(word);
      if (id === undefined) {
        id = lexicon.vocabulary.find(stem(word));
        if (id >= known || (id >= 0 && content[id] !== 1)) id = -1;
        cache.set(word, id);
      }
      if (id >= 0) found.push(id);
    }
    return found;
  };
}

const HYPHEN = /[-‐‑‒–]/u;
const HYPHENS = /[-‐‑‒–]/gu;

/** The acronyms a text defines ("… in-context learning (ICL) …"), read on their own. */
export function acronymDefinitions(text: string, lexicon = new Lexicon()): AcronymDefinition[] {
  return readField(text, lexicon).definitions;
}

/** The glossary of some papers' titles and abstracts, without the rest of the analysis. */
export function glossaryOf(papers: readonly Pick<PaperText, 'title' | 'abstract'>[]): Glossary {
  const lexicon = new Lexicon();
  return new Glossary(
    papers.map((paper) => [...acronymDefinitions(paper.title, lexicon), ...acronymDefinitions(paper.abstract ?? '', lexicon)]),
  );
}

/** Appends the field's content stems to `terms`, unit by unit (an expanded acronym's written stems after its long form's). */
function addContentStems(terms: number[], field: Field, content: Uint8Array): void {
  const hasRaw = field.rawStems.size > 0;
  for (let i = 0; i < field.length; i++) {
    for (let s = field.stemOffsets[i]!; s < field.stemOffsets[i + 1]!; s++) if (content[field.stems[s]!] === 1) terms.push(field.stems[s]!);
    if (hasRaw) for (const id of field.rawStems.get(i) ?? []) if (content[id] === 1) terms.push(id);
  }
}

/**
 * About one paper in `step` (chosen by a hash of its id: hashed-sample.ts) as a corpus of its
 * own, for stages that learn something from a large list and then apply it to every paper:
 * papers are renumbered, their rows of the term space kept; vocabulary, glossary and term space
 * are the whole corpus's.
 */
export function hashedSample(corpus: AnalysedCorpus, step: number): AnalysedCorpus {
  if (step <= 1) return corpus;
  const picked = corpus.papers.filter((paper) => inSample(textKey(paper.id), step));
  const papers = picked.map((paper, index) => ({ ...paper, index }));
  const { dimensions: d } = corpus.latent;
  const rows = new Float64Array(picked.length * d);
  picked.forEach((paper, i) => rows.set(corpus.latent.papers.subarray(paper.index * d, (paper.index + 1) * d), i * d));
  const latent = {
    ...corpus.latent,
    papers: rows,
    paperNorms: Float64Array.from(picked, (paper) => corpus.latent.paperNorms[paper.index] ?? 0),
  };
  return { ...corpus, papers, latent, stemPapers: stemPapersOf(papers, corpus.vocabulary.size) };
}

/** Papers per stem id over both fields (an expanded acronym counts for its long form's stems). */
function stemPapersOf(papers: readonly AnalysedPaper[], stemCount: number): Int32Array {
  const counts = new Int32Array(stemCount);
  const last = new Int32Array(stemCount).fill(-1);
  for (const paper of papers) {
    for (const field of [paper.title, paper.abstract]) {
      for (const id of field.stems) {
        if (last[id] !== paper.index) {
          last[id] = paper.index;
          counts[id]!++;
        }
      }
    }
  }
  return counts;
}
