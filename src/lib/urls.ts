/** Internal addresses, always under the site's base path (SITE_BASE) and ending in a slash. */

/** Joins the base ("/" or "/reading-list/") and a site path ("papers/x/"). */
export function withBase(base: string, path = ''): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, '');
}

export const paperPath = (id: string) => `papers/${encodeURIComponent(id)}/`;
export const topicPath = (id: string) => `topics/${encodeURIComponent(id)}/`;
