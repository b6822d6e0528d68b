/**
 * Phrases that recur in titles of every field but name no subject: "artificial intelligence"
 * in an AI corpus, "latent space", "real world", "data collection", "large scale". They pass
 * every statistical test a real topic passes (title use, repeated mentions, enough papers), so
 * corpus statistics cannot tell them apart on a small corpus: this short list is the last
 * resort. It is deliberately small, of umbrella fields and generic settings or resources only;
 * domain phrases that are merely frequent ("language models") do not belong here.
 *
 * Such a phrase never names a topic and is never shown as a key term.
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
];

const GENERIC_KEYS: ReadonlySet<string> = new Set(GENERIC_PHRASES.map(normalizePhrase));

/** Is this key (stems joined by spaces, as `normalizePhrase` gives) a generic academic phrase? */
export function isGenericPhrase(key: string): boolean {
  return GENERIC_KEYS.has(key);
}
