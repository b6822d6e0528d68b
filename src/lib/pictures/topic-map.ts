/**
 * Where each topic goes on the map of the field. A force layout (d3-force) run to a fixed
 * number of iterations from fixed starting positions with a seeded random source, then boxes
 * pulled apart so no label overlaps anything, then coordinates rounded: the same topics always
 * give the same picture.
 *
 * Each topic is drawn as a circle (area in proportion to its papers) with its name centred
 * below, wrapped to a few lines (glyph.ts). The layout moves these glyphs as boxes. Edges pull
 * together topics that share papers, the more so the larger the share of their papers.
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
import { makeGlyph, placeGlyphs, type Glyph, type PlacedGlyph } from './glyph.ts';
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

export interface PlacedTopic extends PlacedGlyph {
  id: string;
  name: string;
  papers: number;
}

export interface TopicMapLayout {
  width: number;
  height: number;
  fontSize: number;
  topics: PlacedTopic[];
  /** Indices into `topics`, which is in `graph.nodes` order. */
  edges: TopicEdge[];
  /** Largest number of shared papers among `edges` (for line widths). */
  maxShared: number;
}

const MIN_RADIUS = 4;
const MAX_RADIUS = 26;
/** Labels wrap at this many em, on at most this many lines. */
const LABEL_EMS = 9;
const LABEL_LINES = 3;
/** Space kept free between glyphs, and around the picture. */
const GLYPH_GAP = 6;
const MARGIN = 8;

/** Circle radius: area in proportion to the topic's papers, the largest topic at MAX_RADIUS. */
export function nodeRadius(papers: number, largest: number): number {
  return Math.max(MIN_RADIUS, MAX_RADIUS * Math.sqrt(papers / Math.max(1, largest)));
}

type SimulatedGlyph = Glyph & SimulationNodeDatum;

export function layoutTopicMap(graph: TopicGraph, options: TopicMapOptions = {}): TopicMapLayout {
  const { iterations = 300, seed = 1, fontSize = 13, edgesPerTopic = 3 } = options;
  const style = { fontSize, lineHeight: Math.round(fontSize * 1.2), maxWidth: LABEL_EMS * fontSize, maxLines: LABEL_LINES };
  const largest = Math.max(0, ...graph.nodes.map((node) => node.papers));
  const glyphs: SimulatedGlyph[] = graph.nodes.map((node, i) => {
    // Start on a sunflower spiral, largest topics in the middle: fixed, evenly spread positions.
    const spread = 40 * Math.sqrt(i + 0.5);
    const angle = i * Math.PI * (3 - Math.sqrt(5));
    const glyph = makeGlyph(node.name, nodeRadius(node.papers, largest), style, spread * Math.cos(angle), spread * Math.sin(angle));
    return { ...glyph, index: i, vx: 0, vy: 0 };
  });
  const edges = strongestEdges(graph, edgesPerTopic);
  const reach = (glyph: Glyph) => Math.hypot(glyph.width, glyph.height) / 2;
  const degree = glyphs.map(() => 0);
  for (const edge of edges) {
    degree[edge.source]!++;
    degree[edge.target]!++;
  }
  const links = edges.map((edge): SimulationLinkDatum<SimulatedGlyph> & { distance: number; strength: number } => {
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

  forceSimulation(glyphs)
    .stop()
    .randomSource(seededRandom(seed))
    .force(
      'charge',
      forceManyBody<SimulatedGlyph>().strength((glyph) => -8 * reach(glyph)),
    )
    .force(
      'link',
      forceLink<SimulatedGlyph, (typeof links)[number]>(links)
        .distance((link) => link.distance)
        .strength((link) => link.strength),
    )
    .force(
      'collide',
      forceCollide<SimulatedGlyph>((glyph) => reach(glyph) * 0.85 + GLYPH_GAP / 2),
    )
    // A little more pull sideways than up and down: a page is taller than it is wide.
    .force('x', forceX<SimulatedGlyph>(0).strength(0.08))
    .force('y', forceY<SimulatedGlyph>(0).strength(0.05))
    .tick(iterations);

  separate(glyphs, GLYPH_GAP);
  const { width, height, placed } = placeGlyphs(glyphs, MARGIN);
  return {
    width,
    height,
    fontSize,
    topics: placed.map((glyph, i) => ({ ...glyph, id: graph.nodes[i]!.id, name: graph.nodes[i]!.name, papers: graph.nodes[i]!.papers })),
    edges,
    maxShared: Math.max(1, ...edges.map((edge) => edge.shared)),
  };
}
