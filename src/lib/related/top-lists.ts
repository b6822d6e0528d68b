/** Bounded best-first lists of (paper, score), one per paper, in flat typed arrays. */
export class TopLists {
  private readonly docs: Int32Array;
  private readonly scores: Float64Array;
  private readonly sizes: Int32Array;
  private readonly k: number;

  constructor(paperCount: number, k: number) {
    this.k = k;
    this.docs = new Int32Array(paperCount * k);
    this.scores = new Float64Array(paperCount * k);
    this.sizes = new Int32Array(paperCount);
  }

  /**
   * Offers `other` with `score` to `owner`'s list (higher score first, then lower index). A
   * paper already listed is not listed twice: the same pair may be offered from both sides.
   * The lists end up the same whatever the order of the offers.
   */
  offer(owner: number, other: number, score: number): void {
    const base = owner * this.k;
    let size = this.sizes[owner]!;
    for (let slot = 0; slot < size; slot++) if (this.docs[base + slot] === other) return;
    const ranksBefore = (slot: number) =>
      this.scores[base + slot]! > score || (this.scores[base + slot] === score && this.docs[base + slot]! < other);
    if (size === this.k && ranksBefore(size - 1)) return;
    if (size < this.k) size = ++this.sizes[owner]!;
    let slot = size - 1;
    while (slot > 0 && !ranksBefore(slot - 1)) {
      this.docs[base + slot] = this.docs[base + slot - 1]!;
      this.scores[base + slot] = this.scores[base + slot - 1]!;
      slot--;
    }
    this.docs[base + slot] = other;
    this.scores[base + slot] = score;
  }

  list(owner: number): { doc: number; score: number }[] {
    const base = owner * this.k;
    return Array.from({ length: this.sizes[owner]! }, (_, slot) => ({
      doc: this.docs[base + slot]!,
      score: this.scores[base + slot]!,
    }));
  }
}
