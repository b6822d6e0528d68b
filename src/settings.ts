/**
 * Site settings from the environment, read in one place. Used by astro.config.mjs (through
 * its own copy of the two URL settings) and the content loaders.
 */
export const siteSettings = {
  /** Folder of listing files, relative to the project root. */
  seedsDir: process.env.SEEDS_DIR || 'seeds',
  /** Shown in the header and page titles. */
  title: process.env.SITE_TITLE || 'Reading List',
  /** Papers per page on the home page and topic pages. */
  pageSize: Number(process.env.LIST_PAGE_SIZE) || 250,
  /** Folder of curator topic files (MDX), relative to the project root. */
  topicsDir: process.env.TOPICS_DIR || 'src/content/topics',
};
