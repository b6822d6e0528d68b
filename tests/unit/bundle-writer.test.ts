import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { writeBundle, writeBundleHere } from '../../src/integrations/bundle-writer.ts';

/** A bundle as Pagefind gives it: metadata, WebAssembly and fragments, gzipped by zlib. */
function bundle(): Map<string, Uint8Array> {
  const text = (n: number) => gzipSync(Buffer.from(Array.from({ length: n }, (_, i) => `word${i % 97} `).join('')));
  return new Map<string, Uint8Array>([
    ['pagefind.en_0123456789.pf_meta', text(4000)],
    ['wasm.en.pagefind', text(3000)],
    ['wasm.unknown.pagefind', text(3000)],
    ['fragment/en_aaa.pf_fragment', text(50)],
    ['index/en_bbb.pf_index', text(80)],
  ]);
}

describe('writing a search bundle', () => {
  it('writes from a worker thread, file by file or in parallel, the bytes it writes here, recompressing only the files fetched whole', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bundle-writer-'));
    try {
      const original = bundle();
      await writeBundle(join(dir, 'thread'), bundle());
      await writeBundle(join(dir, 'parallel'), bundle(), true);
      await writeBundleHere(join(dir, 'here'), bundle());
      for (const [path, bytes] of original) {
        const written = await readFile(join(dir, 'thread', path));
        expect(written.equals(await readFile(join(dir, 'here', path))), path).toBe(true);
        expect(written.equals(await readFile(join(dir, 'parallel', path))), path).toBe(true);
        expect(gunzipSync(written).equals(gunzipSync(bytes)), path).toBe(true);
        const recompressed = /pf_meta$|^wasm\.en/.test(path);
        expect(written.equals(Buffer.from(bytes)), path).toBe(!recompressed);
        if (recompressed) expect(written.length, path).toBeLessThan(bytes.length);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails with the folder it could not write', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bundle-writer-'));
    try {
      // A file where the bundle's folder should be.
      await writeBundleHere(dir, new Map([['taken', new Uint8Array([1])]]));
      await expect(writeBundle(join(dir, 'taken'), bundle())).rejects.toThrow(/writing the search index to .*taken/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
