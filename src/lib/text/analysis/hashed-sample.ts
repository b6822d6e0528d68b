/**
 * Samples that one more paper does not reshuffle. A large list is analysed on a sample of its
 * papers in places (the learned term space, choosing topics); taking every n-th paper in id
 * order would shift the whole sample when a paper is added in the middle, and so move topics and
 * scores all over the list. Chosen by a hash of each paper's id instead, the sample keeps every
 * paper it had, and gains the new one or not.
 */

/** A 32-bit number for a string, from the string alone (FNV-1a): a stable key for a term or a paper. */
export function textKey(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

/** Is the item with this key in a sample of about one in `step`? (The key's bits mixed, so any keys spread evenly.) */
export function inSample(key: number, step: number): boolean {
  let h = Math.imul(key ^ (key >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return ((h ^ (h >>> 16)) >>> 0) % step === 0;
}
