/**
 * What a built HTML page runs or styles inline, and whether its Content Security Policy allows
 * it. A policy blocks, silently for the reader, any inline script or `<style>` whose hash it does
 * not list, every `style="…"` and `on…="…"` attribute, and `javascript:` links. Astro hashes what
 * it bundles; this finds what it did not (a curator's MDX note, markup a component adds by hand)
 * so the build can say so, and gives the hashes the `_headers` policy needs.
 *
 * Pages are scanned tag by tag with regular expressions, enough for HTML as Astro writes it (text
 * escaped, attribute values quoted), and fast: a build of 10,000 pages reads them all.
 * docs/decisions.md says why not htmlparser2.
 */
import { createHash } from 'node:crypto';
import type { Policy } from './policy.ts';

export type InlineKind = 'script' | 'style';

export interface InlineBlock {
  kind: InlineKind;
  /** `'sha256-…'`, as a policy lists it. */
  hash: string;
}

export interface PageContent {
  /** The page's own `<meta http-equiv="content-security-policy">`, if it has one. */
  metaPolicy: string | null;
  /** Where that meta element is in the page (offsets of its first and after its last character). */
  metaTag: { start: number; end: number } | null;
  /** Inline `<script>` (executable types only: data blocks such as JSON-LD are inert) and `<style>` elements. */
  blocks: InlineBlock[];
  /** Inline attributes a policy without 'unsafe-inline' blocks, e.g. `style="color:red"` (clipped). */
  attributes: string[];
  /** How many of `blocks` come before the meta policy: a meta element governs only what follows it. */
  blocksBeforePolicy: number;
}

/** `<script type>` values a browser executes (or, for import maps and speculation rules, reads as script). */
const SCRIPT_TYPES = new Set([
  '',
  'module',
  'importmap',
  'speculationrules',
  'text/javascript',
  'application/javascript',
  'application/ecmascript',
  'text/ecmascript',
]);

/** Attributes holding a URL, where `javascript:` would run script. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction']);

/** The CSP source for a block's text: SHA-256 of its exact UTF-8 bytes, base64. */
export const cspHash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const clip = (text: string, length = 80) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/**
 * A comment or a tag (start or end; attribute values quoted or not, with `<` and `>` allowed inside
 * quotes). The regular expression engine skips the text between tags, so a page is scanned about
 * as fast as it can be searched; each match resumes after the previous tag, never inside one.
 */
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][^\s/>]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
/**
 * Attribute sources worth reading one by one: inline style or handlers, "script" (as in a
 * `javascript:` URL), or a character reference, tab or line break that could hide one
 * (browsers drop tabs and line breaks from URLs).
 */
const NOTEWORTHY = /\s(?:style|on[a-z]+)\s*=|script|&|[\t\n\r]/i;
/** A `javascript:` URL as a browser reads it: tabs and line breaks removed, leading controls and spaces ignored. */
const isJavaScriptUrl = (value: string) => /^[\0-\x20]*javascript:/i.test(value.replace(/[\t\n\r]/g, ''));
const END_TAG = { script: /<\/script/gi, style: /<\/style/gi };

function attributes(source: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, name, double, single, bare] of source.matchAll(ATTRIBUTE)) {
    const key = name!.toLowerCase();
    if (!found.has(key)) found.set(key, decodeEntities(double ?? single ?? bare ?? ''));
  }
  return found;
}

/** The character references HTML attribute values use (named ones: the few that matter here). */
const decodeEntities = (text: string): string =>
  text.includes('&')
    ? text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, code: string) => {
        const lower = code.toLowerCase();
        if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16) || 0xfffd);
        if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)) || 0xfffd);
        return NAMED_REFERENCES[lower] ?? whole;
      })
    : text;
const NAMED_REFERENCES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", colon: ':', tab: '\t', newline: '\n' };

/** The inline scripts, styles and attributes of one built page, and its meta policy. */
export function inlineContent(html: string): PageContent {
  const content: PageContent = { metaPolicy: null, metaTag: null, blocks: [], attributes: [], blocksBeforePolicy: 0 };
  const tags = new RegExp(TAG.source, 'g'); // its own lastIndex: the scan moves it past raw text
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    const [, closing, tagName, source = ''] = match;
    if (tagName === undefined || closing) continue; // a comment or an end tag
    const tag = tagName.toLowerCase();
    const raw = tag === 'script' || tag === 'style';
    if (!raw && tag !== 'meta' && !NOTEWORTHY.test(source)) continue;
    const attrs = attributes(source);
    for (const [name, value] of attrs) {
      const inline = name === 'style' || /^on[a-z]+$/.test(name);
      if (inline || (URL_ATTRIBUTES.has(name) && isJavaScriptUrl(value))) content.attributes.push(clip(`${name}="${value}"`));
    }
    if (tag === 'meta' && content.metaTag === null && attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy') {
      content.metaPolicy = attrs.get('content') ?? null;
      content.metaTag = { start: match.index, end: tags.lastIndex };
      content.blocksBeforePolicy = content.blocks.length;
    }
    if (!raw) continue;
    // Raw text: the body runs to the element's end tag, whatever it holds.
    const endTag = new RegExp(END_TAG[tag].source, 'gi');
    endTag.lastIndex = tags.lastIndex;
    const end = endTag.exec(html)?.index ?? html.length;
    const executable = tag === 'style' || (!attrs.has('src') && SCRIPT_TYPES.has((attrs.get('type') ?? '').trim().toLowerCase()));
    if (executable) content.blocks.push({ kind: tag, hash: cspHash(html.slice(tags.lastIndex, end)) });
    tags.lastIndex = end;
  }
  return content;
}

/** The page with its meta policy replaced by `policy` (a page without one is returned as it is). */
export function withMetaPolicy(html: string, content: PageContent, policy: string): string {
  if (!content.metaTag) return html;
  const value = policy.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  return `${html.slice(0, content.metaTag.start)}<meta http-equiv="content-security-policy" content="${value}">${html.slice(content.metaTag.end)}`;
}

/** The sources that govern `kind` (script-src, style-src; their -attr forms for attributes) in `policy`. */
function governingSources(policy: Policy, kind: InlineKind, attribute: boolean): string[] {
  const names = attribute ? [`${kind}-src-attr`, `${kind}-src`, 'default-src'] : [`${kind}-src-elem`, `${kind}-src`, 'default-src'];
  for (const name of names) {
    const sources = policy.get(name);
    if (sources) return sources;
  }
  return [];
}

/** Whether `policy` lets inline content run or apply: a listed hash, or 'unsafe-inline' where no hash or nonce is listed. */
function allowsInline(policy: Policy, kind: InlineKind, hash: string | null): boolean {
  const sources = governingSources(policy, kind, hash === null);
  if (hash !== null && sources.includes(hash)) return true;
  return sources.includes("'unsafe-inline'") && !sources.some((source) => /^'(sha\d+|nonce)-/.test(source));
}

export const allowsBlock = (policy: Policy, block: InlineBlock): boolean => allowsInline(policy, block.kind, block.hash);

/**
 * What is wrong between a page and its policy, for a build warning (empty: nothing): what the
 * policy blocks ("blocks the attribute style=…"), and inline code placed before the meta
 * element, which that element cannot govern.
 */
export function policyProblems(page: PageContent, policy: Policy): string[] {
  const problems = page.blocks
    .filter((block) => !allowsBlock(policy, block))
    .map((block) => `blocks an inline <${block.kind}> (${block.hash})`);
  for (const attribute of page.attributes) {
    const kind: InlineKind = attribute.startsWith('style=') ? 'style' : 'script';
    if (!allowsInline(policy, kind, null)) problems.push(`blocks the attribute ${attribute}`);
  }
  if (page.blocksBeforePolicy > 0)
    problems.push(`does not cover ${page.blocksBeforePolicy} inline script(s) or style(s) placed before its meta element`);
  return problems;
}
