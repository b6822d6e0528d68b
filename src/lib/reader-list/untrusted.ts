/**
 * Reading JSON that someone else wrote (an import file; stored state another version of the
 * site wrote): descriptions of values for messages that stay short and never recurse, whatever
 * the value (a string of megabytes, arrays nested a million deep), and own-property lookups
 * that `__proto__` or `constructor` keys cannot redirect.
 */

/** A problem with a file or stored list, in words for the reader. */
export class ImportError extends Error {}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `record[key]` if the record itself has that key: never a value inherited from Object.prototype. */
export const ownValue = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

const MAX_QUOTED = 40;

/** Text quoted for a message, cut to a readable length. */
export const quote = (text: string): string => JSON.stringify(text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text);

/** What a JSON value is, briefly: `"abc"`, `3`, `true`, `null`, `a list`, `an object`. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}
