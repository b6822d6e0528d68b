/**
 * The yardstick: a bare Astro 7 + Pagefind site over the same papers, built in the same run, so
 * the project's build time is read as a ratio that stays meaningful on a busy machine. One page
 * per paper with its title and abstract and nothing else; `astro build`, then Pagefind's CLI
 * over the output, as its documentation suggests. Generated into `dir`, which must be inside
 * the project so that Astro and Pagefind resolve from this project's node_modules.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../../tests/support/build-site.ts';
import { measureProcess, sequence, type ProcessRun } from './run.ts';

const PAGE = (papersFile: string) => `---
import { readFileSync } from 'node:fs';
export function getStaticPaths() {
  const papers: [string, string][] = JSON.parse(readFileSync(${JSON.stringify(papersFile)}, 'utf8'));
  return papers.map(([title, abstract], i) => ({ params: { id: String(i) }, props: { title, abstract } }));
}
const { title, abstract } = Astro.props;
---
<html lang="en">
  <head><meta charset="utf-8" /><title>{title}</title></head>
  <body><h1>{title}</h1><p>{abstract}</p></body>
</html>
`;

/** Builds the yardstick over `papers` in `dir` (its site in `dir/dist`). */
export async function buildYardstick(dir: string, papers: [string, string][]): Promise<{ run: ProcessRun; outDir: string }> {
  const papersFile = join(dir, 'papers.json');
  await mkdir(join(dir, 'src/pages/papers'), { recursive: true });
  await writeFile(papersFile, JSON.stringify(papers));
  await writeFile(join(dir, 'astro.config.mjs'), `export default { build: { format: 'directory' } };\n`);
  await writeFile(join(dir, 'src/pages/papers/[id].astro'), PAGE(papersFile));
  const outDir = join(dir, 'dist');
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
  const astro = await measureProcess(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', dir], {
    cwd: dir,
    env,
    timeFile: join(dir, 'time.txt'),
  });
  if (astro.exitCode !== 0) throw new Error(`yardstick astro build failed (exit ${astro.exitCode}):\n${astro.log.slice(-3000)}`);
  const pagefind = await measureProcess(
    process.execPath,
    [join(projectRoot, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', outDir],
    {
      cwd: dir,
      env,
      timeFile: join(dir, 'time.txt'),
    },
  );
  if (pagefind.exitCode !== 0) throw new Error(`yardstick pagefind failed (exit ${pagefind.exitCode}):\n${pagefind.log.slice(-3000)}`);
  return { run: sequence([astro, pagefind]), outDir };
}
