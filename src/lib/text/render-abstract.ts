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

/** Paragraphs of an abstract: split at blank lines, whitespace runs collapsed to one space. */
export function splitParagraphs(abstract: string): string[] {
  return abstract
    .split(/\r?\n[ \t]*\r?\n/)
    .map((paragraph) => paragraph.replace(/[ \t\r\n]+/g, ' ').trim())
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
  const tree = withoutEmptyParagraphs(abstractProcessor.runSync(abstractToMdast(abstract)));
  return {
    html: abstractProcessor.stringify(tree),
    plain: tree.children.map(paragraphToPlainText).join('\n\n'),
    links: extractLinks(abstract),
  };
}

/** Plain text of one paragraph; conversions can leave doubled spaces (`a \\ b`), so collapse them. */
function paragraphToPlainText(paragraph: Root['children'][number]): string {
  const children = (paragraph as Paragraph).children as PhrasingContent[];
  return phrasingToPlainText(children)
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}

/** A paragraph of nothing but LaTeX noise (`\label{x}`) renders as nothing, not as `<p></p>`. */
function withoutEmptyParagraphs(tree: Root): Root {
  return { ...tree, children: tree.children.filter((paragraph) => paragraphToPlainText(paragraph) !== '') };
}

/**
 * The start of `plain`, at most `maxChars` characters including the trailing "…", cut at a word
 * boundary. Text that fits is returned whole (whitespace collapsed).
 */
export function excerpt(plain: string, maxChars = 240): string {
  const text = plain.replace(/\s+/g, ' ').trim();
  const characters = [...text];
  if (characters.length <= maxChars) return text;
  const room = characters.slice(0, Math.max(0, maxChars - 1)).join('');
  const lastSpace = room.lastIndexOf(' ');
  const cut = lastSpace > 0 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:.\-–—(]+$/u, '')}…`;
}
