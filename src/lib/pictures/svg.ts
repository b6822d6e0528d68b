/**
 * Writing SVG as text: escaped attribute values and text, and numbers rounded so that the same
 * layout always prints the same bytes. The pictures are built as strings at build time and
 * inlined in pages; nothing here runs in the browser.
 */
import { escapeXml } from '../export/atom.ts';

export { escapeXml };

/** A coordinate or length rounded to 0.1 px, printed without a trailing ".0" or a "-0". */
export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}

export type Attributes = Record<string, string | number | null | undefined>;

/** ` name="value"` for each attribute that has a value, in the order given; numbers rounded by `num`. */
export function attributes(values: Attributes): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`)
    .join('');
}

/** One element. `children` is markup already made safe (other elements, or `escapeXml`'d text). */
export function element(name: string, values: Attributes, children?: string): string {
  return children === undefined ? `<${name}${attributes(values)}/>` : `<${name}${attributes(values)}>${children}</${name}>`;
}

/** A `<title>` child: the tooltip of its parent (and, for links, part of their description). */
export function titleElement(text: string): string {
  return element('title', {}, escapeXml(text));
}

/** A line between two points (centres of circles). */
export function lineBetween(a: { x: number; y: number }, b: { x: number; y: number }, extra: Attributes = {}): string {
  return element('line', { ...extra, x1: a.x, y1: a.y, x2: b.x, y2: b.y });
}

/**
 * Lines between pairs of points as one path (`M x y L x y` for each): a page's local map draws a
 * dozen lines, and one path is a third of the bytes of as many `<line>` elements.
 */
export function pathBetween(pairs: readonly [{ x: number; y: number }, { x: number; y: number }][], extra: Attributes = {}): string {
  const d = pairs.map(([a, b]) => `M${num(a.x)} ${num(a.y)}L${num(b.x)} ${num(b.y)}`).join('');
  return element('path', { ...extra, d });
}
