/**
 * Finds given key phrases in a field's units: a trie over stems, walked from every unit.
 * A match starts and ends on unit boundaries and never crosses punctuation. A defined acronym
 * matches both as its long form and as written (so a curator's alias "VLA" works too).
 */
import type { Field } from '../text/analysis/units.ts';
import type { Vocabulary } from '../text/analysis/vocabulary.ts';

interface TrieNode {
  /** By stem id. */
  children: Map<number, TrieNode>;
  /** The key that ends here, if any. */
  key: string | null;
}

/** Receives each occurrence: the phrase key, its first and last unit, and whether it used an acronym's long form. */
type OnMatch = (key: string, start: number, end: number, expanded: boolean) => void;

export class PhraseMatcher {
  private readonly root: TrieNode = { children: new Map(), key: null };
  /** By stem id, 1 for the first stems of keys: most units start none, and are passed over at once. */
  private readonly firstStems: Uint8Array;

  /** Keys with a stem the corpus never uses cannot match and are left out. */
  constructor(keys: Iterable<string>, vocabulary: Vocabulary) {
    for (const key of keys) this.add(key, vocabulary);
    this.firstStems = new Uint8Array(vocabulary.size);
    for (const id of this.root.children.keys()) this.firstStems[id] = 1;
  }

  private add(key: string, vocabulary: Vocabulary): void {
    const stems = key.split(' ').filter((stem) => stem !== '');
    if (stems.length === 0) return;
    const ids = stems.map((stem) => vocabulary.find(stem));
    if (ids.includes(-1)) return;
    let node = this.root;
    for (const id of ids) {
      let child = node.children.get(id);
      if (child === undefined) {
        child = { children: new Map(), key: null };
        node.children.set(id, child);
      }
      node = child;
    }
    node.key = key;
  }

  /**
   * Calls `onMatch(key, startUnit, endUnit)` for every occurrence (end inclusive). `expanded`
   * tells whether the match used an acronym's long form (its surface is then not the phrase).
   */
  scan(field: Field, onMatch: OnMatch): void {
    for (let start = 0; start < field.length; start++)
      if (this.mayStartAt(field, start)) this.walk(field, start, start, this.root, false, onMatch);
  }

  /** Might a key start at this unit: does its first stem, or its first stem as written (an acronym), start one? */
  private mayStartAt(field: Field, unit: number): boolean {
    const from = field.stemOffsets[unit]!;
    if (from === field.stemOffsets[unit + 1]! || this.firstStems[field.stems[from]!] === 1) return true;
    const raw = field.isExpanded(unit) ? field.rawStems.get(unit) : undefined;
    return raw !== undefined && (raw.length === 0 || this.firstStems[raw[0]!] === 1);
  }

  private walk(field: Field, start: number, at: number, node: TrieNode, expanded: boolean, onMatch: OnMatch): void {
    if (at >= field.length) return;
    if (at > start && field.breaksBefore(at)) return;
    // The unit as it stands (an acronym: its long form), then an acronym as written.
    let current: TrieNode | undefined = node;
    for (let s = field.stemOffsets[at]!; s < field.stemOffsets[at + 1]! && current !== undefined; s++)
      current = current.children.get(field.stems[s]!);
    if (current !== undefined) this.arrive(field, start, at, current, expanded || field.isExpanded(at), onMatch);
    const raw = field.isExpanded(at) ? field.rawStems.get(at) : undefined;
    if (raw !== undefined) {
      current = node;
      for (let s = 0; s < raw.length && current !== undefined; s++) current = current.children.get(raw[s]!);
      if (current !== undefined) this.arrive(field, start, at, current, expanded, onMatch);
    }
  }

  /** Reports a key ending at unit `at`, then goes on to the next unit. */
  private arrive(field: Field, start: number, at: number, node: TrieNode, expanded: boolean, onMatch: OnMatch): void {
    if (node.key !== null) onMatch(node.key, start, at, expanded);
    if (node.children.size > 0) this.walk(field, start, at + 1, node, expanded, onMatch);
  }
}
