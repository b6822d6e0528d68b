/**
 * Recognises the parts of a copied listing page that are not papers:
 * page chrome ("Daily Papers", "Subscribe", …) and day lines ("Jul 31") that start a new day.
 */

/** Whole lines of page chrome, compared after {@link normalizeChrome}. */
const CHROME_LINES = new Set([
  'new',
  'subscribe',
  'daily papers',
  'hugging face',
  'hugging face daily papers',
  'daily papers - hugging face',
  'daily papers | hugging face',
  'get trending papers in your email inbox',
  'get trending papers in your email inbox!',
  'previous',
  'next',
  'see all',
  'submit paper',
]);

const CHROME_PATTERNS: readonly RegExp[] = [
  /^by\s*ak\b.*research community$/, // "by AK and the research community", "byAK and …"
  /^submitted by\b/, // "Submitted by akhaliq"
  /^\d{1,6}$/, // upvote and comment counts
  /^[·•|\-–—]+$/, // separators
];

/** Lowercase, fold runs of white space, drop emoji and other symbols a copy picks up around chrome. */
function normalizeChrome(line: string): string {
  return line
    .toLowerCase()
    .replace(/[\p{Extended_Pictographic}\u{FE0F}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function isPageChrome(line: string): boolean {
  const normalized = normalizeChrome(line);
  return CHROME_LINES.has(normalized) || CHROME_PATTERNS.some((pattern) => pattern.test(normalized));
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DAY_LINE = new RegExp(
  [
    `^${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?$`, // Jul 31, July 31st, Jul 31, 2024
    `^\\d{1,2}\\s+${MONTH}(?:,?\\s+\\d{4})?$`, // 31 Jul 2024
    `^\\d{4}-\\d{2}-\\d{2}$`, // 2024-07-31
  ].join('|'),
  'i',
);

/** The day a day line names, as written (trimmed), or null when the line is not a day line. */
export function parseDayLine(line: string): string | null {
  const trimmed = line.trim().replace(/\s+/g, ' ');
  return DAY_LINE.test(trimmed) ? trimmed : null;
}
