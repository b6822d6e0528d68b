/**
 * After the build (last of the integrations, so the site is complete): checks that every page's
 * Content Security Policy (src/lib/security/policy.ts, written into each page by Astro) allows
 * the page's own inline scripts and styles, warns about anything it would block, and writes
 * `_headers` (src/lib/security/headers-file.ts) with the same policy as an HTTP header.
 *
 * The header lists the hashes of the inline scripts and styles the pages actually carry, not
 * every hash Astro puts in the pages' meta policies (those also cover bundled files, which
 * 'self' already allows): the header stays short (Cloudflare Pages reads lines of at most
 * 2,000 characters), and a page's meta policy still applies on top of it.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { astroCsp, headerPolicy, parsePolicy, serializePolicy, unitePolicies, type Policy } from '../lib/security/policy.ts';
import { blockedContent, inlineContent } from '../lib/security/inline-content.ts';
import { headersFile } from '../lib/security/headers-file.ts';

const READ_CONCURRENCY = 64;
const SEARCH_DIR = 'pagefind';
/** Longest line Cloudflare Pages reads in `_headers`. */
const MAX_LINE = 2000;

export interface HeadersReport {
  pages: number;
  /** Pages without a meta policy (e.g. redirect pages): only the header protects them. */
  pagesWithoutPolicy: string[];
  /** Distinct inline script and style hashes on the site's pages (all allowed). */
  inlineHashes: number;
  /** The header's policy. */
  policy: string;
  warnings: string[];
}

/** The configured policy before Astro adds hashes: what a page without its own meta must live with. */
function configuredPolicy(): Policy {
  return parsePolicy(
    [
      ...astroCsp.directives,
      `script-src ${astroCsp.scriptDirective.resources.join(' ')}`,
      `style-src ${astroCsp.styleDirective.resources.join(' ')}`,
    ].join(';'),
  );
}

const isHash = (source: string) => /^'sha\d+-/.test(source);

/** `policy` with the hash sources of script-src and style-src replaced by `hashes`. */
function withHashes(policy: Policy, hashes: { script: Set<string>; style: Set<string> }): Policy {
  const result: Policy = new Map();
  for (const [name, sources] of policy) {
    const kind = name === 'script-src' ? 'script' : name === 'style-src' ? 'style' : null;
    result.set(name, kind ? [...sources.filter((source) => !isHash(source)), ...[...hashes[kind]].sort()] : sources);
  }
  return result;
}

async function htmlPages(outDir: string): Promise<string[]> {
  return (await readdir(outDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Checks every page of the built site in `outDir` against its policy and writes `_headers`. */
export async function writeHeaders(outDir: string, base: string, assetsDir = '_astro'): Promise<HeadersReport> {
  const pages = await htmlPages(outDir);
  const fallback = configuredPolicy();
  const metaPolicies = new Map<string, Policy>();
  const used = { script: new Set<string>(), style: new Set<string>() };
  const blockedOn = new Map<string, string[]>();
  const pagesWithoutPolicy: string[] = [];
  for (let start = 0; start < pages.length; start += READ_CONCURRENCY) {
    const batch = pages.slice(start, start + READ_CONCURRENCY);
    const contents = await Promise.all(batch.map(async (page) => inlineContent(await readFile(join(outDir, page), 'utf8'))));
    contents.forEach((content, i) => {
      const page = batch[i]!;
      if (content.metaPolicy === null) pagesWithoutPolicy.push(page);
      else if (!metaPolicies.has(content.metaPolicy)) metaPolicies.set(content.metaPolicy, parsePolicy(content.metaPolicy));
      const policy = content.metaPolicy === null ? fallback : metaPolicies.get(content.metaPolicy)!;
      const blocked = new Set(blockedContent(content, policy));
      for (const what of blocked) blockedOn.set(what, [...(blockedOn.get(what) ?? []), page]);
      for (const block of content.blocks) if (!blocked.has(`an inline <${block.kind}> (${block.hash})`)) used[block.kind].add(block.hash);
    });
  }

  const withoutHashes = [...metaPolicies.values()].map((policy) => withHashes(policy, { script: new Set(), style: new Set() }));
  const policy = serializePolicy(headerPolicy(withHashes(unitePolicies(withoutHashes.length ? withoutHashes : [fallback]), used)));

  const warnings = [...blockedOn].map(
    ([what, on]) =>
      `the Content Security Policy blocks ${what} in ${on.slice(0, 3).join(', ')}${on.length > 3 ? ` and ${on.length - 3} more page(s)` : ''}: ` +
      'move scripts into src/scripts/, styles into a <style> block or stylesheet, and use classes instead of style attributes',
  );
  const entries = (await readdir(outDir, { withFileTypes: true }))
    .filter((entry) => entry.name !== '_headers')
    .map((entry) => ({ name: entry.name, directory: entry.isDirectory() }));
  const searchFiles = entries.some((entry) => entry.name === SEARCH_DIR && entry.directory)
    ? (await readdir(join(outDir, SEARCH_DIR), { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name)
    : [];
  const text = headersFile(policy, { base, assetsDir, searchDir: SEARCH_DIR, entries, searchFiles });
  const longest = Math.max(...text.split('\n').map((line) => line.length));
  if (longest > MAX_LINE) {
    warnings.push(
      `_headers has a line of ${longest} characters; Cloudflare Pages ignores lines over ${MAX_LINE} (too many inline scripts or styles?)`,
    );
  }
  await writeFile(join(outDir, '_headers'), text);
  return { pages: pages.length, pagesWithoutPolicy, inlineHashes: used.script.size + used.style.size, policy, warnings };
}

export default function headersIntegration(): AstroIntegration {
  let base = '/';
  let assetsDir = '_astro';
  return {
    name: 'reading-list:headers',
    hooks: {
      'astro:config:setup': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        assetsDir = config.build.assets;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const report = await writeHeaders(fileURLToPath(dir), base, assetsDir);
        for (const warning of report.warnings) logger.warn(warning);
        logger.info(
          `content security policy: ${report.pages} page(s) checked, ${report.inlineHashes} inline script/style hash(es) allowed` +
            `${report.pagesWithoutPolicy.length ? `, ${report.pagesWithoutPolicy.length} page(s) without their own policy (the header covers them)` : ''}; wrote _headers`,
        );
      },
    },
  };
}
