/**
 * Why two papers are related, in a few words: the strongest features they share, spelled as
 * the corpus writes them ("rectified flow", "OpenVLA"), before shared topics and authors.
 */
import type { AnalysedCorpus } from '../text/analysis/corpus.ts';
import { writtenParts } from '../text/analysis/compounds.ts';
import { Spellings } from '../text/analysis/spelling.ts';
import { CONNECTORS } from '../text/analysis/units.ts';
import { compareStrings } from '../compare.ts';
import type { FeatureVector, PaperFeatures } from './features.ts';

/** Shared terms contributing less than this share of the strongest one are not shown. */
const WEAK_REASON_SHARE = 0.3;

/**
 * Up to `limit` shared features, strongest first. A pair ("rectifi flow") is credited with its
 * own contribution plus that of its words, then hides every feature sharing a word with it.
 */
export function sharedFeatures(features: PaperFeatures, a: FeatureVector, b: FeatureVector, limit: number): number[] {
  const contributions = new Map<number, number>();
  for (let i = 0, j = 0; i < a.features.length && j < b.features.length;) {
    const fa = a.features[i]!;
    const fb = b.features[j]!;
    if (fa === fb) contributions.set(fa, a.weights[i++]! * b.weights[j++]!);
    else if (fa < fb) i++;
    else j++;
  }
  const candidates = [...contributions].map(([feature, contribution]) => {
    const words = features.stemsOf(feature);
    let credit = contribution;
    if (words.length > 1) for (const word of words) credit += contributions.get(word) ?? 0;
    return { feature, words, credit };
  });
  candidates.sort((x, y) => y.credit - x.credit || x.feature - y.feature);
  const chosen: number[] = [];
  const covered = new Set<number>();
  const strongest = candidates[0]?.credit ?? 0;
  for (const { feature, words, credit } of candidates) {
    // A reason far weaker than the strongest ("carefully", "idea") explains nothing.
    if (chosen.length >= limit || credit < WEAK_REASON_SHARE * strongest) break;
    // Each word is shown once: "class incremental" hides "incremental learning".
    if (words.some((word) => covered.has(word))) continue;
    for (const word of words) covered.add(word);
    chosen.push(feature);
  }
  return chosen;
}

/** A stem key for a feature: its stems joined by spaces. */
function featureKey(corpus: AnalysedCorpus, stems: readonly number[]): string {
  return corpus.vocabulary.key(stems);
}

/**
 * How the corpus writes the given features, from one pass over the units: a word as written
 * (a compound's part: "VLA"), a pair with what stands between its words ("vision-language",
 * "learning from play"). Acronyms' long forms have no written form and are not counted.
 */
export function spellFeatures(corpus: AnalysedCorpus, features: PaperFeatures, needed: Iterable<number>): Map<number, string> {
  const keys = new Map<string, number>();
  for (const feature of needed) keys.set(featureKey(corpus, features.stemsOf(feature)), feature);
  const spellings = new Spellings();
  const wanted = new Uint8Array(corpus.vocabulary.size);
  for (const key of keys.keys()) for (const stem of key.split(' ')) wanted[corpus.vocabulary.find(stem)] = 1;
  for (const paper of corpus.papers) {
    for (const field of [paper.title, paper.abstract]) {
      let previous: { stem: number; text: string; unit: number } | null = null;
      let connector: string | null = null;
      for (let unit = 0; unit < field.length; unit++) {
        const written = field.surface(unit);
        const stems = field.rawStems.get(unit) ?? Array.from(field.stems.subarray(field.stemOffsets[unit]!, field.stemOffsets[unit + 1]!));
        const parts = writtenParts(written);
        if (field.breaksBefore(unit) || parts.length !== stems.length) {
          previous = null;
          connector = null;
          if (parts.length !== stems.length) continue;
        }
        const joiner = written.includes('-') ? '-' : '';
        stems.forEach((stem, i) => {
          const text = parts[i]!;
          if (wanted[stem] === 1) {
            const single = featureKey(corpus, [stem]);
            if (keys.has(single)) spellings.add(single, text);
            if (previous !== null) {
              const stemsOfPair =
                connector === null ? [previous.stem, stem] : [previous.stem, corpus.vocabulary.find(connector.toLowerCase()), stem];
              const pair = featureKey(corpus, stemsOfPair);
              if (keys.has(pair)) {
                const gap = previous.unit === unit ? joiner : ' ';
                spellings.add(
                  pair,
                  connector === null ? `${previous.text}${gap}${text}` : `${previous.text}${gap}${connector}${gap}${text}`,
                );
              }
            }
          }
          if (corpus.contentStems[stem] === 1) {
            previous = { stem, text, unit };
            connector = null;
          } else if (previous !== null && connector === null && CONNECTORS.has(corpus.vocabulary.stems[stem]!)) {
            connector = text;
          } else {
            previous = null;
            connector = null;
          }
        });
      }
    }
  }
  const spelled = new Map<number, string>();
  for (const [key, feature] of [...keys].sort((x, y) => compareStrings(x[0], y[0]))) spelled.set(feature, spellings.best(key) ?? key);
  return spelled;
}
