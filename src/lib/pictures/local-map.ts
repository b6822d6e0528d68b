/**
 * A paper's local map: the paper in the middle, its related papers around it (closer when more
 * related), a line from the paper to each, and lines between related papers that are related
 * to each other. Neighbours that are related to each other are placed side by side.
 *
 * Laid out by hand rather than by the force layout: the graph is a star of a handful of nodes,
 * for which a ring is the layout a force layout would approximate, and this costs O(k²) for k
 * related papers on every paper page instead of a simulation per page.
 */
import { element, pathBetween } from './svg.ts';
import { glyphSvg, linkedGlyphSvg, makeGlyph, mapSvg, placeGlyphs, type PlacedGlyph } from './glyph.ts';
import { separate } from './overlap.ts';

export interface LocalPaper {
  id: string;
  title: string;
}

/** A related paper; neighbours are given most related first, and drawn by that rank. */
export interface LocalNeighbour extends LocalPaper {
  /** Ids of the papers this one is related to (only those among the neighbours matter). */
  related: readonly string[];
}

export interface LocalNode extends PlacedGlyph {
  id: string;
  title: string;
}

export interface LocalMapLayout {
  width: number;
  height: number;
  centre: LocalNode;
  /** In the order given (most related first), at most `limit`. */
  neighbours: LocalNode[];
  /** Pairs of indices into `neighbours` that are related to each other, in order. */
  links: [number, number][];
}

export interface LocalMapOptions {
  /** Most neighbours drawn (default LOCAL_MAP_LIMIT): the first ones given. */
  limit?: number;
  centreLabel?: string;
}

/** Most related papers a local map shows: the first given (the most related). */
export const LOCAL_MAP_LIMIT = 8;

const STYLE = { fontSize: 12, lineHeight: 14, maxWidth: 120, maxLines: 2 };
const RADIUS_X = 118;
const RADIUS_Y = 80;
const MARGIN = 6;

/** A short name for a title: the part before a colon when that is a name ("OpenVLA: An…"), else the title. */
export function shortTitle(title: string): string {
  const colon = title.indexOf(': ');
  return colon >= 2 && colon <= 32 ? title.slice(0, colon) : title;
}

/** Neighbour order around the ring: each next one related to the one before where possible, so linked papers sit together. */
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

/**
 * How related a neighbour is drawn, from 1 (the most related) to 0 (the least), by its rank in
 * the list rather than its score. Scores move a little whenever the list changes (word weights
 * are corpus-wide), and drawn from scores, even in coarse steps, a tenth of the paper pages
 * changed with every paper added (and returning readers fetched them again); drawn from ranks,
 * a paper's map changes only when its related papers do.
 */
const closeness = (rank: number, count: number) => (count > 1 ? 1 - rank / (count - 1) : 1);

export function layoutLocalMap(centre: LocalPaper, related: readonly LocalNeighbour[], options: LocalMapOptions = {}): LocalMapLayout {
  const { limit = LOCAL_MAP_LIMIT, centreLabel = 'This paper' } = options;
  const shown = related.slice(0, limit);
  const position = new Map(shown.map((paper, i) => [paper.id, i]));
  const pairKey = (a: number, b: number) => (a < b ? a * shown.length + b : b * shown.length + a);
  const linked = new Set<number>();
  shown.forEach((paper, i) => {
    for (const id of paper.related) {
      const j = position.get(id);
      if (j !== undefined && j !== i) linked.add(pairKey(i, j));
    }
  });
  const links = [...linked].sort((a, b) => a - b).map((key): [number, number] => [Math.floor(key / shown.length), key % shown.length]);

  const glyphs = [makeGlyph(centreLabel, 9, { ...STYLE, bold: true })];
  ringOrder(shown.length, (a, b) => linked.has(pairKey(a, b))).forEach((index, slot) => {
    const paper = shown[index]!;
    // From the top, clockwise; the most related come up to a quarter closer to the centre.
    const angle = -Math.PI / 2 + (2 * Math.PI * slot) / shown.length;
    const distance = 1 - 0.25 * closeness(index, shown.length);
    glyphs[index + 1] = makeGlyph(
      shortTitle(paper.title),
      6,
      STYLE,
      RADIUS_X * distance * Math.cos(angle),
      RADIUS_Y * distance * Math.sin(angle),
    );
  });
  separate(glyphs, 4);

  const { width, height, placed } = placeGlyphs(glyphs, MARGIN);
  return {
    width,
    height,
    centre: { ...placed[0]!, id: centre.id, title: centre.title },
    neighbours: shown.map((paper, i) => ({ ...placed[i + 1]!, id: paper.id, title: paper.title })),
    links,
  };
}

export function localMapSvg(layout: LocalMapLayout, href: (id: string) => string): string {
  const { centre, neighbours } = layout;
  // Spokes from 3 (the most related) to 1 wide, in halves; one path per width (widest first),
  // one for the lines between related papers.
  const widthOf = (rank: number) => 1 + Math.round(4 * closeness(rank, neighbours.length)) / 2;
  const widths = [...new Set(neighbours.map((_, rank) => widthOf(rank)))].sort((a, b) => b - a);
  const spokes = widths.map((width) =>
    pathBetween(
      neighbours.filter((_, rank) => widthOf(rank) === width).map((n) => [centre, n]),
      { 'stroke-width': width },
    ),
  );
  const between = layout.links.length
    ? [
        pathBetween(
          layout.links.map(([a, b]) => [neighbours[a]!, neighbours[b]!]),
          { class: 'between' },
        ),
      ]
    : [];
  const nodes = neighbours.map((n) => linkedGlyphSvg(n, href(n.id), n.title));
  return mapSvg(
    { className: 'local-map', width: layout.width, height: layout.height, fontSize: STYLE.fontSize, label: 'Map of the related papers' },
    [...spokes, ...between],
    element('g', { class: 'centre' }, glyphSvg(centre)) + nodes.join(''),
  );
}
