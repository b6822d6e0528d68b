/**
 * Says in a few words why two papers are related, from `RelatedPaper.why`
 * (shared terms, then `topic:<id>` entries): "rectified flow, one-step; same topic: Rectified Flow".
 */

const fold = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export function describeRelation(why: readonly string[], topicName: (id: string) => string): string {
  const topics = why.filter((w) => w.startsWith('topic:')).map((w) => topicName(w.slice('topic:'.length)));
  // A term that is just the shared topic's name says the same thing twice.
  const terms = why.filter((w) => !w.startsWith('topic:')).filter((term) => !topics.some((name) => fold(name).includes(fold(term))));
  const parts = [];
  if (terms.length > 0) parts.push(`shared terms: ${terms.join(', ')}`);
  if (topics.length > 0) parts.push(`same topic: ${topics.join(', ')}`);
  return parts.join('; ');
}
