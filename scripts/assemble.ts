/**
 * `npm run assemble -- --out dist shard-1 shard-2 …`: puts the outputs of a list's shard builds
 * (`SITE_SHARD`, README "Beyond one machine") together into the site one build of the whole
 * list writes, file for file.
 *
 * 1. Checks the shards by their `shard.json` (src/integrations/shards.ts): all built from the
 *    same inputs under the same base path, each number from 1 to n once, their papers covering
 *    the list.
 * 2. Copies their files into the output folder. A file several shards write (the pages other
 *    than papers', the stylesheets, the search code, the sitemap) must be the same in each.
 * 3. Writes what depends on the whole site: the service worker's precache list (`sw.js`) and
 *    `_headers`, whose security policy allows what any shard's pages need.
 */
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { policyInHeadersFile } from '../src/lib/security/headers-file.ts';
import { parsePolicy, serializePolicy, unitePolicies } from '../src/lib/security/policy.ts';
import { writeServiceWorker } from '../src/integrations/offline.ts';
import { writeHeadersFile } from '../src/integrations/content-security-policy.ts';
import { SHARD_MANIFEST, type ShardManifest } from '../src/integrations/shards.ts';
import { builtFiles, inBatches } from '../src/integrations/built-files.ts';

/** Files each shard writes for itself alone, which the assembly writes again for the whole site. */
const PER_SHARD = new Set([SHARD_MANIFEST, 'sw.js', '_headers']);

export class AssemblyError extends Error {
  override name = 'AssemblyError';
}

export interface AssemblyReport {
  shards: number;
  papers: number;
  files: number;
  /** Files more than one shard wrote (the same in each). */
  shared: number;
}

async function readManifest(dir: string): Promise<ShardManifest> {
  try {
    return JSON.parse(await readFile(join(dir, SHARD_MANIFEST), 'utf8')) as ShardManifest;
  } catch (error) {
    throw new AssemblyError(`${dir} is not the output of a shard build (no readable ${SHARD_MANIFEST}: build it with SITE_SHARD=k/n)`, {
      cause: error,
    });
  }
}

/** Do the shards make one list between them? Returns them in shard order. */
function checkShards(shards: { dir: string; manifest: ShardManifest }[]): { dir: string; manifest: ShardManifest }[] {
  const [first] = shards;
  if (!first) throw new AssemblyError('no shard folders given');
  const { count, list, papers, base } = first.manifest;
  for (const { dir, manifest } of shards) {
    if (manifest.list !== list || manifest.papers !== papers)
      throw new AssemblyError(
        `${dir} was built from other seeds than ${first.dir} (list ${manifest.list} of ${manifest.papers} papers, not ${list} of ${papers})`,
      );
    if (manifest.base !== base) throw new AssemblyError(`${dir} was built for SITE_BASE=${manifest.base}, ${first.dir} for ${base}`);
    if (manifest.count !== count)
      throw new AssemblyError(
        `${dir} is shard ${manifest.shard}, ${first.dir} shard ${first.manifest.shard}: not the same number of shards`,
      );
  }
  const sorted = [...shards].sort((a, b) => a.manifest.index - b.manifest.index);
  const numbers = sorted.map((shard) => shard.manifest.index + 1);
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((n) => !numbers.includes(n));
  const twice = numbers.filter((n, i) => numbers.indexOf(n) !== i);
  if (missing.length > 0 || twice.length > 0)
    throw new AssemblyError(
      `the shards of a site are 1/${count} to ${count}/${count}, each once:` +
        `${missing.length > 0 ? ` missing ${missing.map((n) => `${n}/${count}`).join(', ')}` : ''}` +
        `${twice.length > 0 ? ` given twice ${twice.map((n) => `${n}/${count}`).join(', ')}` : ''}`,
    );
  sorted.forEach(({ dir, manifest }, i) => {
    const expectedFirst = i === 0 ? 0 : sorted[i - 1]!.manifest.end;
    if (manifest.first !== expectedFirst || (i === sorted.length - 1 && manifest.end !== papers))
      throw new AssemblyError(
        `${dir} (shard ${manifest.shard}) holds papers ${manifest.first}–${manifest.end}, which do not follow on from the other shards'`,
      );
  });
  return sorted;
}

/**
 * Copies a shard's files into `outDir`; a file already there (from an earlier shard) must have
 * the same bytes. Returns how many were there already.
 */
async function copyShard(dir: string, outDir: string, written: Map<string, string>): Promise<number> {
  const files = (await builtFiles(dir)).filter((path) => !PER_SHARD.has(path));
  const shared = await inBatches(files, async (path) => {
    const target = join(outDir, path);
    const earlier = written.get(path);
    if (earlier !== undefined) {
      const [mine, theirs] = await Promise.all([readFile(join(dir, path)), readFile(target)]);
      if (!mine.equals(theirs))
        throw new AssemblyError(`${path} differs between ${earlier} and ${dir}: were both built from the same commit and settings?`);
      return true;
    }
    written.set(path, dir);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(dir, path), target);
    return false;
  });
  return shared.filter(Boolean).length;
}

/** Is one of the two folders the other or inside it? */
const overlaps = (a: string, b: string) => {
  const [x, y] = [resolve(a), resolve(b)];
  return x === y || x.startsWith(`${y}${sep}`) || y.startsWith(`${x}${sep}`);
};

export async function assembleShards(shardDirs: readonly string[], outDir: string): Promise<AssemblyReport> {
  // The output folder is emptied first: never a shard's folder, nor one holding or inside it.
  const inside = shardDirs.find((dir) => overlaps(dir, outDir));
  if (inside !== undefined)
    throw new AssemblyError(`the output folder ${outDir} and the shard folder ${inside} overlap: write the site elsewhere`);
  const shards = checkShards(await Promise.all(shardDirs.map(async (dir) => ({ dir, manifest: await readManifest(dir) }))));
  const { base, precacheLimits, papers } = shards[0]!.manifest;
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const written = new Map<string, string>();
  let shared = 0;
  for (const { dir } of shards) shared += await copyShard(dir, outDir, written);
  // The precache list before `_headers`, which hosts read but do not serve: it is not precached.
  await writeServiceWorker(outDir, base, precacheLimits);
  const policies = await Promise.all(
    shards.map(async ({ dir }) => {
      const policy = policyInHeadersFile(await readFile(join(dir, '_headers'), 'utf8'));
      if (policy === null) throw new AssemblyError(`${dir}/_headers sets no Content-Security-Policy`);
      return parsePolicy(policy);
    }),
  );
  const warnings = await writeHeadersFile(outDir, base, serializePolicy(unitePolicies(policies)));
  for (const warning of warnings) console.warn(warning);
  return { shards: shards.length, papers, files: written.size, shared };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: true });
  if (!values.out || positionals.length === 0) {
    console.error('usage: npm run assemble -- --out <folder> <shard folder> <shard folder> …');
    process.exit(2);
  }
  try {
    const report = await assembleShards(
      positionals.map((dir) => resolve(dir)),
      resolve(values.out),
    );
    console.log(
      `assembled ${report.shards} shard(s) of ${report.papers} papers into ${values.out}: ${report.files} files (${report.shared} written by more than one shard, the same in each)`,
    );
  } catch (error) {
    console.error(error instanceof AssemblyError ? `assemble: ${error.message}` : error);
    process.exit(1);
  }
}
