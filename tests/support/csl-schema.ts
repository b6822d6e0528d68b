/**
 * A check of CSL-JSON against the parts of the CSL data schema (csl-data.json, CSL 1.0.2) that
 * this site emits: an array of objects with `id` (string or number) and a CSL `type`, and string
 * values for the string fields. Used by the tests; returns readable problems, empty when valid.
 */
export const CSL_TYPES = new Set(
  (
    'article article-journal article-magazine article-newspaper bill book broadcast chapter classic collection dataset ' +
    'document entry entry-dictionary entry-encyclopedia event figure graphic hearing interview legal_case legislation ' +
    'manuscript map motion_picture musical_score pamphlet paper-conference patent performance periodical ' +
    'personal_communication post post-weblog regulation report review review-book software song speech standard ' +
    'thesis treaty webpage'
  ).split(' '),
);

/** String fields of the schema that the site writes. */
const STRING_FIELDS = ['citation-key', 'title', 'abstract', 'URL', 'keyword', 'note', 'container-title', 'DOI', 'publisher', 'number'];

/** A CSL name variable: an array of `{ family, given }` or `{ literal }` objects with string parts. */
function nameErrors(value: unknown, at: string): string[] {
  if (!Array.isArray(value)) return [`${at}: must be an array of names`];
  return value.flatMap((name, i) => {
    if (typeof name !== 'object' || name === null) return [`${at}[${i}]: not a name object`];
    const parts = Object.entries(name as Record<string, unknown>);
    const known = parts.every(
      ([k, v]) =>
        ['family', 'given', 'literal', 'suffix', 'dropping-particle', 'non-dropping-particle'].includes(k) && typeof v === 'string',
    );
    const named = parts.some(([k]) => k === 'family' || k === 'literal');
    return known && named ? [] : [`${at}[${i}]: names need family or literal, with string parts only`];
  });
}

/** A CSL date variable as `{ "date-parts": [[year, month?, day?]] }`. */
function dateErrors(value: unknown, at: string): string[] {
  const parts = (value as { 'date-parts'?: unknown })?.['date-parts'];
  const valid =
    Array.isArray(parts) &&
    parts.length >= 1 &&
    parts.every((p) => Array.isArray(p) && p.length >= 1 && p.length <= 3 && p.every((n) => Number.isInteger(n)));
  return valid ? [] : [`${at}: must be { "date-parts": [[year, month?, day?]] }`];
}

export function cslSchemaErrors(data: unknown): string[] {
  if (!Array.isArray(data)) return ['the file is not an array'];
  const errors: string[] = [];
  const ids = new Set<unknown>();
  data.forEach((item: unknown, index) => {
    const at = `item ${index}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return void errors.push(`${at}: not an object`);
    const record = item as Record<string, unknown>;
    if (typeof record.id !== 'string' && typeof record.id !== 'number') errors.push(`${at}: id must be a string or number`);
    if (!CSL_TYPES.has(record.type as string)) errors.push(`${at}: type ${JSON.stringify(record.type)} is not a CSL type`);
    for (const [field, value] of Object.entries(record)) {
      if (field === 'id' || field === 'type') continue;
      if (field === 'author') errors.push(...nameErrors(value, `${at}: author`));
      else if (field === 'issued') errors.push(...dateErrors(value, `${at}: issued`));
      else if (!STRING_FIELDS.includes(field)) errors.push(`${at}: ${field} is not a field this site emits`);
      else if (typeof value !== 'string') errors.push(`${at}: ${field} must be a string`);
    }
    if (record.id !== undefined && ids.has(record.id)) errors.push(`${at}: id ${JSON.stringify(record.id)} is used twice`);
    ids.add(record.id);
  });
  return errors;
}
