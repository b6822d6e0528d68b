/**
 * Reading a built site back from the disk: its files as paths under the site, and a way to work
 * through many of them without opening more files than a process may (the service worker's
 * precache, the policy check, `npm run assemble`).
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { compareStrings } from '../lib/compare.ts';

/** Files worked on at once. */
const BATCH = 64;

/** Every file under `dir`, as a `/`-separated path relative to it, in code-point order. */
export async function builtFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort(compareStrings);
}

/** Runs `task` over `items`, a batch at a time: a large site has more files than a process may open. */
export async function inBatches<T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += BATCH) {
    results.push(...(await Promise.all(items.slice(start, start + BATCH).map(task))));
  }
  return results;
}
