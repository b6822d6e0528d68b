/**
 * Topic discovery on the two real seed listings (139 machine-learning and robotics papers).
 * The seeds are read with a tiny local splitter so this test depends on nothing but topics.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PaperText } from '../../src/lib/types.ts';
import { discoverTopics } from '../../src/lib/topics/index.ts';
import { isGenericWord } from '../../src/lib/text/stopwords.ts';

const SEEDS = new URL('../../seeds/', import.meta.url);

function isBoilerplate(block: string): boolean {
  return (
    /^(new|subscribe|daily papers|get trending papers in your email inbox!?)$/i.test(block) ||
    /^by\s*ak\b/i.test(block) ||
    /^[A-Z][a-z]{2} \d{1,2}$/.test(block)
  );
}

/** Blocks split on blank lines, boilerplate dropped, then title/abstract pairs, deduplicated by title. */
function readSeedPapers(): PaperText[] {
  const papers = new Map<string, PaperText>();
  for (const file of readdirSync(SEEDS)
    .filter((name) => name.endsWith('.txt'))
    .sort()) {
    const blocks = readFileSync(new URL(file, SEEDS), 'utf8')
      .split(/\n\s*\n/)
      .map((block) => block.trim().replace(/\s+/g, ' '))
      .filter((block) => block !== '' && !isBoilerplate(block));
    for (let i = 0; i + 1 < blocks.length; i += 2) {
      const key = blocks[i]!.toLowerCase();
      if (!papers.has(key))
        papers.set(key, { id: `p${String(papers.size).padStart(3, '0')}`, title: blocks[i]!, abstract: blocks[i + 1]! });
    }
  }
  return [...papers.values()];
}

describe('discoverTopics on the real seeds', () => {
  const papers = readSeedPapers();
  const result = discoverTopics(papers);
  const idOf = (titleStart: string) => {
    const paper = papers.find((candidate) => candidate.title.startsWith(titleStart));
    if (paper === undefined) throw new Error(`no paper titled ${titleStart}…`);
    return paper.id;
  };
  const topicNamed = (name: string) => {
    const topic = result.topics.find((candidate) => candidate.name === name);
    if (topic === undefined) throw new Error(`no topic ${name}; have ${result.topics.map((t) => t.name).join(', ')}`);
    return topic;
  };

  it('reads the 139 papers', () => {
    expect(papers).toHaveLength(139);
  });

  it('finds a browsable number of topics, none tiny and none a catch-all', () => {
    expect(result.topics.length).toBeGreaterThanOrEqual(10);
    expect(result.topics.length).toBeLessThanOrEqual(40);
    for (const topic of result.topics) {
      expect(topic.papers.length, topic.name).toBeGreaterThanOrEqual(3);
      expect(topic.papers.length, topic.name).toBeLessThanOrEqual(Math.floor(papers.length / 3));
    }
  });

  it('gives papers at most four topics, and leaves only papers that fit none without one', () => {
    expect(result.paperTopics.size).toBe(papers.length);
    for (const [paper, topics] of result.paperTopics) expect(topics.length, paper).toBeLessThanOrEqual(4);
    const other = [...result.paperTopics].filter(([, topics]) => topics.length === 0).map(([paper]) => paper);
    // Federated learning-rate schedules, linear attention, the imitation threshold of image models.
    expect(other).toEqual(expect.arrayContaining([idOf('FedHyper'), idOf('Flowformer'), idOf('How Many Van Goghs')]));
    expect(other.length).toBeLessThanOrEqual(papers.length / 8);
  });

  it('names topics as researchers do, with the papers that are about them', () => {
    expect(topicNamed('Imitation Learning').papers).toEqual(
      expect.arrayContaining([
        idOf('Data Quality in Imitation Learning'),
        idOf('Towards Diverse Behaviors: A Benchmark for Imitation Learning'),
        idOf('Imitation Learning from Observation with Automatic Discount Scheduling'),
      ]),
    );
    expect(topicNamed('Rectified Flow').papers).toEqual(
      expect.arrayContaining([
        idOf('Improving the Training of Rectified Flows'),
        idOf('Flow Straight and Fast'),
        idOf('SlimFlow'),
        idOf('Steering Rectified Flow Models'),
      ]),
    );
    expect(topicNamed('Vision-Language-Action Models').papers).toEqual(
      expect.arrayContaining([
        idOf('OpenVLA'),
        idOf('PointVLA'),
        idOf('Fine-Tuning Vision-Language-Action Models'),
        idOf('From Intention to Execution'),
      ]),
    );
    expect(topicNamed('Few-Shot Class-Incremental Learning').papers).toEqual(
      expect.arrayContaining([
        idOf('Mamba-FSCIL'),
        idOf('A Bag of Tricks for Few-Shot Class-Incremental Learning'),
        idOf('Multimodal Parameter-Efficient Few-Shot Class Incremental Learning'),
        idOf('Few-shot Tuning of Foundation Models for Class-incremental Learning'),
      ]),
    );
    expect(topicNamed('In-Context Learning').papers).toEqual(
      expect.arrayContaining([
        idOf('Are Human-generated Demonstrations Necessary for In-context Learning?'),
        idOf('MEND'),
        idOf('In-context Vectors'),
        idOf('Unifying Demonstration Selection and Compression for In-Context Learning'),
      ]),
    );
  });

  it('keeps papers using "imitation" in another sense out of Imitation Learning', () => {
    const imitation = topicNamed('Imitation Learning').papers;
    expect(imitation).not.toContain(idOf('How Many Van Goghs Does It Take to Van Gogh?'));
    expect(imitation).not.toContain(idOf('Beyond the Imitation Game'));
  });

  it('is deterministic', () => {
    const again = discoverTopics([...papers].reverse());
    expect(again.topics).toEqual(result.topics);
  });

  const names = () => result.topics.map((topic) => topic.name);

  it('names a topic by the longer phrase that covers most of its papers', () => {
    expect(names()).toEqual(expect.arrayContaining(['Large Language Models', 'Reinforcement Learning from Human Feedback']));
    expect(names()).not.toContain('Language Models');
    expect(names()).not.toContain('Human Feedback');
    expect(topicNamed('Reinforcement Learning from Human Feedback').papers).toEqual(
      expect.arrayContaining([
        idOf('HybridFlow: A Flexible and Efficient RLHF Framework'),
        idOf('Improving Video Generation with Human Feedback'),
        idOf('Pretraining Language Models with Human Preferences'),
      ]),
    );
  });

  it('prefers specific subjects to generic phrases', () => {
    for (const vague of ['Artificial Intelligence', 'Latent Space', 'Data Collection', 'Real World', 'Machine'])
      expect(names()).not.toContain(vague);
    expect(topicNamed('Autonomous Driving').papers).toEqual(expect.arrayContaining([idOf('CARIL'), idOf('ReCogDrive')]));
    expect(topicNamed('Dexterous Manipulation').papers).toEqual(
      expect.arrayContaining([idOf('DexCap'), idOf('A Careful Examination of Large Behavior Models')]),
    );
    expect(topicNamed('Large Language Model Agents').papers).toEqual(
      expect.arrayContaining([
        idOf('Executable Code Actions Elicit Better LLM Agents'),
        idOf('Reinforcement Learning for Long-Horizon Interactive LLM Agents'),
      ]),
    );
  });

  it('puts hand-checked papers in the topic they are about', () => {
    const expected: [string, string][] = [
      ['HybridFlow', 'reinforcement-learning-from-human-feedback'],
      ['Executable Code Actions Elicit Better LLM Agents', 'large-language-model-agents'],
      ['CARIL', 'autonomous-driving'],
      ['DexCap', 'dexterous-manipulation'],
      ['Mamba-FSCIL', 'few-shot-class-incremental-learning'],
      ['Flow Straight and Fast', 'rectified-flow'],
      ['Streaming Diffusion Policy', 'diffusion-policies'],
      ['OpenVLA', 'vision-language-action-models'],
      ['ToRA', 'mathematical-reasoning'],
      ['Overcoming Knowledge Barriers', 'imitation-learning'],
      ['The Benefits of Model-Based Generalization in Reinforcement Learning', 'reinforcement-learning'],
      ['Unified World Models', 'world-models'],
      ['PromptKD', 'knowledge-distillation'],
    ];
    for (const [title, topic] of expected) expect(result.paperTopics.get(idOf(title)), title).toContain(topic);
  });

  it('does not send a paper that names no topic to one it mentions in passing or barely resembles', () => {
    // FedHyper (a learning-rate scheduler for federated learning) and Flowformer (linear
    // attention; "reinforcement learning" is one of its benchmarks) fit no topic well.
    expect(result.paperTopics.get(idOf('FedHyper'))).not.toContain('reinforcement-learning');
    expect(result.paperTopics.get(idOf('Flowformer'))).not.toContain('reinforcement-learning');
    expect(result.paperTopics.get(idOf('Flowformer'))).not.toContain('rectified-flow');
    expect(result.paperTopics.get(idOf('Flowformer'))).not.toContain('flow-matching');
  });

  it('shows characteristic key terms: phrases and names, never generic words, the name or its acronym', () => {
    const generic = [
      'rich',
      'guided',
      'turns',
      'dynamic',
      'enhancing',
      'real',
      'world',
      'humans',
      'observations',
      'visual',
      'online',
      'pixels',
      'precise',
      'web',
    ];
    for (const topic of result.topics) {
      expect(topic.keyTerms.length, topic.name).toBeLessThanOrEqual(5);
      const nameWords = topic.name.toLowerCase().split(/[\s-]+/);
      for (const term of topic.keyTerms) {
        expect(generic, topic.name).not.toContain(term.toLowerCase());
        if (!term.includes(' ')) expect(isGenericWord(term.toLowerCase()), `${topic.name}: ${term}`).toBe(false);
        expect(nameWords, `${topic.name}: ${term}`).not.toContain(term.toLowerCase());
      }
    }
    expect(topicNamed('Large Language Models').keyTerms).not.toContain('LLMs');
    expect(topicNamed('Reinforcement Learning from Human Feedback').keyTerms).not.toContain('RLHF');
    expect(topicNamed('Diffusion Models').keyTerms).toEqual(expect.arrayContaining(['rectified flow']));
    expect(topicNamed('Reinforcement Learning from Human Feedback').keyTerms).toEqual(
      expect.arrayContaining(['human preferences', 'direct preference optimization']),
    );
    expect(topicNamed('Large Language Models').keyTerms).toEqual(expect.arrayContaining(['RLHF']));
  });

  it('keeps topic ids when a few papers are added', () => {
    const more = discoverTopics([
      ...papers,
      {
        id: 'x1',
        title: 'Scaling Diffusion Policies for Bimanual Robot Manipulation',
        abstract: 'We train diffusion policies on bimanual demonstrations and study how imitation learning scales with data.',
      },
      {
        id: 'x2',
        title: 'Prompting Large Language Models for Tool Use',
        abstract:
          'Large language models (LLMs) can call tools. We study prompting strategies for tool use with LLMs on reasoning benchmarks.',
      },
      {
        id: 'x3',
        title: 'Offline Reinforcement Learning with Conservative Value Estimates',
        abstract:
          'Offline reinforcement learning learns policies from fixed datasets. We propose conservative value estimates for offline RL.',
      },
    ]);
    expect(more.topics.map((topic) => topic.id).sort()).toEqual(result.topics.map((topic) => topic.id).sort());
    expect(more.paperTopics.get('x1')).toContain('diffusion-policies');
    expect(more.paperTopics.get('x2')).toContain('large-language-models');
    expect(more.paperTopics.get('x3')).toContain('reinforcement-learning');
  });
});
