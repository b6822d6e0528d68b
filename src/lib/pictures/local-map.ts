/**
 * A paper's local map: the paper in the middle, its related papers around it (closer when more
 * related), a line from the paper to each, and lines between related papers that are related
 * to each other. Neighbours that are related to each other are placed side by side.
 *
 * Laid out by hand rather than by the force layout: the graph is a star of a handful of nodes,
 * for which a ring is the layout a force layout would approximate, and this costs O(k²) for k
 * related papers on every paper page instead of a simulation per page.
 */
import { element, escapeXml, num, titleElement } from './svg.ts';
import { textWidth, wrapLines } from './text-metrics.ts';
import { separate } from './overlap.ts';

export interface LocalPaper {
  id: string;
  title: string;
}

export interface LocalNeighbour extends LocalPaper {
  /** Similarity to the centre paper, higher is closer. */
  score: number;
  /** Ids of the papers this one is related to (only those among the neighbours matter). */
  related: readonly string[];
}

export interface LocalNode {
  id: string;
  title: string;
  x: number;
  y: number;
  r: number;
  lines: string[];
  labelY: number;
}

export interface LocalMapLayout {
  width: number;
  height: number;
  centre: LocalNode;
  neighbours: (LocalNode & { score: number })[];
  /** Pairs of indices into `neighbours` that are related to each other. */
  links: [number, number][];
}

export interface LocalMapOptions {
  /** Most neighbours drawn (default 8): the best ones. */
  limit?: number;
  centreLabel?: string;
}

const FONT_SIZE = 12;
const LINE_HEIGHT = 14;
const LABEL_WIDTH = 120;
const RADIUS_X = 118;
const RADIUS_Y = 80;
const MARGIN = 6;

/** A short name for a title: the part before a colon when that is a name ("OpenVLA: An…"), else the title. */
export function shortTitle(title: string): string {
  const colon = title.indexOf(': ');
  return colon >= 2 && colon <= 32 ? title.slice(0, colon) : title;
}

/** Neighbour order around the ring: each next one the most related to the one before, so linked papers sit together. */
function ringOrder(count: number, linked: (a: number, b: number) => boolean): number[] {
  if (count === 0) return [];
  const order = [0];
  const left = new Set(Array.from({ length: count - 1 }, (_, i) => i + 1));
  while (left.size > 0) {
    const last = order.at(-1)!;
    const next = [...left].find((i) => linked(last, i)) ?? Math.min(...left);
    order.push(next);
    left.delete(next);
  }
  return order;
}

export function layoutLocalMap(centre: LocalPaper, related: readonly LocalNeighbour[], options: LocalMapOptions = {}): LocalMapLayout {
  const { limit = 8, centreLabel = 'This paper' } = options;
  const shown = [...related].slice(0, limit);
  const position = new Map(shown.map((paper, i) => [paper.id, i]));
  const linkSet = new Set<string>();
  shown.forEach((paper, i) => {
    for (const id of paper.related) {
      const j = position.get(id);
      if (j !== undefined && j !== i) linkSet.add(i < j ? `${i} ${j}` : `${j} ${i}`);
    }
  });
  const links = [...linkSet].map((key) => key.split(' ').map(Number) as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const order = ringOrder(shown.length, (a, b) => linkSet.has(a < b ? `${a} ${b}` : `${b} ${a}`));

  const scores = shown.map((paper) => paper.score);
  const [low, high] = [Math.min(...scores), Math.max(...scores)];
  const glyph = (paper: LocalPaper, label: string, r: number, bold: boolean, x: number, y: number) => {
    const lines = wrapLines(label, FONT_SIZE, LABEL_WIDTH, 2, bold);
    const width = Math.max(2 * r, ...lines.map((line) => textWidth(line, FONT_SIZE, bold))) + 4;
    return { paper, lines, r, x, y, width, height: 2 * r + 2 + lines.length * LINE_HEIGHT };
  };
  const boxes = [glyph(centre, centreLabel, 9, true, 0, 0)];
  order.forEach((index, slot) => {
    const paper = shown[index]!;
    // Start at the top and go round clockwise; the most related come closest to the centre.
    const angle = -Math.PI / 2 + (2 * Math.PI * slot) / shown.length;
    const distance = high > low ? 1 - 0.25 * ((paper.score - low) / (high - low)) : 1;
    boxes[index + 1] = glyph(
      paper,
      shortTitle(paper.title),
      6,
      false,
      RADIUS_X * distance * Math.cos(angle),
      RADIUS_Y * distance * Math.sin(angle),
    );
  });
  separate(boxes, 4);

  const minX = Math.min(...boxes.map((b) => b.x - b.width / 2));
  const minY = Math.min(...boxes.map((b) => b.y - b.height / 2));
  const round = (value: number) => Math.round(value * 10) / 10;
  const nodes = boxes.map((box): LocalNode => {
    const top = box.y - box.height / 2 - minY + MARGIN;
    return {
      id: box.paper.id,
      title: box.paper.title,
      x: round(box.x - minX + MARGIN),
      y: round(top + box.r),
      r: box.r,
      lines: box.lines,
      labelY: round(top + 2 * box.r + 2 + FONT_SIZE * 0.8 + (LINE_HEIGHT - FONT_SIZE) / 2),
    };
  });
  return {
    width: Math.ceil(Math.max(...boxes.map((b) => b.x + b.width / 2)) - minX + 2 * MARGIN),
    height: Math.ceil(Math.max(...boxes.map((b) => b.y + b.height / 2)) - minY + 2 * MARGIN),
    centre: nodes[0]!,
    neighbours: nodes.slice(1).map((node, i) => ({ ...node, score: shown[i]!.score })),
    links,
  };
}

function label(node: LocalNode): string {
  return element(
    'text',
    { x: node.x, y: node.labelY },
    node.lines.map((line, i) => element('tspan', { x: node.x, y: node.labelY + i * LINE_HEIGHT }, escapeXml(line))).join(''),
  );
}

export function localMapSvg(layout: LocalMapLayout, href: (id: string) => string): string {
  const { centre, neighbours } = layout;
  const high = Math.max(...neighbours.map((n) => n.score));
  const spokes = neighbours.map((n) =>
    element('line', { x1: centre.x, y1: centre.y, x2: n.x, y2: n.y, 'stroke-width': 1 + 2 * (n.score / high) }),
  );
  const between = layout.links.map(([a, b]) =>
    element('line', { class: 'between', x1: neighbours[a]!.x, y1: neighbours[a]!.y, x2: neighbours[b]!.x, y2: neighbours[b]!.y }),
  );
  const nodes = neighbours.map((n) =>
    element('a', { href: href(n.id) }, titleElement(n.title) + element('circle', { cx: n.x, cy: n.y, r: n.r }) + label(n)),
  );
  const here = element('g', { class: 'centre' }, element('circle', { cx: centre.x, cy: centre.y, r: centre.r }) + label(centre));
  return element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: 'local-map',
      viewBox: `0 0 ${num(layout.width)} ${num(layout.height)}`,
      width: layout.width,
      height: layout.height,
      'font-size': FONT_SIZE,
      'text-anchor': 'middle',
    },
    element('g', { class: 'edges', 'aria-hidden': 'true' }, spokes.join('') + between.join('')) + here + nodes.join(''),
  );
}
