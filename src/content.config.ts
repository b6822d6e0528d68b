import { defineCollection } from 'astro:content';
import { papersLoader, topicNotesLoader, topicsLoader } from './loaders/index.ts';
import { paperSchema, topicFileSchema, topicSchema } from './loaders/schemas.ts';
import { siteSettings } from './settings.ts';

const source = { seedsDir: siteSettings.seedsDir, topicsDir: siteSettings.topicsDir };

export const collections = {
  papers: defineCollection({ loader: papersLoader(source), schema: paperSchema }),
  topics: defineCollection({ loader: topicsLoader(source), schema: topicSchema }),
  /** Curator notes on topics (MDX bodies shown on topic pages; front matter also read by the topics loader). */
  topicNotes: defineCollection({ loader: topicNotesLoader(source), schema: topicFileSchema }),
};
