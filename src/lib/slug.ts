/**
 * Stable addresses for papers and topics.
 *
 * A slug depends only on the title it names, so adding or removing other papers never moves
 * a page. Only a true collision (two different titles, one slug) adds a suffix: a short hash
 * of the title, given to every colliding title but the one that sorts first.
 */
import { createHash } from 'node:crypto';
import { foldLatinToAscii, foldToAscii } from './text/ascii.ts';
import { compareStrings } from './compare.ts';

const MAX_SLUG_LENGTH = 80;
const NON_ASCII = /[^\p{ASCII}]/u;

/** Short, stable hash of a string (hex). */
export function shortHash(text: string, length = 6): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/**
 * ASCII slug of a title: accents folded (Schrödinger → schrodinger) and other Latin letters
 * spelled out (Đorđević → dordevic); everything else that is not a letter or digit becomes a
 * hyphen. Letters with no ASCII form (Greek, CJK) would vanish, so a title that loses any gets
 * a hash of itself appended to stay unique and non-empty. `fold` is for `formerAddresses`.
 */
export function slugify(title: string, fold: (text: string) => string = foldLatinToAscii): string {
  const folded = fold(title);
  let slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG_LENGTH) {
    const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
    slug = cut.slice(0, Math.max(cut.lastIndexOf('-'), MAX_SLUG_LENGTH / 2)).replace(/-+$/, '');
  }
  const lostLetters = NON_ASCII.test(folded) && NON_ASCII.test(folded.replace(/\p{P}|\p{S}|\p{Z}/gu, ''));
  if (slug === '' || lostLetters) {
    slug = [slug, shortHash(title.normalize('NFC'))].filter(Boolean).join('-');
  }
  return slug;
}

/** The slug a title had before Latin letters were spelled out (only ß, æ, ø, ł were). */
const slugBeforeTransliteration = (title: string) => slugify(title, foldToAscii);

/**
 * Slugs for a set of distinct titles, keyed by title. Deterministic whatever the input order.
 * Titles that slugify alike: the one that sorts first keeps the slug, the others get a hash
 * suffix; but a title that had this slug before Latin letters were spelled out goes first, so
 * spelling them out never moves an existing address.
 */
export function assignSlugs(titles: Iterable<string>): Map<string, string> {
  return assign(titles, slugify, (title, slug) => slugBeforeTransliteration(title) !== slug);
}

/**
 * Paper id → the address it had before Latin letters came to be spelled out, for the papers
 * whose address changed (`dordevic` → `or-evic-3f2a1c`): old addresses get redirect pages.
 * An old address that is now another paper's is left to that paper.
 */
export function formerAddresses(papers: readonly { id: string; title: string }[]): Map<string, string> {
  const before = assign(
    papers.map((paper) => paper.title),
    slugBeforeTransliteration,
    () => false,
  );
  const current = new Set(papers.map((paper) => paper.id));
  const moved = new Map<string, string>();
  for (const paper of papers) {
    const former = before.get(paper.title)!;
    if (former !== paper.id && !current.has(former)) moved.set(paper.id, former);
  }
  return moved;
}

/** Groups titles by slug; in each group, titles `yields` says should give way come last. */
function assign(
  titles: Iterable<string>,
  slugOf: (title: string) => string,
  yields: (title: string, slug: string) => boolean,
): Map<string, string> {
  const byBase = new Map<string, string[]>();
  for (const title of new Set(titles)) {
    const base = slugOf(title);
    const group = byBase.get(base);
    if (group) group.push(title);
    else byBase.set(base, [title]);
  }
  const result = new Map<string, string>();
  const taken = new Set(byBase.keys());
  for (const [base, group] of byBase) if (group.length === 1) result.set(group[0]!, base);
  // Only colliding titles take new slugs (and so meet in `taken`): only they need an order.
  const collisions = [...byBase].filter(([, group]) => group.length > 1).sort(([a], [b]) => compareStrings(a, b));
  for (const [base, group] of collisions) {
    const order = [...group].sort((a, b) => Number(yields(a, base)) - Number(yields(b, base)) || compareStrings(a, b));
    const [first, ...others] = order;
    result.set(first!, base);
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
