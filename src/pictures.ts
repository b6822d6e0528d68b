/**
 * The pictures (src/lib/pictures/), made once per build from the collections in data.ts and
 * shared by the pages: the topic map and the time axis are computed on first use, a paper's
 * local map from that paper and its related papers only.
 */
import { paperById, papers, siteExports, topics, url } from './data.ts';
import type { Paper, Topic } from './lib/types.ts';
import { neighbours, topicGraph, type Neighbour } from './lib/pictures/topic-graph.ts';
import { layoutTopicMap } from './lib/pictures/topic-map.ts';
import { topicMapSvg } from './lib/pictures/topic-map-svg.ts';
import { binCounts, paperDate, timeAxis, type DatedPaper, type TimeAxis } from './lib/pictures/timeline.ts';
import { timelineSvg } from './lib/pictures/timeline-svg.ts';
import { layoutLocalMap, localMapSvg, type LocalNeighbour } from './lib/pictures/local-map.ts';

/** `make()` on the first call, the same value after. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

const graph = once(() => topicGraph(topics));
const sharing = once(() => neighbours(graph()));

/** Id of the map's caption, which describes it. */
export const TOPIC_MAP_CAPTION = 'topic-map-caption';

/** The map of every topic (SVG markup); null when the list has no topics. */
export const topicMap = once(() =>
  topics.length > 0 ? topicMapSvg(layoutTopicMap(graph()), { href: url.topic, describedBy: TOPIC_MAP_CAPTION }) : null,
);

/** The topics a topic shares most papers with, most first. */
export function sharedTopics(topic: Topic, limit = 5): Neighbour[] {
  return (sharing().get(topic.id) ?? []).slice(0, limit);
}

const days = once(() => new Map(papers.map((paper) => [paper.id, paperDate(paper, siteExports.dates)])));
const axis = once(() => timeAxis([...days().values()]));
/** Whether any paper has a publication date (else every date is a listing day). */
const anyPublished = once(() => papers.some((paper: DatedPaper) => !!paper.date));

export interface TopicTimeline {
  svg: string;
  axis: TimeAxis;
  counts: number[];
  /** True when the dates are listing days only. */
  listingDays: boolean;
}

/**
 * A topic's papers over time, on the list's common time axis (one start and one step for every
 * topic, so topics compare), up to the topic's newest paper: a paper added to another topic on
 * a new day leaves this topic's page as it was. Null when no paper is dated.
 */
export function topicTimeline(topic: Topic): TopicTimeline | null {
  const common = axis();
  if (!common) return null;
  const counts = binCounts(
    common,
    topic.papers.map((id) => days().get(id) ?? null),
  );
  const end = counts.findLastIndex((count) => count > 0) + 1;
  const own = { ...common, bins: common.bins.slice(0, Math.max(end, 1)) };
  return {
    svg: timelineSvg(own, counts.slice(0, own.bins.length)),
    axis: own,
    counts: counts.slice(0, own.bins.length),
    listingDays: !anyPublished(),
  };
}

/** The map of a paper and its related papers (SVG markup); null when it has none. */
export function localMap(paper: Paper): string | null {
  const related = paper.related.flatMap((r): LocalNeighbour[] => {
    const other = paperById.get(r.id);
    return other ? [{ id: other.id, title: other.title, related: other.related.map((o) => o.id) }] : [];
  });
  if (related.length === 0) return null;
  return localMapSvg(layoutLocalMap(paper, related), url.paper);
}
