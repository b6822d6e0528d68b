/**
 * The built sites' Content Security Policy and `_headers`, read from disk: every page carries the
 * policy and the policy allows everything the page has inline; `_headers` sends the same policy
 * and gives every file exactly one cache rule, long and immutable only for content-hashed files.
 */
import { describe, expect, inject, it } from 'vitest';
import { listFiles, readText } from '../support/site-files.ts';
import { headersFor, parseHeadersFile } from '../support/host-headers.ts';
import { hashSources, parsePolicy, type Policy } from '../../src/lib/security/policy.ts';
import { policyProblems, inlineContent } from '../../src/lib/security/inline-content.ts';
import { IMMUTABLE, REVALIDATE } from '../../src/lib/security/headers-file.ts';

const isHash = (source: string) => source.startsWith("'sha256-");
/** A policy's directives without hash sources, as text, for comparing policies that list different hashes. */
const withoutHashes = (policy: Policy) => [...policy].map(([name, sources]) => [name, ...sources.filter((s) => !isHash(s))].join(' '));

/** The address a host serves a built file at. */
const urlOf = (base: string, file: string) => base + file.replace(/(^|\/)index\.html$/, '$1');

for (const [name, site] of [
  ['fixture site (under a sub-path)', inject('fixtureSite')],
  ['real seeds site', inject('realSite')],
] as const) {
  describe(name, () => {
    const files = listFiles(site.outDir).filter((file) => file !== '_headers');
    const pages = files.filter((file) => file.endsWith('.html'));
    const rules = parseHeadersFile(readText(site.outDir, '_headers'));
    const headerPolicyText = headersFor(rules, site.base).get('content-security-policy')![0]!;
    const headerPolicy = parsePolicy(headerPolicyText);

    it('builds without a policy warning', () => {
      expect(site.log).toMatch(/\[reading-list:csp-pages\] \d+ page\(s\) checked/);
      expect(site.log).toContain('[reading-list:csp-headers] wrote _headers');
      expect(site.log).not.toMatch(/the Content Security Policy|Shiki|_headers has/);
    });

    it('has the policy in every page, allowing everything the page has inline', () => {
      const problems: string[] = [];
      for (const page of pages) {
        const content = inlineContent(readText(site.outDir, page));
        if (content.metaPolicy === null) {
          problems.push(`${page}: no meta policy`);
          continue;
        }
        const metaPolicy = parsePolicy(content.metaPolicy);
        // Trimmed to the page's own inline scripts and styles.
        const own = (kind: 'script' | 'style') => [...new Set(content.blocks.filter((b) => b.kind === kind).map((b) => b.hash))].sort();
        expect(hashSources(metaPolicy), page).toEqual({ script: own('script'), style: own('style') });
        expect(withoutHashes(metaPolicy), page).toEqual(withoutHashes(headerPolicy).filter((d) => !d.startsWith('frame-ancestors')));
        for (const [policyName, policy] of [
          ['meta', metaPolicy],
          ['header', headerPolicy],
        ] as const) {
          for (const problem of policyProblems(content, policy)) problems.push(`${page}: the ${policyName} policy ${problem}`);
        }
      }
      expect(problems).toEqual([]);
      // Nothing inline to allow: scripts and styles are files, so the policy lists no hash
      // (the checks above are exercised on inline content in tests/unit/security-policy.test.ts).
      const paper = readText(
        site.outDir,
        pages.find((p) => p.startsWith('papers/'))!,
      );
      expect(inlineContent(paper).blocks).toEqual([]);
      expect(paper).toMatch(/<script type="module" src="[^"]+"><\/script>/);
      expect(paper).toMatch(/<link rel="stylesheet" href="[^"]+">/);
      expect(hashSources(headerPolicy)).toEqual({ script: [], style: [] });
    });

    it('has the policy the issue asks for, with nothing unsafe', () => {
      expect(headerPolicy.get('script-src')!.filter((s) => !isHash(s))).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(headerPolicy.get('style-src')!.filter((s) => !isHash(s))).toEqual(["'self'"]);
      expect(headerPolicyText).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*/);
      expect(Object.fromEntries([...headerPolicy].filter(([n]) => !n.endsWith('script-src') && !n.endsWith('style-src')))).toEqual({
        'default-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'connect-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'worker-src': ["'self'"],
        'manifest-src': ["'self'"],
        'frame-ancestors': ["'none'"],
      });
    });

    it('sends the security headers with every file, once', () => {
      for (const file of files) {
        const headers = headersFor(rules, urlOf(site.base, file));
        expect(headers.get('content-security-policy'), file).toEqual([headerPolicyText]);
        expect(headers.get('x-content-type-options'), file).toEqual(['nosniff']);
        expect(headers.get('referrer-policy'), file).toEqual(['strict-origin-when-cross-origin']);
      }
    });

    it('gives every file one cache rule: immutable when content-hashed, revalidated otherwise', () => {
      const cacheOf = (file: string) => headersFor(rules, urlOf(site.base, file)).get('cache-control');
      const hashed = /^(_astro\/|pagefind\/(slice-\d+\/)?(fragment|index|filter)\/|pagefind\/(slice-\d+\/)?pagefind\.[^/]+\.pf_meta$)/;
      for (const file of files) expect(cacheOf(file), file).toEqual([hashed.test(file) ? IMMUTABLE : REVALIDATE]);
      // Each kind is there: a vacuous pass is not a pass.
      for (const file of [
        'index.html',
        '404.html',
        'sw.js',
        'pagefind/pagefind-entry.json',
        'pagefind/pagefind.js',
        'pagefind/wasm.en.pagefind',
      ]) {
        expect(cacheOf(file), file).toEqual([REVALIDATE]);
      }
      expect(files.filter((file) => hashed.test(file) && /^(_astro|pagefind\/(fragment|index))\//.test(file)).length).toBeGreaterThan(10);
      expect(headersFor(rules, site.base).get('cache-control')).toEqual([REVALIDATE]);
    });

    it('is a file Netlify and Cloudflare Pages accept: at most 100 rules, lines of at most 2,000 characters', () => {
      const text = readText(site.outDir, '_headers');
      expect(rules.length).toBeLessThanOrEqual(100);
      expect(Math.max(...text.split('\n').map((line) => line.length))).toBeLessThanOrEqual(2000);
      expect(rules.every((rule) => rule.path.startsWith(site.base))).toBe(true);
    });

    it('is not precached by the service worker (a host reads it; it does not serve it)', () => {
      expect(readText(site.outDir, 'sw.js')).not.toContain('_headers');
    });
  });
}
