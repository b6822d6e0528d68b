/**
 * The `_headers` file that Netlify and Cloudflare Pages read: the Content Security Policy and
 * two more security headers for every response, and cache rules.
 *
 * Both hosts apply every rule whose path matches, and Cloudflare joins two values of one header
 * with a comma, so no two rules here set Cache-Control for the same path: the cache rules name
 * the site's top-level files and folders one by one (from the built site) instead of starting
 * from a catch-all.
 */

/** Content-hashed files: a changed file gets a new name, so a copy never needs checking. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else may be stored, but is checked with the server before each use. */
export const REVALIDATE = 'public, max-age=0, must-revalidate';

export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
} as const;

/** Pagefind's folders of content-addressed files (names carry a hash or a per-build tag). */
const SEARCH_CHUNK_FOLDERS = ['fragment', 'index', 'filter'];
/** Pagefind's metadata file carries its content hash in its name (`pagefind.en_1a2b3c.pf_meta`). */
const HASHED_SEARCH_FILE = /\.pf_meta$/;

export interface SiteLayout {
  /** The site's base path, e.g. "/" or "/reading-list/". */
  base: string;
  /** Astro's folder of content-hashed build assets (`build.assets`, "_astro"). */
  assetsDir: string;
  /** Pagefind's output folder. */
  searchDir: string;
  /** The built site's top level. */
  entries: { name: string; directory: boolean }[];
  /** Files directly in `searchDir` (pagefind.js, pagefind-entry.json, its metadata, WebAssembly …). */
  searchFiles: string[];
  /**
   * The search index's other slices (src/lib/search/slices.ts): each a folder in `searchDir`
   * (`slice-1`) with its own entry file, metadata and chunk folders.
   */
  searchSlices?: { folder: string; files: string[] }[];
}

export interface HeaderRule {
  path: string;
  headers: [name: string, value: string][];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The cache rule for each path: content-hashed files immutable, the rest (HTML, sw.js, Pagefind's entry file …) revalidated. */
export function cacheRules(layout: SiteLayout): HeaderRule[] {
  const { base, assetsDir, searchDir } = layout;
  const rule = (path: string, immutable: boolean): HeaderRule => ({
    path,
    headers: [['Cache-Control', immutable ? IMMUTABLE : REVALIDATE]],
  });
  const rules = [rule(base, false)];
  for (const { name, directory } of [...layout.entries].sort((a, b) => compare(a.name, b.name))) {
    if (name === searchDir && directory) {
      for (const folder of SEARCH_CHUNK_FOLDERS) rules.push(rule(`${base}${searchDir}/${folder}/*`, true));
      for (const file of [...layout.searchFiles].sort(compare))
        rules.push(rule(`${base}${searchDir}/${file}`, HASHED_SEARCH_FILE.test(file)));
      rules.push(...sliceRules(layout, rule));
    } else {
      rules.push(rule(directory ? `${base}${name}/*` : `${base}${name}`, directory && name === assetsDir));
    }
  }
  return rules;
}

/**
 * The slices' files, with a placeholder for the slice folder (both hosts read `:name` as one
 * path segment; a host that did not would leave these files to its default, revalidation),
 * and each slice's metadata by name.
 */
function sliceRules(layout: SiteLayout, rule: (path: string, immutable: boolean) => HeaderRule): HeaderRule[] {
  const slices = layout.searchSlices ?? [];
  if (slices.length === 0) return [];
  const prefix = `${layout.base}${layout.searchDir}/`;
  const metadata = slices.flatMap(({ folder, files }) =>
    files.filter((file) => HASHED_SEARCH_FILE.test(file)).map((file) => `${folder}/${file}`),
  );
  return [
    ...SEARCH_CHUNK_FOLDERS.map((folder) => rule(`${prefix}:slice/${folder}/*`, true)),
    rule(`${prefix}:slice/pagefind-entry.json`, false),
    ...metadata.sort(compare).map((path) => rule(`${prefix}${path}`, true)),
  ];
}

/** Every response: the policy and the other security headers. */
export const securityRule = (base: string, policy: string): HeaderRule => ({
  path: `${base}*`,
  headers: [['Content-Security-Policy', policy], ...Object.entries(SECURITY_HEADERS)],
});

export function headersFile(policy: string, layout: SiteLayout): string {
  const rules = [securityRule(layout.base, policy), ...cacheRules(layout)];
  const blocks = rules.map((rule) => [rule.path, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'));
  return `# Written by the build (src/integrations/headers.ts): response headers for Netlify and Cloudflare Pages.\n${blocks.join('\n\n')}\n`;
}

/** The Content Security Policy a `_headers` file written by `headersFile` sets, or null. */
export function policyInHeadersFile(text: string): string | null {
  return /^ {2}Content-Security-Policy: (.+)$/m.exec(text)?.[1] ?? null;
}
