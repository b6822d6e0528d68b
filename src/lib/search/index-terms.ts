/**
 * Extra words for the search index, so that a reader finds a paper by the names it goes by
 * rather than only by the words it happens to use:
 *
 * - acronyms and their long forms, learnt from the whole list (the corpus glossary of
 *   src/lib/text/analysis/acronyms.ts, the same one topics and related papers use): once any
 *   abstract says "reinforcement learning from human feedback (RLHF)", a paper that only says
 *   "RLHF" is also found by "human feedback", and one that only spells it out by "RLHF";
 * - the parts of compound names in titles: "OpenVLA" → "Open VLA", "HybridFlow" → "Hybrid Flow".
 *
 * Hyphen variants need nothing here: Pagefind indexes "in-context" as "in", "context" and
 * "incontext", and the client turns hyphens in queries into spaces (see query.ts).
 * The pipeline computes these words once per paper (`Paper.searchTerms`); the paper page puts
 * them in a `hidden` element inside its indexed body, so they are searchable but neither shown
 * nor read out.
 */
import type { PaperText } from '../types.ts';
import { compareStrings } from '../compare.ts';
import type { Glossary } from '../text/analysis/acronyms.ts';
import { compoundParts } from '../text/analysis/compounds.ts';
import { tokenize, type Token } from '../text/tokenize.ts';

/** The extra search words of a paper, by where they come from (the title's are weighted like the title). */
export interface SearchTerms {
  title: string;
  abstract: string;
}

/** Lower case, every run of non-letters/digits (hyphens too) as one space. */
export function plainWords(text: string): string {
  return tokenize(text)
    .map((token) => token.lower)
    .join(' ');
}

/** A glossary's acronyms by their long forms (as plain words), for finding long forms in a text. */
export class SearchGlossary {
  readonly glossary: Glossary;
  readonly acronymsByLongForm = new Map<string, string[]>();
  /**
   * The first word of every long form, and that word with an "s" (a lone-word long form in the
   * plural), with the most words of a long form it starts: a text's other words start none.
   */
  readonly firstWords = new Map<string, number>();
  /** Each long form with an "s" (in the plural) → the long form. */
  readonly pluralLongForms = new Map<string, string>();
  /** Each acronym's long forms as plain words, sorted as the glossary lists them. */
  private readonly plainLongForms = new Map<string, string[]>();

  constructor(glossary: Glossary) {
    this.glossary = glossary;
    const firstWords = new Map<string, number>();
    for (const acronym of glossary.acronyms()) {
      for (const longForm of this.longForms(acronym)) {
        this.acronymsByLongForm.set(longForm, [...(this.acronymsByLongForm.get(longForm) ?? []), acronym]);
        this.pluralLongForms.set(`${longForm}s`, longForm);
        const words = longForm.split(' ');
        firstWords.set(words[0]!, Math.max(firstWords.get(words[0]!) ?? 0, words.length));
      }
    }
    // A word that is a first word as it stands counts as such, not as another's plural.
    for (const [word, longest] of firstWords) this.firstWords.set(`${word}s`, longest);
    for (const [word, longest] of firstWords) this.firstWords.set(word, longest);
  }

  /** `glossary.longForms(acronym)` as plain words (worked out once: every paper using the acronym asks). */
  longForms(acronym: string): string[] {
    let longForms = this.plainLongForms.get(acronym);
    if (longForms === undefined) {
      longForms = this.glossary.longForms(acronym).map(plainWords);
      this.plainLongForms.set(acronym, longForms);
    }
    return longForms;
  }
}

/** Acronyms a text uses as a word or a part of a compound ("OpenVLA"), plural included, singular as written. */
function acronymsUsed(tokens: readonly Token[], glossary: Glossary): Set<string> {
  const used = new Set<string>();
  const consider = (word: string) => {
    if (glossary.has(word)) used.add(word);
    if (word.endsWith('s') && glossary.has(word.slice(0, -1))) used.add(word.slice(0, -1));
  };
  for (const token of tokens) {
    // An acronym has two capitals at least (acronyms.ts): a word without capitals is none, nor are its parts.
    if (token.text === token.lower) continue;
    consider(token.text);
    for (const part of compoundParts(token.text)) consider(part);
  }
  return used;
}

/** Long forms a text contains as whole words (or with a plural "s" on the last word). */
function longFormsUsed(words: readonly string[], index: SearchGlossary): Set<string> {
  const used = new Set<string>();
  for (let start = 0; start < words.length; start++) {
    const first = words[start]!;
    // A long form starts with one of its first words, or is that word in the plural.
    const longest = index.firstWords.get(first);
    if (longest === undefined) continue;
    let phrase = '';
    for (let end = start; end < Math.min(words.length, start + longest); end++) {
      phrase = end === start ? words[end]! : `${phrase} ${words[end]}`;
      if (index.acronymsByLongForm.has(phrase)) used.add(phrase);
      const singular = index.pluralLongForms.get(phrase);
      if (singular !== undefined) used.add(singular);
    }
  }
  return used;
}

/**
 * The extra words for one text (a title or an abstract): compound parts of its own words
 * (titles only), then long forms of the acronyms it uses and acronyms of the long forms it
 * uses, leaving out what the text already says. Deterministic order, no duplicates.
 */
export function extraTerms(text: string, index: SearchGlossary, { compounds = false } = {}): string[] {
  return extraTermsOf(tokenize(text), index, compounds);
}

function extraTermsOf(tokens: readonly Token[], index: SearchGlossary, compounds: boolean): string[] {
  const terms: string[] = [];
  if (compounds) {
    for (const token of tokens) {
      const parts = compoundParts(token.text);
      if (parts.length > 0) terms.push(parts.join(' '));
    }
  }
  const acronyms = acronymsUsed(tokens, index.glossary);
  const longForms = longFormsUsed(
    tokens.map((token) => token.lower),
    index,
  );
  const relevant = new Set([...acronyms, ...[...longForms].flatMap((longForm) => index.acronymsByLongForm.get(longForm)!)]);
  for (const acronym of [...relevant].sort(compareStrings)) {
    const hasAcronym = acronyms.has(acronym);
    for (const longForm of index.longForms(acronym)) {
      const hasLongForm = longForms.has(longForm);
      if (hasAcronym && !hasLongForm) terms.push(longForm);
      if (hasLongForm && !hasAcronym) terms.push(acronym);
    }
  }
  return [...new Set(terms)];
}

/** The extra search words of a paper, split by where they come from so the title's can be weighted like the title. */
export function paperSearchTerms(paper: Pick<PaperText, 'title' | 'abstract'>, index: SearchGlossary): SearchTerms {
  const titleTokens = tokenize(paper.title);
  const title = extraTermsOf(titleTokens, index, true);
  const titleWords = ` ${titleTokens.map((token) => token.lower).join(' ')} `;
  const abstract = extraTerms(paper.abstract ?? '', index).filter(
    (term) => !title.includes(term) && !titleWords.includes(` ${plainWords(term)} `),
  );
  return { title: title.join(', '), abstract: abstract.join(', ') };
}
