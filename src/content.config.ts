import { defineCollection } from 'astro:content';
import { corpusLoader, topicNotesLoader } from './loaders/index.ts';
import { corpusSummarySchema, topicFileSchema } from './loaders/schemas.ts';
import { siteSettings } from './settings.ts';

const source = { seedsDir: siteSettings.seedsDir, topicsDir: siteSettings.topicsDir, pipelineResult: siteSettings.pipelineResult };

export const collections = {
  /**
   * The reading list: the loader runs the pipeline and hands papers and topics to the pages in
   * memory (src/build-session.ts); the collection holds one entry, the digest of its inputs.
   */
  corpus: defineCollection({ loader: corpusLoader(source), schema: corpusSummarySchema }),
  /** Curator notes on topics (MDX bodies shown on topic pages; front matter also read by the pipeline). */
  topicNotes: defineCollection({ loader: topicNotesLoader(source), schema: topicFileSchema }),
};
