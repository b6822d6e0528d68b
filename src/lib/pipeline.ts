/**
 * The whole build-time pipeline over plain data: seed files in, papers and topics out.
 *
 *   parse (per file) → merge → render abstracts → topics → related
 *
 * No I/O and no Astro here: the content loader reads the files and stores the result.
 */
import type { Diagnostic, Paper, SeedRecord, Topic } from './types.ts';
import { parseSeedFile, type ParsedSeedFile } from './seeds/index.ts';
import { mergeRecords, type MergeResult } from './merge.ts';
import { renderAbstract, excerpt, type RenderedAbstract } from './text/render-abstract.ts';
import { discoverTopics, type TopicOverride } from './topics/index.ts';
import { rankRelated, withTopicReasons, type RankedPaper, type RankInput } from './related.ts';
import { formerAddresses } from './slug.ts';
import { analyseCorpus, type AnalysedCorpus } from './text/analysis/corpus.ts';
import { paperSearchTerms, SearchGlossary, type SearchTerms } from './search/index-terms.ts';

export interface SeedFile {
  /** Path relative to the seeds directory, used in messages and provenance. */
  name: string;
  bytes: Uint8Array;
}

export interface CorpusStats {
  files: number;
  records: number;
  papers: number;
  duplicates: number;
  missingAbstracts: number;
  topics: number;
  warnings: number;
  errors: number;
}

export interface Corpus {
  papers: Paper[];
  topics: Topic[];
  diagnostics: Diagnostic[];
  stats: CorpusStats;
  /** Milliseconds spent in each phase, for the build report and the benchmark. */
  timings: Record<'parse' | 'merge' | 'render' | 'topics' | 'related', number>;
}

export interface CorpusOptions {
  topicOverrides?: TopicOverride[];
  /** Problems met while reading the seeds folder (links out of it, unreadable files), reported with the rest. */
  readProblems?: Diagnostic[];
  /** Reuses the parse of an unchanged file (the loader keeps these between builds). */
  parseCache?: { get(file: SeedFile): ParsedSeedFile | undefined; set(file: SeedFile, parsed: ParsedSeedFile): void };
  /** Called as each phase starts, with how many files, records or papers it works on (a long build's progress). */
  onPhase?: (phase: keyof Corpus['timings'], items: number) => void;
}

function timed<T>(
  timings: Partial<Corpus['timings']>,
  phase: keyof Corpus['timings'],
  run: () => T,
  progress?: [CorpusOptions, number],
): T {
  progress?.[0].onPhase?.(phase, progress[1]);
  const start = performance.now();
  try {
    return run();
  } finally {
    timings[phase] = Math.round(performance.now() - start);
  }
}

/** Seed files parsed and merged: the first half of the pipeline. */
export interface ReadCorpus {
  files: readonly SeedFile[];
  parsed: ParsedSeedFile[];
  records: SeedRecord[];
  merged: MergeResult;
  timings: Partial<Corpus['timings']>;
}

/** Parses the seed files (reusing cached parses) and merges their records into papers. */
export function readCorpus(files: readonly SeedFile[], options: CorpusOptions = {}): ReadCorpus {
  const timings: Partial<Corpus['timings']> = {};
  const parsed = timed(
    timings,
    'parse',
    () =>
      files.map((file) => {
        const cached = options.parseCache?.get(file);
        if (cached) return cached;
        const result = parseSeedFile(file.bytes, file.name);
        options.parseCache?.set(file, result);
        return result;
      }),
    [options, files.length],
  );
  const records: SeedRecord[] = parsed.flatMap((p) => p.records);
  const merged = timed(timings, 'merge', () => mergeRecords(records), [options, records.length]);
  return { files, parsed, records, merged, timings };
}

/** What related papers are ranked from (rankRelated): a thread of its own can take it. */
export function relatedInputs({ merged }: ReadCorpus): RankInput[] {
  return merged.papers.map(({ id, title, abstract, authors }) => ({ id, title, abstract, authors }));
}

/** What the text alone gives, topics aside: related papers ranked, and (when worked out with them) search terms. */
export interface TextRanking {
  ranked: ReadonlyMap<string, readonly RankedPaper[]>;
  /** Each paper's search terms (paperSearchTerms) by id; completeCorpus works them out when absent. */
  searchTerms?: ReadonlyMap<string, SearchTerms>;
}

/**
 * Related papers and search terms from one analysis of the text: the work a thread beside topic
 * discovery can take (src/loaders/related-worker.ts), search terms included so that the pipeline's
 * last, single-threaded step (completeCorpus) is shorter.
 */
export function rankText(papers: readonly RankInput[]): Required<TextRanking> {
  const corpus = analyseCorpus(papers);
  const glossary = new SearchGlossary(corpus.glossary);
  return {
    ranked: rankRelated(papers, {}, corpus),
    searchTerms: new Map(papers.map((paper) => [paper.id, paperSearchTerms(paper, glossary)])),
  };
}

/**
 * The whole pipeline in this thread. The build's worker (src/loaders/pipeline-worker.ts) runs
 * the same steps with the ranking of related papers in a second thread, beside topics.
 */
export function buildCorpus(files: readonly SeedFile[], options: CorpusOptions = {}): Corpus {
  return finishCorpus(readCorpus(files, options), options);
}

/** The rest of the pipeline after readCorpus, in this thread: text, topics, related papers, papers. */
export function finishCorpus(read: ReadCorpus, options: CorpusOptions = {}): Corpus {
  const analysed = analyseText(read, options);
  const ranked = timed(read.timings, 'related', () => rankRelated(relatedInputs(read), {}, analysed.corpus), [
    options,
    read.merged.papers.length,
  ]);
  return completeCorpus(read, analysed, { ranked }, options);
}

/** Abstracts rendered, the text analysed, topics found: all but related papers. */
export interface AnalysedText {
  rendered: (RenderedAbstract | null)[];
  corpus: AnalysedCorpus;
  topics: Topic[];
  paperTopics: Map<string, string[]>;
}

export function analyseText(read: ReadCorpus, options: CorpusOptions = {}): AnalysedText {
  const { papers } = read.merged;
  const perPaper: [CorpusOptions, number] = [options, papers.length];
  const rendered = timed(
    read.timings,
    'render',
    () => papers.map((paper) => (paper.abstract === null ? null : renderAbstract(paper.abstract))),
    perPaper,
  );
  // The text is analysed once (counted as part of topics) for topics, related papers and search terms.
  return timed(
    read.timings,
    'topics',
    () => {
      const corpus = analyseCorpus(papers);
      return { rendered, corpus, ...discoverTopics(papers, options.topicOverrides ?? [], {}, corpus) };
    },
    perPaper,
  );
}

/** The papers as the pages read them: each with its rendered abstract, topics, related papers and search terms. */
export function completeCorpus(
  read: ReadCorpus,
  { rendered, corpus, topics, paperTopics }: AnalysedText,
  { ranked, searchTerms }: TextRanking,
  options: CorpusOptions = {},
): Corpus {
  const { merged, parsed, records, files } = read;
  const related = withTopicReasons(ranked, paperTopics);
  const formerIds = formerAddresses(merged.papers);
  let searchGlossary: SearchGlossary | undefined;
  const papers = merged.papers.map((paper, position): Paper => {
    const abstract = rendered[position];
    const formerId = formerIds.get(paper.id);
    return {
      ...paper,
      position,
      abstractHtml: abstract?.html ?? null,
      abstractText: abstract?.plain ?? null,
      summary: abstract ? excerpt(abstract.plain) : '',
      topics: paperTopics.get(paper.id) ?? [],
      related: related.get(paper.id) ?? [],
      links: abstract?.links ?? [],
      ...(formerId === undefined ? {} : { formerId }),
      searchTerms: searchTerms?.get(paper.id) ?? paperSearchTerms(paper, (searchGlossary ??= new SearchGlossary(corpus.glossary))),
    };
  });

  const diagnostics = [...(options.readProblems ?? []), ...parsed.flatMap((p) => p.diagnostics), ...merged.diagnostics];
  return {
    papers,
    topics,
    diagnostics,
    timings: read.timings as Corpus['timings'],
    stats: {
      files: files.length,
      records: records.length,
      papers: papers.length,
      duplicates: merged.duplicates,
      missingAbstracts: papers.filter((p) => p.abstract === null).length,
      topics: topics.length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
    },
  };
}

/** `seeds/file.txt:12: warning: …`, the form editors and terminals turn into links. */
export function formatDiagnostic(diagnostic: Diagnostic, seedsDir = ''): string {
  const path = seedsDir ? `${seedsDir.replace(/\/+$/, '')}/${diagnostic.file}` : diagnostic.file;
  const where = diagnostic.line ? `${path}:${diagnostic.line}` : path;
  return `${where}: ${diagnostic.severity}: ${diagnostic.message}`;
}

export function formatReport(stats: CorpusStats): string {
  return (
    `${stats.files} seed file(s), ${stats.records} listing(s) → ${stats.papers} paper(s) ` +
    `(${stats.duplicates} duplicate(s) merged, ${stats.missingAbstracts} without abstract), ` +
    `${stats.topics} topic(s); ${stats.warnings} warning(s), ${stats.errors} error(s)`
  );
}
