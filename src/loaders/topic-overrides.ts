/**
 * Reads curator topic files: `src/content/topics/<id>.mdx` (or .md), whose front matter
 * renames, aliases, merges, pins or hides a topic. The body is rendered by the `topicNotes`
 * collection; here only the front matter and a plain-text description matter.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { TopicOverride } from '../lib/topics/index.ts';
import { compareStrings } from '../lib/compare.ts';

const TOPIC_FILE = /^([a-z0-9][a-z0-9-]*)\.mdx?$/;

export async function readTopicOverrides(dir: string): Promise<TopicOverride[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => TOPIC_FILE.test(name)).sort(compareStrings);
  } catch {
    return []; // No curator files: automatic topics only.
  }
  return Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      try {
        return parseTopicFile(name.match(TOPIC_FILE)![1], await readFile(path, 'utf8'));
      } catch (cause) {
        throw new Error(`Invalid topic file ${path}: ${(cause as Error).message}`, { cause });
      }
    }),
  );
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export function parseTopicFile(id: string, text: string): TopicOverride {
  const [, head = '', body = text] = text.replace(/^\uFEFF/, '').match(FRONT_MATTER) ?? [];
  const data = (yaml.load(head) ?? {}) as Record<string, unknown>;
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error('front matter must be a mapping');
  const strings = (key: string) => {
    const value = data[key];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
      throw new Error(`"${key}" must be a list of strings`);
    }
    return value as string[];
  };
  const description = firstParagraph(body);
  return {
    id,
    name: typeof data.name === 'string' ? data.name : undefined,
    aliases: strings('aliases'),
    merge: strings('merge'),
    pinned: data.pinned === true,
    hidden: data.hidden === true,
    description: description || undefined,
  };
}

/** First paragraph of the body as plain text: MDX imports, components and markup left out. */
function firstParagraph(body: string): string {
  const paragraphs = body
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p && !/^(import|export)\s/.test(p) && !p.startsWith('<') && !p.startsWith('#'));
  return (paragraphs[0] ?? '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ');
}
