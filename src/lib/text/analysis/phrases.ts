/**
 * Phrases of a field: runs of 1 to 4 units inside one clause, not starting or ending on a stop
 * word, a generic academic word or a number, with at most one connecting stop word inside
 * ("reinforcement learning from human feedback"). Each is reported with two independent
 * 32-bit hashes of its stems, so phrases can be counted without building strings; a phrase
 * hashes the same whether it is written as one hyphenated unit or as separate words.
 * Topic candidates, key terms and related papers all read phrases through `forEachSpan`.
 */
import type { Field } from './units.ts';

/** Words in a key phrase, not counting its connecting stop word ("Reinforcement Learning from Human Feedback" has 4). */
export const MAX_PHRASE_UNITS = 4;
export const MAX_PHRASE_STEMS = 8;

/**
 * Called for every candidate span: `first` and `second` are two independent 32-bit hashes of
 * its stem sequence (see `mix`), `start` and `end` its first and last unit, `modifies` says
 * a content word follows in the same clause ("real-world robots").
 */
export type SpanVisitor = (first: number, second: number, start: number, end: number, stemCount: number, modifies: boolean) => void;

/**
 * Extends a 32-bit hash by one stem id. Applied stem by stem, so a phrase hashes the same
 * whether it is written as one hyphenated unit or as separate words.
 */
function mix(hash: number, stemId: number, multiplier: number): number {
  const h = Math.imul(hash ^ (stemId + 1), multiplier);
  return h ^ (h >>> 15);
}

const FIRST_MULTIPLIER = 0x9e3779b1;
const SECOND_MULTIPLIER = 0x85ebca77;

/**
 * Calls `visit` for every candidate span of a field. Spans stop at a unit `usable` rejects
 * (one with a rare stem: no phrase containing it can be frequent).
 */
export function forEachSpan(
  field: Field,
  visit: SpanVisitor,
  usable: (field: Field, unit: number) => boolean = () => true,
  maxUnits = MAX_PHRASE_UNITS,
): void {
  const { stems, stemOffsets } = field;
  // Asked once per unit here rather than once per span reaching it (a unit is in up to five).
  const usableUnits = new Uint8Array(field.length);
  for (let unit = 0; unit < field.length; unit++) if (usable(field, unit)) usableUnits[unit] = 1;
  for (let start = 0; start < field.length; start++) {
    if (!field.canBoundPhrase(start) || usableUnits[start] === 0) continue;
    let hash1 = 0;
    let hash2 = 0x2545f491;
    let innerStops = 0;
    for (let end = start; end < field.length && end - start - innerStops < maxUnits; end++) {
      if (end > start && (field.breaksBefore(end) || usableUnits[end] === 0)) break;
      const stemCount = stemOffsets[end + 1]! - stemOffsets[start]!;
      if (stemCount > MAX_PHRASE_STEMS) break;
      for (let s = stemOffsets[end]!; s < stemOffsets[end + 1]!; s++) {
        hash1 = mix(hash1, stems[s]!, FIRST_MULTIPLIER);
        hash2 = mix(hash2, stems[s]!, SECOND_MULTIPLIER);
      }
      if (field.isStop(end)) {
        if (!field.isConnector(end) || innerStops > 0) break;
        innerStops++;
        continue;
      }
      if (!field.canBoundPhrase(end)) continue;
      visit(hash1, hash2, start, end, stemCount, field.isContentHead(end + 1));
    }
  }
}

/** Stem ids of units start..end, in order. */
export function spanStemIds(field: Field, start: number, end: number): number[] {
  return Array.from(field.stems.subarray(field.stemOffsets[start]!, field.stemOffsets[end + 1]!));
}

/** Do units start..end spell exactly these stem ids? */
export function spellsStemIds(field: Field, start: number, end: number, ids: readonly number[]): boolean {
  const from = field.stemOffsets[start]!;
  const to = field.stemOffsets[end + 1]!;
  if (to - from !== ids.length) return false;
  for (let s = from; s < to; s++) if (field.stems[s] !== ids[s - from]) return false;
  return true;
}

/** A hash cut to 30 bits: small integers make fast map keys. */
export function smallHash(hash: number): number {
  return hash & 0x3fffffff;
}
