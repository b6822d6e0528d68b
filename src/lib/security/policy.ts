/**
 * The site's Content Security Policy, in one place. Every page carries `PAGE_POLICY` as a
 * `<meta http-equiv="content-security-policy">` (src/layouts/Base.astro); the policy check
 * (src/integrations/content-security-policy.ts) reads it back from each page as it is rendered
 * and writes it, with `HEADER_ONLY_DIRECTIVES`, into `_headers`. Pages added later are covered
 * without changes here.
 *
 * No inline script runs: `script-src` has no 'unsafe-inline' and no 'unsafe-eval', and no hash:
 * the site's scripts and styles are all files (astro.config.mjs keeps Astro from inlining them),
 * so the policy is the same on every page and Astro need not hash anything as it renders
 * 100,000 pages (its own `security.csp` hashed each page's scripts again, about 0.5 ms a page).
 * Pagefind's WebAssembly needs 'wasm-unsafe-eval' (compiling WebAssembly, not eval of
 * JavaScript). Styles: same-origin files only; `style="…"` attributes are blocked, so markup
 * uses classes. The check warns, naming the pages, about anything inline that slips in.
 */

/** The directives besides script-src and style-src. */
export const POLICY_DIRECTIVES = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "worker-src 'self'",
  "manifest-src 'self'",
] as const;

/** Sources of script-src. */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;
/** Sources of style-src. */
export const STYLE_SOURCES = ["'self'"] as const;

/**
 * Directives a `<meta>` policy cannot carry (browsers ignore them there, with a console
 * warning), so they go only into the HTTP header: no other site may frame these pages.
 */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"] as const;

/** A policy as directive name → sources, in the order written. */
export type Policy = Map<string, string[]>;

/** Parses a serialized policy (`name source source; name …`). */
export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

export const serializePolicy = (policy: Policy): string => [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');

/** The policy of every page, as its meta element says it. */
export const PAGE_POLICY = serializePolicy(
  parsePolicy([...POLICY_DIRECTIVES, `script-src ${SCRIPT_SOURCES.join(' ')}`, `style-src ${STYLE_SOURCES.join(' ')}`].join(';')),
);

/**
 * One policy that allows whatever any of `policies` allows, directive by directive (the
 * header's policy when pages carry different hashes: each page's own meta policy still
 * applies on top, so no page gains anything its meta forbids). Order: first appearance.
 */
export function unitePolicies(policies: Policy[]): Policy {
  const united: Policy = new Map();
  for (const policy of policies) {
    for (const [name, sources] of policy) {
      const merged = [...new Set([...(united.get(name) ?? []), ...sources])];
      united.set(name, merged.length > 1 ? merged.filter((source) => source !== "'none'") : merged);
    }
  }
  return united;
}

/** The HTTP header's policy: the pages' policy plus what only a header can say. */
export function headerPolicy(pagePolicy: Policy): Policy {
  const policy: Policy = new Map(pagePolicy);
  for (const directive of HEADER_ONLY_DIRECTIVES) {
    const [name, ...sources] = directive.split(' ');
    policy.set(name!, sources);
  }
  return policy;
}

const isHash = (source: string) => /^'sha\d+-/.test(source);

/** The hash sources of a policy's script-src and style-src. */
export function hashSources(policy: Policy): { script: string[]; style: string[] } {
  return { script: (policy.get('script-src') ?? []).filter(isHash), style: (policy.get('style-src') ?? []).filter(isHash) };
}

/** `policy` with the hash sources of script-src and style-src replaced by `hashes` (sorted). */
export function withHashSources(policy: Policy, hashes: { script: Iterable<string>; style: Iterable<string> }): Policy {
  const result: Policy = new Map();
  for (const [name, sources] of policy) {
    const kind = name === 'script-src' ? 'script' : name === 'style-src' ? 'style' : null;
    result.set(name, kind ? [...sources.filter((source) => !isHash(source)), ...[...new Set(hashes[kind])].sort()] : sources);
  }
  return result;
}
