/**
 * Runs the pipeline once per set of inputs and publishes its result for the pages
 * (src/build-session.ts), and keeps parsed seed files in a cache so an unchanged file is not
 * parsed again.
 */
import type { LoaderContext } from 'astro/loaders';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic, formatReport, type Corpus, type SeedFile } from '../lib/pipeline.ts';
import type { TopicOverride } from '../lib/topics/index.ts';
import type { Diagnostic } from '../lib/types.ts';
import { readSeedFiles } from './read-seeds.ts';
import { runPipelineThread } from './pipeline-thread.ts';
import { recordBuildFigures } from '../integrations/build-report.ts';
import { loadTopicFiles, topicOverride } from './topic-files.ts';
import { buildSession } from '../build-session.ts';
import { inputDigest } from './digest.ts';

export interface CorpusSource {
  /** Seed directory, relative to the project root. */
  seedsDir: string;
  /** Curator topic files (MDX), relative to the project root. */
  topicsDir: string;
}

/**
 * What the pipeline needs of Astro: the project's folders and a logger. A content loader has them,
 * and so has an integration while the config is set up, before the loaders run (corpus-early.ts).
 */
export type CorpusContext = Pick<LoaderContext, 'config' | 'logger'>;

/** The folders a source reads, as absolute paths. */
export function sourceFolders(source: CorpusSource, context: Pick<CorpusContext, 'config'>): { seedsDir: string; topicsDir: string } {
  const root = fileURLToPath(context.config.root);
  return { seedsDir: resolve(root, source.seedsDir), topicsDir: resolve(root, source.topicsDir) };
}

/**
 * Starts the pipeline for the current inputs, unless it ran (or runs) for them already, and
 * publishes its result to the pages (src/build-session.ts); returns the inputs' digest (`key`)
 * at once. The build goes on (types, bundling) while the pipeline runs in its worker thread; the
 * pages wait for the corpus, and a pipeline that fails fails the build there.
 */
export async function loadCorpus(source: CorpusSource, context: CorpusContext): Promise<{ key: string; corpus: Promise<Corpus> }> {
  const root = fileURLToPath(context.config.root);
  const { seedsDir, topicsDir } = sourceFolders(source, context);
  const [{ files, diagnostics: readProblems }, topicFiles] = await Promise.all([readSeedFiles(seedsDir), loadTopicFiles(topicsDir)]);
  const overrides = topicFiles.map(topicOverride);
  const digests = new Map(files.map((file) => [file.name, inputDigest(file.bytes)]));
  const key = inputDigest({
    seedsDir,
    digests: [...digests],
    overrides: JSON.stringify(overrides),
    readProblems: JSON.stringify(readProblems),
  });
  const session = buildSession();
  if (session.corpus?.key !== key) {
    const input = { files, readProblems, digests, overrides, seedsDir: relative(root, seedsDir) || '.' };
    const corpus = runPipeline(input, context);
    // Whoever awaits it sees a failure; nobody awaiting it yet is not an unhandled rejection.
    corpus.catch(() => {});
    session.corpus = { key, corpus };
  }
  return session.corpus;
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
  { config, logger }: CorpusContext,
): Promise<Corpus> {
  const cachePath = fileURLToPath(new URL('reading-list/parsed-seeds.json', config.cacheDir));
  const job = { files, readProblems, digests: [...digests], overrides, cachePath };
  const { corpus, reused } = await runPipelineThread(job, (message) => logger.info(message));
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
