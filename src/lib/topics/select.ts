/**
 * Choosing the automatic topics among the candidate key phrases.
 *
 * 1–2. Candidate topics: each frequent, eligible candidate with its members, nested ones
 *    merged (candidate-groups.ts).
 * 3. Greedy selection with diminishing returns: a topic is worth the papers it holds, each
 *    weighted by how it names the topic (in its title, repeatedly, in passing) and divided by
 *    the number of topics the paper already has, times how specific the phrase is and how
 *    rare its rarest word is ("autonomous driving" says more than "reinforcement learning
 *    agents"). Generic phrases ("latent space") never compete (see generic-phrases.ts), nor
 *    does another phrase for a chosen topic's papers ("light curves"). A variant
 *    of a chosen topic's phrase ("deep reinforcement learning", "reinforcement learning from
 *    human feedback" for "human feedback") with mostly the same papers joins that topic
 *    instead; a phrase with a new head noun ("large language model agents") is a subject of
 *    its own and competes as one. Selection stops when no topic is worth enough; topics are
 *    capped at `maxSize` papers. A lone ordinary word never folds into another topic, and adds
 *    nothing next to a chosen topic that already gathers its papers.
 * 4. Variants left over fold into their topics too, and a topic is named by its most specific
 *    variant when that covers most of its papers ("Large Language Models" rather than
 *    "Language Models").
 */
import type { AnalysedPaper } from '../text/analysis/corpus.ts';
import type { CandidateStats } from './candidates.ts';
import { Heap } from './heap.ts';
import type { Member } from './membership.ts';
import { CONNECTORS } from '../text/analysis/units.ts';
import { compareStrings } from '../compare.ts';
import { groupCandidates, type SelectionSettings, type TopicGroup } from './candidate-groups.ts';

export type { SelectionSettings, TopicGroup } from './candidate-groups.ts';

/**
 * Selection stops when the best remaining topic is worth less than this share of a minimum-size
 * topic of fresh papers named in their titles.
 */
const MIN_GAIN_PER_PAPER = 0.35;

/** A candidate sharing this share of its papers with a chosen topic, and of the topic's, is its twin. */
const TWIN_SHARE = 0.8;

/** Worth factor of a topic whose every word is common; one anchored by a rare word gets 1 more. */
const MIN_DISTINCTIVENESS = 0.5;

/** A lone word sharing this share of its papers with a chosen topic at most `WORD_TWIN_SIZE` times its size adds nothing. */
const WORD_TWIN_SHARE = 0.6;
const WORD_TWIN_SIZE = 2;

/** A variant of a chosen topic's phrase sharing this share of its papers with it joins that topic. */
const NESTED_FOLD_SHARE = 0.5;
/** A folded, more specific variant holding more than this share of the topic's papers names the topic. */
const RENAME_SHARE = 0.5;

/** How specific a phrase is: lone names least, then two-word phrases, longer ones a little more. */
function specificity(group: TopicGroup): number {
  if (group.singleWord) return 0.6;
  return group.stemCount <= 1 ? 0.8 : group.stemCount === 2 ? 1 : group.stemCount === 3 ? 1.1 : 1.15;
}

/** Value of a phrase's rarity: from MIN_DISTINCTIVENESS (common words) to MIN_DISTINCTIVENESS + 1 (rare). */
function distinctiveness(group: TopicGroup): number {
  return MIN_DISTINCTIVENESS + group.rarity;
}

/** What a member is worth to a topic: naming it in the title most, a passing mention least. */
function evidence(member: Member): number {
  return member.inTitle ? 1 : member.strong ? 0.6 : 0.3;
}

function gain(group: TopicGroup, topicsPerPaper: Int32Array, maxSize: number): number {
  let sum = 0;
  for (const member of group.members.slice(0, maxSize)) sum += evidence(member) / (1 + topicsPerPaper[member.paper]!);
  return sum * specificity(group) * distinctiveness(group);
}

/** Adds a variant phrase's group to a chosen topic; `nameByMajority` may later name the topic after it. */
function foldInto(host: TopicGroup, variant: TopicGroup): void {
  host.keys.push(...variant.keys);
  (host.variants ??= []).push(variant);
}

/**
 * Names a topic by its most specific variant when that holds more than half of the topic's
 * papers (all its phrases together): "large language models" for "language models",
 * "reinforcement learning from human feedback" for "human feedback".
 */
function nameByMajority(host: TopicGroup): void {
  const variants = host.variants ?? [];
  if (variants.length === 0) return;
  const union = new Set(host.members.map((member) => member.paper));
  for (const variant of variants) for (const member of variant.members) union.add(member.paper);
  let best: TopicGroup | null = null;
  for (const variant of variants) {
    if (variant.singleWord || variant.stemCount <= host.stemCount || !sameSubject(variant.keys[0]!, host.keys[0]!)) continue;
    if (variant.members.length <= RENAME_SHARE * union.size) continue;
    if (
      best === null ||
      variant.members.length > best.members.length ||
      (variant.members.length === best.members.length &&
        (variant.stemCount > best.stemCount ||
          (variant.stemCount === best.stemCount && compareStrings(variant.keys[0]!, best.keys[0]!) < 0)))
    ) {
      best = variant;
    }
  }
  if (best === null) return;
  const named = new Set(best.keys);
  host.keys = [...best.keys, ...host.keys.filter((key) => !named.has(key))];
  host.stemCount = best.stemCount;
}

/** Where `inner`'s stems occur as a whole run inside `outer`'s, or -1. */
function runIndex(outer: readonly string[], inner: readonly string[]): number {
  for (let start = 0; start + inner.length <= outer.length; start++) {
    if (inner.every((stem, i) => outer[start + i] === stem)) return start;
  }
  return -1;
}

/**
 * Do two phrases name the same subject, one a variant of the other? The longer must contain
 * the shorter and add only modifiers before it ("deep reinforcement learning") or a
 * prepositional phrase after it ("imitation learning from observation"). A longer phrase
 * that puts a new noun after it ("language model agents") names something else.
 */
export function sameSubject(a: string, b: string): boolean {
  const [x, y] = [a.split(' '), b.split(' ')];
  const [longer, shorter] = x.length >= y.length ? [x, y] : [y, x];
  const at = runIndex(longer, shorter);
  if (at < 0) return false;
  const next = longer[at + shorter.length];
  return next === undefined || CONNECTORS.has(next);
}

/** The chosen topics: groups, most valuable first. */
export function selectTopics(
  stats: ReadonlyMap<string, CandidateStats>,
  papers: readonly AnalysedPaper[],
  settings: SelectionSettings,
): TopicGroup[] {
  const groups = groupCandidates(stats, papers, settings).sort((a, b) => compareStrings(a.keys[0]!, b.keys[0]!));
  const topicsPerPaper = new Int32Array(papers.length);
  type Entry = { group: TopicGroup; value: number };
  // Max-heap on value; ties by phrase so the order never depends on anything but the text.
  const before = (a: Entry, b: Entry) =>
    a.value > b.value || (a.value === b.value && compareStrings(a.group.keys[0]!, b.group.keys[0]!) < 0);
  const queue = new Heap<Entry>(before);
  for (const group of groups) queue.push({ group, value: gain(group, topicsPerPaper, settings.maxSize) });
  const chosen = new ChosenTopics(papers.length);
  const variants: TopicGroup[] = [];
  // Lazy greedy: values only fall as papers get topics, so a re-evaluated head that still
  // beats the next stale value is the true best.
  while (queue.size > 0 && chosen.topics.length < settings.maxTopics) {
    const head = queue.pop()!;
    const value = gain(head.group, topicsPerPaper, settings.maxSize);
    const next = queue.peek();
    if (next !== undefined && before(next, { group: head.group, value })) {
      queue.push({ group: head.group, value });
      continue;
    }
    if (value < MIN_GAIN_PER_PAPER * settings.minPapers) {
      queue.push(head);
      break;
    }
    const shared = chosen.sharedPapers(head.group);
    // A lone word never joins another topic (its other papers may use it in another sense),
    // and adds nothing next to a chosen topic named with it that holds most of its papers.
    if (head.group.commonWord && isSubsumed(head.group, chosen.topics, shared)) continue;
    if (!head.group.commonWord && hostFor(head.group, chosen.topics, shared) !== undefined) {
      variants.push(head.group);
      continue;
    }
    // Another phrase for a chosen topic's papers ("light curves" for transit photometry) adds nothing.
    if (hasTwin(head.group, chosen.topics, shared)) continue;

    chosen.add(head.group);
    for (const member of head.group.members.slice(0, settings.maxSize)) topicsPerPaper[member.paper]!++;
  }
  // Variants join their topics once all are chosen, each the one it fits best (RLHF: "human
  // feedback" rather than "reinforcement learning", whichever came first). Those not worth a
  // topic of their own join too: they find papers for theirs (an acronym's users).
  while (queue.size > 0) {
    const group = queue.pop()!.group;
    if (!group.commonWord) variants.push(group);
  }
  variants.sort((a, b) => compareStrings(a.keys[0]!, b.keys[0]!));
  for (const group of variants) {
    const host = hostFor(group, chosen.topics, chosen.sharedPapers(group));
    if (host !== undefined) foldInto(host, group);
  }
  for (const topic of chosen.topics) {
    nameByMajority(topic);
    delete topic.variants;
  }
  return chosen.topics;
}

/** The topics chosen so far, and which of them each paper belongs to (to count shared papers fast). */
class ChosenTopics {
  readonly topics: TopicGroup[] = [];
  private readonly ofPaper: number[][];

  constructor(paperCount: number) {
    this.ofPaper = Array.from({ length: paperCount }, () => []);
  }

  add(group: TopicGroup): void {
    const index = this.topics.length;
    this.topics.push(group);
    for (const member of group.members) this.ofPaper[member.paper]!.push(index);
  }

  /** Chosen topic index → papers it shares with the group (topics sharing none are absent). */
  sharedPapers(group: TopicGroup): Map<number, number> {
    const shared = new Map<number, number>();
    for (const member of group.members) for (const topic of this.ofPaper[member.paper]!) shared.set(topic, (shared.get(topic) ?? 0) + 1);
    return shared;
  }
}

/**
 * Does a chosen topic already gather a lone word's papers? One named with the word holding half
 * of them ("speech" and Speech Recognition), or one hardly larger holding most of them
 * ("qubits" and Quantum Error Correction). A larger topic holding them is a broader subject,
 * and the word may still name a narrower one ("fluid" within Reinforcement Learning).
 */
function isSubsumed(group: TopicGroup, topics: readonly TopicGroup[], shared: ReadonlyMap<number, number>): boolean {
  const word = group.keys[0]!;
  const size = group.members.length;
  for (const [topic, count] of shared) {
    const chosen = topics[topic]!;
    if (count >= NESTED_FOLD_SHARE * size && chosen.keys.some((key) => key.split(' ').includes(word))) return true;
    if (count >= WORD_TWIN_SHARE * size && chosen.members.length <= WORD_TWIN_SIZE * size) return true;
  }
  return false;
}

/** Does a chosen topic hold nearly the same papers as the group? */
function hasTwin(group: TopicGroup, topics: readonly TopicGroup[], shared: ReadonlyMap<number, number>): boolean {
  for (const [topic, count] of shared) {
    if (count >= TWIN_SHARE * group.members.length && count >= TWIN_SHARE * topics[topic]!.members.length) return true;
  }
  return false;
}

/**
 * The chosen topic a group is a variant of, sharing most of the group's papers. Of several
 * ("reinforcement learning from human feedback" varies both "reinforcement learning" and
 * "human feedback"), the one it covers best: the most specific. Ties: the first chosen.
 */
function hostFor(group: TopicGroup, topics: readonly TopicGroup[], shared: ReadonlyMap<number, number>): TopicGroup | undefined {
  let best: { topic: number; share: number } | undefined;
  for (const [topic, count] of shared) {
    if (count < NESTED_FOLD_SHARE * group.members.length) continue;
    const candidate = topics[topic]!;
    if (!group.keys.some((key) => candidate.keys.some((other) => sameSubject(key, other)))) continue;
    const share = count / candidate.members.length;
    if (best === undefined || share > best.share || (share === best.share && topic < best.topic)) best = { topic, share };
  }
  return best === undefined ? undefined : topics[best.topic];
}
