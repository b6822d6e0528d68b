/**
 * Runs the pipeline once per set of inputs and publishes its result for the pages
 * (src/build-session.ts), and keeps parsed seed files in a cache so an unchanged file is not
 * parsed again.
 */
import type { LoaderContext } from 'astro/loaders';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus, formatDiagnostic, formatReport, type Corpus, type SeedFile } from '../lib/pipeline.ts';
import type { TopicOverride } from '../lib/topics/index.ts';
import type { Diagnostic } from '../lib/types.ts';
import { readSeedFiles } from './read-seeds.ts';
import { ParseCache } from './parse-cache.ts';
import { recordBuildFigures } from '../integrations/build-report.ts';
import { loadTopicFiles, topicOverride } from './topic-files.ts';
import { buildSession } from '../build-session.ts';

export interface CorpusSource {
  /** Seed directory, relative to the project root. */
  seedsDir: string;
  /** Curator topic files (MDX), relative to the project root. */
  topicsDir: string;
}

/** The folders a source reads, as absolute paths. */
export function sourceFolders(source: CorpusSource, context: LoaderContext): { seedsDir: string; topicsDir: string } {
  const root = fileURLToPath(context.config.root);
  return { seedsDir: resolve(root, source.seedsDir), topicsDir: resolve(root, source.topicsDir) };
}

/** The corpus for the current inputs, with their digest (`key`): computed once per set of inputs, published to the pages. */
export async function loadCorpus(source: CorpusSource, context: LoaderContext): Promise<{ key: string; corpus: Corpus }> {
  const root = fileURLToPath(context.config.root);
  const { seedsDir, topicsDir } = sourceFolders(source, context);
  const [{ files, diagnostics: readProblems }, topicFiles] = await Promise.all([
    readSeedFiles(seedsDir),
    loadTopicFiles(topicsDir, context),
  ]);
  const overrides = topicFiles.map(topicOverride);
  const digests = new Map(files.map((file) => [file.name, context.generateDigest(Buffer.from(file.bytes).toString('latin1'))]));
  const key = context.generateDigest({
    seedsDir,
    digests: [...digests],
    overrides: JSON.stringify(overrides),
    readProblems: JSON.stringify(readProblems),
  });
  const session = buildSession();
  if (session.corpus?.key !== key) {
    const input = { files, readProblems, digests, overrides, seedsDir: relative(root, seedsDir) || '.' };
    session.corpus = { key, corpus: runPipeline(input, context) };
  }
  return { key, corpus: await session.corpus.corpus };
}

interface PipelineInput {
  files: SeedFile[];
  /** Files the seeds folder holds but could not give (links out of it, unreadable files). */
  readProblems: Diagnostic[];
  digests: Map<string, string>;
  overrides: TopicOverride[];
  /** As the user sees it, for messages they can click. */
  seedsDir: string;
}

async function runPipeline(
  { files, readProblems, digests, overrides, seedsDir }: PipelineInput,
  { config, logger }: LoaderContext,
): Promise<Corpus> {
  const cache = await ParseCache.open(fileURLToPath(new URL('reading-list/parsed-seeds.json', config.cacheDir)));
  const corpus = buildCorpus(files, {
    topicOverrides: overrides,
    readProblems,
    parseCache: {
      get: (file) => cache.get(file.name, digests.get(file.name)!),
      set: (file, parsed) => cache.set(file.name, digests.get(file.name)!, parsed),
    },
  });
  await cache.save(files.map((file) => file.name));
  const reused = cache.reused;
  for (const diagnostic of corpus.diagnostics) {
    const message = formatDiagnostic(diagnostic, seedsDir);
    if (diagnostic.severity === 'error') logger.error(message);
    else logger.warn(message);
  }
  logger.info(formatReport(corpus.stats) + (reused ? ` (${reused} unchanged file(s) not reparsed)` : ''));
  logger.info(
    `pipeline: ${Object.entries(corpus.timings)
      .map(([phase, ms]) => `${phase} ${ms} ms`)
      .join(', ')}`,
  );
  recordBuildFigures(config.cacheDir, 'pipeline', { ...corpus.stats, unchangedFiles: reused, timings: corpus.timings });
  if (corpus.papers.length === 0) {
    throw new Error(`No papers found in "${seedsDir}": ${formatReport(corpus.stats)}. See the messages above.`);
  }
  return corpus;
}
