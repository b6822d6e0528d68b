/**
 * `PIPELINE_RESULT=corpus.bin npm run pipeline`: runs the pipeline alone (reading the seeds,
 * merging, topics, related papers) over SEEDS_DIR and TOPICS_DIR, and saves its result to
 * PIPELINE_RESULT. Builds given the same PIPELINE_RESULT (the shards of a list: README "Beyond
 * one machine") then read it instead of running the pipeline again.
 */
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { computeAndSave, readInputs, type PipelineContext } from '../src/loaders/corpus.ts';
import { siteSettings } from '../src/settings.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
/** Astro's cache folder (its default, `cacheDir`), where parsed seed files are kept between runs. */
const cacheDir = new URL('node_modules/.astro/', pathToFileURL(root));

const logger: PipelineContext['logger'] = {
  info: (message) => console.log(message),
  warn: (message) => console.warn(`warning: ${message}`),
  error: (message) => console.error(`error: ${message}`),
};

if (!siteSettings.pipelineResult) {
  console.error('Set PIPELINE_RESULT to the file to save the result to: PIPELINE_RESULT=corpus.bin npm run pipeline');
  process.exit(2);
}
try {
  const { key, input } = await readInputs(siteSettings, root);
  await computeAndSave(resolve(root, siteSettings.pipelineResult), key, input, { cacheDir, logger });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
