/**
 * Parsed seed files kept between builds, in Astro's cache directory, so an unchanged file is
 * not parsed again. One file for the whole corpus: both collections' loaders share it
 * (Astro's per-collection meta stores would each hold a partial copy).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ParsedSeedFile } from '../lib/seeds/index.ts';

interface Entry {
  digest: string;
  parsed: ParsedSeedFile;
}

/** Bumped when the parser's output changes shape or meaning, so old entries are ignored. */
const FORMAT = 2;

export class ParseCache {
  private entries = new Map<string, Entry>();
  /** How many files were served from the cache in this build. */
  reused = 0;

  private readonly path: string;

  private constructor(path: string) {
    this.path = path;
  }

  static async open(path: string): Promise<ParseCache> {
    const cache = new ParseCache(path);
    try {
      const stored = JSON.parse(await readFile(path, 'utf8')) as { format: number; entries: [string, Entry][] };
      if (stored.format === FORMAT) cache.entries = new Map(stored.entries);
    } catch {
      // No cache yet, or an unreadable one: parse everything.
    }
    return cache;
  }

  get(file: string, digest: string): ParsedSeedFile | undefined {
    const entry = this.entries.get(file);
    if (entry?.digest !== digest) return undefined;
    this.reused++;
    return entry.parsed;
  }

  set(file: string, digest: string, parsed: ParsedSeedFile): void {
    this.entries.set(file, { digest, parsed });
  }

  /** Keeps only the given files (others were deleted from the seeds) and writes the cache. */
  async save(files: Iterable<string>): Promise<void> {
    const keep = new Set(files);
    const entries = [...this.entries].filter(([file]) => keep.has(file));
    await mkdir(dirname(this.path), { recursive: true });
    await writeFile(this.path, JSON.stringify({ format: FORMAT, entries }));
  }
}
