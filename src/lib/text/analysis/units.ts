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

  /** A field from its units' arrays as `toField` collects them (taken as they are), with no expanded acronym. */
  static fromParts(parts: Pick<Field, 'text' | 'stemOffsets' | 'stems' | 'flags' | 'starts' | 'ends'>): Field {
    return new Field(parts.text, parts.stemOffsets, parts.stems, parts.flags, parts.starts, parts.ends, new Map());
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
        // A loop, not `set(subarray)`: a view per unit of every field with an acronym costs more than the copy.
        for (let from = this.stemOffsets[i]!, to = stemOffsets[i]!; from < this.stemOffsets[i + 1]!; from++, to++)
          stems[to] = this.stems[from]!;
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

/**
 * Groups a field's words into units. `inTitle`: title case says nothing about a word being a
 * name. A compound name stands for its parts' stems ("OpenVLA": open, vla), as a hyphenated
 * word does. (Every title and abstract passes here: units go straight into the field's arrays.)
 */
export function toField(text: string, words: readonly Word[], inTitle: boolean, lexicon: Lexicon): Field {
  let unitCount = 0;
  for (let i = 0; i < words.length; i++) if (i === 0 || !words[i]!.hyphenated) unitCount++;
  const stemOffsets = new Int32Array(unitCount + 1);
  const flags = new Uint8Array(unitCount);
  const starts = new Int32Array(unitCount);
  const ends = new Int32Array(unitCount);
  const stems: number[] = [];
  let unit = 0;
  for (let from = 0; from < words.length; unit++) {
    let to = from + 1;
    while (to < words.length && words[to]!.hyphenated) to++;
    stemOffsets[unit] = stems.length;
    flags[unit] = describeUnit(words, from, to, inTitle, lexicon, stems);
    starts[unit] = words[from]!.start;
    ends[unit] = words[to - 1]!.end;
    from = to;
  }
  stemOffsets[unitCount] = stems.length;
  return Field.fromParts({ text, stemOffsets, stems: Int32Array.from(stems), flags, starts, ends });
}

/** The flags of the unit made of words[from..to), whose stems it appends to `stems`. */
function describeUnit(words: readonly Word[], from: number, to: number, inTitle: boolean, lexicon: Lexicon, stems: number[]): number {
  const first = words[from]!;
  const single = to - from === 1;
  // Most words are plain lowercase: skip the case analysis for them.
  let marked = false;
  let generic = true;
  let minor = true;
  for (let i = from; i < to; i++) {
    const word = words[i]!;
    if (!marked && word.surface !== word.lower && hasMarkedCase(word.surface)) marked = true;
    if (!word.entry.stop && !word.entry.generic) generic = false;
    if (!word.entry.minor) minor = false;
  }
  const capitalised = first.surface !== first.lower && /^\p{Lu}/u.test(first.surface);
  const caseUninformative = !marked && (inTitle || first.sentenceStart);
  let flags = 0;
  if (single && first.entry.stop) flags |= STOP;
  if (single && first.entry.stop && CONNECTORS.has(first.lower)) flags |= CONNECTOR;
  if (generic) flags |= GENERIC;
  if (minor) flags |= MINOR;
  if (first.breakBefore) flags |= BREAK_BEFORE;
  if (marked || (capitalised && !caseUninformative)) flags |= NAMED;
  if (caseUninformative) flags |= CASE_UNINFORMATIVE;
  for (let i = from; i < to; i++) {
    const word = words[i]!;
    const parts = marked ? lexicon.compound(word.surface) : null;
    if (parts === null) stems.push(word.entry.stemId);
    else for (const part of parts) stems.push(part.stemId);
  }
  return flags;
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
