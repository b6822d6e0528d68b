import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_POLICY, headerPolicy, parsePolicy, serializePolicy, unitePolicies } from '../../src/lib/security/policy.ts';
import { policyProblems, cspHash, inlineContent } from '../../src/lib/security/inline-content.ts';
import { checkPages, writeHeadersFile } from '../../src/integrations/content-security-policy.ts';
import { cacheRules, headersFile, IMMUTABLE, REVALIDATE, type SiteLayout } from '../../src/lib/security/headers-file.ts';

/** The hash a browser compares, computed independently of the module under test. */
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64')}'`;

describe('the policy', () => {
  it('is what every page carries: no unsafe-inline, unsafe-eval or hash, WebAssembly allowed', () => {
    const policy = parsePolicy(PAGE_POLICY);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(PAGE_POLICY).not.toMatch(/unsafe-inline|'unsafe-eval'|'sha/);
    expect(PAGE_POLICY).toEqual(expect.stringContaining("object-src 'none'; base-uri 'self'"));
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
  });

  it('parses and serializes, keeping order and the first of a repeated directive (as browsers do)', () => {
    const policy = parsePolicy("default-src 'self';script-src 'self' 'sha256-a=';  ; SCRIPT-SRC *;");
    expect([...policy]).toEqual([
      ['default-src', ["'self'"]],
      ['script-src', ["'self'", "'sha256-a='"]],
    ]);
    expect(serializePolicy(policy)).toBe("default-src 'self'; script-src 'self' 'sha256-a='");
  });

  it('unites policies directive by directive, and adds what only a header can say', () => {
    const united = unitePolicies([
      parsePolicy("script-src 'self' 'sha256-a='; object-src 'none'"),
      parsePolicy("script-src 'self' 'sha256-b='; img-src 'none'; object-src 'none'"),
    ]);
    expect(serializePolicy(united)).toBe("script-src 'self' 'sha256-a=' 'sha256-b='; object-src 'none'; img-src 'none'");
    expect(serializePolicy(unitePolicies([parsePolicy("img-src 'none'"), parsePolicy("img-src 'self'")]))).toBe("img-src 'self'");
    expect(serializePolicy(headerPolicy(united))).toMatch(/; frame-ancestors 'none'$/);
  });
});

describe('inline content of a page', () => {
  const script = 'console.log("hi")';
  const style = 'body{color:red}';
  const page = `<!doctype html><html><head>
<meta http-equiv="content-security-policy" content="script-src 'self' ${sha256(script)}; style-src 'self' ${sha256(style)}">
<meta name="citation_title" content="<script>alert(1)</script> <style>x{}</style>">
<script type="application/ld+json">{"a":"</scrip"}</script>
<script>${script}</script><style>${style}</style>
<script type="module" src="/_astro/a.js"></script>
<!-- <script>commented()</script> <b style="color:red"> -->
</head><body><p title="a > b" class="x">1 &lt;script&gt;</p>
<script type="module">other()</script>
<div style="color:red" onclick="go()"><a href="javascript:void 0">x</a><a href="/ok">y</a></div>
<svg><style>.s{fill:red}</style></svg><SCRIPT>upper()</SCRIPT>
</body></html>`;
  const content = inlineContent(page);

  it('finds the meta policy, executable scripts and styles (hashed as browsers do), and inline attributes', () => {
    expect(content.metaPolicy).toBe(`script-src 'self' ${sha256(script)}; style-src 'self' ${sha256(style)}`);
    expect(content.blocks).toEqual([
      { kind: 'script', hash: sha256(script) },
      { kind: 'style', hash: sha256(style) },
      { kind: 'script', hash: sha256('other()') },
      { kind: 'style', hash: sha256('.s{fill:red}') },
      { kind: 'script', hash: sha256('upper()') },
    ]);
    expect(content.attributes).toEqual(['style="color:red"', 'onclick="go()"', 'href="javascript:void 0"']);
  });

  it('sees javascript: URLs the way a browser does, through character references, tabs and leading spaces', () => {
    const links =
      '<a href="jav&#x61;script:1">e</a><a href="java\tscript:2">t</a><a href=\' JavaScript:3\'>s</a><a href="/javascript:no">n</a>';
    expect(inlineContent(links).attributes).toEqual(['href="javascript:1"', 'href="java\tscript:2"', 'href=" JavaScript:3"']);
  });

  it('hashes UTF-8 bytes, not UTF-16 code units', () => {
    expect(cspHash('é → ✓')).toBe(sha256('é → ✓'));
  });

  it('says what the policy blocks: unlisted inline scripts and styles, and every inline attribute', () => {
    expect(policyProblems(content, parsePolicy(content.metaPolicy!))).toEqual([
      `blocks an inline <script> (${sha256('other()')})`,
      `blocks an inline <style> (${sha256('.s{fill:red}')})`,
      `blocks an inline <script> (${sha256('upper()')})`,
      'blocks the attribute style="color:red"',
      'blocks the attribute onclick="go()"',
      'blocks the attribute href="javascript:void 0"',
    ]);
    // 'unsafe-inline' allows everything inline, unless a hash is listed (then browsers ignore it).
    expect(policyProblems(content, parsePolicy("default-src 'self' 'unsafe-inline'"))).toEqual([]);
    expect(policyProblems(content, parsePolicy(`script-src 'unsafe-inline' ${sha256(script)}; style-src 'unsafe-inline'`))).toEqual([
      `blocks an inline <script> (${sha256('other()')})`,
      `blocks an inline <script> (${sha256('upper()')})`,
      'blocks the attribute onclick="go()"',
      'blocks the attribute href="javascript:void 0"',
    ]);
    // Without script-src or style-src, default-src decides.
    expect(policyProblems(inlineContent('<style>a{}</style>'), parsePolicy(`default-src ${sha256('a{}')}`))).toEqual([]);
  });

  it('has nothing to say about a page without inline content', () => {
    expect(inlineContent('<p>plain</p>')).toEqual({ metaPolicy: null, metaTag: null, blocks: [], attributes: [], blocksBeforePolicy: 0 });
  });

  it('notices inline code before the meta policy, which that element cannot govern (data blocks are fine)', () => {
    const early = inlineContent(
      `<script type="application/ld+json">{}</script><script>early()</script><meta http-equiv="content-security-policy" content="script-src ${sha256('early()')}">`,
    );
    expect(early.blocksBeforePolicy).toBe(1);
    expect(policyProblems(early, parsePolicy(early.metaPolicy!))).toEqual([
      'does not cover 1 inline script(s) or style(s) placed before its meta element',
    ]);
  });
});

describe('the _headers file', () => {
  const layout: SiteLayout = {
    base: '/list/',
    assetsDir: '_astro',
    searchDir: 'pagefind',
    entries: [
      { name: 'sw.js', directory: false },
      { name: 'papers', directory: true },
      { name: '_astro', directory: true },
      { name: 'pagefind', directory: true },
      { name: 'index.html', directory: false },
    ],
    searchFiles: ['pagefind.js', 'pagefind-entry.json', 'pagefind.en_1a2b3c.pf_meta', 'wasm.en.pagefind'],
  };

  it('caches content-hashed files for good and has the rest revalidated, one rule per path', () => {
    const rules = cacheRules(layout).map((rule) => [rule.path, rule.headers[0]![1]]);
    expect(rules).toEqual([
      ['/list/', REVALIDATE],
      ['/list/_astro/*', IMMUTABLE],
      ['/list/index.html', REVALIDATE],
      ['/list/pagefind/fragment/*', IMMUTABLE],
      ['/list/pagefind/index/*', IMMUTABLE],
      ['/list/pagefind/filter/*', IMMUTABLE],
      ['/list/pagefind/pagefind-entry.json', REVALIDATE],
      ['/list/pagefind/pagefind.en_1a2b3c.pf_meta', IMMUTABLE],
      ['/list/pagefind/pagefind.js', REVALIDATE],
      ['/list/pagefind/wasm.en.pagefind', REVALIDATE],
      ['/list/papers/*', REVALIDATE],
      ['/list/sw.js', REVALIDATE],
    ]);
  });

  it('writes the policy and the security headers for every path, then the cache rules', () => {
    const text = headersFile("default-src 'self'", layout);
    expect(text).toMatch(
      /^# .*\n\/list\/\*\n {2}Content-Security-Policy: default-src 'self'\n {2}X-Content-Type-Options: nosniff\n {2}Referrer-Policy: strict-origin-when-cross-origin\n\n\/list\/\n {2}Cache-Control: public, max-age=0, must-revalidate\n/,
    );
    expect(text.endsWith('/list/sw.js\n  Cache-Control: public, max-age=0, must-revalidate\n')).toBe(true);
  });
});

describe('the build check', () => {
  it('warns about what a page’s policy blocks, naming the pages, trims each page’s policy to its own hashes, and writes _headers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csp-check-'));
    try {
      const policy = `script-src 'self' ${sha256('ok()')} ${sha256('elsewhere()')}; style-src 'self' ${sha256('a{}')}`;
      const meta = `<meta http-equiv="content-security-policy" content="${policy}">`;
      await mkdir(join(dir, 'topics/a'), { recursive: true });
      await writeFile(join(dir, 'index.html'), `<head>${meta}<style>a{}</style></head><script>ok()</script>`);
      await writeFile(join(dir, 'topics/a/index.html'), `${meta}<p style="color:red">note</p><script>ok()</script><script>evil()</script>`);
      await writeFile(join(dir, 'redirect.html'), '<meta http-equiv="refresh" content="0;url=/">');
      const report = await checkPages(dir);
      expect(report.pages).toBe(3);
      expect(report.trimmed).toBe(2);
      expect(report.pagesWithoutPolicy).toEqual(['redirect.html']);
      expect(report.warnings).toEqual([
        expect.stringMatching(
          new RegExp(`^the Content Security Policy blocks an inline <script> \\('sha256-[^']+'\\) in topics/a/index\\.html: `),
        ),
        expect.stringMatching(/^the Content Security Policy blocks the attribute style="color:red" in topics\/a\/index\.html: .*classes/),
      ]);
      // Each page lists the hashes it uses, and no other.
      expect(await readFile(join(dir, 'index.html'), 'utf8')).toBe(
        `<head><meta http-equiv="content-security-policy" content="script-src 'self' ${sha256('ok()')}; style-src 'self' ${sha256('a{}')}"><style>a{}</style></head><script>ok()</script>`,
      );
      expect(inlineContent(await readFile(join(dir, 'topics/a/index.html'), 'utf8')).metaPolicy).toBe(
        `script-src 'self' ${sha256('ok()')}; style-src 'self'`,
      );
      // The header allows what the pages use.
      expect(report.policy).toBe(`script-src 'self' ${sha256('ok()')}; style-src 'self' ${sha256('a{}')}; frame-ancestors 'none'`);

      expect(await writeHeadersFile(dir, '/', report.policy)).toEqual([]);
      const text = await readFile(join(dir, '_headers'), 'utf8');
      expect(text).toContain(`  Content-Security-Policy: ${report.policy}\n`);
      expect(text).toContain('/topics/*\n  Cache-Control: public, max-age=0, must-revalidate');
      // A second run reads the trimmed pages and finds the same.
      expect((await checkPages(dir)).policy).toBe(report.policy);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
