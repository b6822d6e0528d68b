/**
 * Phrases that recur in titles of every field but name no subject: "artificial intelligence"
 * in an AI corpus, "latent space", "real world", "data collection", "large scale". They pass
 * every statistical test a real topic passes (title use, repeated mentions, enough papers), so
 * corpus statistics cannot tell them apart on a small corpus: this short list is the last
 * resort. It is deliberately small, of umbrella fields and generic settings or resources only;
 * domain phrases that are merely frequent ("language models") do not belong here.
 *
 * Such a phrase never names a topic and is never shown as a key term; nor is a phrase that
 * starts with one ("real-world robots", "state-of-the-art distillation": the rest says it
 * better), nor one whose head is a generic noun ("manipulation tasks", "a reinforcement
 * learning perspective": the modifier says it all).
 */
import { normalizePhrase } from '../text/tokenize.ts';

const GENERIC_PHRASES = [
  // Umbrella fields: in a corpus of the field they say nothing.
  'artificial intelligence',
  'machine learning',
  'deep learning',
  'neural network',
  'neural networks',
  // Settings, scales and resources every empirical paper has.
  'latent space',
  'real world',
  'real time',
  'large scale',
  'data collection',
  'training data',
  'computational efficiency',
  'computational cost',
  'state of the art',
  'open source',
  'high quality',
  'wide range',
  'case study',
  'empirical study',
  'order of magnitude',
  'orders of magnitude',
  'SOTA',
];

/** Nouns that head phrases of every subject: the words before them carry the meaning. */
const GENERIC_HEADS = [
  'task',
  'tasks',
  'perspective',
  'perspectives',
  'era',
  'survey',
  'overview',
  'recipe',
  'insight',
  'insights',
  'lesson',
  'lessons',
  'paradigm',
  'paradigms',
  'setting',
  'settings',
  'scenario',
  'scenarios',
  'capability',
  'capabilities',
  'abilities',
];

const GENERIC_KEYS: ReadonlySet<string> = new Set(GENERIC_PHRASES.map(normalizePhrase));
const GENERIC_HEAD_STEMS: ReadonlySet<string> = new Set(GENERIC_HEADS.map(normalizePhrase));

/**
 * Is this key (stems joined by spaces, as `normalizePhrase` gives) a generic academic phrase,
 * a phrase starting with one, or a phrase headed by a generic noun?
 */
export function isGenericPhrase(key: string): boolean {
  if (GENERIC_KEYS.has(key)) return true;
  const stems = key.split(' ');
  if (stems.length > 1 && GENERIC_HEAD_STEMS.has(stems[stems.length - 1]!)) return true;
  for (let length = 2; length < stems.length; length++) if (GENERIC_KEYS.has(stems.slice(0, length).join(' '))) return true;
  return false;
}
