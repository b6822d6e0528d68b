/**
 * The one way of choosing how to show a term (a word or phrase known by its stem key): the
 * way the corpus writes it most often. Topic names, key terms and the reasons given for
 * related papers all come from here.
 */
import { compareStrings } from '../../compare.ts';

/** The most frequent key; ties go to the first in code-point order. */
export function mostFrequent(counts: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let bestCount = -1;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && compareStrings(value, best!) < 0)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** What separates the words of a surface: spaces, hyphens, slashes. */
const WORD_BREAKS = /[\s\-/]+/;

/**
 * Capitals only at the start of words ("Rectified Flow", "Learning from Human Feedback"):
 * how titles write any phrase. "OpenVLA" or "LLMs" are written so on purpose.
 */
function onlyInitialCapitals(surface: string): boolean {
  return surface.split(WORD_BREAKS).every((word) => /^\P{Lu}*$/u.test(word.slice(1)));
}

/** Capitals inside words, not starting them: "3D GAussians" has two. */
const innerCapitals = (surface: string): number =>
  surface.split(WORD_BREAKS).reduce((sum, word) => sum + word.slice(1).replace(/\P{Lu}/gu, '').length, 0);

/**
 * Between spellings as frequent as each other: lowercase, then fewer capitals inside words
 * ("3D Gaussians" over "3D GAussians", whose capitals spell out an acronym: "Segment Any 3D
 * GAussians (SAGA)"), then code-point order.
 */
function preferSpelling(candidate: string, current: string): boolean {
  const candidateLower = candidate === candidate.toLowerCase();
  const currentLower = current === current.toLowerCase();
  if (candidateLower !== currentLower) return candidateLower;
  const capitals = innerCapitals(candidate) - innerCapitals(current);
  if (capitals !== 0) return capitals < 0;
  return compareStrings(candidate, current) < 0;
}

/**
 * The spelling to show among weighted surfaces. Spellings are grouped case-insensitively and
 * the heaviest group wins. Inside it, Title Case counts as lowercase when lowercase also
 * occurs (titles must not make "Language" win over "language"), and the most frequent casing
 * is shown ("OpenVLA", "LLMs"). Ties: see `preferSpelling`.
 */
export function preferredSpelling(forms: ReadonlyMap<string, number>): string | null {
  if (forms.size === 0) return null;
  if (forms.size === 1) {
    // One spelling (most terms) is its own group and wins its own vote (any count above -1 does).
    const [[only, count]] = forms;
    if (count! > -1) return only!;
  }
  const groups = new Map<string, number>();
  for (const [surface, count] of forms) {
    const lower = surface.toLowerCase();
    groups.set(lower, (groups.get(lower) ?? 0) + count);
  }
  const lower = mostFrequent(groups)!;
  const lowerOccurs = forms.has(lower);
  const votes = new Map<string, number>();
  for (const [surface, count] of forms) {
    if (surface.toLowerCase() !== lower) continue;
    const target = lowerOccurs && onlyInitialCapitals(surface) ? lower : surface;
    votes.set(target, (votes.get(target) ?? 0) + count);
  }
  let best = lower;
  let bestVotes = -1;
  for (const [spelling, count] of votes) {
    if (count > bestVotes || (count === bestVotes && preferSpelling(spelling, best))) {
      best = spelling;
      bestVotes = count;
    }
  }
  return best;
}

/** Surfaces seen for term keys, counted as they are met; `best` picks the spelling to show. */
export class Spellings {
  private readonly counts = new Map<string, Map<string, number>>();

  add(key: string, surface: string, weight = 1): void {
    let forms = this.counts.get(key);
    if (forms === undefined) this.counts.set(key, (forms = new Map()));
    forms.set(surface, (forms.get(surface) ?? 0) + weight);
  }

  has(key: string): boolean {
    return this.counts.has(key);
  }

  /** The spelling to show for a key, or null when none was seen. */
  best(key: string): string | null {
    return this.bestOf([key]);
  }

  /** The spelling to show for what several keys stand for together (their surfaces counted as one), or null. */
  bestOf(keys: readonly string[]): string | null {
    const merged = new Map<string, number>();
    for (const key of keys)
      for (const [surface, count] of this.counts.get(key) ?? []) merged.set(surface, (merged.get(surface) ?? 0) + count);
    return preferredSpelling(merged);
  }
}
