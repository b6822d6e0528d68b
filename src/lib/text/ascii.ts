/**
 * Folds text towards lowercase ASCII for addresses and citation keys: accents dropped
 * (Schrödinger → schrodinger) and the Latin letters NFKD cannot split spelled out.
 * Letters with no ASCII form (Greek, CJK) are kept; callers decide what to do with them.
 */
export function foldToAscii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase();
}
