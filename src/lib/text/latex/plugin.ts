/** The unified plugin: LaTeX leftovers in an mdast tree's text nodes → Unicode and inline nodes. */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { mayContainLatex, parseLatexInline } from './scanner.ts';

/**
 * Rewrites LaTeX leftovers in every text node (outside links and code) into Unicode text,
 * `strong` / `emphasis` / `inlineCode`, and `subscript` / `superscript` nodes.
 */
export const remarkLatexText: Plugin<[], Root> = function remarkLatexText() {
  return (tree: Root) => {
    visit(tree, 'text', (node, index, parent) => {
      if (parent === undefined || index === undefined || parent.type === 'link') return;
      if (!mayContainLatex(node.value)) return;
      const replacement = parseLatexInline(node.value);
      parent.children.splice(index, 1, ...(replacement as typeof parent.children));
      return [SKIP, index + replacement.length];
    });
  };
};
