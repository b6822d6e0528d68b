/**
 * The bench's papers: the list written by the project's shared generator
 * (`python3 ../shared/bench/synth.py N`, beside the repository: each seed abstract reused with 40
 * extra words drawn from all abstracts, titles built from seed titles; deterministic), so every
 * figure is comparable with issue 12's. BENCH_SYNTH names another copy of the script.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../tests/support/build-site.ts';

export const SYNTH_SCRIPT = resolve(process.env.BENCH_SYNTH ?? resolve(projectRoot, '../shared/bench/synth.py'));

/** Writes `synth.py n` to `file`; returns the text. */
export async function writeSyntheticList(n: number, file: string): Promise<string> {
  if (!existsSync(SYNTH_SCRIPT))
    throw new Error(`The bench's generator ${SYNTH_SCRIPT} is missing: set BENCH_SYNTH to the path of shared/bench/synth.py`);
  const { stdout } = await promisify(execFile)('python3', [SYNTH_SCRIPT, String(n)], { maxBuffer: 1024 ** 3 });
  await writeFile(file, stdout);
  return stdout;
}

/**
 * The (title, abstract) pairs of a synth.py list, read the simple way the yardstick site may:
 * blocks separated by blank lines, after the page chrome, in pairs.
 */
export function synthPapers(text: string): [title: string, abstract: string][] {
  const blocks = text.split('\n\n').map((block) => block.trim());
  const start = blocks.indexOf('by AK and the research community') + 1;
  const papers: [string, string][] = [];
  for (let i = start; i + 1 < blocks.length; i += 2) papers.push([blocks[i]!, blocks[i + 1]!]);
  return papers;
}
