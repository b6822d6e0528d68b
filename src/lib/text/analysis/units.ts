/**
 * Units: the words of a field with hyphenated compounds glued together ("few-shot",
 * "Vision-Language-Action") and defined acronyms standing for their long forms. Key phrases
 * start and end on unit boundaries, so "Language Models" is never found inside
 * "Vision-Language Models", and "VLA models" reads as "vision language action model".
 *
 * A corpus holds millions of units, so a field stores them as typed arrays (few objects for
 * the garbage collector to trace): stems as vocabulary ids, properties as bit flags, the
 * surface as offsets into the field's text.
 */
import { writtenParts } from './compounds.ts';
import type { Lexicon, Word } from './words.ts';
import { hasMarkedCase } from './title-case.ts';
import type { Vocabulary } from './vocabulary.ts';

/** A lone stop word ("of", "the"). */
const STOP = 1;
/** A stop word that may sit inside a key phrase ("learning from demonstrations"). */
const CONNECTOR = 2;
/** Only generic academic words ("novel", "results"): may not start or end a key phrase. */
const GENERIC = 4;
/** A number or a single letter: may not start or end a key phrase. */
const MINOR = 8;
/** Punctuation (or the start of the field) lies before it: no phrase crosses it. */
const BREAK_BEFORE = 16;
/** Written like a name: camel case or all capitals, or capitalised mid-sentence in running text. */
const NAMED = 32;
/** Capitalised only because it starts a sentence or sits in a title: its case says nothing. */
const CASE_UNINFORMATIVE = 64;
/** A defined acronym standing for its long form. */
const EXPANDED = 128;

/** Stop words allowed inside a key phrase (each is its own stem). */
export const CONNECTORS: ReadonlySet<string> = new Set(['of', 'from', 'for', 'in', 'on', 'with', 'to', 'via', 'by']);

/** The units of one field (title or abstract). Unit `i` is addressed by its index. */
export class Field {
  readonly length: number;
  /** Unit i's stems are stems[stemOffsets[i] .. stemOffsets[i + 1]). */
  readonly stemOffsets: Int32Array;
  readonly stems: Int32Array;
  readonly flags: Uint8Array;
  /** Where each unit is written in `text`. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly text: string;
  /** Stems as written of expanded acronyms (unit index → ids); their `stems` are the long form. */
  readonly rawStems: ReadonlyMap<number, readonly number[]>;

  private constructor(
    text: string,
    stemOffsets: Int32Array,
    stems: Int32Array,
    flags: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    rawStems: ReadonlyMap<number, readonly number[]>,
  ) {
    this.text = text;
    this.length = flags.length;
    this.stemOffsets = stemOffsets;
    this.stems = stems;
    this.flags = flags;
    this.starts = starts;
    this.ends = ends;
    this.rawStems = rawStems;
  }

  static fromUnits(text: string, units: readonly UnitParts[]): Field {
    const stemOffsets = new Int32Array(units.length + 1);
    let total = 0;
    units.forEach((unit, i) => {
      stemOffsets[i] = total;
      total += unit.stems.length;
    });
    stemOffsets[units.length] = total;
    const stems = new Int32Array(total);
    const flags = new Uint8Array(units.length);
    const starts = new Int32Array(units.length);
    const ends = new Int32Array(units.length);
    const raw = new Map<number, readonly number[]>();
    units.forEach((unit, i) => {
      stems.set(unit.stems, stemOffsets[i]!);
      flags[i] = unit.flags;
      starts[i] = unit.start;
      ends[i] = unit.end;
      if (unit.raw !== null) raw.set(i, unit.raw);
    });
    return new Field(text, stemOffsets, stems, flags, starts, ends, raw);
  }

  /** This field with some units' stems replaced (and flags changed); positions stay. */
  withStems(replaced: ReadonlyMap<number, { stems: readonly number[]; raw: readonly number[]; flags: number }>): Field {
    const stemOffsets = new Int32Array(this.length + 1);
    let total = 0;
    for (let i = 0; i < this.length; i++) {
      stemOffsets[i] = total;
      total += replaced.get(i)?.stems.length ?? this.stemCount(i);
    }
    stemOffsets[this.length] = total;
    const stems = new Int32Array(total);
    const flags = this.flags.slice();
    const raw = new Map(this.rawStems);
    for (let i = 0; i < this.length; i++) {
      const replacement = replaced.get(i);
      if (replacement === undefined) {
        stems.set(this.stems.subarray(this.stemOffsets[i]!, this.stemOffsets[i + 1]!), stemOffsets[i]!);
      } else {
        stems.set(replacement.stems, stemOffsets[i]!);
        flags[i] = replacement.flags;
        raw.set(i, replacement.raw);
      }
    }
    return new Field(this.text, stemOffsets, stems, flags, this.starts, this.ends, raw);
  }

  /** The unit as written ("Vision-Language-Action"). */
  surface(i: number): string {
    return this.text.slice(this.starts[i]!, this.ends[i]!);
  }

  stemCount(i: number): number {
    return this.stemOffsets[i + 1]! - this.stemOffsets[i]!;
  }

  /** Unit i's stem ids (a copy; loops over `stems` with `stemOffsets` avoid it). */
  stemIds(i: number): number[] {
    return Array.from(this.stems.subarray(this.stemOffsets[i]!, this.stemOffsets[i + 1]!));
  }

  isStop(i: number): boolean {
    return (this.flags[i]! & STOP) !== 0;
  }

  isConnector(i: number): boolean {
    return (this.flags[i]! & CONNECTOR) !== 0;
  }

  /** May a key phrase start or end on this unit (not a stop word, generic word or number)? */
  canBoundPhrase(i: number): boolean {
    return (this.flags[i]! & (STOP | GENERIC | MINOR)) === 0;
  }

  breaksBefore(i: number): boolean {
    return (this.flags[i]! & BREAK_BEFORE) !== 0;
  }

  isNamed(i: number): boolean {
    return (this.flags[i]! & NAMED) !== 0;
  }

  isCaseUninformative(i: number): boolean {
    return (this.flags[i]! & CASE_UNINFORMATIVE) !== 0;
  }

  isExpanded(i: number): boolean {
    return (this.flags[i]! & EXPANDED) !== 0;
  }

  /** Is unit i a content word a preceding phrase could modify ("real-world robots")? */
  isContentHead(i: number): boolean {
    return i < this.length && !this.breaksBefore(i) && this.canBoundPhrase(i);
  }
}

/** What a unit is made of, before it goes into a field's arrays. */
interface UnitParts {
  stems: number[];
  raw: number[] | null;
  flags: number;
  start: number;
  end: number;
}

/**
 * Groups a field's words into units. `inTitle`: title case says nothing about a word being a
 * name. A compound name stands for its parts' stems ("OpenVLA": open, vla), as a hyphenated
 * word does.
 */
export function toField(text: string, words: readonly Word[], inTitle: boolean, lexicon: Lexicon): Field {
  const units: UnitParts[] = [];
  let group: Word[] = [];
  const close = () => {
    if (group.length > 0) units.push(describeUnit(group, inTitle, lexicon));
    group = [];
  };
  for (const word of words) {
    if (!word.hyphenated) close();
    group.push(word);
  }
  close();
  return Field.fromUnits(text, units);
}

function describeUnit(words: readonly Word[], inTitle: boolean, lexicon: Lexicon): UnitParts {
  const first = words[0]!;
  const single = words.length === 1 ? first : null;
  // Most words are plain lowercase: skip the case analysis for them.
  const marked = words.some((word) => word.surface !== word.lower && hasMarkedCase(word.surface));
  const capitalised = first.surface !== first.lower && /^\p{Lu}/u.test(first.surface);
  const caseUninformative = !marked && (inTitle || first.sentenceStart);
  let flags = 0;
  if (single !== null && single.entry.stop) flags |= STOP;
  if (single !== null && single.entry.stop && CONNECTORS.has(single.lower)) flags |= CONNECTOR;
  if (words.every((word) => word.entry.stop || word.entry.generic)) flags |= GENERIC;
  if (words.every((word) => word.entry.minor)) flags |= MINOR;
  if (first.breakBefore) flags |= BREAK_BEFORE;
  if (marked || (capitalised && !caseUninformative)) flags |= NAMED;
  if (caseUninformative) flags |= CASE_UNINFORMATIVE;
  return {
    stems: marked
      ? words.flatMap((word) => lexicon.compound(word.surface)?.map((part) => part.stemId) ?? [word.entry.stemId])
      : words.map((word) => word.entry.stemId),
    raw: null,
    flags,
    start: first.start,
    end: words[words.length - 1]!.end,
  };
}

const TWO_CAPITALS = /\p{Lu}[^]*\p{Lu}/u;

/**
 * Lets defined acronyms stand for their long forms: a unit written "VLAs" or "Mamba-FSCIL"
 * gets the long form's stems (keeping the written ones as raw stems). Only units written with
 * marked capitals can be acronyms; a field without any comes back unchanged.
 */
export function expandAcronymsIn(
  field: Field,
  longFormOf: (written: string) => readonly string[] | undefined,
  vocabulary: Vocabulary,
): Field {
  const replaced = new Map<number, { stems: number[]; raw: number[]; flags: number }>();
  for (let i = 0; i < field.length; i++) {
    if (!field.isNamed(i)) continue;
    const written = field.surface(i);
    // An acronym has two capitals at least: most names ("Mamba", "Transformer") cannot hold one.
    if (!TWO_CAPITALS.test(written)) continue;
    const parts = writtenParts(written);
    if (parts.length !== field.stemCount(i)) continue;
    const longForms = parts.map(longFormOf);
    if (longForms.every((longForm) => longForm === undefined)) continue;
    const raw = field.stemIds(i);
    const stems = longForms.flatMap((longForm, j) =>
      longForm === undefined ? [raw[j]!] : longForm.map((stemmed) => vocabulary.id(stemmed)),
    );
    replaced.set(i, { stems, raw, flags: (field.flags[i]! & ~(STOP | GENERIC | MINOR)) | EXPANDED });
  }
  return replaced.size === 0 ? field : field.withStems(replaced);
}
