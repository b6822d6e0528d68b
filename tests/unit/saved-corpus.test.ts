import { afterAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { readSavedCorpus, saveCorpus } from '../../src/loaders/saved-corpus.ts';
import { readInputs } from '../../src/loaders/corpus.ts';

const listing = (papers: [string, string][]) =>
  new TextEncoder().encode(papers.map(([title, abstract]) => `${title}\n\n${abstract}`).join('\n\n'));

describe('the pipeline result saved to a file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'saved-corpus-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const corpus = buildCorpus([
    {
      name: 'day.txt',
      bytes: listing([
        [
          'Diffusion Policy for Visuomotor Control',
          'We learn robot policies with denoising diffusion over action sequences from human demonstrations.',
        ],
        [
          'Reward Learning from Play',
          'Play data gives rewards for reinforcement learning without any labelled demonstrations of the task.',
        ],
      ]),
    },
  ]);

  it('reads back what was saved for the same inputs, Maps and all', async () => {
    const path = join(dir, 'same.bin');
    const bytes = await saveCorpus(path, 'key-1', corpus);
    const saved = await readSavedCorpus(path, 'key-1');
    expect(saved).toEqual({ found: 'same', corpus, bytes });
  });

  it('does not read a result saved for other inputs, nor a missing file', async () => {
    const path = join(dir, 'other.bin');
    await saveCorpus(path, 'key-1', corpus);
    expect(await readSavedCorpus(path, 'key-2')).toEqual({ found: 'other', key: 'key-1' });
    expect(await readSavedCorpus(join(dir, 'missing.bin'), 'key-1')).toEqual({ found: 'none' });
  });

  it('refuses a file that is not a saved result, naming it', async () => {
    const path = join(dir, 'notes.txt');
    await writeFile(path, 'my notes\n');
    await expect(readSavedCorpus(path, 'key-1')).rejects.toThrow(`${path} is not a saved pipeline result`);
  });
});

describe("the key of a saved result (the pipeline's inputs)", async () => {
  const dir = await mkdtemp(join(tmpdir(), 'saved-corpus-key-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const checkout = async (name: string, text: string) => {
    const root = join(dir, name);
    await mkdir(join(root, 'seeds'), { recursive: true });
    await writeFile(join(root, 'seeds', 'day.txt'), text);
    return (await readInputs({ seedsDir: 'seeds', topicsDir: 'src/content/topics' }, root)).key;
  };

  it('is the same in two checkouts of the same seeds, and differs when a seed file does', async () => {
    const text = 'Reward Learning from Play\n\nPlay data gives rewards for reinforcement learning.\n';
    const here = await checkout('job-1', text);
    expect(await checkout('elsewhere/job-2', text)).toBe(here);
    expect(await checkout('job-3', text + '\nA Second Paper\n\nIts abstract.\n')).not.toBe(here);
  });
});
