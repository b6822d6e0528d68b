/**
 * Pulling apart boxes that overlap: the last step of the topic map's layout, so that no label
 * covers another label or another topic's circle. A force layout only makes overlaps unlikely;
 * this makes them impossible.
 *
 * Each pass sweeps the boxes in order of their left edge and, for each overlapping pair, moves
 * both boxes apart along the axis where they overlap least, half each. Passes repeat until none
 * overlaps. Deterministic: the order is by position, then by index.
 *
 * Hand-written: d3-force's collision force works on circles and only makes overlaps rarer;
 * labels are boxes and must never overlap (docs/decisions.md).
 */

/** A box by its centre; `separate` moves `x` and `y`. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Moves the boxes until no two come closer than `gap`. Pairwise pushes settle any layout a
 * force simulation leaves within a few passes; should some boxes still overlap after
 * `maxPasses` (many boxes piled on one spot), each of those is moved to the nearest free place.
 */
export function separate(boxes: Box[], gap: number, maxPasses = 100): void {
  for (let pass = 1; pass <= maxPasses; pass++) {
    if (!separationPass(boxes, gap)) return;
  }
  placeInFreeSpace(boxes, gap);
}

/** Box by box, in order: one that touches a box before it moves out along a spiral until it touches none. */
function placeInFreeSpace(boxes: Box[], gap: number): void {
  const touches = (box: Box, before: number) => boxes.slice(0, before).some((other) => tooClose(box, other, gap));
  boxes.forEach((box, i) => {
    const [x0, y0] = [box.x, box.y];
    for (let step = 1; touches(box, i); step++) {
      // An Archimedean spiral out from where it was (2 px further per radian), tried about every 4 px along the curve.
      const angle = Math.sqrt(step) * 2;
      box.x = x0 + angle * 2 * Math.cos(angle);
      box.y = y0 + angle * 2 * Math.sin(angle);
    }
  });
}

function tooClose(a: Box, b: Box, gap: number): boolean {
  return Math.abs(a.x - b.x) < (a.width + b.width) / 2 + gap && Math.abs(a.y - b.y) < (a.height + b.height) / 2 + gap;
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
      if (overlapX <= 0 || overlapY <= 0) continue;
      moved = true;
      // Push along the axis that needs the smaller move, a little further than needed (so that
      // passes end, and rounding to 0.1 px later cannot bring boxes back into contact); `b`
      // goes right/down when the centres tie.
      if (overlapX < overlapY) {
        const direction = b.x >= a.x ? 1 : -1;
        a.x -= (direction * (overlapX + SLACK)) / 2;
        b.x += (direction * (overlapX + SLACK)) / 2;
      } else {
        const direction = b.y >= a.y ? 1 : -1;
        a.y -= (direction * (overlapY + SLACK)) / 2;
        b.y += (direction * (overlapY + SLACK)) / 2;
      }
    }
  }
  return moved;
}

const left = (box: Box) => box.x - box.width / 2;
/** Extra px a push adds: more than two roundings to 0.1 px can take back. */
const SLACK = 0.25;

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
