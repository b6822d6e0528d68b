/**
 * Finds given key phrases in a field's units: a trie over stems, walked from every unit.
 * A match starts and ends on unit boundaries and never crosses punctuation. A defined acronym
 * matches both as its long form and as written (so a curator's alias "VLA" works too).
 */
import type { Unit } from './units.ts';

interface TrieNode {
  children: Map<string, TrieNode>;
  /** The key that ends here, if any. */
  key: string | null;
}

export class PhraseMatcher {
  private readonly root: TrieNode = { children: new Map(), key: null };

  constructor(keys: Iterable<string>) {
    for (const key of keys) this.add(key);
  }

  private add(key: string): void {
    const stems = key.split(' ').filter((stem) => stem !== '');
    if (stems.length === 0) return;
    let node = this.root;
    for (const stem of stems) {
      let child = node.children.get(stem);
      if (child === undefined) {
        child = { children: new Map(), key: null };
        node.children.set(stem, child);
      }
      node = child;
    }
    node.key = key;
  }

  /**
   * Calls `onMatch(key, startUnit, endUnit)` for every occurrence (end inclusive). `expanded`
   * tells whether the match used an acronym's long form (its surface is then not the phrase).
   */
  scan(units: readonly Unit[], onMatch: (key: string, start: number, end: number, expanded: boolean) => void): void {
    for (let start = 0; start < units.length; start++) {
      this.walk(units, start, start, this.root, false, onMatch);
    }
  }

  private walk(
    units: readonly Unit[],
    start: number,
    at: number,
    node: TrieNode,
    expanded: boolean,
    onMatch: (key: string, start: number, end: number, expanded: boolean) => void,
  ): void {
    if (at >= units.length) return;
    const unit = units[at]!;
    if (at > start && unit.breakBefore) return;
    this.follow(units, start, at, node, unit.stems, expanded || unit.expanded, onMatch);
    if (unit.rawStems !== null) this.follow(units, start, at, node, unit.rawStems, expanded, onMatch);
  }

  /** Follows one reading of the unit at `at` down the trie, then goes on to the next unit. */
  private follow(
    units: readonly Unit[],
    start: number,
    at: number,
    node: TrieNode,
    stems: readonly string[],
    expanded: boolean,
    onMatch: (key: string, start: number, end: number, expanded: boolean) => void,
  ): void {
    let current: TrieNode | undefined = node;
    for (let i = 0; i < stems.length && current !== undefined; i++) current = current.children.get(stems[i]!);
    if (current === undefined) return;
    if (current.key !== null) onMatch(current.key, start, at, expanded);
    if (current.children.size > 0) this.walk(units, start, at + 1, current, expanded, onMatch);
  }
}
