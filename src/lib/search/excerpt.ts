/**
 * Result excerpts, taken from the abstract.
 *
 * Pagefind's own excerpt is a window of the page's indexed text around the best-scoring
 * matches, and on a paper page those are usually in the title (weighted 10), so its excerpt
 * mostly repeats the title. We build the excerpt from the same data Pagefind returns (the
 * indexed text, and the word positions of the matches with their scores) but only from the
 * abstract on: the paper page marks where it starts with an element id that Pagefind records
 * as an anchor. The result is plain text parts; the client makes text nodes and <mark>
 * elements of them, never HTML.
 */

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

export interface MatchLocation {
  /** Index of the matched word in the indexed text, split on white space. */
  location: number;
  /** Pagefind's score for the match (higher for title matches, rarer words). */
  balanced_score: number;
}

export interface ExcerptSource {
  /** Pagefind's `raw_content`: the indexed text with "<" and ">" escaped as &lt; and &gt;. */
  raw_content?: string;
  /** The indexed text, unescaped (fallback when raw_content is absent). */
  content: string;
  weighted_locations: readonly MatchLocation[];
  anchors: readonly { id: string; location: number }[];
}

/** Id of the element where the abstract starts on a paper page (src/pages/papers/[id].astro). */
export const ABSTRACT_ANCHOR = 'abstract';
export const EXCERPT_WORDS = 26;

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>' };
const unescape = (word: string) => word.replace(/&[lg]t;/g, (entity) => ENTITIES[entity]!);

/** Words as Pagefind counts them (its `word_separators`; zero-width spaces where it segmented words). */
function words(text: string): string[] {
  return text.includes('\u200B') ? text.split('\u200B') : text.split(/[^\S\uFEFF]+/);
}

/** Start of the `length`-word window within [from, end) with the highest total match score. */
function bestWindow(matches: readonly MatchLocation[], from: number, end: number, length: number): number {
  const last = Math.max(from, end - length);
  let best = from;
  let bestScore = 0;
  // Candidate starts: a couple of words before each match, so a match is rarely the first word.
  for (const start of new Set(matches.map((m) => Math.min(last, Math.max(from, m.location - 3))))) {
    const score = matches.filter((m) => m.location >= start && m.location < start + length).reduce((sum, m) => sum + m.balanced_score, 0);
    if (score > bestScore || (score === bestScore && start < best)) [best, bestScore] = [start, score];
  }
  return best;
}

/**
 * An excerpt of the abstract (the text after the abstract anchor; the whole text when there is
 * no anchor) with the matched words marked, "…" where text was cut. Empty when the page has
 * no abstract text.
 */
export function abstractExcerpt(source: ExcerptSource, length = EXCERPT_WORDS): ExcerptPart[] {
  const escaped = source.raw_content !== undefined;
  const all = words(source.raw_content ?? source.content);
  const from = source.anchors.find((anchor) => anchor.id === ABSTRACT_ANCHOR)?.location ?? 0;
  const end = all.length;
  if (from >= end || all.slice(from).every((w) => w === '')) return [];
  const matches = source.weighted_locations.filter((m) => m.location >= from && m.location < end);
  const start = bestWindow(matches, from, end, length);
  const stop = Math.min(end, start + length);
  const marked = new Set(matches.map((m) => m.location));

  const parts: ExcerptPart[] = [];
  const push = (text: string, isMarked: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.marked === isMarked) last.text += text;
    else parts.push({ text, marked: isMarked });
  };
  if (start > from) push('… ', false);
  for (let i = start; i < stop; i++) {
    const word = escaped ? unescape(all[i]!) : all[i]!;
    if (i > start) push(' ', marked.has(i) && marked.has(i - 1)); // "rectified flow" as one highlight
    push(word, marked.has(i));
  }
  if (stop < end) push(' …', false);
  return parts.filter((part) => part.text !== '');
}
