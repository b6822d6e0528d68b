/**
 * A bad environment variable stops `astro build` before anything is read or written, with
 * the message from src/settings.ts naming the variable and the form it expects.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, projectRoot } from '../support/build-site.ts';

describe('settings', () => {
  it('fails the build on LIST_PAGE_SIZE=abc, naming the variable and the expected form', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'reading-list-bad-setting-'));
    try {
      const build = buildSite({ seedsDir: join(projectRoot, 'tests/fixtures/site/seeds'), outDir, env: { LIST_PAGE_SIZE: 'abc' } });
      await expect(build).rejects.toThrow('LIST_PAGE_SIZE must be a whole number ≥ 1, got "abc"');
      expect(existsSync(join(outDir, 'index.html'))).toBe(false);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
