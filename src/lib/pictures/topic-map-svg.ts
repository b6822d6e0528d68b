/**
 * The map of the field as SVG markup: lines between topics that share papers (wider for more),
 * then one link per topic: its circle and its name. Colours come from CSS classes (the page's
 * light and dark themes), none from the markup.
 */
import type { TopicMapLayout } from './topic-map.ts';
import { element, escapeXml, num, titleElement } from './svg.ts';

export interface TopicMapSvgOptions {
  /** The topic page's address. */
  href: (id: string) => string;
  /** Id of the element that describes the map (its caption). */
  describedBy?: string;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Line width for an edge: 1 px for one shared paper, up to 5 px for the most. */
export function edgeWidth(shared: number, maxShared: number): number {
  return 1 + 4 * Math.sqrt((shared - 1) / Math.max(1, maxShared - 1));
}

export function topicMapSvg(layout: TopicMapLayout, options: TopicMapSvgOptions): string {
  const { topics } = layout;
  const lines = layout.edges.map((edge) => {
    const [a, b] = [topics[edge.source]!, topics[edge.target]!];
    return element('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, 'stroke-width': edgeWidth(edge.shared, layout.maxShared) });
  });
  const nodes = topics.map((topic) => {
    const label = topic.lines
      .map((line, i) => element('tspan', { x: topic.x, y: topic.labelY + i * layout.lineHeight }, escapeXml(line)))
      .join('');
    return element(
      'a',
      { href: options.href(topic.id) },
      titleElement(`${topic.name}: ${plural(topic.papers, 'paper')}`) +
        element('circle', { cx: topic.x, cy: topic.y, r: topic.r }) +
        element('text', { x: topic.x, y: topic.labelY }, label),
    );
  });
  return element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: 'topic-map',
      viewBox: `0 0 ${num(layout.width)} ${num(layout.height)}`,
      width: layout.width,
      height: layout.height,
      'font-size': layout.fontSize,
      'text-anchor': 'middle',
      'aria-describedby': options.describedBy,
    },
    element('g', { class: 'edges', 'aria-hidden': 'true' }, lines.join('')) + element('g', { class: 'nodes' }, nodes.join('')),
  );
}
