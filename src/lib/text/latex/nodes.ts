/** The mdast nodes the LaTeX cleaner adds, and the types its scanner modules share. */
import type { Parent, PhrasingContent } from 'mdast';

/** A subscript: rendered as `<sub>` through `data.hName`. */
export interface Subscript extends Parent {
  type: 'subscript';
  children: PhrasingContent[];
  data: { hName: 'sub' };
}

/** A superscript: rendered as `<sup>` through `data.hName`. */
export interface Superscript extends Parent {
  type: 'superscript';
  children: PhrasingContent[];
  data: { hName: 'sup' };
}

declare module 'mdast' {
  interface PhrasingContentMap {
    subscript: Subscript;
    superscript: Superscript;
  }
  interface RootContentMap {
    subscript: Subscript;
    superscript: Superscript;
  }
}

/** As in LaTeX: *text* outside `$…$` (conservative: mostly prose), *math* inside (LaTeX rules). */
export type Mode = 'text' | 'math';

/**
 * Scans a piece of the source (a group, an argument, a math span) one nesting level deeper.
 * The scanner hands it to the pieces that read nested content, so the depth travels with the
 * call instead of living in a module-level counter.
 */
export type ScanNested = (source: string, mode: Mode) => PhrasingContent[];
