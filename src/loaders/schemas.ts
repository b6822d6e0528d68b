/**
 * The collections' schemas (Astro's zod). Loaders validate every entry against them with
 * `parseData`. Papers and topics are not stored in a collection: they reach the pages in memory
 * (src/build-session.ts), typed by src/lib/types.ts.
 */
import { z } from 'astro/zod';
import type { TopicOverride } from '../lib/topics/index.ts';

/** The corpus collection's one entry (src/loaders/index.ts): the digest of the list's inputs. */
export const corpusSummarySchema = z.object({ inputs: z.string() });

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
