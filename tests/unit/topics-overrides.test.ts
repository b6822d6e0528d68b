import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PaperText } from '../../src/lib/types.ts';
import { discoverTopics, type TopicOverride } from '../../src/lib/topics/index.ts';

const papers = JSON.parse(readFileSync(new URL('../fixtures/topics/mixed-fields.json', import.meta.url), 'utf8')) as PaperText[];

function run(overrides: TopicOverride[]) {
  const result = discoverTopics(papers, overrides);
  const byId = (id: string) => result.topics.find((topic) => topic.id === id);
  return { result, byId, ids: result.topics.map((topic) => topic.id).sort() };
}

const AUTOMATIC = [
  'gravitational-waves',
  'labour-markets',
  'loop-vectorization',
  'monetary-policy',
  'neutron-stars',
  'register-allocation',
  'transit-photometry',
];

describe('curator overrides', () => {
  it('without overrides, gives the automatic topics', () => {
    expect(run([]).ids).toEqual(AUTOMATIC);
  });

  it('rename and describe a topic, keeping its address and papers', () => {
    const { byId, ids } = run([
      { id: 'register-allocation', name: 'Register Allocation in Compilers', description: 'How compilers map values to registers.' },
    ]);
    expect(ids).toEqual(AUTOMATIC);
    const topic = byId('register-allocation')!;
    expect(topic.name).toBe('Register Allocation in Compilers');
    expect(topic.description).toBe('How compilers map values to registers.');
    expect([...topic.papers].sort()).toEqual(['comp-01', 'comp-02', 'comp-03']);
  });

  it('hide a topic; its papers keep their other topics, and none is pushed into a topic it does not fit', () => {
    const { result, ids } = run([{ id: 'labour-markets', hidden: true }]);
    expect(ids).toEqual(AUTOMATIC.filter((id) => id !== 'labour-markets'));
    // No other topic is about labour markets: these papers are now "Other papers".
    for (const paper of ['econ-04', 'econ-05', 'econ-06', 'econ-07']) expect(result.paperTopics.get(paper), paper).toEqual([]);
  });

  it('merge automatic topics into one', () => {
    const { byId, ids } = run([{ id: 'compilers', name: 'Compiler Optimisation', merge: ['register-allocation', 'loop-vectorization'] }]);
    expect(ids).toEqual(['compilers', ...AUTOMATIC.filter((id) => id !== 'register-allocation' && id !== 'loop-vectorization')].sort());
    expect(byId('compilers')!.name).toBe('Compiler Optimisation');
    expect([...byId('compilers')!.papers].sort()).toEqual(['comp-01', 'comp-02', 'comp-03', 'comp-04', 'comp-05', 'comp-06']);
  });

  it('pin a topic discovery does not produce; it gets the papers using its name', () => {
    const { byId, ids } = run([{ id: 'spill-code', name: 'Spill Code', pinned: true }]);
    expect(ids).toEqual([...AUTOMATIC, 'spill-code'].sort());
    // comp-03 names spill code in its title, comp-01 mentions it once; comp-02 never does.
    expect(byId('spill-code')!.papers).toEqual(['comp-03', 'comp-01']);
  });

  it('alias phrases bring in the papers that use them', () => {
    const pinned = run([{ id: 'central-banking', name: 'Central Banking', aliases: ['central banks', 'central bank'], pinned: true }]);
    expect([...pinned.byId('central-banking')!.papers].sort()).toEqual(['econ-02', 'econ-03']);

    // astro-09 is about kilonovae and never says "gravitational wave".
    const aliased = run([{ id: 'gravitational-waves', aliases: ['kilonovae'] }]);
    expect(aliased.byId('gravitational-waves')!.papers).toContain('astro-09');
    expect(run([]).byId('gravitational-waves')!.papers).not.toContain('astro-09');
  });

  it('fold an automatic topic into a curated one that claims its phrase', () => {
    const { byId, ids } = run([{ id: 'exoplanets', name: 'Exoplanet Transits', aliases: ['transit photometry'] }]);
    expect(ids).toEqual(['exoplanets', ...AUTOMATIC.filter((id) => id !== 'transit-photometry')].sort());
    expect([...byId('exoplanets')!.papers].sort()).toEqual(['astro-01', 'astro-02', 'astro-03', 'astro-04']);
  });

  it('drop an unpinned curated topic no paper matches', () => {
    expect(run([{ id: 'qcd', name: 'Quantum Chromodynamics' }]).ids).toEqual(AUTOMATIC);
  });
});
