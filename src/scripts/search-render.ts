/** Builds result DOM from untrusted text: text nodes and our own <mark> elements, never innerHTML. */
import type { ExcerptPart } from '../lib/search/excerpt.ts';

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** An excerpt as text nodes, with the matched words in <mark> elements. */
export function excerptNodes(parts: readonly ExcerptPart[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const part of parts) {
    fragment.append(part.marked ? element('mark', undefined, part.text) : document.createTextNode(part.text));
  }
  return fragment;
}

// The search page takes its result count wording from here, with the DOM helpers.
export { resultCount } from '../lib/search/messages.ts';
