/**
 * What a built HTML page runs or styles inline, and whether its Content Security Policy allows
 * it. A policy blocks, silently for the reader, any inline script or `<style>` whose hash it does
 * not list, every `style="…"` and `on…="…"` attribute, and `javascript:` links. Astro hashes what
 * it bundles; this finds what it did not (a curator's MDX note, markup a component adds by hand)
 * so the build can say so, and gives the hashes the `_headers` policy needs.
 *
 * A small tokenizer, enough for the HTML Astro writes (where text is escaped; attribute values may
 * hold a raw `<`), not a full HTML parser: a build of 10,000 pages reads them all.
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

/** A comment, a start tag (attribute values quoted or not, `>` allowed inside quotes), an end tag, text, or a stray `<`. */
const TOKEN = /<!--[\s\S]*?-->|<([a-zA-Z][^\s/>]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>|<\/[^>]*>|[^<]+|</g;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?/g;

function attributes(source: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, name, value = ''] of source.matchAll(ATTRIBUTE)) {
    const unquoted = /^["']/.test(value) ? value.slice(1, -1) : value;
    if (!found.has(name!.toLowerCase())) found.set(name!.toLowerCase(), decodeEntities(unquoted));
  }
  return found;
}

/** Enough of HTML's character references for attribute values Astro writes. */
const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt|apos|#39);/gi, (whole, code: string) => {
    const lower = code.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" } as Record<string, string>)[lower] ?? whole;
  });

/** The CSP source for a block's text: SHA-256 of its exact UTF-8 bytes, base64. */
export const cspHash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const clip = (text: string, length = 80) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** The inline scripts, styles and attributes of one built page, and its meta policy. */
export function inlineContent(html: string): PageContent {
  const blocks: InlineBlock[] = [];
  const found: string[] = [];
  let metaPolicy: string | null = null;
  let metaTag: PageContent['metaTag'] = null;
  let blocksBeforePolicy = 0;
  const token = new RegExp(TOKEN.source, 'g'); // its own lastIndex: the scan skips raw text by moving it
  for (let match = token.exec(html); match; match = token.exec(html)) {
    const [, tagName, attributeSource] = match;
    if (tagName === undefined) continue; // comment, end tag or text
    const tag = tagName.toLowerCase();
    const attrs = attributes(attributeSource!);
    for (const [name, value] of attrs) {
      if (name === 'style' || /^on[a-z]+$/.test(name)) found.push(clip(`${name}="${value}"`));
      else if (['href', 'src', 'action', 'formaction'].includes(name) && /^\s*javascript:/i.test(value))
        found.push(clip(`${name}="${value}"`));
    }
    if (tag === 'meta' && metaTag === null && attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy') {
      metaPolicy = attrs.get('content') ?? null;
      metaTag = { start: match.index, end: token.lastIndex };
      blocksBeforePolicy = blocks.length;
    }
    if (tag !== 'script' && tag !== 'style') continue;
    // Raw text: the body runs to the matching end tag, whatever it contains.
    const endTag = new RegExp(`</${tag}`, 'gi');
    endTag.lastIndex = token.lastIndex;
    const end = endTag.exec(html)?.index ?? html.length;
    const body = html.slice(token.lastIndex, end);
    token.lastIndex = end;
    const executable = tag === 'style' || (!attrs.has('src') && SCRIPT_TYPES.has((attrs.get('type') ?? '').trim().toLowerCase()));
    if (executable) blocks.push({ kind: tag, hash: cspHash(body) });
  }
  return { metaPolicy, metaTag, blocks, attributes: found, blocksBeforePolicy };
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
