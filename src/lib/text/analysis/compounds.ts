/**
 * Compound names written as one word: "OpenVLA" is Open + VLA, "HybridFlow" Hybrid + Flow,
 * "MegaBERT" Mega + BERT. Related papers and the learned term similarity read such a word as
 * its parts (so "MegaBERT" shares "BERT" with "BERT-Large", as a hyphen already splits that
 * one), and search indexes the parts ("Open VLA").
 */

const HYPHEN = /[-‐‑‒–]/u;

/**
 * "OpenVLA" → ["Open", "VLA"]; "ARFlow" → ["AR", "Flow"]; plain words, acronyms, plurals of
 * acronyms and names like "ReAct", "MoDE" or "LLaMA" (a part with one small letter is no
 * word) → [].
 */
export function compoundParts(word: string): string[] {
  // Split before a capital that follows a small letter, and between an acronym and a word
  // ("ARFlow"), but not before a plural "s" ("LLMs") nor around digits ("GPT4", "L2S").
  const parts = word.split(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll}{2,})/u);
  if (parts.length < 2) return [];
  const isPart = (part: string) => part.length >= 2 && !/^\p{Lu}\p{Ll}$/u.test(part) && !/^\p{Lu}+\p{Ll}$/u.test(part);
  return parts.every(isPart) ? parts : [];
}

/** The written words of a unit: its hyphen parts, each split into its compound parts ("Mamba-FSCIL", "OpenVLA"). */
export function writtenParts(unit: string): string[] {
  return unit.split(HYPHEN).flatMap((part) => {
    const parts = compoundParts(part);
    return parts.length > 0 ? parts : [part];
  });
}
