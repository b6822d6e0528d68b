/**
 * Acronyms defined in the text: "few-shot class-incremental learning (FSCIL)",
 * "Reinforcement Learning from Human Feedback (RLHF)", "Large Language Models (LLMs)".
 *
 * A definition is a parenthesised, mostly upper-case token whose letters are the initials of the
 * words just before it (hyphen parts count as words, stop words may be skipped, a camel-case
 * word may give several letters: "PreTraining" → P, T). Once defined anywhere in the corpus,
 * an acronym stands for its long form everywhere, so a paper that only says "FSCIL" still
 * counts for Few-Shot Class-Incremental Learning (topics, related papers) and is found by
 * "class-incremental" (search terms). This is the only acronym detector.
 */
import type { Word } from './words.ts';
import { compareStrings } from '../../compare.ts';

export interface AcronymDefinition {
  /** As written, without a plural "s": "LLM", "FSCIL". */
  acronym: string;
  /** Stems of the long form, stop words kept: ["reinforc", "learn", "from", "human", "feedback"]. */
  longForm: readonly string[];
  /** The long form's words in lower case, hyphens as spaces: "reinforcement learning from human feedback". */
  longFormText: string;
  /** Index of the acronym word in its field. */
  position: number;
}

const MAX_LETTERS = 10;

/** "VLA", "LLMs", "LfD", "MoE", "ILfO": 2+ capitals, capitals at least as many as other letters. */
export function looksLikeAcronym(surface: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9]{1,11}$/.test(surface)) return false;
  const body = singularAcronym(surface);
  const upper = body.replace(/[^A-Z]/g, '').length;
  const lower = body.replace(/[^a-z]/g, '').length;
  return upper >= 2 && upper >= lower;
}

/** Letters a word may stand for, most likely first: its initial, then its camel-case initials. */
function contributions(word: Word): string[] {
  const initial = word.surface.charAt(0).toLowerCase();
  const camel =
    word.surface
      .match(/^.|(?<=\p{Ll})\p{Lu}/gu)
      ?.join('')
      .toLowerCase() ?? initial;
  return camel.length > 1 ? [initial, camel] : [initial];
}

/**
 * Matches the letters of an acronym backwards against the words ending at `end` (exclusive).
 * Returns the index of the first word of the long form, or -1.
 */
function matchLongForm(letters: string, words: readonly Word[], end: number): number {
  const lowest = Math.max(0, end - 2 * letters.length - 2);
  const search = (letterIndex: number, wordIndex: number, mustConsume: boolean): number => {
    if (letterIndex < 0) return wordIndex + 1;
    if (wordIndex < lowest) return -1;
    const word = words[wordIndex]!;
    for (const letters_ of contributions(word)) {
      const from = letterIndex - letters_.length + 1;
      if (from < 0 || letters.slice(from, letterIndex + 1) !== letters_) continue;
      // The long form may not start with a lone stop word ("Few-Shot" is fine), nor cross punctuation.
      if (from === 0 && word.entry.stop && !words[wordIndex + 1]?.hyphenated) continue;
      if (from > 0 && word.breakBefore) continue;
      const start = search(from - 1, wordIndex - 1, false);
      if (start >= 0) return start;
    }
    if (word.entry.stop && !mustConsume && !word.breakBefore) return search(letterIndex, wordIndex - 1, false);
    return -1;
  };
  return search(letters.length - 1, end - 1, true);
}

/** Definitions in one field: an acronym word directly inside "(…)" after its long form. */
export function findAcronymDefinitions(words: readonly Word[], gaps: readonly string[]): AcronymDefinition[] {
  const definitions: AcronymDefinition[] = [];
  words.forEach((word, i) => {
    // Cheap tests first: most words are not in parentheses.
    if (i === 0 || !gaps[i]!.includes('(') || word.surface === word.lower) return;
    if (!/^\s*\(\s*$/.test(gaps[i]!) || !/^\s*\)/.test(gaps[i + 1] ?? '') || !looksLikeAcronym(word.surface)) return;
    for (const acronym of acronymReadings(word.surface)) {
      const letters = acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
      if (letters.length < 2 || letters.length > MAX_LETTERS) continue;
      const start = matchLongForm(letters, words, i);
      if (start < 0) continue;
      const longWords = words.slice(start, i);
      definitions.push({
        acronym,
        longForm: longWords.map((w) => w.entry.stem),
        longFormText: longWords.map((w) => w.lower).join(' '),
        position: i,
      });
      return;
    }
  });
  return definitions;
}

/** "LLMs" → "LLM"; "RLHF" stays. */
export function singularAcronym(surface: string): string {
  return surface.length > 2 && /[A-Z0-9]s$/.test(surface) ? surface.slice(0, -1) : surface;
}

/** "LLMs" may be the plural of "LLM" or an acronym ending in S: try the plural reading first. */
function acronymReadings(surface: string): string[] {
  const singular = singularAcronym(surface);
  return singular === surface ? [surface] : [singular, surface];
}

/** Long forms of one acronym: stems, text, and how many papers define it so. */
interface LongForm {
  stems: readonly string[];
  text: string;
  papers: number;
}

/**
 * Every acronym defined in a corpus with every long form it is defined with. Topics and
 * related papers read one meaning per acronym (`meaning`: the long form most papers use,
 * ties alphabetical); search terms list them all (`longForms`).
 */
export class Glossary {
  private readonly forms = new Map<string, Map<string, LongForm>>();
  private readonly meanings = new Map<string, readonly string[]>();

  constructor(definitionsByPaper: Iterable<readonly AcronymDefinition[]>) {
    for (const definitions of definitionsByPaper) {
      const seen = new Set<string>();
      for (const { acronym, longForm, longFormText } of definitions) {
        const key = longForm.join(' ');
        if (seen.has(`${acronym}\u0000${key}`)) continue;
        seen.add(`${acronym}\u0000${key}`);
        let forms = this.forms.get(acronym);
        if (forms === undefined) this.forms.set(acronym, (forms = new Map()));
        const form = forms.get(key) ?? { stems: longForm, text: longFormText, papers: 0 };
        form.papers++;
        forms.set(key, form);
      }
    }
    for (const acronym of this.acronyms()) {
      const [best] = [...this.forms.get(acronym)!.entries()].sort((a, b) => b[1].papers - a[1].papers || compareStrings(a[0], b[0]));
      this.meanings.set(acronym, best![1].stems);
    }
  }

  /** Defined acronyms (singular, as written), sorted. */
  acronyms(): string[] {
    return [...this.forms.keys()].sort(compareStrings);
  }

  has(acronym: string): boolean {
    return this.forms.has(acronym);
  }

  /** Stems of the long form most papers define the acronym with. */
  meaning(acronym: string): readonly string[] | undefined {
    return this.meanings.get(acronym);
  }

  /** Every long form of the acronym as lower-case text, sorted. */
  longForms(acronym: string): string[] {
    return [...new Set([...(this.forms.get(acronym)?.values() ?? [])].map((form) => form.text))].sort(compareStrings);
  }
}

/**
 * The long form a written word stands for, if it is a known acronym or its plural. The
 * paper's own definitions come first. Case-sensitive: "VLA" and "VLAs" expand, "vla" does not.
 */
export function acronymLookup(
  glossary: Glossary,
  own: ReadonlyMap<string, readonly string[]>,
): (written: string) => readonly string[] | undefined {
  const find = (acronym: string) => own.get(acronym) ?? glossary.meaning(acronym);
  return (written) => find(written) ?? (written.endsWith('s') ? find(written.slice(0, -1)) : undefined);
}
