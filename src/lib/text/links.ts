/**
 * Bare URLs in abstracts → mdast `link` nodes, and the list of a paper's links by kind.
 *
 * Abstracts end sentences right after URLs (`… at https://github.com/thuml/Flowformer.`), so the
 * trailing punctuation is trimmed off, and a closing bracket is kept only when the URL opened it.
 * Only http(s) targets become links: the scheme is checked after parsing, never trusted.
 */
import type { Link, PhrasingContent, Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { LinkKind, PaperLink } from '../types.ts';

/** A link found in text: where it is, what it says, and where it points. */
export interface LinkMatch {
  start: number;
  end: number;
  /** The link text: the URL as written (minus LaTeX escapes), or the `\href` label. */
  text: string;
  /** Absolute http(s) URL. */
  href: string;
}

/** Characters a bare URL can contain; `\_`-style LaTeX escapes are accepted inside it. */
const URL_BODY = '(?:[^\\s<>"{}|\\\\^`\\[\\]]|\\\\[_%#&~])+';
/** Hosts worth linking even without a scheme (`github.com/org/repo`). */
const SCHEMELESS_HOSTS = String.raw`(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|huggingface\.co)/`;

const LINK_PATTERN = new RegExp(
  [
    String.raw`\\url\{(?<url>[^\s{}]+)\}`,
    String.raw`\\href\{(?<hrefUrl>[^\s{}]+)\}\{(?<hrefLabel>[^{}]*)\}`,
    String.raw`(?<![\w./@-])(?<bare>(?:https?://|www\.|${SCHEMELESS_HOSTS})${URL_BODY})`,
  ].join('|'),
  'giu',
);

/** Sentence punctuation that ends a URL in prose rather than belonging to it. */
const TRAILING_PUNCTUATION_CHARACTER = /^[.,;:!?'"*…]$/u;
const CLOSING_TO_OPENING: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

/** Every link in `text`, in order of appearance. */
export function findLinks(text: string): LinkMatch[] {
  const matches: LinkMatch[] = [];
  if (!mayContainLink(text)) return matches;
  for (const match of text.matchAll(LINK_PATTERN)) {
    const found = toLinkMatch(match);
    if (found !== null) matches.push(found);
  }
  return matches;
}

function mayContainLink(text: string): boolean {
  return (
    text.includes('://') ||
    text.includes('www.') ||
    text.includes('\\url') ||
    text.includes('\\href') ||
    /(?:github|gitlab|huggingface|bitbucket|codeberg)\./.test(text)
  );
}

function toLinkMatch(match: RegExpMatchArray): LinkMatch | null {
  const start = match.index!;
  const groups = match.groups ?? {};
  if (groups.url !== undefined) return linkMatch(start, start + match[0].length, groups.url, groups.url);
  if (groups.hrefUrl !== undefined)
    return linkMatch(start, start + match[0].length, groups.hrefUrl, groups.hrefLabel!.trim() || groups.hrefUrl);
  const written = trimUrlEnd(groups.bare!);
  return linkMatch(start, start + written.length, unescapeLatex(written), unescapeLatex(written));
}

function linkMatch(start: number, end: number, url: string, text: string): LinkMatch | null {
  const href = toHttpHref(url);
  return href === null ? null : { start, end, text, href };
}

/** Trim sentence punctuation and unbalanced closing brackets off the end, repeatedly. */
export function trimUrlEnd(url: string): string {
  const excessClosers = new Map<string, number>();
  for (const [closer, opener] of Object.entries(CLOSING_TO_OPENING)) excessClosers.set(closer, count(url, closer) - count(url, opener));
  let end = url.length;
  while (end > 0) {
    const last = url[end - 1]!;
    if (TRAILING_PUNCTUATION_CHARACTER.test(last)) end -= 1;
    else if ((excessClosers.get(last) ?? 0) > 0) {
      excessClosers.set(last, excessClosers.get(last)! - 1);
      end -= 1;
    } else break;
  }
  return url.slice(0, end);
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n += 1;
  return n;
}

function unescapeLatex(url: string): string {
  return url.replace(/\\([_%#&~])/g, '$1');
}

/** An absolute http(s) URL for what was written, or null (no `javascript:`, no bare words). */
export function toHttpHref(written: string): string | null {
  const withScheme = /^https?:\/\//i.test(written) ? written : /^[a-z][a-z0-9+.-]*:/i.test(written) ? null : `https://${written}`;
  if (withScheme === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (!parsed.hostname.includes('.') || parsed.hostname.endsWith('.')) return null;
  return withScheme;
}

// ---------------------------------------------------------------------------------------------
// Classification
// ---------------------------------------------------------------------------------------------

const CODE_HOSTS: ReadonlySet<string> = new Set([
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'codeberg.org',
  'huggingface.co',
  'hf.co',
  'gist.github.com',
]);
/** Hugging Face sections that are pages about things, not models, datasets or spaces. */
const HUGGING_FACE_NON_CODE_SECTIONS: ReadonlySet<string> = new Set([
  'papers',
  'blog',
  'docs',
  'learn',
  'posts',
  'login',
  'join',
  'pricing',
]);
/** Hosts that serve project pages. */
const PROJECT_HOST_SUFFIXES: readonly string[] = ['.github.io', '.gitlab.io', '.pages.dev', '.netlify.app', '.vercel.app', '.notion.site'];
const PROJECT_HOSTS: ReadonlySet<string> = new Set(['sites.google.com']);
/** Hosts that are never a paper's own project page, whatever the sentence says. */
const OTHER_HOSTS: ReadonlySet<string> = new Set([
  'arxiv.org',
  'doi.org',
  'dx.doi.org',
  'openreview.net',
  'aclanthology.org',
  'youtube.com',
  'youtu.be',
  'twitter.com',
  'x.com',
  'en.wikipedia.org',
  'scholar.google.com',
  'proceedings.neurips.cc',
  'proceedings.mlr.press',
]);
/** Words that, earlier in the same sentence, introduce a project page. */
const PROJECT_CUE =
  /\b(?:project|website|web ?page|home ?page|site|available|can be found|found (?:at|on|in)|videos?|demos?|visit|details|see)\b/i;

/** What a link is: code, a project page, or something else (see `extractLinks`). */
export function classifyLink(href: string, precedingText = ''): LinkKind {
  const url = new URL(href);
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  if (CODE_HOSTS.has(host)) return isHuggingFacePage(host, url.pathname) ? 'other' : 'code';
  if (OTHER_HOSTS.has(host)) return 'other';
  if (PROJECT_HOSTS.has(host) || PROJECT_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'project';
  return PROJECT_CUE.test(currentSentence(precedingText)) ? 'project' : 'other';
}

function isHuggingFacePage(host: string, pathname: string): boolean {
  if (host !== 'huggingface.co' && host !== 'hf.co') return false;
  const section = pathname.split('/')[1] ?? '';
  return section === '' || HUGGING_FACE_NON_CODE_SECTIONS.has(section);
}

/** The part of `text` after its last sentence end: the words that introduce what follows. */
function currentSentence(text: string): string {
  const tail = text.slice(-160);
  const ends = [...tail.matchAll(/[.!?]\s/g)];
  return ends.length === 0 ? tail : tail.slice(ends[ends.length - 1]!.index! + 2);
}

/** Identity of a link for de-duplication: host case, `www.`, trailing `/` and `.git` do not matter. */
export function linkKey(href: string): string {
  const url = new URL(href);
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = url.pathname.replace(/\.git$/, '').replace(/\/+$/, '');
  return `${host}${path}${url.search}${url.hash}`;
}

/**
 * Links in an abstract, classified, without duplicates, in order of appearance:
 * code hosts → 'code'; `*.github.io`, `sites.google.com`, or a site introduced as a project
 * page / website / "available at" / "videos at" → 'project'; anything else → 'other'.
 */
export function extractLinks(text: string): PaperLink[] {
  const seen = new Set<string>();
  const links: PaperLink[] = [];
  for (const match of findLinks(text)) {
    const key = linkKey(match.href);
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({ url: match.href, kind: classifyLink(match.href, text.slice(0, match.start)) });
  }
  return links;
}

// ---------------------------------------------------------------------------------------------
// The unified plugin
// ---------------------------------------------------------------------------------------------

/** Attributes of every autolink: external, and not an endorsement. */
const LINK_PROPERTIES = { rel: ['nofollow', 'noopener'] };

/** Split `text` into text and link nodes. */
export function linkifyText(text: string): PhrasingContent[] {
  const matches = findLinks(text);
  if (matches.length === 0) return [{ type: 'text', value: text }];
  const nodes: PhrasingContent[] = [];
  let position = 0;
  for (const match of matches) {
    if (match.start > position) nodes.push(textNode(text.slice(position, match.start)));
    nodes.push(linkNode(match));
    position = match.end;
  }
  if (position < text.length) nodes.push(textNode(text.slice(position)));
  return nodes;
}

function textNode(value: string): Text {
  return { type: 'text', value };
}

function linkNode(match: LinkMatch): Link {
  return {
    type: 'link',
    url: match.href,
    title: null,
    children: [textNode(match.text)],
    data: { hProperties: LINK_PROPERTIES },
  };
}

/** Turns bare URLs (and LaTeX `\url{}` / `\href{}{}`) in text nodes into `link` nodes. */
export const remarkAutolinkUrls: Plugin<[], Root> = function remarkAutolinkUrls() {
  return (tree: Root) => {
    visit(tree, 'text', (node, index, parent) => {
      if (parent === undefined || index === undefined || parent.type === 'link') return;
      const replacement = linkifyText(node.value);
      if (replacement.length === 1 && replacement[0]!.type === 'text') return;
      parent.children.splice(index, 1, ...(replacement as typeof parent.children));
      return [SKIP, index + replacement.length];
    });
  };
};
