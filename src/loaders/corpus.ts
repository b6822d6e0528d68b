/**
 * Runs the pipeline once per set of inputs and publishes its result for the pages
 * (src/build-session.ts), and keeps parsed seed files in a cache so an unchanged file is not
 * parsed again. With `PIPELINE_RESULT`, the result is read from that file when it was saved for
 * the same inputs (saved-corpus.ts), and saved there when it was not.
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
import { readSavedCorpus, saveCorpus } from './saved-corpus.ts';

export interface CorpusSource {
  /** Seed directory, relative to the project root. */
  seedsDir: string;
  /** Curator topic files (MDX), relative to the project root. */
  topicsDir: string;
  /** A file for the pipeline's result (`PIPELINE_RESULT`), relative to the project root; none by default. */
  pipelineResult?: string | null;
}

/**
 * What the pipeline needs of Astro: the project's folders and a logger. A content loader has them,
 * and so has an integration while the config is set up, before the loaders run (corpus-early.ts).
 */
export type CorpusContext = Pick<LoaderContext, 'config' | 'logger'>;

/** What running the pipeline needs of that context: where Astro caches, and a logger. */
export interface PipelineContext {
  cacheDir: URL;
  logger: Pick<CorpusContext['logger'], 'info' | 'warn' | 'error'>;
}

/** The folders a source reads, as absolute paths, from the project's root folder (or its Astro config). */
export function sourceFolders(source: CorpusSource, root: string | Pick<CorpusContext, 'config'>): { seedsDir: string; topicsDir: string } {
  const folder = typeof root === 'string' ? root : fileURLToPath(root.config.root);
  return { seedsDir: resolve(folder, source.seedsDir), topicsDir: resolve(folder, source.topicsDir) };
}

/** The pipeline's inputs as read from the source's folders, and their digest (`key`). */
export async function readInputs(source: CorpusSource, root: string): Promise<{ key: string; input: PipelineInput }> {
  const { seedsDir, topicsDir } = sourceFolders(source, root);
  const [{ files, diagnostics: readProblems }, topicFiles] = await Promise.all([readSeedFiles(seedsDir), loadTopicFiles(topicsDir)]);
  const overrides = topicFiles.map(topicOverride);
  const digests = new Map(files.map((file) => [file.name, inputDigest(file.bytes)]));
  const shownSeedsDir = relative(root, seedsDir) || '.';
  // The folder as the project names it, not its absolute path: a checkout elsewhere (another CI
  // job of a sharded build) reads the same saved result.
  const key = inputDigest({
    seedsDir: shownSeedsDir,
    digests: [...digests],
    overrides: JSON.stringify(overrides),
    readProblems: JSON.stringify(readProblems),
  });
  return { key, input: { files, readProblems, digests, overrides, seedsDir: shownSeedsDir } };
}

/**
 * Starts the pipeline for the current inputs, unless it ran (or runs) for them already, and
 * publishes its result to the pages (src/build-session.ts); returns the inputs' digest (`key`)
 * at once. The build goes on (types, bundling) while the pipeline runs in its worker thread; the
 * pages wait for the corpus, and a pipeline that fails fails the build there.
 */
export async function loadCorpus(source: CorpusSource, context: CorpusContext): Promise<{ key: string; corpus: Promise<Corpus> }> {
  const root = fileURLToPath(context.config.root);
  const { key, input } = await readInputs(source, root);
  const session = buildSession();
  if (session.corpus?.key !== key) {
    const pipeline = { cacheDir: context.config.cacheDir, logger: context.logger };
    const corpus = source.pipelineResult
      ? savedOrComputed(resolve(root, source.pipelineResult), key, input, pipeline)
      : runPipeline(input, pipeline);
    // Whoever awaits it sees a failure; nobody awaiting it yet is not an unhandled rejection.
    corpus.catch(() => {});
    session.corpus = { key, corpus };
  }
  return session.corpus;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The result saved at `path` for these inputs; else the pipeline's, saved there for the next build. */
async function savedOrComputed(path: string, key: string, input: PipelineInput, context: PipelineContext): Promise<Corpus> {
  const saved = await readSavedCorpus(path, key);
  if (saved.found === 'same') {
    context.logger.info(`pipeline: its result read from ${path} (${megabytes(saved.bytes)}, saved for these inputs)`);
    reportSeeds(saved.corpus, input.seedsDir, context);
    return withPapers(saved.corpus, input.seedsDir);
  }
  if (saved.found === 'other')
    context.logger.warn(`${path} holds the pipeline's result for other inputs: running the pipeline, and saving its result there`);
  return computeAndSave(path, key, input, context);
}

/** Runs the pipeline and saves its result at `path` (`npm run pipeline`, and a build whose saved result is missing or stale). */
export async function computeAndSave(path: string, key: string, input: PipelineInput, context: PipelineContext): Promise<Corpus> {
  const corpus = await runPipeline(input, context);
  const bytes = await saveCorpus(path, key, corpus);
  context.logger.info(`pipeline: its result saved to ${path} (${megabytes(bytes)})`);
  return corpus;
}

export interface PipelineInput {
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
  context: PipelineContext,
): Promise<Corpus> {
  const { cacheDir, logger } = context;
  const cachePath = fileURLToPath(new URL('reading-list/parsed-seeds.json', cacheDir));
  const job = { files, readProblems, digests: [...digests], overrides, cachePath };
  const { corpus, reused } = await runPipelineThread(job, (message) => logger.info(message));
  reportSeeds(corpus, seedsDir, context, reused ? ` (${reused} unchanged file(s) not reparsed)` : '');
  logger.info(
    `pipeline: ${Object.entries(corpus.timings)
      .map(([phase, ms]) => `${phase} ${ms} ms`)
      .join(', ')}`,
  );
  recordBuildFigures(cacheDir, 'pipeline', { ...corpus.stats, unchangedFiles: reused, timings: corpus.timings });
  return withPapers(corpus, seedsDir);
}

/** Says what the seeds gave: each problem, with its file and line, then the counts. */
function reportSeeds(corpus: Corpus, seedsDir: string, { logger }: PipelineContext, note = ''): void {
  for (const diagnostic of corpus.diagnostics) {
    const message = formatDiagnostic(diagnostic, seedsDir);
    if (diagnostic.severity === 'error') logger.error(message);
    else logger.warn(message);
  }
  logger.info(formatReport(corpus.stats) + note);
}

/** The corpus, unless it has no papers: a site of nothing is a mistake in the seeds. */
function withPapers(corpus: Corpus, seedsDir: string): Corpus {
  if (corpus.papers.length === 0) {
    throw new Error(`No papers found in "${seedsDir}": ${formatReport(corpus.stats)}. See the messages above.`);
  }
  return corpus;
}
