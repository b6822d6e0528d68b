/**
 * Topics as a graph: one node per topic, weighted by its papers, and an edge between two topics
 * for every paper they share. Reads only `Topic.id/name/papers`, so it does not depend on how
 * topics are discovered.
 *
 * Cost: one pass over the topic memberships, then every pair of topics of each paper. Papers
 * have a few topics each, so this is linear in the papers; no pass over all pairs of topics.
 */
import { compareStrings } from '../compare.ts';

export interface GraphTopic {
  id: string;
  name: string;
  papers: readonly string[];
}

export interface TopicNode {
  id: string;
  name: string;
  /** How many papers the topic has. */
  papers: number;
}

export interface TopicEdge {
  /** Indices into `TopicGraph.nodes`, `source < target`. */
  source: number;
  target: number;
  /** Papers in both topics. */
  shared: number;
}

export interface TopicGraph {
  /** Largest topic first (ties by id), whatever the input order. */
  nodes: TopicNode[];
  /** Every pair of topics sharing at least one paper, by source then target. */
  edges: TopicEdge[];
}

export function topicGraph(topics: readonly GraphTopic[]): TopicGraph {
  const nodes = topics
    .map((topic) => ({ id: topic.id, name: topic.name, papers: new Set(topic.papers).size }))
    .sort((a, b) => b.papers - a.papers || compareStrings(a.id, b.id));
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const topicsOfPaper = new Map<string, number[]>();
  for (const topic of topics) {
    for (const paper of new Set(topic.papers)) {
      const list = topicsOfPaper.get(paper);
      if (list) list.push(index.get(topic.id)!);
      else topicsOfPaper.set(paper, [index.get(topic.id)!]);
    }
  }
  const shared = new Map<number, number>();
  for (const list of topicsOfPaper.values()) {
    for (const a of list) {
      for (const b of list) if (a < b) shared.set(a * nodes.length + b, (shared.get(a * nodes.length + b) ?? 0) + 1);
    }
  }
  const edges = [...shared]
    .map(([key, count]) => ({ source: Math.floor(key / nodes.length), target: key % nodes.length, shared: count }))
    .sort((a, b) => a.source - b.source || a.target - b.target);
  return { nodes, edges };
}

export interface Neighbour {
  id: string;
  name: string;
  shared: number;
}

interface Adjacent {
  other: number;
  shared: number;
  edge: TopicEdge;
}

/**
 * Each topic's edges, strongest first: most shared papers, then the smaller other topic (the
 * closer fit), then id.
 */
function adjacency(graph: TopicGraph): Adjacent[][] {
  const lists = graph.nodes.map((): Adjacent[] => []);
  for (const edge of graph.edges) {
    lists[edge.source]!.push({ other: edge.target, shared: edge.shared, edge });
    lists[edge.target]!.push({ other: edge.source, shared: edge.shared, edge });
  }
  const { nodes } = graph;
  // Ties by name, not by size: a topic that gains a paper elsewhere would reorder every list it
  // ties in, and change those topics' pages for returning readers.
  for (const list of lists) {
    list.sort((a, b) => b.shared - a.shared || compareStrings(nodes[a.other]!.name, nodes[b.other]!.name));
  }
  return lists;
}

/** For every topic, the topics it shares papers with, most shared first. */
export function neighbours(graph: TopicGraph): Map<string, Neighbour[]> {
  const lists = adjacency(graph);
  return new Map(
    graph.nodes.map((node, i) => [
      node.id,
      lists[i]!.map(({ other, shared }) => ({ id: graph.nodes[other]!.id, name: graph.nodes[other]!.name, shared })),
    ]),
  );
}

/**
 * The edges worth drawing on a map: each topic's `perTopic` strongest, so a large corpus's map
 * shows its structure instead of a hairball, and every topic that shares papers keeps a line.
 */
export function strongestEdges(graph: TopicGraph, perTopic: number): TopicEdge[] {
  const kept = new Set(adjacency(graph).flatMap((list) => list.slice(0, perTopic).map(({ edge }) => edge)));
  return graph.edges.filter((edge) => kept.has(edge));
}
