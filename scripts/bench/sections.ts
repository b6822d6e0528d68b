/**
 * Extra sections of the bench report, one line each: a name and a function that returns
 * figures (label → value) for one size. They run after the size's build, with its seeds and
 * output, and appear under their name in docs/benchmarks.md. For example:
 *
 *   { name: 'Topic quality', figures: topicQualityFigures },   // from ./quality.ts
 */
import { benchParse } from './parse.ts';

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

/** Parsing 100,000 structured seed entries (issue 11's target: under 5 s), independent of the list size. */
function parseFigures(): Figures {
  const figures = benchParse(100_000);
  return {
    ...Object.fromEntries(
      figures.formats.map((f) => [`${f.format}: ${f.entries.toLocaleString('en')} entries (CPU)`, `${(f.cpuMs / 1000).toFixed(2)} s`]),
    ),
    'merge (wall)': `${(figures.mergeMs / 1000).toFixed(2)} s`,
    'parse and merge, 100,000 entries (wall)': `${(figures.totalMs / 1000).toFixed(2)} s`,
    'parse and merge (CPU)': `${(figures.totalCpuMs / 1000).toFixed(2)} s`,
  };
}

export const SECTIONS: BenchSection[] = [{ name: 'Parsing structured seeds', figures: parseFigures }];
