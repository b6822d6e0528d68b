/**
 * A seeded pseudo-random source for the force layout (which uses one only to nudge apart nodes
 * that sit exactly on top of each other): the same seed gives the same numbers on every build.
 * A linear congruential generator with the constants of Numerical Recipes, as d3-force's own.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(1664525, state) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}
