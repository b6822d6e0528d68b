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
const STRING_FIELDS = ['citation-key', 'title', 'abstract', 'URL', 'keyword', 'note'];

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
      if (!STRING_FIELDS.includes(field)) errors.push(`${at}: ${field} is not a field this site emits`);
      else if (typeof value !== 'string') errors.push(`${at}: ${field} must be a string`);
    }
    if (record.id !== undefined && ids.has(record.id)) errors.push(`${at}: id ${JSON.stringify(record.id)} is used twice`);
    ids.add(record.id);
  });
  return errors;
}
