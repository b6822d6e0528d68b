/**
 * How the corpus writes particular words: the usual form of a stem ("demonstr" →
 * "demonstrations") and the capitals to keep ("llms" → "LLMs", "chatgpt" → "ChatGPT").
 * Computed only for the few words a page shows, by one scan over the units that hold them.
 */
import { stem } from '../text/stem.ts';
import type { Corpus } from './corpus.ts';
import { mostFrequent } from './corpus.ts';
import { hasMarkedCase } from './naming.ts';
import type { Field } from './units.ts';

const HYPHEN = /[-‐‑‒–]/u;
/** Occurrences of a word read to find its usual form. */
const FORM_SAMPLE = 200;

/** Does unit i have a wanted stem (as written or, for an acronym, in its long form)? */
function holdsWanted(field: Field, i: number, wanted: Uint8Array): boolean {
  for (let s = field.stemOffsets[i]!; s < field.stemOffsets[i + 1]!; s++) if (wanted[field.stems[s]!] === 1) return true;
  const raw = field.isExpanded(i) ? field.rawStems.get(i) : undefined;
  return raw !== undefined && raw.some((id) => wanted[id] === 1);
}

/** Calls `visit(part, stemId, inTitle)` for each written word whose stem id is wanted. */
function forEachWantedWord(
  corpus: Corpus,
  wanted: Uint8Array,
  visit: (part: string, stemId: number, inTitle: boolean) => void,
  unitFilter: (field: Field, unit: number) => boolean = () => true,
): void {
  const scan = (field: Field, inTitle: boolean) => {
    for (let i = 0; i < field.length; i++) {
      if (!unitFilter(field, i) || !holdsWanted(field, i, wanted)) continue;
      // Written words line up with the raw stems (an expanded acronym) or the stems.
      const ids = field.rawStems.get(i) ?? field.stemIds(i);
      const parts = field.surface(i).split(HYPHEN);
      if (parts.length !== ids.length) continue;
      ids.forEach((id, j) => {
        if (wanted[id] === 1) visit(parts[j]!, id, inTitle);
      });
    }
  };
  for (const paper of corpus.papers) {
    scan(paper.title, true);
    scan(paper.abstract, false);
  }
}

function wantedIds(corpus: Corpus, stems: Iterable<string>): Uint8Array {
  const wanted = new Uint8Array(corpus.vocabulary.size);
  for (const stemmed of stems) {
    const id = corpus.vocabulary.find(stemmed);
    if (id >= 0) wanted[id] = 1;
  }
  return wanted;
}

/**
 * Stem → its most frequent lowercase form, for the given stems. The first occurrences (in
 * paper order) decide: a word's usual form shows long before the end of a large corpus.
 */
export function stemForms(corpus: Corpus, stems: Iterable<string>): Map<string, string> {
  const counts = new Map<number, Map<string, number>>();
  const seen = new Int32Array(corpus.vocabulary.size);
  const wanted = wantedIds(corpus, stems);
  forEachWantedWord(corpus, wanted, (part, id) => {
    if (++seen[id]! >= FORM_SAMPLE) wanted[id] = 0;
    const forms = counts.get(id) ?? new Map<string, number>();
    const lower = part.toLowerCase();
    forms.set(lower, (forms.get(lower) ?? 0) + 1);
    counts.set(id, forms);
  });
  return new Map([...counts].map(([id, forms]) => [corpus.vocabulary.stems[id]!, mostFrequent(forms)!]));
}

/**
 * The capitals to keep for the given lowercase words: the marked form ("LLMs") when running
 * text uses it at least half the time. Titles capitalise everything, so they decide only for
 * words running text never uses. Only units flagged as names are read as text; plain
 * occurrences are counted by stem id.
 */
export function casingFor(corpus: Corpus, lowerWords: Iterable<string>): Map<string, string> {
  const words = new Set(lowerWords);
  const wanted = wantedIds(
    corpus,
    [...words].map((word) => stem(word)),
  );
  const runningTotals = new Int32Array(corpus.vocabulary.size);
  const runningForms = new Map<string, Map<string, number>>();
  const titleForms = new Map<string, Map<string, number>>();
  const tally = (forms: Map<string, Map<string, number>>, lower: string, part: string) => {
    const counts = forms.get(lower) ?? new Map<string, number>();
    counts.set(part, (counts.get(part) ?? 0) + 1);
    forms.set(lower, counts);
  };
  // Running-text occurrences by stem (an acronym's long form counts too: close enough here).
  for (const paper of corpus.papers) {
    for (const id of paper.abstract.stems) if (wanted[id] === 1) runningTotals[id]!++;
    for (const raw of paper.abstract.rawStems.values()) for (const id of raw) if (wanted[id] === 1) runningTotals[id]!++;
  }
  forEachWantedWord(
    corpus,
    wanted,
    (part, _id, inTitle) => {
      const lower = part.toLowerCase();
      if (words.has(lower) && hasMarkedCase(part)) tally(inTitle ? titleForms : runningForms, lower, part);
    },
    (field, i) => field.isNamed(i),
  );
  const casing = new Map<string, string>();
  for (const word of words) {
    const id = corpus.vocabulary.find(stem(word));
    const total = id >= 0 ? runningTotals[id]! : 0;
    const forms = total > 0 ? runningForms.get(word) : titleForms.get(word);
    const best = forms !== undefined ? mostFrequent(forms) : null;
    if (best === null) continue;
    if (total === 0 || forms!.get(best)! * 2 >= total) casing.set(word, best);
  }
  return casing;
}
