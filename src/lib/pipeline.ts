/**
 * The whole build-time pipeline over plain data: seed files in, papers and topics out.
 *
 *   parse (per file) → merge → render abstracts → topics → related
 *
 * No I/O and no Astro here: the content loader reads the files and stores the result.
 */
import type { Diagnostic, Paper, SeedRecord, Topic } from './types.ts';
import { parseSeedFile, type ParsedSeedFile } from './seeds/index.ts';
import { mergeRecords } from './merge.ts';
import { renderAbstract, excerpt } from './text/render-abstract.ts';
import { discoverTopics, type TopicOverride } from './topics/index.ts';
import { computeRelated } from './related.ts';
import { formerAddresses } from './slug.ts';
import { analyseCorpus } from './text/analysis/corpus.ts';
import { paperSearchTerms, SearchGlossary } from './search/index-terms.ts';

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

export function buildCorpus(files: readonly SeedFile[], options: CorpusOptions = {}): Corpus {
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
  const perPaper: [CorpusOptions, number] = [options, merged.papers.length];

  const rendered = timed(
    timings,
    'render',
    () => merged.papers.map((paper) => (paper.abstract === null ? null : renderAbstract(paper.abstract))),
    perPaper,
  );
  // The text is analysed once (counted as part of topics) for topics, related papers and search terms.
  const { analysed, topics, paperTopics } = timed(
    timings,
    'topics',
    () => {
      const analysed = analyseCorpus(merged.papers);
      return { analysed, ...discoverTopics(merged.papers, options.topicOverrides ?? [], {}, analysed) };
    },
    perPaper,
  );
  const related = timed(
    timings,
    'related',
    () =>
      computeRelated(
        merged.papers.map((p) => ({ ...p, topics: paperTopics.get(p.id) ?? [] })),
        {},
        analysed,
      ),
    perPaper,
  );

  const formerIds = formerAddresses(merged.papers);
  const searchGlossary = new SearchGlossary(analysed.glossary);
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
      searchTerms: paperSearchTerms(paper, searchGlossary),
    };
  });

  const diagnostics = [...(options.readProblems ?? []), ...parsed.flatMap((p) => p.diagnostics), ...merged.diagnostics];
  return {
    papers,
    topics,
    diagnostics,
    timings: timings as Corpus['timings'],
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
