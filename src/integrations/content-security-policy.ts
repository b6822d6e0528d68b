/**
 * The Content Security Policy after the build (src/lib/security/policy.ts says what it is;
 * Astro writes it into every page as a meta element, with the hash of every script and style
 * it built). Two steps, as two integrations sharing what the first finds:
 *
 * 1. `pages`, before the offline integration hashes the site: reads every page, warns about
 *    anything inline its policy would block (naming the pages), and trims the page's meta
 *    policy to the hashes of its own inline scripts and styles. Astro lists every hash of the
 *    site in every page (bundled files too, which 'self' already allows): about 1 KB per page
 *    that does not compress. Trimming only removes sources, so it never allows more.
 * 2. `headers`, last (after the service worker is written, so the file is not precached:
 *    hosts read it, they do not serve it): writes `_headers` (src/lib/security/headers-file.ts)
 *    with the same policy as an HTTP header, allowing the inline hashes of all pages.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  astroCsp,
  hashSources,
  headerPolicy,
  parsePolicy,
  serializePolicy,
  unitePolicies,
  withHashSources,
  type Policy,
} from '../lib/security/policy.ts';
import { policyProblems, inlineContent, withMetaPolicy } from '../lib/security/inline-content.ts';
import { headersFile } from '../lib/security/headers-file.ts';

const READ_CONCURRENCY = 64;
const SEARCH_DIR = 'pagefind';
/** Most rules and longest line Cloudflare Pages reads in `_headers`. */
const MAX_RULES = 100;
const MAX_LINE = 2000;

export interface PagesReport {
  pages: number;
  /** Pages without a meta policy (e.g. redirect pages): only the header protects them. */
  pagesWithoutPolicy: string[];
  /** Meta policies trimmed to the page's own hashes. */
  trimmed: number;
  /** The header's policy: the pages' directives, allowing every page's inline scripts and styles. */
  policy: string;
  warnings: string[];
}

/** The configured policy before Astro adds hashes: what a page without its own meta lives with. */
function configuredPolicy(): Policy {
  const { directives, scriptDirective, styleDirective } = astroCsp;
  return parsePolicy(
    [...directives, `script-src ${scriptDirective.resources.join(' ')}`, `style-src ${styleDirective.resources.join(' ')}`].join(';'),
  );
}

async function htmlPages(outDir: string): Promise<string[]> {
  return (await readdir(outDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

const problemWarning = (what: string, pages: string[]) =>
  `the Content Security Policy ${what} in ${pages.slice(0, 3).join(', ')}${pages.length > 3 ? ` and ${pages.length - 3} more page(s)` : ''}: ` +
  'move scripts into src/scripts/ and styles into a <style> block or stylesheet after the page head, and use classes instead of style attributes';

/** Checks every page of the built site in `outDir` against its policy and trims its meta policy to what it uses. */
export async function checkPages(outDir: string): Promise<PagesReport> {
  const pages = await htmlPages(outDir);
  const used = { script: new Set<string>(), style: new Set<string>() };
  const policies = new Map<string, Policy>(); // the pages' meta policies without hashes, by text
  const problemsOn = new Map<string, string[]>();
  const pagesWithoutPolicy: string[] = [];
  let trimmed = 0;

  const checkPage = async (page: string) => {
    const html = await readFile(join(outDir, page), 'utf8');
    const content = inlineContent(html);
    const policy = content.metaPolicy === null ? configuredPolicy() : parsePolicy(content.metaPolicy);
    if (content.metaPolicy === null) pagesWithoutPolicy.push(page);
    for (const what of new Set(policyProblems(content, policy))) problemsOn.set(what, [...(problemsOn.get(what) ?? []), page]);
    const allowed = hashSources(policy);
    const own = { script: new Set<string>(), style: new Set<string>() };
    for (const block of content.blocks) if (allowed[block.kind].includes(block.hash)) own[block.kind].add(block.hash);
    for (const kind of ['script', 'style'] as const) for (const hash of own[kind]) used[kind].add(hash);
    if (content.metaPolicy === null) return;
    const bare = withHashSources(policy, { script: [], style: [] });
    policies.set(serializePolicy(bare), bare);
    const pagePolicy = serializePolicy(withHashSources(policy, own));
    if (pagePolicy === content.metaPolicy) return;
    await writeFile(join(outDir, page), withMetaPolicy(html, content, pagePolicy));
    trimmed++;
  };
  for (let start = 0; start < pages.length; start += READ_CONCURRENCY) {
    await Promise.all(pages.slice(start, start + READ_CONCURRENCY).map(checkPage));
  }
  pagesWithoutPolicy.sort();
  for (const list of problemsOn.values()) list.sort();

  const united = unitePolicies([...policies.keys()].sort().map((text) => policies.get(text)!));
  return {
    pages: pages.length,
    pagesWithoutPolicy,
    trimmed,
    policy: serializePolicy(headerPolicy(withHashSources(united.size ? united : configuredPolicy(), used))),
    warnings: [...problemsOn].sort(([a], [b]) => (a < b ? -1 : 1)).map(([what, on]) => problemWarning(what, on)),
  };
}

/** Writes `_headers` for the built site in `outDir` with the header `policy`; returns warnings (limits of Cloudflare Pages). */
export async function writeHeadersFile(outDir: string, base: string, policy: string, assetsDir = '_astro'): Promise<string[]> {
  const entries = (await readdir(outDir, { withFileTypes: true }))
    .filter((entry) => entry.name !== '_headers')
    .map((entry) => ({ name: entry.name, directory: entry.isDirectory() }));
  const searchFiles = entries.some((entry) => entry.name === SEARCH_DIR && entry.directory)
    ? (await readdir(join(outDir, SEARCH_DIR), { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name)
    : [];
  const text = headersFile(policy, { base, assetsDir, searchDir: SEARCH_DIR, entries, searchFiles });
  await writeFile(join(outDir, '_headers'), text);
  const warnings: string[] = [];
  const rules = text.split('\n').filter((line) => line.startsWith('/')).length;
  const longest = Math.max(...text.split('\n').map((line) => line.length));
  if (rules > MAX_RULES) warnings.push(`_headers has ${rules} rules; Cloudflare Pages reads at most ${MAX_RULES}`);
  if (longest > MAX_LINE)
    warnings.push(
      `_headers has a line of ${longest} characters; Cloudflare Pages ignores lines over ${MAX_LINE} (too many inline scripts or styles?)`,
    );
  return warnings;
}

/** The two integrations: `pages` goes before the offline integration, `headers` after it (see the top of this file). */
export default function contentSecurityPolicy(): { pages: AstroIntegration; headers: AstroIntegration } {
  let base = '/';
  let assetsDir = '_astro';
  let report: PagesReport | undefined;
  return {
    pages: {
      name: 'reading-list:csp-pages',
      hooks: {
        'astro:config:setup': ({ config }) => {
          base = config.base.endsWith('/') ? config.base : `${config.base}/`;
          assetsDir = config.build.assets;
        },
        'astro:build:done': async ({ dir, logger }) => {
          const start = performance.now();
          report = await checkPages(fileURLToPath(dir));
          const ms = Math.round(performance.now() - start);
          for (const warning of report.warnings) logger.warn(warning);
          const without = report.pagesWithoutPolicy.length;
          logger.info(
            `${report.pages} page(s) checked in ${ms} ms; ${report.trimmed} page policies trimmed to the page's own inline hashes` +
              `${without ? `; ${without} page(s) without their own policy (the _headers policy covers them)` : ''}`,
          );
        },
      },
    },
    headers: {
      name: 'reading-list:csp-headers',
      hooks: {
        'astro:build:done': async ({ dir, logger }) => {
          if (!report) throw new Error('reading-list:csp-headers runs after reading-list:csp-pages (see astro.config.mjs)');
          for (const warning of await writeHeadersFile(fileURLToPath(dir), base, report.policy, assetsDir)) logger.warn(warning);
          logger.info('wrote _headers (Content Security Policy, security and cache headers for Netlify and Cloudflare Pages)');
        },
      },
    },
  };
}
