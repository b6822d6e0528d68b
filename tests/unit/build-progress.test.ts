import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PageProgress, filteredDestination } from '../../src/integrations/progress.ts';
import { pageFile } from '../../src/integrations/page-hooks.ts';
import { pipelineHeapLimits, runPipelineThread } from '../../src/loaders/pipeline-thread.ts';
import { buildCorpus, readCorpus, relatedInputs } from '../../src/lib/pipeline.ts';
import { rankTextInThread } from '../../src/loaders/related-worker.ts';
import { rankRelated } from '../../src/lib/related.ts';
import { projectRoot } from '../support/build-site.ts';

type Message = Parameters<ReturnType<typeof filteredDestination>['write']>[0];
const message = (label: string | null, text: string, newLine = true): Message => ({ label, level: 'info', message: text, newLine });

describe('build progress', () => {
  it("drops Astro's line per page and says every 10 s how many files and paper pages are written", () => {
    let now = 0;
    const reports: string[] = [];
    const progress = new PageProgress(
      (text) => reports.push(text),
      () => 3,
      10_000,
      () => now,
    );
    const passed: Message[] = [];
    const destination = filteredDestination({ write: (m) => passed.push(m) }, progress);
    destination.write(message('build', 'Building static entrypoints...'));
    for (const [path, ms] of [
      ['/papers/a/index.html', 1_000],
      ['/papers/b/index.html', 4_000],
      ['/topics/x/feed.xml', 7_000],
      ['/papers/c/index.html', 2_000],
    ] as const) {
      now += ms;
      destination.write(message(null, `  ├─ ${path}`, false));
      destination.write(message('SKIP_FORMAT', ' (+12ms) '));
    }
    destination.write(message('SKIP_FORMAT', ' (+1.20s) '));
    progress.done();
    expect(passed.map((m) => m.message)).toEqual(['Building static entrypoints...']);
    // The third line came 11 s after the first: one report then, one at the end.
    expect(reports).toEqual(['3 files written (2 of 3 paper pages)', '4 files written (3 of 3 paper pages)']);
  });
});

describe('pageFile', () => {
  it('is where Astro writes a page served at a path', () => {
    expect(pageFile('')).toBe('index.html');
    expect(pageFile('papers/x/')).toBe('papers/x/index.html');
    expect(pageFile('404')).toBe('404.html');
  });
});

describe('the pipeline in a worker thread', () => {
  it('gives the corpus the pipeline gives in this thread, and says each phase with its count', async () => {
    const name = 'a-listing.txt';
    const bytes = new Uint8Array(readFileSync(join(projectRoot, 'tests/fixtures/site/seeds', name)));
    const lines: string[] = [];
    const { corpus } = await runPipelineThread(
      {
        files: [{ name, bytes }],
        readProblems: [],
        digests: [[name, 'd']],
        overrides: [],
        cachePath: join(projectRoot, 'node_modules/.cache/test-parse-cache.json'),
      },
      (line) => lines.push(line),
    );
    const here = buildCorpus([{ name, bytes }]);
    expect({ ...corpus, timings: {} }).toEqual({ ...here, timings: {} });
    expect(lines).toEqual([
      'pipeline: reading 1 seed file(s)',
      expect.stringMatching(/^pipeline: merging \d+ listing\(s\)$/),
      `pipeline: cleaning the abstracts of ${here.papers.length} paper(s)`,
      `pipeline: finding topics among ${here.papers.length} paper(s)`,
      `pipeline: finding related papers for ${here.papers.length} paper(s)`,
    ]);
  });
});

describe('related papers ranked in a thread of their own', () => {
  it('are ranked as in this thread', async () => {
    const name = 'a-listing.txt';
    const bytes = new Uint8Array(readFileSync(join(projectRoot, 'tests/fixtures/site/seeds', name)));
    const papers = relatedInputs(readCorpus([{ name, bytes }]));
    const { ranked, ms } = await rankTextInThread(papers);
    expect(ranked).toEqual(rankRelated(papers));
    expect([...ranked.values()].some((list) => list.length > 0)).toBe(true);
    expect(ms).toBeGreaterThan(0);
  });

  it("fail with the thread's error", async () => {
    const twice = [
      { id: 'a', title: 'A', abstract: null, authors: [] },
      { id: 'a', title: 'A', abstract: null, authors: [] },
    ];
    await expect(rankTextInThread(twice)).rejects.toThrow(/duplicate paper id "a"/);
  });

  it("gives a large list's pipeline a larger young generation, and a small list's V8's default", () => {
    const seeds = (megabytes: number) => ({ files: [{ name: 'list.txt', bytes: new Uint8Array(megabytes * 1024 * 1024) }] });
    expect(pipelineHeapLimits(seeds(20))).toBeUndefined();
    expect(pipelineHeapLimits(seeds(200))).toEqual({ maxYoungGenerationSizeMb: 192 });
  });
});
