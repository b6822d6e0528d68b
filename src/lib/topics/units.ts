/**
 * Units: the words of a field with hyphenated compounds glued together ("few-shot",
 * "Vision-Language-Action") and defined acronyms standing for their long forms. Key phrases
 * start and end on unit boundaries, so "Language Models" is never found inside
 * "Vision-Language Models", and "VLA models" reads as "vision language action model".
 */
import type { Word } from './analyse.ts';
import { isGenericTerm } from '../text/stopwords.ts';
import { hasMarkedCase } from './naming.ts';

export interface Unit {
  /** Stems this unit stands for (a defined acronym: its long form). */
  stems: readonly string[];
  /** `stems` joined by spaces. */
  key: string;
  /** `stems` as ids in the corpus vocabulary. */
  stemIds: readonly number[];
  /** Stems as written, when they differ from `stems` (an expanded acronym); else null. */
  rawStems: readonly string[] | null;
  /** Words as written, hyphen-joined. */
  surface: string;
  /** A lone stop word ("of", "the"). */
  stop: boolean;
  /** A stop word that may sit inside a key phrase ("learning from demonstrations"). */
  connector: boolean;
  /** Only generic academic words ("novel", "results"): may not start or end a key phrase. */
  generic: boolean;
  /** A number or a single letter: may not start or end a key phrase. */
  minor: boolean;
  breakBefore: boolean;
  /** Written like a name: camel case or all capitals, or capitalised mid-sentence in running text. */
  named: boolean;
  /** Capitalised only because it starts a sentence or sits in a title: its case says nothing. */
  caseUninformative: boolean;
  expanded: boolean;
}

/** Stop words allowed inside a key phrase. */
const CONNECTORS: ReadonlySet<string> = new Set(['of', 'from', 'for', 'in', 'on', 'with', 'to', 'via', 'by']);
const MINOR = /^(?:\p{N}+|\p{L})$/u;

/** Stem → id, shared by a corpus. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly stems: string[] = [];

  id(stem: string): number {
    let id = this.ids.get(stem);
    if (id === undefined) {
      id = this.stems.length;
      this.ids.set(stem, id);
      this.stems.push(stem);
    }
    return id;
  }

  get size(): number {
    return this.stems.length;
  }
}

/** Groups words into units. `inTitle`: title case says nothing about a word being a name. */
export function toUnits(words: readonly Word[], inTitle: boolean, vocabulary: Vocabulary): Unit[] {
  const units: Unit[] = [];
  let group: Word[] = [];
  const close = () => {
    if (group.length > 0) units.push(makeUnit(group, inTitle, vocabulary));
    group = [];
  };
  for (const word of words) {
    if (!word.hyphenated) close();
    group.push(word);
  }
  close();
  return units;
}

function makeUnit(words: readonly Word[], inTitle: boolean, vocabulary: Vocabulary): Unit {
  const first = words[0]!;
  const single = words.length === 1 ? first : null;
  const expanded = words.some((word) => word.expansion !== undefined);
  const stems = single !== null ? (single.expansion ?? [single.stem]) : words.flatMap((word) => word.expansion ?? [word.stem]);
  // Most words are plain lowercase: skip the case analysis for them.
  const marked = words.some((word) => word.surface !== word.lower && hasMarkedCase(word.surface));
  const capitalised = first.surface !== first.lower && /^\p{Lu}/u.test(first.surface);
  const caseUninformative = !marked && (inTitle || first.sentenceStart);
  return {
    stems,
    key: stems.join(' '),
    stemIds: stems.map((stem) => vocabulary.id(stem)),
    rawStems: expanded ? words.map((word) => word.stem) : null,
    surface: single !== null ? single.surface : words.map((word) => word.surface).join('-'),
    stop: single !== null && single.stop && !expanded,
    connector: single !== null && single.stop && CONNECTORS.has(single.lower),
    generic: !expanded && words.every((word) => word.stop || isGenericTerm(word.stem)),
    minor: !expanded && words.every((word) => MINOR.test(word.lower)),
    breakBefore: first.breakBefore,
    named: marked || (capitalised && !caseUninformative),
    caseUninformative,
    expanded,
  };
}
