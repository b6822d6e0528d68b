/**
 * Pulling apart boxes that overlap: the last step of the topic map's layout, so that no label
 * covers another label or another topic's circle. A force layout only makes overlaps unlikely;
 * this makes them impossible.
 *
 * Each pass sweeps the boxes in order of their left edge and, for each overlapping pair, moves
 * both boxes apart along the axis where they overlap least, half each. Passes repeat until none
 * overlaps. Deterministic: the order is by position, then by index.
 */

/** A box by its centre; `separate` moves `x` and `y`. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Moves the boxes until no two come closer than `gap`; returns the passes it took (at most `maxPasses`). */
export function separate(boxes: Box[], gap: number, maxPasses = 500): number {
  for (let pass = 1; pass <= maxPasses; pass++) {
    if (!separationPass(boxes, gap)) return pass;
  }
  return maxPasses;
}

/** One sweep; true if it moved anything. */
function separationPass(boxes: Box[], gap: number): boolean {
  const order = boxes.map((_, i) => i).sort((a, b) => left(boxes[a]!) - left(boxes[b]!) || a - b);
  let moved = false;
  for (let oi = 0; oi < order.length; oi++) {
    const a = boxes[order[oi]!]!;
    for (let oj = oi + 1; oj < order.length; oj++) {
      const b = boxes[order[oj]!]!;
      if (left(b) >= left(a) + a.width + gap) break;
      const overlapX = (a.width + b.width) / 2 + gap - Math.abs(a.x - b.x);
      const overlapY = (a.height + b.height) / 2 + gap - Math.abs(a.y - b.y);
      if (overlapX <= 0.01 || overlapY <= 0.01) continue;
      moved = true;
      // Push along the axis that needs the smaller move; `b` goes right/down when the centres tie.
      if (overlapX < overlapY) {
        const direction = b.x >= a.x ? 1 : -1;
        a.x -= (direction * overlapX) / 2;
        b.x += (direction * overlapX) / 2;
      } else {
        const direction = b.y >= a.y ? 1 : -1;
        a.y -= (direction * overlapY) / 2;
        b.y += (direction * overlapY) / 2;
      }
    }
  }
  return moved;
}

const left = (box: Box) => box.x - box.width / 2;

/** Whether any two boxes come closer than `gap` (for tests and as the layout's own check). */
export function overlapping(boxes: readonly Box[], gap = 0): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (Math.abs(a.x - b.x) < (a.width + b.width) / 2 + gap - 1e-9 && Math.abs(a.y - b.y) < (a.height + b.height) / 2 + gap - 1e-9)
        pairs.push([i, j]);
    }
  }
  return pairs;
}
