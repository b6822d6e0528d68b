/**
 * The collections' schemas (Astro's zod). Loaders validate every entry against them with
 * `parseData`, and pages get typed data back from `getCollection`. `satisfies` ties each
 * schema to its type in src/lib/types.ts: a field added there fails the type check until it
 * is added here too (one line).
 */
import { z } from 'astro/zod';
import type { Paper, Topic } from '../lib/types.ts';
import type { TopicOverride } from '../lib/topics/index.ts';

const ids = z.array(z.string());
const seedFormat = z.enum(['listing', 'hf-daily-papers', 'arxiv-atom', 'bibtex', 'csl-json']);
const publicationKind = z.enum(['article', 'inproceedings', 'book', 'incollection', 'phdthesis', 'techreport', 'misc']);

export const paperSchema = z.object({
  id: z.string(),
  title: z.string(),
  abstract: z.string().nullable(),
  position: z.number().int(),
  abstractHtml: z.string().nullable(),
  abstractText: z.string().nullable(),
  summary: z.string(),
  authors: z.array(z.string()),
  moreAuthors: z.boolean().optional(),
  date: z.string().nullable(),
  arxiv: z.string().nullable(),
  doi: z.string().nullable(),
  venue: z.string().nullable(),
  kind: publicationKind.nullable(),
  primaryClass: z.string().nullable(),
  sources: z.array(z.object({ file: z.string(), line: z.number().int(), day: z.string().nullable(), format: seedFormat })),
  conflicts: z.array(
    z.object({
      field: z.enum(['arxiv', 'doi', 'year', 'title']),
      kept: z.string(),
      from: z.number().int(),
      others: z.array(z.object({ value: z.string(), from: z.number().int() })),
    }),
  ),
  abstractNote: z.enum(['missing', 'conflict']).nullable(),
  topics: ids,
  related: z.array(z.object({ id: z.string(), score: z.number(), why: z.array(z.string()) })),
  links: z.array(z.object({ url: z.string(), kind: z.enum(['code', 'project', 'other']) })),
  formerId: z.string().optional(),
  searchTerms: z.object({ title: z.string(), abstract: z.string() }),
}) satisfies z.ZodType<Paper>;

export const topicSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  keyTerms: z.array(z.string()),
  papers: ids,
  related: ids,
}) satisfies z.ZodType<Topic>;

/**
 * The front matter of a curator topic file (`<topic id>.mdx`). Strict: a misspelt key
 * (`pinnned: true`) is an error, not silently ignored.
 */
export const topicFileSchema = z.strictObject({
  name: z.string().min(1).optional(),
  aliases: z.array(z.string()).optional(),
  merge: z.array(z.string()).optional(),
  pinned: z.boolean().optional(),
  hidden: z.boolean().optional(),
}) satisfies z.ZodType<Omit<TopicOverride, 'id' | 'description'>>;

export type TopicFileData = z.output<typeof topicFileSchema>;
