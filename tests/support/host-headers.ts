/**
 * Reads a `_headers` file the way Netlify and Cloudflare Pages do (a path line, then indented
 * `Name: value` lines; `*` matches anything, a `:placeholder` one path segment; every matching
 * rule applies), so tests can check
 * the file and the test server can send its headers like such a host.
 */
export interface HostRule {
  path: string;
  pattern: RegExp;
  headers: [string, string][];
}

export function parseHeadersFile(text: string): HostRule[] {
  const rules: HostRule[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim() || line.trimStart().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(
        `^${line
          .trim()
          .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/:[A-Za-z]\w*/g, '[^/]+')}$`,
      );
      rules.push({ path: line.trim(), pattern, headers: [] });
      return;
    }
    const match = /^\s+([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (!match || rules.length === 0) throw new Error(`_headers line ${index + 1} is not a header of a rule: ${line}`);
    rules.at(-1)!.headers.push([match[1]!, match[2]!]);
  });
  return rules;
}

/** Every header the rules give `path`, by lower-case name, with each value once per matching rule. */
export function headersFor(rules: HostRule[], path: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const rule of rules) {
    if (!rule.pattern.test(path)) continue;
    for (const [name, value] of rule.headers) found.set(name.toLowerCase(), [...(found.get(name.toLowerCase()) ?? []), value]);
  }
  return found;
}
