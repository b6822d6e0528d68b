/**
 * The map of the field as SVG markup: lines between topics that share papers (wider for more),
 * then one link per topic: its circle and its name. Colours come from CSS classes (the page's
 * light and dark themes), none from the markup.
 */
import type { TopicMapLayout } from './topic-map.ts';
import { element, lineBetween } from './svg.ts';
import { paperCount } from '../counted.ts';
import { linkedGlyphSvg, mapSvg } from './glyph.ts';

export interface TopicMapSvgOptions {
  /** The topic page's address. */
  href: (id: string) => string;
  /** Id of the element that describes the map (its caption). */
  describedBy?: string;
}

/** Line width for an edge: 1 px for one shared paper, up to 5 px for the most. */
export function edgeWidth(shared: number, maxShared: number): number {
  return 1 + 4 * Math.sqrt((shared - 1) / Math.max(1, maxShared - 1));
}

export function topicMapSvg(layout: TopicMapLayout, options: TopicMapSvgOptions): string {
  const { topics } = layout;
  const lines = layout.edges.map((edge) =>
    lineBetween(topics[edge.source]!, topics[edge.target]!, { 'stroke-width': edgeWidth(edge.shared, layout.maxShared) }),
  );
  const nodes = topics.map((topic) => linkedGlyphSvg(topic, options.href(topic.id), `${topic.name}: ${paperCount(topic.papers)}`));
  return mapSvg(
    {
      className: 'topic-map',
      width: layout.width,
      height: layout.height,
      fontSize: layout.fontSize,
      label: 'Map of the topics',
      describedBy: options.describedBy,
    },
    lines,
    element('g', { class: 'nodes' }, nodes.join('')),
  );
}
