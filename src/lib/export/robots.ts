/**
 * robots.txt: everything may be crawled; the sitemap (written by @astrojs/sitemap as
 * `sitemap-index.xml` under the base path) is named by its absolute URL.
 * Crawlers only read /robots.txt at the origin's root, so a site under SITE_BASE needs the
 * host's own robots.txt to point at the sitemap too (README, "Feeds and exports").
 */
export function robotsTxt(sitemapUrl: string): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${sitemapUrl}`, ''].join('\n');
}
