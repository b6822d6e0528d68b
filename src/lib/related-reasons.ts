/**
 * Says in a few words why two papers are related, from `RelatedPaper.why` (shared terms, then
 * `topic:<id>` and `author:<name>` entries):
 * "shared terms: rectified flow, one-step; same topic: Rectified Flow; same author: A. Smith".
 */

const fold = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const TOPIC = 'topic:';
const AUTHOR = 'author:';

export function describeRelation(why: readonly string[], topicName: (id: string) => string): string {
  const topics = why.filter((w) => w.startsWith(TOPIC)).map((w) => topicName(w.slice(TOPIC.length)));
  const authors = why.filter((w) => w.startsWith(AUTHOR)).map((w) => w.slice(AUTHOR.length));
  // A term that is just the shared topic's name says the same thing twice.
  const terms = why
    .filter((w) => !w.startsWith(TOPIC) && !w.startsWith(AUTHOR))
    .filter((term) => !topics.some((name) => fold(name).includes(fold(term))));
  const parts = [];
  if (terms.length > 0) parts.push(`shared terms: ${terms.join(', ')}`);
  if (topics.length > 0) parts.push(`same topic: ${topics.join(', ')}`);
  if (authors.length > 0) parts.push(`same author${authors.length > 1 ? 's' : ''}: ${authors.join(', ')}`);
  return parts.join('; ');
}
