/**
 * A node of a map as drawn: a circle with its label centred below it, wrapped to a few lines.
 * Both maps lay out glyphs as boxes (so that no label can cover another label or a circle),
 * then place them in the picture's own coordinates, rounded so builds print the same bytes.
 */
import { element, escapeXml, num, titleElement } from './svg.ts';
import { textWidth, wrapLines } from './text-metrics.ts';
import type { Box } from './overlap.ts';

export interface LabelStyle {
  fontSize: number;
  lineHeight: number;
  /** Widest line in px; longer labels wrap. */
  maxWidth: number;
  maxLines: number;
  bold?: boolean;
}

/** A glyph being laid out: its box by the box's centre. */
export interface Glyph extends Box {
  r: number;
  lines: string[];
  style: LabelStyle;
}

/** Space between the circle and the first line of its label. */
const LABEL_GAP = 3;

export function makeGlyph(label: string, r: number, style: LabelStyle, x = 0, y = 0): Glyph {
  const lines = wrapLines(label, style.fontSize, style.maxWidth, style.maxLines, style.bold);
  const labelWidth = Math.max(0, ...lines.map((line) => textWidth(line, style.fontSize, style.bold)));
  // 2 px either side of the text for its halo.
  return { x, y, width: Math.max(2 * r, labelWidth + 4), height: 2 * r + LABEL_GAP + lines.length * style.lineHeight, r, lines, style };
}

/** A glyph in the picture: circle centre and radius, label baseline, and its box (for checks). */
export interface PlacedGlyph {
  x: number;
  y: number;
  r: number;
  /** The label's lines, centred on `x`; the first line's baseline at `labelY`, then one line height apart. */
  lines: string[];
  labelY: number;
  lineHeight: number;
  box: Box;
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * The glyphs moved so that the top-left of the picture is at (0, 0) with `margin` free around
 * them, and the size of the picture.
 */
export function placeGlyphs(glyphs: readonly Glyph[], margin: number): { width: number; height: number; placed: PlacedGlyph[] } {
  if (glyphs.length === 0) return { width: 0, height: 0, placed: [] };
  const minX = Math.min(...glyphs.map((g) => g.x - g.width / 2));
  const minY = Math.min(...glyphs.map((g) => g.y - g.height / 2));
  const maxX = Math.max(...glyphs.map((g) => g.x + g.width / 2));
  const maxY = Math.max(...glyphs.map((g) => g.y + g.height / 2));
  const placed = glyphs.map((glyph): PlacedGlyph => {
    const x = round(glyph.x - minX + margin);
    const top = round(glyph.y - glyph.height / 2 - minY + margin);
    const { fontSize, lineHeight } = glyph.style;
    return {
      x,
      y: round(top + glyph.r),
      r: round(glyph.r),
      lines: glyph.lines,
      // The first baseline sits about one ascent (0.8 em) below the top of its line.
      labelY: round(top + 2 * glyph.r + LABEL_GAP + fontSize * 0.8 + (lineHeight - fontSize) / 2),
      lineHeight,
      box: { x, y: round(top + glyph.height / 2), width: glyph.width, height: glyph.height },
    };
  });
  return { width: Math.ceil(maxX - minX + 2 * margin), height: Math.ceil(maxY - minY + 2 * margin), placed };
}

/**
 * The glyph's circle and label as SVG (colours from CSS). The first line is the text's own; each
 * further line a `<tspan>` back at the same x, one line lower (a paper page draws five labels).
 */
export function glyphSvg(glyph: PlacedGlyph): string {
  const [first = '', ...rest] = glyph.lines.map(escapeXml);
  const lines = first + rest.map((line) => element('tspan', { x: glyph.x, dy: glyph.lineHeight }, line)).join('');
  return element('circle', { cx: glyph.x, cy: glyph.y, r: glyph.r }) + element('text', { x: glyph.x, y: glyph.labelY }, lines);
}

/** A glyph that links to `href`, with `title` as its tooltip and accessible name. */
export function linkedGlyphSvg(glyph: PlacedGlyph, href: string, title: string): string {
  return element('a', { href }, titleElement(title) + glyphSvg(glyph));
}

export interface MapFrame {
  className: string;
  width: number;
  height: number;
  fontSize: number;
  /** Accessible name of the map. */
  label: string;
  /** Id of the element that describes it. */
  describedBy?: string;
}

/**
 * A map's SVG: its lines first (under the glyphs, hidden from screen readers), then the glyphs.
 * A group of links rather than one image: screen readers list the links, named by their titles.
 */
export function mapSvg(frame: MapFrame, lines: readonly string[], glyphs: string): string {
  return element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: frame.className,
      viewBox: `0 0 ${num(frame.width)} ${num(frame.height)}`,
      width: frame.width,
      height: frame.height,
      'font-size': frame.fontSize,
      'text-anchor': 'middle',
      role: 'group',
      'aria-label': frame.label,
      'aria-describedby': frame.describedBy,
    },
    element('g', { class: 'edges', 'aria-hidden': 'true' }, lines.join('')) + glyphs,
  );
}
