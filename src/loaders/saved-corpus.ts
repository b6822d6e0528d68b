/**
 * The pipeline's result saved to a file (`PIPELINE_RESULT`), so that the shards of a list
 * (README "Beyond one machine") read it instead of each running the pipeline again. The file is
 * a one-line header naming the inputs' digest, then the corpus as V8 serialises it (what a
 * worker thread posts: the same types come back). A file saved for other inputs is not read.
 */
import { open, writeFile } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import type { Corpus } from '../lib/pipeline.ts';

const FORMAT = 'reading-list pipeline result';
const VERSION = 1;
/** The header is one line of JSON, far shorter than this. */
const HEADER_LIMIT = 4096;

interface Header {
  format: string;
  version: number;
  /** Digest of the inputs (src/loaders/corpus.ts). */
  key: string;
}

export type SavedCorpus = { found: 'none' } | { found: 'other'; key: string } | { found: 'same'; corpus: Corpus; bytes: number };

/** Reads the result saved at `path` if it was saved for the inputs `key`. */
export async function readSavedCorpus(path: string, key: string): Promise<SavedCorpus> {
  let file;
  try {
    file = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { found: 'none' };
    throw new Error(`Cannot read the saved pipeline result ${path}`, { cause: error });
  }
  try {
    const start = Buffer.alloc(HEADER_LIMIT);
    const { bytesRead } = await file.read(start, 0, HEADER_LIMIT, 0);
    const end = start.subarray(0, bytesRead).indexOf('\n');
    let header: Header | undefined;
    try {
      header = end > 0 ? (JSON.parse(start.subarray(0, end).toString('utf8')) as Header) : undefined;
    } catch {
      header = undefined;
    }
    if (header?.format !== FORMAT || header.version !== VERSION)
      throw new Error(`${path} is not a saved pipeline result (of this version): delete it, or set PIPELINE_RESULT to another file`);
    if (header.key !== key) return { found: 'other', key: header.key };
    const { size } = await file.stat();
    const body = Buffer.alloc(size - end - 1);
    await file.read(body, 0, body.length, end + 1);
    return { found: 'same', corpus: deserialize(body) as Corpus, bytes: size };
  } finally {
    await file.close();
  }
}

/** Saves `corpus`, the result for the inputs `key`, at `path`; returns its size in bytes. */
export async function saveCorpus(path: string, key: string, corpus: Corpus): Promise<number> {
  const header = Buffer.from(`${JSON.stringify({ format: FORMAT, version: VERSION, key } satisfies Header)}\n`);
  const body = serialize(corpus);
  await writeFile(path, [header, body]);
  return header.length + body.length;
}
