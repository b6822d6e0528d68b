/**
 * Extra sections of the bench report, one line each: a name and a function that returns
 * figures (label → value) for one size. They run after the size's build, with its seeds and
 * output, and appear under their name in docs/benchmarks.md. For example:
 *
 *   { name: 'Topic quality', figures: topicQualityFigures },   // from ./quality.ts
 */
export interface SectionContext {
  /** Papers asked of synth.py. */
  papers: number;
  /** The synthetic list (one synth.py file) and its folder. */
  synthFile: string;
  seedsDir: string;
  /** The project's built site. */
  outDir: string;
}

export type Figures = Record<string, string | number>;

export interface BenchSection {
  name: string;
  figures: (context: SectionContext) => Figures | Promise<Figures>;
}

export const SECTIONS: BenchSection[] = [];
