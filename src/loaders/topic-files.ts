/**
 * Curator topic files: `<topics dir>/<topic id>.mdx` (or `.md`). Each is read and parsed once
 * per build (remark, with front matter and, for `.mdx`, MDX syntax), however many collections
 * use it: the pipeline takes the front matter and the first paragraph (the topic's description),
 * the `topicNotes` collection stores the front matter and lets pages render the body.
 */
import { z } from 'astro/zod';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { compareStrings } from '../lib/compare.ts';
import type { TopicOverride } from '../lib/topics/index.ts';
import { topicFileSchema } from './schemas.ts';
import { inputDigest } from './digest.ts';

const TOPIC_FILE = /^([a-z0-9][a-z0-9-]*)\.mdx?$/;

export interface TopicFile {
  /** The topic id: the file name without its extension. */
  id: string;
  /** Absolute path, for messages and for rendering the body. */
  path: string;
  /** The file as read: its digest tells whether it changed. */
  text: string;
  /** The front matter as written (checked against `topicFileSchema` by whoever uses it). */
  frontMatter: Record<string, unknown>;
  /** The body's first paragraph as plain text, or undefined when it has none. */
  description: string | undefined;
}

/** A topic file as read, before parsing. */
export type TopicFileText = Pick<TopicFile, 'id' | 'path' | 'text'>;

/** Every topic file in `dir`, in id order; none when the folder does not exist. */
export async function readTopicFileTexts(dir: string): Promise<TopicFileText[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => TOPIC_FILE.test(name)).sort(compareStrings);
  } catch {
    return []; // No curator files: automatic topics only.
  }
  return Promise.all(
    names.map(async (name) => ({ id: name.match(TOPIC_FILE)![1]!, path: join(dir, name), text: await readFile(join(dir, name), 'utf8') })),
  );
}

export function parseTopicFiles(files: readonly TopicFileText[]): TopicFile[] {
  return files.map((file) => {
    try {
      return { ...file, ...parseTopicFile(file.text, file.path.endsWith('.mdx')) };
    } catch (cause) {
      throw new Error(`Invalid topic file ${file.path}: ${(cause as Error).message}`, { cause });
    }
  });
}

const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();
const mdx = markdown().use(remarkMdx).freeze();

/** Front matter (YAML, not yet checked) and the first paragraph of the body as plain text. */
export function parseTopicFile(text: string, isMdx: boolean): Pick<TopicFile, 'frontMatter' | 'description'> {
  const tree: Root = (isMdx ? mdx : markdown).parse(text);
  const head = tree.children.find((node) => node.type === 'yaml');
  // A heading, an import, a component or an HTML block is not a description: the first paragraph is.
  const paragraph = tree.children.find((node) => node.type === 'paragraph');
  const description = paragraph ? toString(paragraph).replace(/\s+/g, ' ').trim() : '';
  const frontMatter: unknown = head ? (yaml.load(head.value) ?? {}) : {};
  if (typeof frontMatter !== 'object' || frontMatter === null || Array.isArray(frontMatter)) {
    throw new Error('front matter must be a mapping (key: value lines)');
  }
  return { frontMatter: { ...frontMatter }, description: description || undefined };
}

let topicFilesMemo: { key: string; files: TopicFile[] } | undefined;

/**
 * The curator topic files, parsed once for every loader that asks (the corpus and the
 * `topicNotes` collection), and again only when one was added, changed or removed.
 */
export async function loadTopicFiles(topicsDir: string): Promise<TopicFile[]> {
  const texts = await readTopicFileTexts(topicsDir);
  const key = inputDigest({ topicsDir, texts });
  if (topicFilesMemo?.key !== key) topicFilesMemo = { key, files: parseTopicFiles(texts) };
  return topicFilesMemo.files;
}

/** A topic file's front matter checked against the schema, as the topic pipeline takes it. */
export function topicOverride(file: TopicFile): TopicOverride {
  const checked = topicFileSchema.safeParse(file.frontMatter);
  if (!checked.success) throw new Error(`Invalid topic file ${file.path}:\n${z.prettifyError(checked.error)}`);
  const { name, aliases, merge, pinned = false, hidden = false } = checked.data;
  return { id: file.id, name, aliases, merge, pinned, hidden, description: file.description };
}
