/**
 * Every setting the build takes from the environment, in one schema, read in one place:
 * astro.config.mjs, the content loaders, src/data.ts and the integrations all use
 * `siteSettings`. An empty variable counts as unset. A bad value stops the build with a message
 * naming the variable and the form it expects (`LIST_PAGE_SIZE must be a whole number ≥ 1, got
 * "abc"`), instead of being quietly replaced by the default.
 */
import { z } from 'astro/zod';
import { DEFAULT_FEED_YEAR } from './lib/export/added.ts';
import { DEFAULT_FEED_LIMIT } from './lib/export/site-exports.ts';
import { DEFAULT_LIMIT_BYTES, DEFAULT_SEARCH_LIMIT_BYTES, type PrecacheLimits } from './lib/search/precache.ts';
import { DEFAULT_SLICE_PAPERS } from './lib/search/slices.ts';
import { parseShard, type Shard } from './lib/shards.ts';

const MB = 1024 * 1024;

const wholeNumber = (min: number) => z.coerce.number().int().min(min);
const nonEmpty = z.string().min(1);
/** A size given in MB, in bytes. */
const megabytes = z.coerce
  .number()
  .min(0)
  .refine(Number.isFinite)
  .transform((mb) => Math.round(mb * MB));

/** A variable: its schema (from the trimmed text), what a good value looks like, its default. */
interface Variable<T> {
  schema: z.ZodType<T>;
  expected: string;
  fallback: string;
}

function variable<T>(schema: z.ZodType<T>, expected: string, fallback: string): Variable<T> {
  return { schema, expected, fallback };
}

/** "/reading-list" or "reading-list/" → "/reading-list/"; "" → "/". */
function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

const VARIABLES = {
  /** Folder of listing files, relative to the project root (or absolute). */
  SEEDS_DIR: variable(nonEmpty, 'a folder path', 'seeds'),
  /** Public origin of the site, for canonical links, feeds and citation metadata. */
  SITE_URL: variable(
    z.url({ protocol: /^https?$/ }).refine((url) => !/[?#]/.test(url)),
    'an http(s) address such as https://lab.example.org',
    'http://localhost:4321',
  ),
  /** Path the site is hosted under. */
  SITE_BASE: variable(
    z
      .string()
      .regex(/^[\w\-.~%!$&'()*+,;=:@/]*$/)
      .refine((path) => !path.split('/').includes('..'))
      .transform(normalizeBase),
    'a URL path such as /reading-list/',
    '/',
  ),
  /** Shown in the header and page titles. */
  SITE_TITLE: variable(nonEmpty, 'a name', 'Reading List'),
  /** Papers per page on the home page and topic pages. */
  LIST_PAGE_SIZE: variable(wholeNumber(1), 'a whole number ≥ 1', '250'),
  /** Folder of curator topic files (MDX), relative to the project root (or absolute). */
  TOPICS_DIR: variable(nonEmpty, 'a folder path', 'src/content/topics'),
  /** Largest site the service worker precaches whole, in bytes (the variable is in MB). */
  OFFLINE_PRECACHE_MB: variable(megabytes, 'a number of megabytes ≥ 0', String(DEFAULT_LIMIT_BYTES / MB)),
  /** Largest shell and search index precached together, in bytes (the variable is in MB); above it, only the index's core. */
  OFFLINE_SEARCH_MB: variable(megabytes, 'a number of megabytes ≥ 0', String(DEFAULT_SEARCH_LIMIT_BYTES / MB)),
  /** Year for day lines without one (`Jul 31`) in feed dates. */
  FEED_YEAR: variable(wholeNumber(1000).max(9999), 'a four-digit year such as 2024', String(DEFAULT_FEED_YEAR)),
  /** Papers in each Atom feed, newest first. */
  FEED_LIMIT: variable(wholeNumber(1), 'a whole number ≥ 1', String(DEFAULT_FEED_LIMIT)),
  /**
   * Postings per Pagefind index chunk (Pagefind's own, "unstable" variable; its default is
   * 20,000). Smaller chunks make a first search download less (README "Search").
   */
  PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: variable(wholeNumber(1), 'a whole number ≥ 1', '2000'),
  /** Papers per slice of the search index (src/lib/search/slices.ts). */
  SEARCH_SLICE_PAPERS: variable(wholeNumber(1), 'a whole number ≥ 1', String(DEFAULT_SLICE_PAPERS)),
  /** A file for the pipeline's result: read when saved for the same inputs, else written (src/loaders/saved-corpus.ts). */
  PIPELINE_RESULT: variable(
    z.string().transform((path) => (path === '' ? null : path)),
    'a file path',
    '',
  ),
  /** This build is one shard of the list (src/lib/shards.ts): "2/4" is the second of four; unset, the whole site. */
  SITE_SHARD: variable(
    z
      .string()
      .refine((text) => text === 'all' || parseShard(text) !== null)
      .transform((text) => (text === 'all' ? null : parseShard(text))),
    'a shard number and a count such as 2/4 (from 1/n to n/n)',
    'all',
  ),
} as const;

export type VariableName = keyof typeof VARIABLES;
type Values = { [Name in VariableName]: z.output<(typeof VARIABLES)[Name]['schema']> };

/** A bad environment variable: the message names it, the expected form and the value given. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** Reads and checks every variable; throws a SettingsError listing each bad one. */
export function readEnvironment(env: Readonly<Record<string, string | undefined>>): Values {
  const values: Partial<Record<VariableName, unknown>> = {};
  const problems: string[] = [];
  for (const [name, { schema, expected, fallback }] of Object.entries(VARIABLES) as [VariableName, Variable<unknown>][]) {
    const given = env[name]?.trim() ?? '';
    const result = schema.safeParse(given === '' ? fallback : given);
    if (result.success) values[name] = result.data;
    else problems.push(`${name} must be ${expected}, got ${JSON.stringify(env[name])}`);
  }
  if (problems.length > 0) throw new SettingsError(problems.join('\n'));
  return values as Values;
}

export interface SiteSettings {
  seedsDir: string;
  siteUrl: string;
  /** Always starts and ends with `/`. */
  base: string;
  title: string;
  pageSize: number;
  topicsDir: string;
  precacheLimits: PrecacheLimits;
  feedYear: number;
  feedLimit: number;
  indexChunkSize: number;
  searchSlicePapers: number;
  /** The shard this build writes, or null for the whole site. */
  shard: Shard | null;
  /** Where the pipeline's result is saved and read (relative to the project root), or null. */
  pipelineResult: string | null;
}

export function readSettings(env: Readonly<Record<string, string | undefined>>): SiteSettings {
  const values = readEnvironment(env);
  return {
    seedsDir: values.SEEDS_DIR,
    siteUrl: values.SITE_URL,
    base: values.SITE_BASE,
    title: values.SITE_TITLE,
    pageSize: values.LIST_PAGE_SIZE,
    topicsDir: values.TOPICS_DIR,
    precacheLimits: { siteBytes: values.OFFLINE_PRECACHE_MB, searchBytes: values.OFFLINE_SEARCH_MB },
    feedYear: values.FEED_YEAR,
    feedLimit: values.FEED_LIMIT,
    indexChunkSize: values.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE,
    searchSlicePapers: values.SEARCH_SLICE_PAPERS,
    shard: values.SITE_SHARD,
    pipelineResult: values.PIPELINE_RESULT,
  };
}

/** This build's settings. */
export const siteSettings: SiteSettings = readSettings(process.env);
