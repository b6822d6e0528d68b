/**
 * Where each topic goes on the map of the field. A force layout (d3-force) run to a fixed
 * number of iterations from fixed starting positions with a seeded random source, then boxes
 * pulled apart so no label overlaps anything, then coordinates rounded: the same topics always
 * give the same picture.
 *
 * Each topic is drawn as a circle (area in proportion to its papers) with its name centred
 * below, wrapped to a few lines. The layout moves these glyphs (circle plus label) as boxes.
 * Edges pull together topics that share papers, the more so the larger the share of their papers.
 *
 * Cost at ~300 topics: the force layout is O(n log n) per iteration (Barnes–Hut), the final
 * separation O(n log n) per pass plus the overlapping pairs; well under a second.
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import { strongestEdges, type TopicEdge, type TopicGraph } from './topic-graph.ts';
import { textWidth, wrapLines } from './text-metrics.ts';
import { separate } from './overlap.ts';
import { seededRandom } from './seeded-random.ts';

export interface TopicMapOptions {
  /** Force-layout iterations (default 300: d3's default cooling schedule run to its end). */
  iterations?: number;
  seed?: number;
  /** Label size in px (default 13). */
  fontSize?: number;
  /** Edges drawn per topic: its strongest (default 3). */
  edgesPerTopic?: number;
}

export interface PlacedTopic {
  id: string;
  name: string;
  papers: number;
  /** Circle centre and radius. */
  x: number;
  y: number;
  r: number;
  /** The label's lines, centred on `x`; the first line's baseline at `labelY`, then one `lineHeight` apart. */
  lines: string[];
  labelY: number;
}

export interface TopicMapLayout {
  width: number;
  height: number;
  fontSize: number;
  lineHeight: number;
  topics: PlacedTopic[];
  /** Indices into `topics`, which is in `graph.nodes` order. */
  edges: TopicEdge[];
  /** Largest number of shared papers among `edges` (for line widths). */
  maxShared: number;
}

const MIN_RADIUS = 4;
const MAX_RADIUS = 26;
const LABEL_WIDTH = 9; // em: wider labels wrap
const LABEL_LINES = 3;
const LABEL_GAP = 3; // px between circle and label
const GLYPH_GAP = 6; // px kept free between glyphs
const MARGIN = 8;

/** Circle radius: area in proportion to the topic's papers, the largest topic at MAX_RADIUS. */
export function nodeRadius(papers: number, largest: number): number {
  return Math.max(MIN_RADIUS, MAX_RADIUS * Math.sqrt(papers / Math.max(1, largest)));
}

interface Glyph extends SimulationNodeDatum {
  x: number;
  y: number;
  width: number;
  height: number;
  r: number;
  lines: string[];
}

export function layoutTopicMap(graph: TopicGraph, options: TopicMapOptions = {}): TopicMapLayout {
  const { iterations = 300, seed = 1, fontSize = 13, edgesPerTopic = 3 } = options;
  const lineHeight = Math.round(fontSize * 1.2);
  if (graph.nodes.length === 0) return { width: 0, height: 0, fontSize, lineHeight, topics: [], edges: [], maxShared: 1 };
  const largest = Math.max(0, ...graph.nodes.map((node) => node.papers));
  const glyphs: Glyph[] = graph.nodes.map((node, i) => {
    const r = nodeRadius(node.papers, largest);
    const lines = wrapLines(node.name, fontSize, LABEL_WIDTH * fontSize, LABEL_LINES);
    const labelWidth = Math.max(...lines.map((line) => textWidth(line, fontSize)));
    // Start on a sunflower spiral, largest topics in the middle: fixed, evenly spread positions.
    const spread = 40 * Math.sqrt(i + 0.5);
    const angle = i * Math.PI * (3 - Math.sqrt(5));
    return {
      index: i,
      x: spread * Math.cos(angle),
      y: spread * Math.sin(angle),
      vx: 0,
      vy: 0,
      width: Math.max(2 * r, labelWidth) + 4,
      height: 2 * r + LABEL_GAP + lines.length * lineHeight,
      r,
      lines,
    };
  });
  const edges = strongestEdges(graph, edgesPerTopic);
  const reach = (glyph: Glyph) => Math.hypot(glyph.width, glyph.height) / 2;
  const degree = glyphs.map(() => 0);
  for (const edge of edges) {
    degree[edge.source]!++;
    degree[edge.target]!++;
  }
  const links = edges.map((edge): SimulationLinkDatum<Glyph> & { distance: number; strength: number } => {
    const [a, b] = [graph.nodes[edge.source]!, graph.nodes[edge.target]!];
    // Cosine of the two topics' paper sets: 1 when they have the same papers. Closer topics pull
    // harder and sit closer; d3's own default strength (1 / the smaller degree) keeps hubs stable.
    const closeness = edge.shared / Math.sqrt(a.papers * b.papers);
    return {
      source: edge.source,
      target: edge.target,
      distance: ((reach(glyphs[edge.source]!) + reach(glyphs[edge.target]!)) * (1.4 - closeness)) / 1.2,
      strength: (0.3 + 0.7 * closeness) / Math.min(degree[edge.source]!, degree[edge.target]!),
    };
  });

  const simulation = forceSimulation(glyphs)
    .stop()
    .randomSource(seededRandom(seed))
    .force(
      'charge',
      forceManyBody<Glyph>().strength((glyph) => -8 * reach(glyph)),
    )
    .force(
      'link',
      forceLink<Glyph, (typeof links)[number]>(links)
        .distance((link) => link.distance)
        .strength((link) => link.strength),
    )
    .force('collide', forceCollide<Glyph>((glyph) => reach(glyph) * 0.85 + GLYPH_GAP / 2).iterations(2))
    // A little more pull sideways than up and down: a page is taller than it is wide.
    .force('x', forceX<Glyph>(0).strength(0.08))
    .force('y', forceY<Glyph>(0).strength(0.05));
  simulation.tick(iterations);

  separate(glyphs, GLYPH_GAP);

  const minX = Math.min(...glyphs.map((g) => g.x - g.width / 2));
  const minY = Math.min(...glyphs.map((g) => g.y - g.height / 2));
  const maxX = Math.max(...glyphs.map((g) => g.x + g.width / 2));
  const maxY = Math.max(...glyphs.map((g) => g.y + g.height / 2));
  const round = (value: number) => Math.round(value * 10) / 10;
  const topics = glyphs.map((glyph, i): PlacedTopic => {
    const top = glyph.y - glyph.height / 2 - minY + MARGIN;
    return {
      id: graph.nodes[i]!.id,
      name: graph.nodes[i]!.name,
      papers: graph.nodes[i]!.papers,
      x: round(glyph.x - minX + MARGIN),
      y: round(top + glyph.r),
      r: round(glyph.r),
      lines: glyph.lines,
      // The first baseline sits one ascent (about 0.8 em) below the label's top.
      labelY: round(top + 2 * glyph.r + LABEL_GAP + fontSize * 0.8 + (lineHeight - fontSize) / 2),
    };
  });
  return {
    width: Math.ceil(maxX - minX + 2 * MARGIN),
    height: Math.ceil(maxY - minY + 2 * MARGIN),
    fontSize,
    lineHeight,
    topics,
    edges,
    maxShared: Math.max(1, ...edges.map((edge) => edge.shared)),
  };
}
