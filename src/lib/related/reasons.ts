/**
 * Why two papers are related, in a few words: the strongest features they share, spelled as
 * the corpus writes them ("rectified flow", "OpenVLA"), before shared topics and authors.
 */
import type { AnalysedCorpus } from '../text/analysis/corpus.ts';
import type { Field } from '../text/analysis/units.ts';
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
  const shared: number[] = [];
  const contributions: number[] = [];
  for (let i = 0, j = 0; i < a.features.length && j < b.features.length;) {
    const fa = a.features[i]!;
    const fb = b.features[j]!;
    if (fa === fb) {
      shared.push(fa);
      contributions.push(a.weights[i++]! * b.weights[j++]!);
    } else if (fa < fb) i++;
    else j++;
  }
  // Shared features are in ascending order: a pair's words (smaller ids) are found by binary search.
  const contributionOf = (feature: number) => {
    let low = 0;
    let high = shared.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (shared[middle] === feature) return contributions[middle]!;
      if (shared[middle]! < feature) low = middle + 1;
      else high = middle - 1;
    }
    return 0;
  };
  const candidates = shared.map((feature, slot) => {
    const words = features.stemsOf(feature);
    let credit = contributions[slot]!;
    if (words.length > 1) for (const word of words) credit += contributionOf(word);
    return { feature, words, credit };
  });
  // Ties by the features' words: feature ids move when a new paper brings new words.
  candidates.sort((x, y) => y.credit - x.credit || compareStrings(features.keyOf(x.feature), features.keyOf(y.feature)));
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

/**
 * How two papers write the features given as the reasons they are related: `needed[paper]`
 * lists the features to read in that paper (those of every reason shown for a pair it is part
 * of), and a reason is shown as the two papers of its pair write it most often: a word as
 * written (a compound's part: "VLA"), a pair with what stands between its words
 * ("vision-language", "learning from play"). Spelt from its own two papers, a reason does not
 * change when other papers are added to the list. Acronyms' long forms have no written form and
 * are not counted (such a feature gets no spelling). Each paper is read once, and only its units
 * holding a wanted word are read as text.
 */
export function spellFeatures(
  corpus: AnalysedCorpus,
  features: PaperFeatures,
  needed: readonly (readonly number[])[],
): (a: number, b: number, feature: number) => string | null {
  const spellings = new Spellings();
  // wantedBy[stem] = the paper being read when one of its wanted features has that stem.
  const wantedBy = new Int32Array(corpus.vocabulary.size).fill(-1);
  for (const paper of corpus.papers) {
    const own = new Set(needed[paper.index] ?? []);
    if (own.size === 0) continue;
    for (const feature of own) for (const stem of features.stemsOf(feature)) wantedBy[stem] = paper.index;
    const wanted = (stem: number) => wantedBy[stem] === paper.index;
    const add = (feature: number, text: string) => {
      if (own.has(feature)) spellings.add(`${paper.index} ${feature}`, text);
    };
    spellIn(paper.title, wanted, corpus, features, add);
    spellIn(paper.abstract, wanted, corpus, features, add);
  }
  // A feature never written out (only through an acronym's long form) has nothing to show.
  return (a, b, feature) => spellings.bestOf([`${a} ${feature}`, `${b} ${feature}`]);
}

/** Reads one field for spellings of wanted words and pairs (see `spellFeatures`). */
function spellIn(
  field: Field,
  wanted: (stem: number) => boolean,
  corpus: AnalysedCorpus,
  features: PaperFeatures,
  add: (feature: number, text: string) => void,
): void {
  let previous = -1;
  let previousText = '';
  let previousUnit = -1;
  let connector = -1;
  let connectorText = '';
  for (let unit = 0; unit < field.length; unit++) {
    const raw = field.isExpanded(unit) ? field.rawStems.get(unit)! : null;
    const from = field.stemOffsets[unit]!;
    const count = raw === null ? field.stemOffsets[unit + 1]! - from : raw.length;
    const stemAt = (i: number) => (raw === null ? field.stems[from + i]! : raw[i]!);
    let holdsWanted = false;
    for (let i = 0; i < count && !holdsWanted; i++) holdsWanted = wanted(stemAt(i));
    if (field.breaksBefore(unit)) previous = -1;
    if (!holdsWanted) {
      // Such a unit only ends a pair in progress (or is the connector of one).
      if (count === 1 && previous >= 0 && connector < 0 && field.isConnector(unit)) {
        connector = stemAt(0);
        connectorText = field.surface(unit);
      } else {
        previous = -1;
      }
      continue;
    }
    const written = field.surface(unit);
    const parts = writtenParts(written);
    if (parts.length !== count) {
      previous = -1;
      continue;
    }
    const joiner = written.includes('-') ? '-' : '';
    for (let i = 0; i < count; i++) {
      const stem = stemAt(i);
      const text = parts[i]!;
      if (wanted(stem)) {
        add(stem, text);
        if (previous >= 0) {
          const gap = previousUnit === unit ? joiner : ' ';
          add(
            features.pairFeature(previous, connector, stem),
            connector < 0 ? `${previousText}${gap}${text}` : `${previousText}${gap}${connectorText}${gap}${text}`,
          );
        }
      }
      if (corpus.contentStems[stem] === 1) {
        previous = stem;
        previousText = text;
        previousUnit = unit;
        connector = -1;
      } else if (previous >= 0 && connector < 0 && CONNECTORS.has(corpus.vocabulary.stems[stem]!)) {
        connector = stem;
        connectorText = text;
      } else {
        previous = -1;
      }
    }
  }
}
