/**
 * Reading the seeds folder: sub-folders in a stable order with their path as the file name,
 * links out of the folder not followed and reported by name, unreadable files reported by name.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as FsPromises from 'node:fs/promises';

/** Reading this name fails as a file without read permission would (tests run as root, where chmod does not stop reads). */
const UNREADABLE = 'locked.txt';
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    readFile: (path: string, ...rest: never[]) =>
      String(path).endsWith(UNREADABLE)
        ? Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }))
        : actual.readFile(path, ...rest),
  };
});
const { readSeedFiles } = await import('../../src/loaders/read-seeds.ts');

let root: string;
let seeds: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'read-seeds-'));
  seeds = join(root, 'seeds');
  mkdirSync(join(seeds, 'dumps/2024'), { recursive: true });
  mkdirSync(join(seeds, '.git'));
  writeFileSync(join(root, 'secret.txt'), 'outside');
  writeFileSync(join(seeds, 'b.txt'), 'b');
  writeFileSync(join(seeds, 'a.txt'), 'a');
  writeFileSync(join(seeds, '.hidden.txt'), 'hidden');
  writeFileSync(join(seeds, '.git/config'), 'hidden');
  writeFileSync(join(seeds, 'dumps/library.bib'), 'bib');
  writeFileSync(join(seeds, 'dumps/2024/june.json'), 'json');
  writeFileSync(join(seeds, UNREADABLE), 'locked');
  symlinkSync(join(seeds, 'a.txt'), join(seeds, 'inside-link.txt'));
  symlinkSync(join(root, 'secret.txt'), join(seeds, 'outside-link.txt'));
  symlinkSync('../..', join(seeds, 'dumps/up'));
  symlinkSync(join(seeds, 'missing.txt'), join(seeds, 'dangling.txt'));
  execFileSync('mkfifo', [join(seeds, 'pipe')]);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readSeedFiles', () => {
  it('reads sub-folders in a stable order, named by their path, hidden files left out', async () => {
    const { files } = await readSeedFiles(seeds);
    expect(files.map((f) => f.name)).toEqual(['a.txt', 'b.txt', 'dumps/2024/june.json', 'dumps/library.bib', 'inside-link.txt']);
    expect(new TextDecoder().decode(files[2].bytes)).toBe('json');
  });
  it('does not follow a link out of the folder, and says which', async () => {
    const { files, diagnostics } = await readSeedFiles(seeds);
    expect(files.map((f) => f.name)).not.toContain('outside-link.txt');
    expect(diagnostics).toContainEqual({
      severity: 'error',
      file: 'outside-link.txt',
      message: expect.stringMatching(/outside the seeds directory; not followed/),
    });
    expect(diagnostics).toContainEqual({
      severity: 'error',
      file: 'dumps/up',
      message: expect.stringMatching(/outside the seeds directory|folder it is inside/),
    });
    expect(diagnostics).toContainEqual({ severity: 'error', file: 'dangling.txt', message: expect.stringMatching(/broken link/) });
  });
  it('reports an unreadable file and something that is not a file by name, and goes on', async () => {
    const { files, diagnostics } = await readSeedFiles(seeds);
    expect(diagnostics).toContainEqual({
      severity: 'error',
      file: UNREADABLE,
      message: expect.stringMatching(/cannot be read \(EACCES\); skipped/),
    });
    expect(diagnostics).toContainEqual({ severity: 'error', file: 'pipe', message: expect.stringMatching(/not a regular file/) });
    expect(files).toHaveLength(5);
  });
  it('fails clearly when the folder itself is missing', async () => {
    await expect(readSeedFiles(join(root, 'nope'))).rejects.toThrow(/Cannot read the seeds directory/);
  });
});
