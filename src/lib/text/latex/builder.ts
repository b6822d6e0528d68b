/** Collects the scanner's output as phrasing nodes, merging consecutive characters into one text node. */
import type { PhrasingContent, Text } from 'mdast';

/** Collects output: consecutive characters merge into one text node. */
export class PhrasingBuilder {
  readonly nodes: PhrasingContent[] = [];
  private pending = '';

  pushText(s: string): void {
    this.pending += s;
  }

  pushNodes(nodes: readonly PhrasingContent[]): void {
    for (const node of nodes) {
      if (node.type === 'text') this.pushText(node.value);
      else {
        this.flush();
        this.nodes.push(node);
      }
    }
  }

  /** The last character emitted, or '' if the last thing emitted was a node or nothing. */
  lastChar(): string {
    return this.pending.slice(-1);
  }

  /** The character before the last one, '' if none. */
  charBeforeLast(): string {
    return this.pending.slice(-2, -1);
  }

  /** The last `count` UTF-16 units of pending text. */
  tail(count: number): string {
    return this.pending.slice(-count);
  }

  /** Replace the last `count` UTF-16 units of pending text. */
  replaceTail(count: number, replacement: string): void {
    this.pending = this.pending.slice(0, this.pending.length - count) + replacement;
  }

  /** True when the last thing emitted is a non-text node (e.g. bold `x` before `_0`). */
  endsWithNode(): boolean {
    return this.pending === '' && this.nodes.length > 0 && this.nodes[this.nodes.length - 1]!.type !== 'text';
  }

  trimEndSpaces(): void {
    this.pending = this.pending.replace(/[ \u00a0]+$/, '');
  }

  finish(): PhrasingContent[] {
    this.flush();
    return this.nodes;
  }

  private flush(): void {
    if (this.pending !== '') {
      this.nodes.push({ type: 'text', value: this.pending } satisfies Text);
      this.pending = '';
    }
  }
}
