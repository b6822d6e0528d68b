import { defineCollection } from 'astro:content';
import { papersLoader, redirectsLoader, topicNotesLoader, topicsLoader } from './loaders/index.ts';
import { paperSchema, redirectSchema, topicFileSchema, topicSchema } from './loaders/schemas.ts';
import { siteSettings } from './settings.ts';

const source = { seedsDir: siteSettings.seedsDir, topicsDir: siteSettings.topicsDir };

export const collections = {
  papers: defineCollection({ loader: papersLoader(source), schema: paperSchema }),
  topics: defineCollection({ loader: topicsLoader(source), schema: topicSchema }),
  /** Former paper addresses, each a redirect page to the paper's current one. */
  paperRedirects: defineCollection({ loader: redirectsLoader(source), schema: redirectSchema }),
  /** Curator notes on topics (MDX bodies shown on topic pages; front matter also read by the topics loader). */
  topicNotes: defineCollection({ loader: topicNotesLoader(source), schema: topicFileSchema }),
};
