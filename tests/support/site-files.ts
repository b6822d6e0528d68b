/** Reading a built site from disk: its files, and the internal links in its pages. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file below `dir`, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const walk = (current: string): string[] =>
    readdirSync(current, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(current, entry.name)) : [relative(dir, join(current, entry.name))],
    );
  return walk(dir).sort();
}

export const readText = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

const decodeEntities = (value: string) =>
  value.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>');

/**
 * URLs a page refers to: `href`, `src` and `action` attributes (links, `<link>` stylesheets and
 * icons, scripts, images, forms), every candidate of a `srcset`, and the `content` of meta tags
 * whose name says it is a URL (`og:url`, `og:image`, `citation_pdf_url`…). Our own generated HTML:
 * attribute values are double-quoted.
 */
export function pageUrls(html: string): string[] {
  const attributes = [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => m[1]);
  const srcsets = [...html.matchAll(/\ssrcset="([^"]*)"/g)].flatMap((m) =>
    m[1]
      .split(',')
      .map((candidate) => candidate.trim().split(/\s+/)[0])
      .filter(Boolean),
  );
  const metas = [...html.matchAll(/<meta\s[^>]*>/g)].flatMap(([tag]) => {
    if (!/\s(?:name|property|itemprop)="[^"]*(?:url|image)[^"]*"/i.test(tag)) return [];
    const content = /\scontent="([^"]*)"/.exec(tag)?.[1];
    return content ? [content] : [];
  });
  return [...attributes, ...srcsets, ...metas].map(decodeEntities);
}

/** `url`-like string fields (`url`, `src`, `href`, `start_url`) anywhere in a JSON document. */
export function jsonUrls(json: string): string[] {
  const found: string[] = [];
  const visit = (value: unknown, key?: string) => {
    if (typeof value === 'string') {
      if (key && ['url', 'src', 'href', 'start_url'].includes(key)) found.push(value);
    } else if (Array.isArray(value)) {
      value.forEach((item) => visit(item));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, k);
    }
  };
  visit(JSON.parse(json));
  return found;
}

/** `<loc>` (sitemaps), `<link>` (RSS) and `href` attributes (Atom) of an XML file. */
export function xmlUrls(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]*)<\/loc>|<link>([^<]*)<\/link>|\shref="([^"]*)"/g)].map((m) =>
    decodeEntities((m[1] ?? m[2] ?? m[3]).trim()),
  );
}

const TEST_ORIGIN = 'http://site.test';

/**
 * Internal links that point at nothing in the built site: in every HTML page (see `pageUrls`),
 * in the JSON files (papers.json, topics.json, a web manifest…) and in the XML files (sitemaps,
 * feeds). `base` is the site's base path; `siteUrl` (the build's SITE_URL), when given, makes
 * absolute URLs on that origin (canonical links, sitemap entries) count as internal too.
 * A link resolves to `path` or `path/index.html`; a `#fragment` must name an id in its target page.
 * Pagefind's own files are not read (they are binary, and Pagefind writes them consistently).
 */
export function brokenInternalLinks(outDir: string, base: string, siteUrl?: string): { page: string; url: string }[] {
  const files = new Set(listFiles(outDir));
  const siteOrigin = siteUrl ? new URL(siteUrl).origin : null;
  const texts = new Map<string, string>();
  const text = (file: string) => texts.get(file) ?? texts.set(file, readText(outDir, file)).get(file)!;
  const urlsOf = (file: string): string[] => {
    if (file.startsWith('pagefind/')) return [];
    if (file.endsWith('.html')) return pageUrls(text(file));
    if (file.endsWith('.json') || file.endsWith('.webmanifest')) return jsonUrls(text(file));
    if (file.endsWith('.xml')) return xmlUrls(text(file));
    return [];
  };

  const broken: { page: string; url: string }[] = [];
  for (const page of files) {
    const pageUrl = new URL(base + page.replace(/(^|\/)index\.html$/, '$1'), TEST_ORIGIN);
    for (const raw of urlsOf(page)) {
      let target: URL;
      try {
        target = new URL(raw, pageUrl);
      } catch {
        broken.push({ page, url: raw });
        continue;
      }
      if (target.origin !== TEST_ORIGIN && target.origin !== siteOrigin) continue;
      const path = decodeURIComponent(target.pathname);
      const inside = path.startsWith(base) ? path.slice(base.length) : null;
      const file = inside === null ? undefined : [inside, join(inside, 'index.html')].find((candidate) => files.has(candidate));
      const fragment = decodeURIComponent(target.hash.slice(1));
      const fragmentFound = !fragment || (file?.endsWith('.html') && text(file).includes(` id="${fragment}"`));
      if (!file || !fragmentFound) broken.push({ page, url: raw });
    }
  }
  return broken;
}
