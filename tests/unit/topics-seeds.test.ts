/**
 * Topic discovery on the two real seed listings (139 machine-learning and robotics papers).
 * The seeds are read with a tiny local splitter so this test depends on nothing but topics.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PaperText } from '../../src/lib/types.ts';
import { discoverTopics } from '../../src/lib/topics/index.ts';

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
  for (const file of readdirSync(SEEDS).filter((name) => name.endsWith('.txt')).sort()) {
    const blocks = readFileSync(new URL(file, SEEDS), 'utf8')
      .split(/\n\s*\n/)
      .map((block) => block.trim().replace(/\s+/g, ' '))
      .filter((block) => block !== '' && !isBoilerplate(block));
    for (let i = 0; i + 1 < blocks.length; i += 2) {
      const key = blocks[i]!.toLowerCase();
      if (!papers.has(key)) papers.set(key, { id: `p${String(papers.size).padStart(3, '0')}`, title: blocks[i]!, abstract: blocks[i + 1]! });
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

  it('gives every paper one to four topics', () => {
    expect(result.paperTopics.size).toBe(papers.length);
    for (const [paper, topics] of result.paperTopics) {
      expect(topics.length, paper).toBeGreaterThanOrEqual(1);
      expect(topics.length, paper).toBeLessThanOrEqual(4);
    }
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
});
