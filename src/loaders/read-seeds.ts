/**
 * Reads the seed directory: every visible regular file, sub-folders included, in a stable order
 * (paths compared by code point), each named by its path relative to the directory.
 *
 * A symbolic link is followed only when it resolves inside the directory: a link out of it is
 * reported by name and not read, as is a file that cannot be read; the build goes on.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { SeedFile } from '../lib/pipeline.ts';
import type { Diagnostic } from '../lib/types.ts';
import { compareStrings } from '../lib/compare.ts';

export interface SeedFiles {
  files: SeedFile[];
  /** Links out of the directory, unreadable files and folders. */
  diagnostics: Diagnostic[];
}

const isInside = (root: string, path: string) => path === root || path.startsWith(root + sep);

export async function readSeedFiles(dir: string): Promise<SeedFiles> {
  let root: string;
  try {
    root = await realpath(dir);
    await readdir(root);
  } catch (cause) {
    throw new Error(`Cannot read the seeds directory "${dir}" (set SEEDS_DIR to a folder of listing files)`, { cause });
  }
  const files: SeedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const skip = (file: string, message: string) => diagnostics.push({ severity: 'error', file, message: `${message}; skipped` });
  /** Real paths of the folders being walked, so a link back up cannot loop. */
  const walking = new Set<string>();

  const walk = async (folder: string, realFolder: string, prefix: string): Promise<void> => {
    walking.add(realFolder);
    let names: string[];
    try {
      names = (await readdir(folder)).filter((name) => !name.startsWith('.')).sort(compareStrings);
    } catch (cause) {
      return void skip(prefix || '.', `folder cannot be read (${(cause as NodeJS.ErrnoException).code ?? cause})`);
    }
    // One at a time: a seeds folder may hold more files than a process may open at once.
    for (const name of names) {
      const path = join(folder, name);
      const shown = prefix + name;
      let real: string;
      try {
        real = await realpath(path);
      } catch {
        skip(shown, 'broken link (its target does not exist)');
        continue;
      }
      if (!isInside(root, real)) {
        skip(shown, `link to ${real}, outside the seeds directory; not followed`);
        continue;
      }
      try {
        const info = await stat(real);
        if (info.isDirectory()) {
          if (walking.has(real)) skip(shown, 'link to a folder it is inside of; not followed');
          else await walk(path, real, `${shown}/`);
        } else if (info.isFile()) {
          files.push({ name: shown, bytes: new Uint8Array(await readFile(real)) });
        } else {
          skip(shown, 'not a regular file');
        }
      } catch (cause) {
        skip(shown, `cannot be read (${(cause as NodeJS.ErrnoException).code ?? cause})`);
      }
    }
    walking.delete(realFolder);
  };
  await walk(root, root, '');
  // Names are paths with "/" whatever the platform; sorting them whole keeps one stable order.
  files.sort((a, b) => compareStrings(a.name, b.name));
  return { files, diagnostics };
}
