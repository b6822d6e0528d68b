import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { papersLoader, topicsLoader } from './loaders/index.ts';
import { siteSettings } from './settings.ts';

const source = { seedsDir: siteSettings.seedsDir, topicsDir: siteSettings.topicsDir };

export const collections = {
  papers: defineCollection({ loader: papersLoader(source) }),
  topics: defineCollection({ loader: topicsLoader(source) }),
  /** Curator notes on topics (MDX bodies shown on topic pages); front matter is read by the topics loader. */
  topicNotes: defineCollection({ loader: glob({ pattern: '*.{md,mdx}', base: siteSettings.topicsDir }) }),
};
