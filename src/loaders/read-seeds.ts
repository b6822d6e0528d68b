/** Reads the seed directory: every visible regular file, in name order. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SeedFile } from '../lib/pipeline.ts';
import { compareStrings } from '../lib/compare.ts';

export async function readSeedFiles(dir: string): Promise<SeedFile[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (cause) {
    throw new Error(`Cannot read the seeds directory "${dir}" (set SEEDS_DIR to a folder of listing files)`, { cause });
  }
  const names = entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort(compareStrings);
  // One at a time: a seeds folder may hold more files than a process may open at once.
  const files: SeedFile[] = [];
  for (const name of names) files.push({ name, bytes: new Uint8Array(await readFile(join(dir, name))) });
  return files;
}
