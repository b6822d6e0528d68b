/**
 * Extra words for the search index, so that a reader finds a paper by the names it goes by
 * rather than only by the words it happens to use:
 *
 * - acronyms and their long forms, learnt from the whole list: once any abstract says
 *   "reinforcement learning from human feedback (RLHF)", a paper that only says "RLHF" is also
 *   found by "human feedback", and one that only spells it out is also found by "RLHF";
 * - the parts of compound names in titles: "OpenVLA" → "Open VLA", "HybridFlow" → "Hybrid Flow".
 *
 * Hyphen variants need nothing here: Pagefind indexes "in-context" as "in", "context" and
 * "incontext", and the client turns hyphens in queries into spaces (see query.ts).
 * The paper page puts these words in a `hidden` element inside its indexed body, so they are
 * searchable but neither shown nor read out.
 */
import { tokenize, type Token } from '../text/tokenize.ts';

export interface SearchableText {
  title: string;
  abstract: string | null;
}

/** Acronym (singular, as written: "LLM", "CoT") → its long forms, lower case, hyphens as spaces. */
export type Glossary = ReadonlyMap<string, readonly string[]>;

const SKIPPABLE = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'via', 'with']);
const MAX_LETTERS = 10;

/** "VLA", "LLMs", "ILfO", "CoT": 2+ capitals, at least as many capitals as small letters. */
export function looksLikeAcronym(word: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9]{1,11}$/.test(word)) return false;
  const body = singular(word);
  const upper = body.replace(/[^A-Z]/g, '').length;
  const lower = body.replace(/[^a-z]/g, '').length;
  return upper >= 2 && upper >= lower;
}

/** "LLMs" → "LLM"; "RLHF" stays. */
const singular = (acronym: string) => (acronym.length > 2 && /[A-Z0-9]s$/.test(acronym) ? acronym.slice(0, -1) : acronym);

/** Lower case, every run of non-letters/digits (hyphens too) as one space. */
export function plainWords(text: string): string {
  return tokenize(text)
    .map((token) => token.lower)
    .join(' ');
}

/** Letters a word may stand for: its initial, or the initials of its camel-case parts ("PreTraining" → "pt"). */
function contributions(word: string): string[] {
  const initial = word.charAt(0).toLowerCase();
  const camel = (word.match(/^.|(?<=\p{Ll})\p{Lu}/gu) ?? []).join('').toLowerCase();
  return camel.length > 1 ? [initial, camel] : [initial];
}

/**
 * The words before an acronym that its letters are the initials of, or null.
 * `words` end right before the parenthesis; small words ("of", "from") may be skipped.
 */
function matchLongForm(letters: string, words: readonly Token[]): Token[] | null {
  const match = (letterIndex: number, wordIndex: number, mustConsume: boolean): number => {
    if (letterIndex < 0) return wordIndex + 1;
    if (wordIndex < 0) return -1;
    const word = words[wordIndex]!;
    for (const part of contributions(word.text)) {
      const from = letterIndex - part.length + 1;
      if (from < 0 || letters.slice(from, letterIndex + 1) !== part) continue;
      const start = match(from - 1, wordIndex - 1, false);
      if (start >= 0) return start;
    }
    if (!mustConsume && SKIPPABLE.has(word.lower)) return match(letterIndex, wordIndex - 1, false);
    return -1;
  };
  const start = match(letters.length - 1, words.length - 1, true);
  return start < 0 ? null : words.slice(start);
}

/** Definitions in a text: "… in-context learning (ICL)" → ["ICL", "in context learning"]. */
export function acronymDefinitions(text: string): [acronym: string, longForm: string][] {
  const found: [string, string][] = [];
  for (const match of text.matchAll(/\(\s*([A-Za-z][A-Za-z0-9]{1,11})\s*\)/g)) {
    const acronym = singular(match[1]!);
    if (!looksLikeAcronym(match[1]!)) continue;
    const letters = acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
    if (letters.length < 2 || letters.length > MAX_LETTERS) continue;
    // The long form lies within the same clause: stop at the previous punctuation.
    const before =
      text
        .slice(0, match.index)
        .split(/[.,;:!?()[\]{}"“”]/)
        .pop() ?? '';
    const words = tokenize(before).slice(-(2 * letters.length + 2));
    const longForm = matchLongForm(letters, words);
    if (longForm) found.push([acronym, longForm.map((w) => w.lower).join(' ')]);
  }
  return found;
}

/** Every acronym defined anywhere in the list, with every long form it is defined with (sorted). */
export function buildGlossary(papers: readonly SearchableText[]): Glossary {
  const forms = new Map<string, Set<string>>();
  for (const paper of papers) {
    for (const [acronym, longForm] of acronymDefinitions(`${paper.title}. ${paper.abstract ?? ''}`)) {
      forms.set(acronym, (forms.get(acronym) ?? new Set()).add(longForm));
    }
  }
  const sorted = [...forms.keys()].sort();
  return new Map(sorted.map((acronym) => [acronym, [...forms.get(acronym)!].sort()]));
}

/** "OpenVLA" → ["Open", "VLA"]; "ARFlow" → ["AR", "Flow"]; plain words and "LLMs" → []. */
export function compoundParts(word: string): string[] {
  // Split before a capital that follows a small letter, and between an acronym and a word
  // ("ARFlow"), but not before a plural "s" ("LLMs") nor around digits ("GPT4", "L2S").
  const parts = word.split(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll}{2,})/u);
  return parts.length > 1 && parts.every((part) => part.length >= 2) ? parts : [];
}

/** Lookups over a glossary, built once per glossary, so a text costs time in its own length only. */
interface GlossaryIndex {
  acronymsByLongForm: Map<string, string[]>;
  /** The first word of every long form, with the most words of a long form it starts: a text's other words start none. */
  firstWords: Map<string, number>;
}

const glossaryIndexes = new WeakMap<Glossary, GlossaryIndex>();

function indexGlossary(glossary: Glossary): GlossaryIndex {
  let index = glossaryIndexes.get(glossary);
  if (!index) {
    const acronymsByLongForm = new Map<string, string[]>();
    const firstWords = new Map<string, number>();
    for (const [acronym, longForms] of glossary) {
      for (const longForm of longForms) {
        acronymsByLongForm.set(longForm, [...(acronymsByLongForm.get(longForm) ?? []), acronym]);
        const words = longForm.split(' ');
        firstWords.set(words[0]!, Math.max(firstWords.get(words[0]!) ?? 0, words.length));
      }
    }
    glossaryIndexes.set(glossary, (index = { acronymsByLongForm, firstWords }));
  }
  return index;
}

/** Acronyms a text uses as a word or a part of a compound ("OpenVLA"), plural included, singular as written. */
function acronymsUsed(tokens: readonly Token[], glossary: Glossary): Set<string> {
  const used = new Set<string>();
  const consider = (word: string) => {
    if (glossary.has(word)) used.add(word);
    if (word.endsWith('s') && glossary.has(word.slice(0, -1))) used.add(word.slice(0, -1));
  };
  for (const token of tokens) {
    consider(token.text);
    // Only a word with a capital letter has compound parts.
    if (token.text !== token.lower) for (const part of compoundParts(token.text)) consider(part);
  }
  return used;
}

/** Long forms a text contains as whole words (or with a plural "s" on the last word). */
function longFormsUsed(words: readonly string[], index: GlossaryIndex): Set<string> {
  const used = new Set<string>();
  for (let start = 0; start < words.length; start++) {
    const first = words[start]!;
    // A long form starts with one of its first words, or is that word in the plural.
    const longest = index.firstWords.get(first) ?? (first.endsWith('s') ? index.firstWords.get(first.slice(0, -1)) : undefined);
    if (longest === undefined) continue;
    let phrase = '';
    for (let end = start; end < Math.min(words.length, start + longest); end++) {
      phrase = end === start ? words[end]! : `${phrase} ${words[end]}`;
      if (index.acronymsByLongForm.has(phrase)) used.add(phrase);
      if (phrase.endsWith('s') && index.acronymsByLongForm.has(phrase.slice(0, -1))) used.add(phrase.slice(0, -1));
    }
  }
  return used;
}

/**
 * The extra words for one text (a title or an abstract): compound parts of its own words
 * (titles only), then long forms of the acronyms it uses and acronyms of the long forms it
 * uses, leaving out what the text already says. Deterministic order, no duplicates.
 */
export function extraTerms(text: string, glossary: Glossary, { compounds = false } = {}): string[] {
  const tokens = tokenize(text);
  const terms: string[] = [];
  if (compounds) {
    for (const token of tokens) {
      const parts = compoundParts(token.text);
      if (parts.length > 0) terms.push(parts.join(' '));
    }
  }
  const index = indexGlossary(glossary);
  const acronyms = acronymsUsed(tokens, glossary);
  const longForms = longFormsUsed(
    tokens.map((t) => t.lower),
    index,
  );
  const relevant = new Set([...acronyms, ...[...longForms].flatMap((longForm) => index.acronymsByLongForm.get(longForm)!)]);
  for (const acronym of [...relevant].sort()) {
    const hasAcronym = acronyms.has(acronym);
    for (const longForm of glossary.get(acronym)!) {
      const hasLongForm = longForms.has(longForm);
      if (hasAcronym && !hasLongForm) terms.push(longForm);
      if (hasLongForm && !hasAcronym) terms.push(acronym);
    }
  }
  return [...new Set(terms)];
}

const glossaries = new WeakMap<readonly SearchableText[], Glossary>();

/**
 * The extra search words of a paper, split by where they come from so the title's can be
 * weighted like the title. The glossary is built once per list of papers.
 */
export function paperSearchTerms(paper: SearchableText, papers: readonly SearchableText[]): { title: string; abstract: string } {
  let glossary = glossaries.get(papers);
  if (!glossary) glossaries.set(papers, (glossary = buildGlossary(papers)));
  const title = extraTerms(paper.title, glossary, { compounds: true });
  const titleWords = ` ${plainWords(paper.title)} `;
  const abstract = extraTerms(paper.abstract ?? '', glossary).filter(
    (term) => !title.includes(term) && !titleWords.includes(` ${plainWords(term)} `),
  );
  return { title: title.join(', '), abstract: abstract.join(', ') };
}
