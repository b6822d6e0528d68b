/**
 * A tiny, pure string hash for citation keys. It runs in the browser as well as at build time,
 * so it cannot use node:crypto. cyrb53 (public domain): 53 well-mixed bits, plenty for telling
 * a few thousand paper ids apart.
 */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The hash as lower-case hex: its last `length` digits (at most 14), where the bits are best mixed. */
export function hexHash(text: string, length = 6): string {
  return hash53(text)
    .toString(16)
    .padStart(14, '0')
    .slice(-Math.min(Math.max(length, 1), 14));
}
