/**
 * The lists the quality and churn benches build: the real seeds (seeds/), and hand-written lists
 * from other fields with their judgements (tests/fixtures/judgements/), written as listing files
 * so they go through the same parser as real seeds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { SeedFile } from '../../src/lib/pipeline.ts';

const ROOT = new URL('../../', import.meta.url);
const JUDGEMENTS = new URL('tests/fixtures/judgements/', ROOT);

export type Pair = [string, string, string];

/** A paper of a list: its own short id (for judgements), title and abstract. */
export interface ListedPaper {
  id: string;
  title: string;
  abstract: string | null;
}

export interface JudgementFile {
  description: string;
  /** Inline papers (own lists); absent for the seeds, which are read from seeds/. */
  papers?: ListedPaper[];
  related: Pair[];
  topics: { share: Pair[]; apart: Pair[] };
}

/**
 * Lists judged besides the seeds. The first two were written by us before tuning; the other
 * three by helpers who never saw the code, after it was written: two in the fourth round of
 * issue 13, scored before any change, and the fifth in the fifth round, scored as it arrived,
 * after the change it was to check (topics of two papers).
 */
export const OTHER_LISTS = ['five-fields', 'day-listing', 'mixed-fields', 'day-listing-b', 'day-listing-c', 'field-list-d'] as const;

export type OtherList = (typeof OTHER_LISTS)[number];

export function readJudgements(name: string): JudgementFile {
  return JSON.parse(readFileSync(new URL(`${name}.json`, JUDGEMENTS), 'utf8')) as JudgementFile;
}

/** Papers written as one listing file. */
export function asSeedFile(papers: readonly Pick<ListedPaper, 'title' | 'abstract'>[]): SeedFile {
  const text = papers.map((paper) => (paper.abstract === null ? paper.title : `${paper.title}\n\n${paper.abstract}`)).join('\n\n');
  return { name: 'list.txt', bytes: new TextEncoder().encode(`${text}\n`) };
}

/** The files of seeds/, in name order. */
export function seedFiles(): SeedFile[] {
  const dir = new URL('seeds/', ROOT);
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, dir))) }));
}
