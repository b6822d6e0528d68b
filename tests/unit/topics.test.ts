import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PaperText } from '../../src/lib/types.ts';
import { discoverTopics, slugify, titleCase } from '../../src/lib/topics/index.ts';
import { oneTopicPerName } from '../../src/lib/topics/discover.ts';
import type { TopicGroup } from '../../src/lib/topics/select.ts';
import { acronymDefinitions } from '../../src/lib/text/analysis/corpus.ts';
import { looksLikeAcronym } from '../../src/lib/text/analysis/acronyms.ts';
import { termScore } from '../../src/lib/topics/key-terms.ts';
import { isGenericPhrase } from '../../src/lib/topics/generic-phrases.ts';
import { isPlaceName } from '../../src/lib/topics/place-names.ts';
import { sameSubject } from '../../src/lib/topics/select.ts';
import { normalizePhrase } from '../../src/lib/text/tokenize.ts';
import { preferredSpelling } from '../../src/lib/text/analysis/spelling.ts';

/** The papers of a judged list (tests/fixtures/judgements/). */
function judgedPapers(name: string): PaperText[] {
  return (JSON.parse(readFileSync(new URL(`../fixtures/judgements/${name}.json`, import.meta.url), 'utf8')) as { papers: PaperText[] })
    .papers;
}

function fixture(name: string): PaperText[] {
  return JSON.parse(readFileSync(new URL(`../fixtures/topics/${name}`, import.meta.url), 'utf8')) as PaperText[];
}

/** Topic name → its paper ids, sorted, for comparing memberships regardless of rank. */
function membership(result: ReturnType<typeof discoverTopics>): Record<string, string[]> {
  return Object.fromEntries(result.topics.map((topic) => [topic.name, [...topic.papers].sort()]));
}

function topicNamed(result: ReturnType<typeof discoverTopics>, name: string) {
  const topic = result.topics.find((candidate) => candidate.name === name);
  if (topic === undefined) throw new Error(`no topic named ${name}; have ${result.topics.map((t) => t.name).join(', ')}`);
  return topic;
}

/** Every paper has an entry (maybe empty: a paper that fits no topic), and `paperTopics` says the same as the topics' paper lists. */
function expectConsistent(papers: readonly PaperText[], result: ReturnType<typeof discoverTopics>): void {
  expect([...result.paperTopics.keys()].sort()).toEqual(papers.map((paper) => paper.id).sort());
  for (const [paper, topics] of result.paperTopics) {
    for (const id of topics) expect(result.topics.find((topic) => topic.id === id)!.papers).toContain(paper);
  }
  for (const topic of result.topics) {
    for (const paper of topic.papers) expect(result.paperTopics.get(paper)).toContain(topic.id);
  }
}

describe('discoverTopics on papers outside machine learning', () => {
  const papers = fixture('mixed-fields.json');
  const result = discoverTopics(papers);

  it('finds the topics a researcher would name, with the obvious members', () => {
    expect(membership(result)).toEqual({
      'Gravitational Waves': ['astro-05', 'astro-06', 'astro-07', 'astro-08'],
      'Labour Markets': ['econ-04', 'econ-05', 'econ-06', 'econ-07'],
      'Loop Vectorization': ['comp-04', 'comp-05', 'comp-06'],
      'Monetary Policy': ['econ-01', 'econ-02', 'econ-03'],
      'Neutron Stars': ['astro-05', 'astro-08', 'astro-09'],
      'Register Allocation': ['comp-01', 'comp-02', 'comp-03'],
      'Transit Photometry': ['astro-01', 'astro-02', 'astro-03', 'astro-04'],
    });
  });

  it('derives ids from names', () => {
    for (const topic of result.topics) expect(topic.id).toBe(slugify(topic.name));
    expect(topicNamed(result, 'Gravitational Waves').id).toBe('gravitational-waves');
  });

  it('does not let a word used in another sense pull a paper in', () => {
    // "public transit" is not transit photometry; an "employer register" and the "allocation
    // of workers" are not register allocation.
    expect(result.paperTopics.get('econ-06')).not.toContain('transit-photometry');
    expect(result.paperTopics.get('econ-04')).not.toContain('register-allocation');
  });

  it('counts a paper that only uses a defined acronym', () => {
    // astro-08 says "GW events" only; astro-05 defines "gravitational waves (GWs)".
    const waves = topicNamed(result, 'Gravitational Waves');
    expect(waves.papers).toContain('astro-08');
    // The acronym only says the name again: not a key term.
    expect(waves.keyTerms).not.toContain('GW');
  });

  it('shows characteristic phrases as key terms, not words of the name or generic words', () => {
    expect(topicNamed(result, 'Register Allocation').keyTerms).toEqual(['graph coloring', 'spill code']);
    expect(topicNamed(result, 'Transit Photometry').keyTerms).toEqual(['light curves']);
    expect(topicNamed(result, 'Monetary Policy').keyTerms).toEqual(['inflation expectations']);
  });

  it('does not make a topic of another phrase for the same papers', () => {
    // "light curves" is in all four transit-photometry papers and in no other.
    expect(result.topics.map((topic) => topic.name)).not.toContain('Light Curves');
  });

  it('gives every paper a topic here (each fits one) and keeps both views consistent', () => {
    expectConsistent(papers, result);
    for (const [paper, topics] of result.paperTopics) expect(topics.length, paper).toBeGreaterThan(0);
  });

  it('ranks papers naming the topic in their title first', () => {
    expect(topicNamed(result, 'Neutron Stars').papers[0]).toBe('astro-09');
  });

  it('relates topics that share papers', () => {
    expect(topicNamed(result, 'Neutron Stars').related).toContain('gravitational-waves');
    expect(topicNamed(result, 'Monetary Policy').related).not.toContain('register-allocation');
  });

  it('keeps topic ids when a paper is added', () => {
    const more = discoverTopics([
      ...papers,
      {
        id: 'astro-10',
        title: 'Phase Curves of Hot Jupiters from Transit Photometry',
        abstract: 'We extract phase curves from transit photometry.',
      },
    ]);
    expect(more.topics.map((topic) => topic.id).sort()).toEqual(result.topics.map((topic) => topic.id).sort());
    expect(more.paperTopics.get('astro-10')).toEqual(['transit-photometry']);
  });

  it('places a paper about a topic in other words in that topic, not in one it mentions in passing', () => {
    const kernels = {
      id: 'comp-07',
      title: 'Faster Sparse Matrix Kernels on Vector Processors',
      abstract:
        'Sparse matrix kernels dominate simulations of galaxies, monetary policy models and weather. We reorder loops and data layouts so that the kernels use the vector units of modern processors and run three times faster.',
    };
    const more = discoverTopics([...papers, kernels]);
    expect(more.paperTopics.get('comp-07')).toEqual(['loop-vectorization']);
  });

  it('honours a smaller number of topics per paper', () => {
    const single = discoverTopics(papers, [], { maxTopicsPerPaper: 1 });
    for (const topics of single.paperTopics.values()) expect(topics.length).toBeLessThanOrEqual(1);
    // astro-05 and astro-08 are about gravitational waves first, neutron stars second.
    expect(single.paperTopics.get('astro-08')).toEqual(['gravitational-waves']);
  });

  it('does not depend on input order', () => {
    const reordered = [...papers].reverse();
    [reordered[0], reordered[5]] = [reordered[5]!, reordered[0]!];
    const again = discoverTopics(reordered);
    expect(again.topics).toEqual(result.topics);
    expect([...again.paperTopics].sort()).toEqual([...result.paperTopics].sort());
  });
});

describe('discoverTopics on a small machine-learning corpus', () => {
  const papers = fixture('ml-small.json');
  const result = discoverTopics(papers);

  it('names topics by their key phrases, joined with their acronyms', () => {
    const byName = membership(result);
    expect(byName['Imitation Learning']).toEqual(['il-1', 'il-2', 'il-3', 'il-4']);
    expect(byName['Vision-Language-Action Models']).toEqual(['vla-1', 'vla-2', 'vla-3']);
    expect(byName['Few-Shot Class-Incremental Learning']).toEqual(['cil-1', 'cil-2', 'cil-3']);
    expect(byName['Reinforcement Learning from Human Feedback']).toEqual(['rlhf-1', 'rlhf-2', 'rlhf-3']);
  });

  it('counts papers that only write the acronym', () => {
    // il-4 writes "IL", vla-3 "VLAs", cil-3 "FSCIL", rlhf-2 "RLHF".
    expect(result.paperTopics.get('il-4')).toContain('imitation-learning');
    expect(result.paperTopics.get('vla-3')).toContain('vision-language-action-models');
    expect(result.paperTopics.get('cil-3')).toContain('few-shot-class-incremental-learning');
    expect(result.paperTopics.get('rlhf-2')).toContain('reinforcement-learning-from-human-feedback');
  });

  it('keeps imitation of art styles and the imitation game out of imitation learning', () => {
    const imitation = topicNamed(result, 'Imitation Learning');
    expect(imitation.papers).not.toContain('gogh');
    expect(imitation.papers).not.toContain('game');
    expect(result.paperTopics.get('game')).toContain('language-models');
  });

  it('never makes a catch-all topic, and leaves a paper that fits no topic without one', () => {
    expectConsistent(papers, result);
    for (const topic of result.topics) expect(topic.papers.length).toBeLessThanOrEqual(Math.floor(papers.length / 3));
    // The imitation threshold of text-to-image models: no topic here is about it.
    expect(result.paperTopics.get('gogh')).toEqual([]);
    for (const [paper, topics] of result.paperTopics) if (paper !== 'gogh') expect(topics.length, paper).toBeGreaterThan(0);
  });

  it('does not repeat the acronym or the name words of a topic among its key terms', () => {
    for (const topic of result.topics) {
      const nameWords = topic.name.toLowerCase().split(/[\s-]+/);
      for (const term of topic.keyTerms) {
        expect(['FSCIL', 'RLHF', 'VLA', 'VLAs', 'IL'], topic.name).not.toContain(term);
        expect(nameWords, `${topic.name}: ${term}`).not.toContain(term.toLowerCase());
      }
    }
    expect(topicNamed(result, 'Few-Shot Class-Incremental Learning').keyTerms).toEqual(['incremental sessions']);
  });
});

describe('discoverTopics on degenerate input', () => {
  it('returns nothing for no papers', () => {
    const result = discoverTopics([]);
    expect(result.topics).toEqual([]);
    expect(result.paperTopics.size).toBe(0);
  });

  it('gives a tiny corpus of unrelated papers no topic: a topic of one paper is its title again', () => {
    const papers = [
      { id: 'a', title: 'Register Allocation via Graph Coloring', abstract: null },
      { id: 'b', title: 'Monetary Policy Shocks', abstract: '' },
    ];
    const result = discoverTopics(papers);
    expectConsistent(papers, result);
    expect(result.topics).toEqual([]);
  });

  it('finds the shared subject of a tiny corpus, two papers at least', () => {
    const papers = [
      { id: 'a', title: 'Register Allocation via Graph Coloring', abstract: 'Register allocation by coloring.' },
      { id: 'b', title: 'Linear Scan Register Allocation', abstract: 'Register allocation in linear time.' },
      { id: 'c', title: 'Monetary Policy Shocks', abstract: 'Central banks and shocks.' },
    ];
    const result = discoverTopics(papers);
    expectConsistent(papers, result);
    expect(result.topics.map((topic) => [topic.name, topic.papers])).toEqual([['Register Allocation', ['a', 'b']]]);
  });

  it('never names a topic with a word twice in a row, as titles run together can write it', () => {
    const papers = [
      { id: 'a', title: 'Register Register Allocation via Graph Coloring', abstract: 'Register register allocation.' },
      { id: 'b', title: 'Register Register Pressure and Graph Coloring', abstract: 'Register register pressure.' },
      { id: 'c', title: 'Register Register Renaming in Out-of-Order Cores', abstract: 'Register register renaming.' },
      { id: 'd', title: 'Monetary Policy Shocks', abstract: 'Central banks and shocks.' },
    ];
    const result = discoverTopics(papers);
    expectConsistent(papers, result);
    expect(result.topics.map((topic) => [topic.name, topic.papers])).toEqual([['Graph Coloring', ['a', 'b']]]);
  });

  it('treats a repeated id as one paper', () => {
    const result = discoverTopics([
      { id: 'a', title: 'Register Allocation', abstract: null },
      { id: 'a', title: 'Register Allocation', abstract: 'Register allocation again.' },
      { id: 'b', title: 'Register Allocation by Graph Coloring', abstract: null },
    ]);
    expect(result.topics.map((topic) => topic.papers)).toEqual([['a', 'b']]);
  });
});

describe('acronym definitions', () => {
  const definitionsIn = (abstract: string) =>
    acronymDefinitions(abstract).map((definition) => [definition.acronym, definition.longForm.join(' ')]);

  it('match the initials of the words just before the parentheses', () => {
    expect(definitionsIn('We study few-shot class-incremental learning (FSCIL) here.')).toEqual([
      ['FSCIL', 'few shot class increment learn'],
    ]);
    expect(definitionsIn('Vision-Language-Action (VLA) models act.')).toEqual([['VLA', 'vision languag action']]);
    expect(definitionsIn('Reinforcement Learning from Human Feedback (RLHF) aligns models.')).toEqual([
      ['RLHF', 'reinforc learn from human feedback'],
    ]);
    expect(definitionsIn('Large Language Models (LLMs) write.')).toEqual([['LLM', 'larg languag model']]);
    expect(definitionsIn('Video PreTraining (VPT) uses videos.')).toEqual([['VPT', 'video pretrain']]);
  });

  it('do not reach past the long form for a letter a stop word already gives', () => {
    // "few" is a stop word but starts the compound "Few-Shot": the F is its, not "framework"'s.
    expect(definitionsIn('We propose a framework for Few-Shot Class-Incremental Learning (FSCIL).')).toEqual([
      ['FSCIL', 'few shot class increment learn'],
    ]);
  });

  it('ignore parentheses that do not hold an acronym of the preceding words', () => {
    expect(definitionsIn('The results (see Table 1) hold.')).toEqual([]);
    expect(definitionsIn('Our model (GPT) is small.')).toEqual([]);
    expect(definitionsIn('Imitation learning (ours) works.')).toEqual([]);
  });

  it('recognise acronym-like tokens', () => {
    expect(looksLikeAcronym('VLA')).toBe(true);
    expect(looksLikeAcronym('LLMs')).toBe(true);
    expect(looksLikeAcronym('LfD')).toBe(true);
    expect(looksLikeAcronym('FluidLab')).toBe(false);
    expect(looksLikeAcronym('Table')).toBe(false);
  });
});

describe('phrase tests', () => {
  it('tell a variant of a phrase from a phrase about something else', () => {
    expect(sameSubject('deep reinforc learn', 'reinforc learn')).toBe(true);
    expect(sameSubject('human feedback', 'reinforc learn from human feedback')).toBe(true);
    expect(sameSubject('imit learn from observ', 'imit learn')).toBe(true);
    expect(sameSubject('larg languag model agent', 'larg languag model')).toBe(false);
    expect(sameSubject('languag model', 'vision languag model action')).toBe(false);
    expect(sameSubject('robot manipul', 'dexter manipul')).toBe(false);
  });

  it('recognise generic phrases, phrases starting with one and phrases with a generic head', () => {
    expect(isGenericPhrase(normalizePhrase('artificial intelligence'))).toBe(true);
    expect(isGenericPhrase(normalizePhrase('latent space'))).toBe(true);
    expect(isGenericPhrase(normalizePhrase('real-world robots'))).toBe(true);
    expect(isGenericPhrase(normalizePhrase('manipulation tasks'))).toBe(true);
    expect(isGenericPhrase(normalizePhrase('reinforcement learning perspective'))).toBe(true);
    expect(isGenericPhrase(normalizePhrase('autonomous driving'))).toBe(false);
    expect(isGenericPhrase(normalizePhrase('large language models'))).toBe(false);
    expect(isGenericPhrase(normalizePhrase('world models'))).toBe(false);
  });

  it('recognise countries and continents, and not the phrases that contain one', () => {
    for (const place of ['China', 'South Africa', 'United States', 'Europe', 'Uganda'])
      expect(isPlaceName(normalizePhrase(place)), place).toBe(true);
    for (const subject of ['South China Sea', 'Chinese', 'Antarctica', 'Atlantic Meridional Overturning Circulation', 'Minecraft'])
      expect(isPlaceName(normalizePhrase(subject)), subject).toBe(false);
  });

  it('score terms frequent in a topic and rare elsewhere above terms common everywhere', () => {
    // In 4 of a topic's 5 papers: only there, or also in 40 of 95 other papers.
    expect(termScore(0.8, 5, 4, 100)).toBeGreaterThan(termScore(0.8, 5, 44, 100));
    expect(termScore(0.8, 5, 44, 100)).toBe(0);
    // As common inside as outside: nothing to show.
    expect(termScore(0.2, 10, 20, 100)).toBe(0);
  });
});

describe('names and slugs', () => {
  it('title-cases phrases the way researchers write headings', () => {
    expect(titleCase('reinforcement learning from human feedback')).toBe('Reinforcement Learning from Human Feedback');
    expect(titleCase('in-context learning')).toBe('In-Context Learning');
    expect(titleCase('vision-language-action models')).toBe('Vision-Language-Action Models');
    expect(titleCase('state-of-the-art methods')).toBe('State-of-the-Art Methods');
  });

  it('keeps the capitals the corpus uses for acronyms and names', () => {
    expect(titleCase('llms as judges', new Map([['llms', 'LLMs']]))).toBe('LLMs as Judges');
    expect(titleCase('ChatGPT prompting')).toBe('ChatGPT Prompting');
    // One capital next to digits is written so on purpose too.
    expect(titleCase('3D Gaussian Splatting')).toBe('3D Gaussian Splatting');
    expect(titleCase('GPT-4o agents')).toBe('GPT-4o Agents');
  });

  it('prefers, between spellings as frequent, the one without capitals that spell out an acronym', () => {
    expect(
      preferredSpelling(
        new Map([
          ['3D GAussians', 1],
          ['3D Gaussians', 1],
        ]),
      ),
    ).toBe('3D Gaussians');
    expect(
      preferredSpelling(
        new Map([
          ['Recursive IntroSpEction', 2],
          ['Recursive Introspection', 2],
        ]),
      ),
    ).toBe('Recursive Introspection');
    // Capitals starting words are not counted: ties stay in code-point order.
    expect(
      preferredSpelling(
        new Map([
          ['Model agents', 1],
          ['Model Agents', 1],
        ]),
      ),
    ).toBe('Model Agents');
  });

  it('names every topic with words the list writes, never with stems', () => {
    // Two-paper topics reach phrases only acronyms write: "OpenVLA" read as "open vision language action".
    const papers = judgedPapers('day-listing');
    const written = new Set(papers.flatMap((paper) => `${paper.title} ${paper.abstract ?? ''}`.toLowerCase().split(/[^\p{L}\p{N}]+/u)));
    const names = discoverTopics(papers, [], { minPapers: 2 }).topics.map((topic) => topic.name);
    expect(names).toContain('OpenVLA');
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      for (const word of name
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean))
        expect(written, `"${word}" in "${name}"`).toContain(word);
    }
  });

  it('makes one topic of phrases written alike (two long forms of one acronym)', () => {
    const group = (key: string): TopicGroup => ({
      keys: [key],
      stemCount: 4,
      members: [],
      singleWord: false,
      commonWord: false,
      rarity: 1,
    });
    const merged = oneTopicPerName(
      [group('jarvi vision languag action'), group('robot polici'), group('jarvi visual languag action')],
      ['JARVIS-VLA', 'Robot Policies', 'JARVIS-VLA'],
    );
    expect(merged.names).toEqual(['JARVIS-VLA', 'Robot Policies']);
    expect(merged.groups.map((g) => g.keys)).toEqual([['jarvi vision languag action', 'jarvi visual languag action'], ['robot polici']]);
  });

  it('makes lowercase ASCII slugs', () => {
    expect(slugify('Few-Shot Class-Incremental Learning')).toBe('few-shot-class-incremental-learning');
    expect(slugify('Ünïcode Tópics & GPT-4')).toBe('unicode-topics-gpt-4');
    // Names with no ASCII letters still get a stable, distinct address.
    expect(slugify('???')).toMatch(/^[0-9a-f]{6}$/);
    expect(slugify('Αστρονομία')).not.toBe(slugify('Οικονομία'));
  });
});

describe('discoverTopics on a list mixing five fields, three named by one common noun', () => {
  const papers = judgedPapers('five-fields');
  const result = discoverTopics(papers);
  const names = result.topics.map((topic) => topic.name);

  it('names a field by its one common noun when its papers form a cluster', () => {
    expect(names).toEqual(expect.arrayContaining(['Glaciers', 'Tuberculosis', 'Wildfires', 'Manuscripts', 'Quantum Error Correction']));
    expect(topicNamed(result, 'Glaciers').papers.sort()).toEqual(['g1', 'g2', 'g3', 'g4', 'g5']);
  });

  it('makes no topic of a word that papers of different fields share', () => {
    for (const word of ['Error', 'Errors', 'Transmission', 'Surface', 'Satellite', 'Detection', 'Losses'])
      expect(names).not.toContain(word);
  });

  it('leaves papers of no field without a topic rather than in the nearest one', () => {
    expect(result.paperTopics.get('x1')).toEqual([]);
    expect(result.paperTopics.get('x2')).toEqual([]);
  });
});

describe("discoverTopics on a day's listing with subjects of two papers", () => {
  // Written by a helper who never saw the code (tests/fixtures/judgements/day-listing-b.json).
  const papers = judgedPapers('day-listing-b');
  const result = discoverTopics(papers);

  it('makes a topic of two papers that both name a phrase', () => {
    expect(topicNamed(result, 'Mixture-of-Experts').papers.sort()).toEqual(['moe-1', 'moe-2']);
    expect(topicNamed(result, 'Medical Image Segmentation').papers.sort()).toEqual(['med-1', 'med-2']);
  });

  it('never makes one of a lone word, nor of two papers a topic already holds', () => {
    for (const topic of result.topics.filter((t) => t.papers.length === 2)) {
      expect(topic.name, topic.name).toMatch(/[\s-]/);
      const elsewhere = result.topics.filter((other) => other !== topic && topic.papers.every((paper) => other.papers.includes(paper)));
      expect(
        elsewhere.map((other) => other.name),
        topic.name,
      ).toEqual([]);
    }
  });

  it('writes a name as the list does, not with the capitals of an acronym spelled out', () => {
    // "Segment Any 3D GAussians (SAGA)" in an abstract, "Segment Any 3D Gaussians" in the title.
    expect(topicNamed(result, '3D Gaussians').papers.sort()).toEqual(['gs-2', 'gs-3']);
  });
});

describe('discoverTopics on a listing from many fields with several studies from one country', () => {
  // Written by a helper who never saw the code (tests/fixtures/judgements/day-listing-c.json):
  // three COVID-19 studies and one on colistin resistance write "China" like a name.
  const papers = judgedPapers('day-listing-c');
  const result = discoverTopics(papers);

  it('names no topic after a country, and groups the studies by their subject', () => {
    expect(result.topics.map((topic) => topic.name)).not.toContain('China');
    expect(topicNamed(result, 'COVID-19').papers.sort()).toEqual(['cov-1', 'cov-2', 'cov-3', 'cov-4']);
  });
});

describe('discoverTopics on a life-science list', () => {
  // Written by a helper who never saw the code (tests/fixtures/judgements/field-list-d.json).
  const papers = judgedPapers('field-list-d');
  const { topics } = discoverTopics(papers);
  const names = topics.map((topic) => topic.name);

  it('makes no topic of a name every subfield writes, and keeps those of subjects', () => {
    // "RNA" gathered sixteen papers on RNA editing, mRNA vaccines, single-cell sequencing and CRISPR.
    expect(names).not.toContain('RNA');
    expect(names).not.toContain('DNA');
    expect(names).toEqual(expect.arrayContaining(['Cas9', 'Cryo-EM', 'Alzheimer Disease']));
  });

  it('gives one subject one topic, not two holding nearly the same papers', () => {
    // It had "Electron Cryo-Microscopy" (three of its four papers in Cryo-EM) and "Individual
    // Cells" (four of five in Single Cells).
    expect(names).toEqual(expect.arrayContaining(['Cryo-EM', 'Single Cells']));
    expect(names).not.toContain('Electron Cryo-Microscopy');
    expect(names).not.toContain('Individual Cells');
    expect(topics.find((topic) => topic.name === 'Cryo-EM')!.papers.length).toBe(5);
  });
});

describe('discoverTopics on two topics named after the same word', () => {
  const P = (id: string, title: string, abstract: string): PaperText => ({ id, title, abstract });
  const papers: PaperText[] = [
    P(
      'gt1',
      'Graph Transformers for Molecule Property Prediction',
      'We apply graph transformers to molecules. Unlike graph neural networks, which pass messages between neighbours, graph transformers attend over all atoms. Graph neural networks remain a strong baseline on small molecules.',
    ),
    P(
      'gt2',
      'Scalable Graph Transformers with Sparse Attention',
      'Graph transformers scale poorly with graph size. We propose sparse attention for graph transformers and compare with graph neural networks on citation graphs; graph neural networks are faster but less accurate.',
    ),
    P(
      'gt3',
      'Positional Encodings for Graph Transformers',
      'Graph transformers need positional encodings of nodes. We study Laplacian encodings and show they help graph transformers more than graph neural networks, which already see the graph structure.',
    ),
    P(
      'gnn1',
      'Graph Neural Networks for Traffic Forecasting',
      'We model road networks with graph neural networks that pass messages between sensors, forecasting traffic speed an hour ahead.',
    ),
    P(
      'gnn2',
      'Oversmoothing in Deep Graph Neural Networks',
      'Deep graph neural networks make node features alike. We measure oversmoothing and propose residual connections for graph neural networks.',
    ),
    P(
      'gnn3',
      'Graph Neural Networks for Recommender Systems',
      'Users and items form a bipartite graph; graph neural networks propagate preferences along its edges to recommend items.',
    ),
    P(
      'gnn4',
      'Expressive Power of Graph Neural Networks',
      'We relate graph neural networks to the Weisfeiler-Lehman test and show which graph properties message passing cannot detect.',
    ),
    P(
      'v1',
      'Vision Transformers for Image Classification',
      'Vision transformers split images into patches and attend over them; with enough data they match convolutional neural networks.',
    ),
    P(
      'v2',
      'Efficient Vision Transformers on Mobile Devices',
      'We prune attention heads of vision transformers so that they run on phones, unlike large neural networks that need a server.',
    ),
    P(
      'v3',
      'Training Vision Transformers with Less Data',
      'Vision transformers need large datasets. Distillation from convolutional neural networks lets them learn from fewer images.',
    ),
    P(
      's1',
      'Neural Networks for Speech Recognition in Noise',
      'Recurrent neural networks transcribe speech; we add transformers for long context and train on noisy recordings.',
    ),
    P(
      's2',
      'Transformers for Machine Translation of Rare Languages',
      'Transformers translate between languages; for rare languages we pretrain neural networks on related languages first.',
    ),
    P(
      'r1',
      'Reinforcement Learning for Robot Grasping',
      'A robot learns to grasp objects by trial and error with a reward for lifting them.',
    ),
    P(
      'r2',
      'Offline Reinforcement Learning from Logged Data',
      'We learn policies from logged interactions without new trials, correcting for distribution shift.',
    ),
    P(
      'r3',
      'Reward Shaping for Sparse Reinforcement Learning',
      'Sparse rewards slow learning; we shape rewards with potential functions and keep optimal policies.',
    ),
    P('c1', 'Contrastive Learning of Image Features', 'Two views of an image should map to nearby features; we learn them without labels.'),
    P(
      'c2',
      'Self-Supervised Audio Features from Raw Waveforms',
      'We predict masked stretches of audio and reuse the features for speaker identification.',
    ),
    P('c3', 'Label Noise in Large Image Datasets', 'Crowd labels are noisy; we estimate the noise rate and reweight training examples.'),
  ];
  const result = discoverTopics(papers);

  it('lists a paper of the narrower topic only there, not again under the broader one', () => {
    expect(membership(result)['Graph Transformers']).toEqual(['gt1', 'gt2', 'gt3']);
    expect(membership(result)['Graph Neural Networks']).toEqual(['gnn1', 'gnn2', 'gnn3', 'gnn4']);
    expectConsistent(papers, result);
  });
});
