/**
 * Stable addresses for papers and topics.
 *
 * A slug depends only on the title it names, so adding or removing other papers never moves
 * a page. Only a true collision (two different titles, one slug) adds a suffix: a short hash
 * of the title, given to every colliding title but the one that sorts first.
 */
import { createHash } from 'node:crypto';
import { foldToAscii } from './text/ascii.ts';
import { compareStrings } from './compare.ts';

const MAX_SLUG_LENGTH = 80;

/** Short, stable hash of a string (hex). */
export function shortHash(text: string, length = 6): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/**
 * ASCII slug of a title: accents folded (Schrödinger → schrodinger), everything else that is
 * not a letter or digit becomes a hyphen. Letters with no ASCII form (Greek, CJK) would vanish,
 * so a title that loses any gets a hash of itself appended to stay unique and non-empty.
 */
export function slugify(title: string): string {
  const folded = foldToAscii(title);
  let slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG_LENGTH) {
    const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
    slug = cut.slice(0, Math.max(cut.lastIndexOf('-'), MAX_SLUG_LENGTH / 2)).replace(/-+$/, '');
  }
  const lostLetters = /[^\p{ASCII}]/u.test(folded.replace(/\p{P}|\p{S}|\p{Z}/gu, ''));
  if (slug === '' || lostLetters) {
    slug = [slug, shortHash(title.normalize('NFC'))].filter(Boolean).join('-');
  }
  return slug;
}

/**
 * Slugs for a set of distinct titles, keyed by title. Deterministic whatever the input order.
 */
export function assignSlugs(titles: Iterable<string>): Map<string, string> {
  const byBase = new Map<string, string[]>();
  for (const title of new Set(titles)) {
    const base = slugify(title);
    byBase.set(base, [...(byBase.get(base) ?? []), title]);
  }
  const result = new Map<string, string>();
  const taken = new Set(byBase.keys());
  for (const base of [...byBase.keys()].sort(compareStrings)) {
    const [first, ...others] = [...byBase.get(base)!].sort(compareStrings);
    result.set(first, base);
    for (const title of others) {
      let length = 6;
      let slug = `${base}-${shortHash(title, length)}`;
      while (taken.has(slug)) slug = `${base}-${shortHash(title, ++length)}`;
      taken.add(slug);
      result.set(title, slug);
    }
  }
  return result;
}
