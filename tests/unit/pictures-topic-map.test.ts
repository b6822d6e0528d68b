import { describe, expect, it, vi } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { neighbours, strongestEdges, topicGraph, type GraphTopic } from '../../src/lib/pictures/topic-graph.ts';
import { layoutTopicMap, nodeRadius } from '../../src/lib/pictures/topic-map.ts';
import { edgeWidth, topicMapSvg } from '../../src/lib/pictures/topic-map-svg.ts';
import { overlapping } from '../../src/lib/pictures/overlap.ts';
import { seededRandom } from '../../src/lib/pictures/seeded-random.ts';

const TOPICS: GraphTopic[] = [
  { id: 'rl', name: 'Reinforcement Learning', papers: ['a', 'b', 'c', 'd', 'e', 'f'] },
  { id: 'rlhf', name: 'Reinforcement Learning from Human Feedback', papers: ['a', 'b', 'c', 'g'] },
  { id: 'llm', name: 'Large Language Models', papers: ['c', 'g', 'h', 'i', 'j'] },
  { id: 'robots', name: 'Robotic Manipulation', papers: ['k', 'l', 'm'] },
  { id: 'xss', name: '<script>alert("x")</script> & "Quoted" Topic', papers: ['k', 'n', 'n'] },
];

/** A large, deterministic corpus: `count` topics with names of every length over 10,000 papers. */
function syntheticTopics(count: number): GraphTopic[] {
  const random = seededRandom(42);
  const words = ['Learning', 'Reinforcement', 'Vision-Language-Action', 'Models', 'Diffusion', 'Robot', 'Graph', 'Retrieval', 'Augmented'];
  const topics = Array.from({ length: count }, (_, i) => ({
    id: `topic-${i}`,
    name:
      Array.from({ length: 1 + Math.floor(random() * 4) }, () => words[Math.floor(random() * words.length)]).join(' ') +
      (i % 13 === 0 ? ' from Human Feedback and Preferences of Very Many Annotators' : ''),
    papers: [] as string[],
  }));
  for (let paper = 0; paper < 10_000; paper++) {
    for (let k = 1 + Math.floor(random() * 3); k > 0; k--) topics[Math.floor(count * random() ** 2)]!.papers.push(`p${paper}`);
  }
  return topics.filter((topic) => topic.papers.length > 0);
}

const href = (id: string) => `/topics/${id}/`;

describe('topic graph', () => {
  const graph = topicGraph(TOPICS);

  it('has one node per topic, largest first, counting each paper once', () => {
    expect(graph.nodes.map((n) => [n.id, n.papers])).toEqual([
      ['rl', 6],
      ['llm', 5],
      ['rlhf', 4],
      ['robots', 3],
      ['xss', 2],
    ]);
  });

  it('weighs each edge by the papers the two topics share', () => {
    const named = graph.edges.map((e) => [graph.nodes[e.source]!.id, graph.nodes[e.target]!.id, e.shared]);
    expect(named).toEqual([
      ['rl', 'llm', 1],
      ['rl', 'rlhf', 3],
      ['llm', 'rlhf', 2],
      ['robots', 'xss', 1],
    ]);
  });

  it('does not depend on the order of the topics', () => {
    expect(topicGraph([...TOPICS].reverse())).toEqual(graph);
  });

  it('lists the topics each topic shares most papers with, most first', () => {
    expect(neighbours(graph).get('rlhf')).toEqual([
      { id: 'rl', name: 'Reinforcement Learning', shared: 3 },
      { id: 'llm', name: 'Large Language Models', shared: 2 },
    ]);
    expect(
      neighbours(graph)
        .get('xss')!
        .map((n) => n.id),
    ).toEqual(['robots']);
  });

  it('keeps each topic’s strongest edges for the map', () => {
    const kept = strongestEdges(graph, 1).map((e) => [graph.nodes[e.source]!.id, graph.nodes[e.target]!.id]);
    // rl's, rlhf's strongest (rl–rlhf), llm's (llm–rlhf), and robots–xss.
    expect(kept).toEqual([
      ['rl', 'rlhf'],
      ['llm', 'rlhf'],
      ['robots', 'xss'],
    ]);
  });
});

describe('topic map layout', () => {
  const graph = topicGraph(TOPICS);
  const layout = layoutTopicMap(graph);

  it('sizes each circle by its papers: area in proportion, the largest at full size, none too small to see', () => {
    const [rl, llm] = layout.topics;
    expect(rl!.r).toBe(26);
    expect((llm!.r / rl!.r) ** 2).toBeCloseTo(5 / 6, 2);
    expect(nodeRadius(1, 1000)).toBe(4);
  });

  it('is the same on every run, whatever the order of the input', () => {
    const again = layoutTopicMap(topicGraph([...TOPICS].reverse()));
    expect(again).toEqual(layout);
    expect(topicMapSvg(again, { href })).toBe(topicMapSvg(layout, { href }));
  });

  it('never calls Math.random (d3-force would, for nodes on the same spot, without a seeded source)', () => {
    const random = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random called');
    });
    try {
      // Two topics with the same name start apart; few iterations: the separation step still leaves no overlap.
      const twins = topicGraph([...TOPICS, { id: 'rl-2', name: 'Reinforcement Learning', papers: ['a', 'b', 'c', 'd', 'e', 'f'] }]);
      const short = layoutTopicMap(twins, { iterations: 5 });
      expect(overlapping(short.topics.map((t) => t.box))).toEqual([]);
    } finally {
      random.mockRestore();
    }
  });

  it('keeps every glyph (circle and label) apart and inside the picture', () => {
    expect(overlapping(layout.topics.map((t) => t.box))).toEqual([]);
    for (const { box } of layout.topics) {
      expect(box.x - box.width / 2).toBeGreaterThanOrEqual(0);
      expect(box.y - box.height / 2).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width / 2).toBeLessThanOrEqual(layout.width);
      expect(box.y + box.height / 2).toBeLessThanOrEqual(layout.height);
    }
  });

  it('wraps long names into a few short lines', () => {
    const rlhf = layout.topics.find((t) => t.id === 'rlhf')!;
    expect(rlhf.lines.join(' ')).toBe('Reinforcement Learning from Human Feedback');
    expect(rlhf.lines.length).toBeGreaterThan(1);
    expect(rlhf.lines.length).toBeLessThanOrEqual(3);
  });

  it('stays legible at 300 topics with long names', () => {
    const big = topicGraph(syntheticTopics(300));
    const map = layoutTopicMap(big);
    expect(map.topics.length).toBeGreaterThan(250);
    expect(overlapping(map.topics.map((t) => t.box))).toEqual([]);
    expect(map.topics.every((t) => t.lines.length <= 3)).toBe(true);
    expect(map.topics.some((t) => t.lines.at(-1)!.endsWith('…'))).toBe(true);
    // Every topic keeps a line to the topics it shares most with, not every pair.
    expect(map.edges.length).toBeLessThan(big.edges.length / 4);
  });

  it('is empty for no topics', () => {
    expect(layoutTopicMap(topicGraph([]))).toMatchObject({ width: 0, height: 0, topics: [], edges: [] });
  });
});

describe('topic map SVG', () => {
  const layout = layoutTopicMap(topicGraph(TOPICS));
  const svg = topicMapSvg(layout, { href, describedBy: 'caption' });

  it('is well-formed and escapes topic names', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Quoted&quot;');
  });

  it('makes every topic a link to its page, titled with its name and size', () => {
    const links = [...svg.matchAll(/<a href="([^"]+)"><title>([^<]+)<\/title>/g)].map((m) => [m[1], m[2]]);
    expect(links).toContainEqual(['/topics/rl/', 'Reinforcement Learning: 6 papers']);
    expect(links).toHaveLength(TOPICS.length);
  });

  it('draws edges wider for more shared papers', () => {
    expect(edgeWidth(1, 3)).toBe(1);
    expect(edgeWidth(3, 3)).toBe(5);
    expect(edgeWidth(2, 3)).toBeGreaterThan(1);
    const widths = [...svg.matchAll(/<line [^>]*stroke-width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.max(...widths)).toBe(5);
    expect(Math.min(...widths)).toBe(1);
  });

  it('carries no colours and no style attributes: the page’s theme colours it', () => {
    expect(svg).not.toMatch(/\s(style|fill|stroke|color)=/);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(svg) as { svg: Record<string, string> };
    expect(parsed.svg['@_aria-describedby']).toBe('caption');
    expect(parsed.svg['@_viewBox']).toBe(`0 0 ${layout.width} ${layout.height}`);
  });
});
