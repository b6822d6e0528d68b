/**
 * The Content Security Policy after the build (src/lib/security/policy.ts says what it is; every
 * page carries it as a meta element). Two steps, as two integrations sharing what the first finds:
 *
 * 1. `pages`: checks every page as it is rendered, before Astro writes it (a page hook,
 *    page-hooks.ts), so no page is read back from the disk: it warns about anything inline the
 *    page's policy would block (naming the pages), and trims the page's meta policy to the
 *    hashes of its own inline scripts and styles, when a page policy lists hashes (the site's own
 *    lists none: it has nothing inline). Trimming only removes sources, so it never allows more. After the build, any HTML
 *    file the hook did not see (the 404 page, which Astro renders without middleware) is read
 *    and checked.
 * 2. `headers`, last (after the service worker is written, so the file is not precached:
 *    hosts read it, they do not serve it): writes `_headers` (src/lib/security/headers-file.ts)
 *    with the same policy as an HTTP header, allowing the inline hashes of all pages.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  PAGE_POLICY,
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
import { compareStrings } from '../lib/compare.ts';
import { addPageHook, pageFile } from './page-hooks.ts';
import { builtFiles, inBatches } from './built-files.ts';
import { SLICE_FOLDER_NAME } from '../lib/search/slices.ts';

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

/** The policy of a page without its own meta element. */
const configuredPolicy = (): Policy => parsePolicy(PAGE_POLICY);

const problemWarning = (what: string, pages: string[]) =>
  `the Content Security Policy ${what} in ${pages.slice(0, 3).join(', ')}${pages.length > 3 ? ` and ${pages.length - 3} more page(s)` : ''}: ` +
  'move scripts into src/scripts/ and styles into a <style> block or stylesheet after the page head, and use classes instead of style attributes';

/**
 * Checks pages against their policy and trims each meta policy to the page's own hashes,
 * collecting what the `_headers` policy and the warnings need. Pages come either as they are
 * rendered (`checkPage`, from the page hook) or from the disk (`checkPages`).
 */
export class PolicyCheck {
  readonly #used = { script: new Set<string>(), style: new Set<string>() };
  /** The pages' meta policies without hashes, by text. */
  readonly #policies = new Map<string, Policy>();
  readonly #problemsOn = new Map<string, string[]>();
  readonly #pagesWithoutPolicy: string[] = [];
  /** Output files checked, relative to the output directory. */
  readonly checked = new Set<string>();
  #trimmed = 0;
  /** Parsed meta policies by text: 100,000 pages share a handful. */
  readonly #parsed = new Map<string | null, { policy: Policy; allowed: ReturnType<typeof hashSources>; hashless: boolean }>();

  #parse(metaPolicy: string | null) {
    let parsed = this.#parsed.get(metaPolicy);
    if (!parsed) {
      const policy = metaPolicy === null ? configuredPolicy() : parsePolicy(metaPolicy);
      const allowed = hashSources(policy);
      parsed = { policy, allowed, hashless: allowed.script.length + allowed.style.length === 0 };
      this.#parsed.set(metaPolicy, parsed);
    }
    return parsed;
  }

  /** Checks the page written to `file` (relative to the output directory); returns its HTML with the trimmed policy. */
  checkPage(file: string, html: string): string {
    this.checked.add(file);
    const content = inlineContent(html);
    const { policy, allowed, hashless } = this.#parse(content.metaPolicy);
    if (content.metaPolicy === null) this.#pagesWithoutPolicy.push(file);
    for (const what of new Set(policyProblems(content, policy))) this.#problemsOn.set(what, [...(this.#problemsOn.get(what) ?? []), file]);
    const own = { script: new Set<string>(), style: new Set<string>() };
    for (const block of content.blocks) if (allowed[block.kind].includes(block.hash)) own[block.kind].add(block.hash);
    for (const kind of ['script', 'style'] as const) for (const hash of own[kind]) this.#used[kind].add(hash);
    if (content.metaPolicy === null) return html;
    if (hashless) {
      // Nothing to trim (the site has no inline script or style to hash): the policy as it is.
      this.#policies.set(content.metaPolicy, policy);
      return html;
    }
    const bare = withHashSources(policy, { script: [], style: [] });
    this.#policies.set(serializePolicy(bare), bare);
    const pagePolicy = serializePolicy(withHashSources(policy, own));
    if (pagePolicy === content.metaPolicy) return html;
    this.#trimmed++;
    return withMetaPolicy(html, content, pagePolicy);
  }

  /** Checks every page in `outDir` not checked yet, rewriting those whose policy it trims. */
  async checkPages(outDir: string): Promise<void> {
    const pages = (await builtFiles(outDir)).filter((path) => path.endsWith('.html') && !this.checked.has(path));
    const checkFile = async (page: string) => {
      const html = await readFile(join(outDir, page), 'utf8');
      const checked = this.checkPage(page, html);
      if (checked !== html) await writeFile(join(outDir, page), checked);
    };
    await inBatches(pages, checkFile);
  }

  report(): PagesReport {
    const united = unitePolicies([...this.#policies.keys()].sort().map((text) => this.#policies.get(text)!));
    const sorted = (list: readonly string[]) => [...list].sort(compareStrings);
    return {
      pages: this.checked.size,
      pagesWithoutPolicy: sorted(this.#pagesWithoutPolicy),
      trimmed: this.#trimmed,
      policy: serializePolicy(headerPolicy(withHashSources(united.size ? united : configuredPolicy(), this.#used))),
      warnings: [...this.#problemsOn].sort(([a], [b]) => compareStrings(a, b)).map(([what, on]) => problemWarning(what, sorted(on))),
    };
  }
}

/** Checks every page of the built site in `outDir` against its policy and trims its meta policy to what it uses. */
export async function checkPages(outDir: string): Promise<PagesReport> {
  const check = new PolicyCheck();
  await check.checkPages(outDir);
  return check.report();
}

/** Writes `_headers` for the built site in `outDir` with the header `policy`; returns warnings (limits of Cloudflare Pages). */
export async function writeHeadersFile(outDir: string, base: string, policy: string, assetsDir = '_astro'): Promise<string[]> {
  const entries = (await readdir(outDir, { withFileTypes: true }))
    .filter((entry) => entry.name !== '_headers')
    .map((entry) => ({ name: entry.name, directory: entry.isDirectory() }));
  const hasSearch = entries.some((entry) => entry.name === SEARCH_DIR && entry.directory);
  const searchEntries = hasSearch ? await readdir(join(outDir, SEARCH_DIR), { withFileTypes: true }) : [];
  const filesIn = async (folder: string) =>
    (await readdir(join(outDir, SEARCH_DIR, folder), { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
  const searchFiles = searchEntries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  const searchSlices = await Promise.all(
    searchEntries
      .filter((entry) => entry.isDirectory() && SLICE_FOLDER_NAME.test(entry.name))
      .map(async (entry) => ({ folder: entry.name, files: await filesIn(entry.name) })),
  );
  const text = headersFile(policy, { base, assetsDir, searchDir: SEARCH_DIR, entries, searchFiles, searchSlices });
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
  let check: PolicyCheck | undefined;
  return {
    pages: {
      name: 'reading-list:csp-pages',
      hooks: {
        'astro:config:setup': ({ config }) => {
          base = config.base.endsWith('/') ? config.base : `${config.base}/`;
          assetsDir = config.build.assets;
        },
        'astro:build:start': () => {
          const pages = new PolicyCheck();
          check = pages;
          addPageHook({ name: 'content security policy', page: ({ path, html }) => pages.checkPage(pageFile(path), html) });
        },
        'astro:build:done': async ({ dir, logger }) => {
          const start = performance.now();
          check ??= new PolicyCheck();
          const rendered = check.checked.size;
          // Pages Astro wrote without rendering them through the middleware (the 404 page) are read from the disk.
          await check.checkPages(fileURLToPath(dir));
          report = check.report();
          const ms = Math.round(performance.now() - start);
          for (const warning of report.warnings) logger.warn(warning);
          const without = report.pagesWithoutPolicy.length;
          logger.info(
            `${report.pages} page(s) checked (${rendered} as they were rendered, ${report.pages - rendered} read back in ${ms} ms); ` +
              `${report.trimmed} page policies trimmed to the page's own inline hashes` +
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
