/**
 * A list built as shards (SITE_SHARD) and put together (`npm run assemble`) is the site one
 * build writes, file for file; the assembly refuses shards that do not fit together.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { buildSite, projectRoot } from '../support/build-site.ts';
import { listFiles } from '../support/site-files.ts';
import { fixtureSiteBuild } from '../support/fixtures.ts';
import { assembleShards } from '../../scripts/assemble.ts';
import type { ShardManifest } from '../../src/integrations/shards.ts';

const fixture = inject('fixtureSite');

/** Runs one of the project's scripts as `npm run` would, with `env` added; resolves with its output. */
async function runScript(script: string, env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, [script], { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('close', resolve));
  if (code !== 0) throw new Error(`${script} failed (exit ${code}):\n${log}`);
  return log;
}

describe('a list built in shards', () => {
  let workDir: string;
  const shard = (n: number) => join(workDir, `shard-${n}`);
  const logs: string[] = [];

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'reading-list-shards-'));
    // The pipeline once (`npm run pipeline`), its result read by both shards.
    const build = fixtureSiteBuild(shard(0));
    const env = { ...build.env, SEEDS_DIR: build.seedsDir, PIPELINE_RESULT: join(workDir, 'corpus.bin') };
    logs.push(await runScript('scripts/pipeline.ts', env));
    // The fixture's 16 papers make three search slices: shard 1 has the first, shard 2 the other two.
    for (const n of [1, 2]) logs.push((await buildSite({ ...fixtureSiteBuild(shard(n)), env: { ...env, SITE_SHARD: `${n}/2` } })).log);
  });

  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('runs the pipeline once: the shards read its saved result', () => {
    expect(logs[0]).toMatch(/its result saved to .*corpus\.bin/);
    for (const log of logs.slice(1)) {
      expect(log).toMatch(/its result read from .*corpus\.bin \(.* MB, saved for these inputs\)/);
      expect(log).not.toMatch(/finding topics/);
    }
  });

  it('writes each paper page in one shard only, the topic pages in the first, and says which', async () => {
    const papers = (dir: string) => listFiles(dir).filter((path) => /^papers\/[^/]+\/index\.html$/.test(path));
    const [first, second, whole] = [papers(shard(1)), papers(shard(2)), papers(fixture.outDir)];
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    expect(first.filter((path) => second.includes(path))).toEqual([]);
    expect([...first, ...second].sort()).toEqual(whole.filter((path) => first.includes(path) || second.includes(path)));
    expect(logs[2]).toMatch(/shard 2\/2: the pages of papers 7–16 of 16 \(search slices 2–3\)/);
    // Topic pages, their feeds and the sitemap come from the first shard only; single pages from both.
    const topicFiles = (dir: string) => listFiles(dir).filter((path) => /^topics\/[^/]+\//.test(path) || path.startsWith('sitemap'));
    expect(topicFiles(shard(1))).toEqual(topicFiles(fixture.outDir));
    expect(topicFiles(shard(2))).toEqual([]);
    expect(listFiles(shard(2))).toContain('papers.json');
    const manifest = JSON.parse(await readFile(join(shard(2), 'shard.json'), 'utf8')) as ShardManifest;
    expect(manifest).toMatchObject({ shard: '2/2', first: 6, end: 16, papers: 16, base: fixture.base });
  });

  it('puts the shards together into the site one build writes, byte for byte', async () => {
    const outDir = join(workDir, 'assembled');
    const report = await assembleShards([shard(2), shard(1)], outDir);
    expect(report).toMatchObject({ shards: 2, papers: 16 });
    const files = listFiles(fixture.outDir);
    expect(listFiles(outDir)).toEqual(files);
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(join(fixture.outDir, file)), readFile(join(outDir, file))]);
      expect(a.equals(b), `${file} differs from the whole build's`).toBe(true);
    }
  });

  it('refuses a missing shard, a shard of other seeds and shards that disagree', async () => {
    const outDir = join(workDir, 'refused');
    await expect(assembleShards([shard(1)], outDir)).rejects.toThrow(/missing 2\/2/);
    await expect(assembleShards([shard(1), shard(1), shard(2)], outDir)).rejects.toThrow(/given twice 1\/2/);
    await expect(assembleShards([fixture.outDir], outDir)).rejects.toThrow(/not the output of a shard build/);
    await expect(assembleShards([shard(1), shard(2)], shard(1))).rejects.toThrow(/overlap/);
    await expect(assembleShards([shard(1), shard(2)], workDir)).rejects.toThrow(/overlap/);

    const other = join(workDir, 'other');
    await cp(shard(2), other, { recursive: true });
    const manifest = JSON.parse(await readFile(join(other, 'shard.json'), 'utf8')) as ShardManifest;
    await writeFile(join(other, 'shard.json'), JSON.stringify({ ...manifest, list: 'another list' }));
    await expect(assembleShards([shard(1), other], outDir)).rejects.toThrow(/built from other seeds/);

    await writeFile(join(other, 'shard.json'), JSON.stringify(manifest));
    await writeFile(join(other, 'index.html'), '<!doctype html><title>changed</title>');
    await expect(assembleShards([shard(1), other], outDir)).rejects.toThrow(/index\.html differs between/);
  });
});
