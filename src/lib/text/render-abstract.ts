/**
 * An abstract (plain text with LaTeX leftovers and bare URLs) → safe HTML, clean plain text, links.
 *
 * The abstract is NOT Markdown or HTML: it is never parsed as either. Each paragraph becomes one
 * mdast text node (`root > paragraph > text`), and a unified pipeline of small plugins rewrites
 * that tree: URLs become links first (so LaTeX rules never touch `motion_track_policy`), then
 * LaTeX leftovers become Unicode and inline nodes. HTML comes from mdast-util-to-hast and
 * hast-util-to-html, which escape every character of the text that needs it.
 */
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { unified, type Plugin } from 'unified';
import type { PaperLink } from '../types.ts';
import { phrasingToPlainText, remarkLatexText } from './latex.ts';
import { extractLinks, remarkAutolinkUrls } from './links.ts';

export interface RenderedAbstract {
  /** Safe HTML: one `<p>` per paragraph of the abstract. Empty for an empty abstract. */
  html: string;
  /** Clean text for excerpts, meta descriptions and search; paragraphs separated by a blank line. */
  plain: string;
  /** Links in the abstract, classified, in order of appearance. */
  links: PaperLink[];
}

/** Compiler plugin: mdast → hast → HTML string. Raw HTML nodes are never created, so never emitted. */
const remarkHtmlString: Plugin<[], Root, string> = function remarkHtmlString() {
  this.compiler = (tree) => toHtml(toHast(tree as Root));
};

/** Built once: this runs for every paper at build time. */
const abstractProcessor = unified().use(remarkAutolinkUrls).use(remarkLatexText).use(remarkHtmlString).freeze();

/** Has the text whitespace other than lone spaces, the only text `collapseSpaces` changes besides trimming? (`includes` beats a regex here.) */
function hasUnusualSpacing(text: string): boolean {
  return text.includes('  ') || text.includes('\n') || text.includes('\t') || text.includes('\r');
}

/**
 * Every run of spaces, tabs and line breaks as one space, trimmed. Most text is already so
 * (this runs on every paragraph of every abstract, twice): it is tested before it is rebuilt.
 */
function collapseSpaces(text: string): string {
  return (hasUnusualSpacing(text) ? text.replace(/[ \t\r\n]+/g, ' ') : text).trim();
}

/** Paragraphs of an abstract: split at blank lines, whitespace runs collapsed to one space. */
export function splitParagraphs(abstract: string): string[] {
  // Most abstracts are one line: nothing to split.
  return (abstract.includes('\n') ? abstract.split(/\r?\n[ \t]*\r?\n/) : [abstract])
    .map(collapseSpaces)
    .filter((paragraph) => paragraph !== '');
}

/** `root > paragraph > text` for each paragraph: the text is taken literally, never parsed. */
export function abstractToMdast(abstract: string): Root {
  return {
    type: 'root',
    children: splitParagraphs(abstract).map((value): Paragraph => ({
      type: 'paragraph',
      children: [{ type: 'text', value }],
    })),
  };
}

/** Render an abstract for the page (`html`), for excerpts and search (`plain`), and list its links. */
export function renderAbstract(abstract: string): RenderedAbstract {
  const tree = abstractProcessor.runSync(abstractToMdast(abstract));
  const plain = tree.children.map(paragraphToPlainText);
  // A paragraph of nothing but LaTeX noise (`\label{x}`) renders as nothing, not as `<p></p>`.
  const kept = { ...tree, children: tree.children.filter((_, i) => plain[i] !== '') };
  return {
    html: abstractProcessor.stringify(kept),
    plain: plain.filter((text) => text !== '').join('\n\n'),
    links: extractLinks(abstract),
  };
}

/** Plain text of one paragraph; conversions can leave doubled spaces (`a \\ b`), so collapse them. */
function paragraphToPlainText(paragraph: Root['children'][number]): string {
  return collapseSpaces(phrasingToPlainText((paragraph as Paragraph).children as PhrasingContent[]));
}

/**
 * The start of `plain`, at most `maxChars` characters including the trailing "…", cut at a word
 * boundary. Text that fits is returned whole (whitespace collapsed).
 */
export function excerpt(plain: string, maxChars = 240): string {
  const text = collapsedStart(plain, maxChars + 1);
  if (afterCodePoints(text, maxChars + 1) < 0) return text;
  const room = text.slice(0, afterCodePoints(text, Math.max(0, maxChars - 1)));
  const lastSpace = room.lastIndexOf(' ');
  const cut = lastSpace > 0 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:.\-–—(]+$/u, '')}…`;
}

/**
 * `text` with its whitespace runs as one space and trimmed, or a start of that holding at least
 * `least` characters: an excerpt needs the first few hundred characters of a 2 KB abstract.
 */
function collapsedStart(text: string, least: number): string {
  // Barely more than needed: the excerpt is a slice of this string and keeps all of it alive.
  for (let end = least + 64; end < text.length; end *= 2) {
    // Cut after a character that is neither a space (whose run may go on) nor half of a pair.
    let cut = end;
    while (cut < text.length && (/\s/.test(text[cut - 1]!) || isHighSurrogate(text.charCodeAt(cut - 1)))) cut++;
    if (cut >= text.length) break;
    const start = text.slice(0, cut).replace(/\s+/g, ' ').trimStart();
    if (afterCodePoints(start, least) >= 0) return start;
  }
  return text.replace(/\s+/g, ' ').trim();
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Where the first `count` characters (code points, as `[...text]` counts them) of `text` end, or -1 when it has fewer. */
function afterCodePoints(text: string, count: number): number {
  let index = 0;
  for (let n = 0; n < count; n++) {
    if (index >= text.length) return -1;
    const pair = isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1));
    index += pair ? 2 : 1;
  }
  return index;
}
