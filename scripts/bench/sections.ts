/**
 * Extra sections of the bench report, one line each: a name and a function that returns
 * figures (label → value) for one size. They run after the size's build, with its seeds and
 * output, and appear under their name in docs/benchmarks.md. For example:
 *
 *   { name: 'Topic quality', figures: topicQualityFigures },   // from ./quality.ts
 */
import { benchParse } from './parse.ts';
import { measureQuality, QUALITY_GOALS } from './quality.ts';

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

/** Agreement with the judgement sets (issue 13's goals: 95% on the seeds, 90% on the other lists). */
function qualityFigures(): Figures {
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
  return Object.fromEntries(
    measureQuality().flatMap((result) => {
      const goal = percent(result.list === 'seeds' ? QUALITY_GOALS.seeds : QUALITY_GOALS.others);
      return [
        [
          `${result.list}: related papers, precision@5 (goal ${goal})`,
          `${percent(result.related.share)} (${result.related.agreed}/${result.related.total})`,
        ],
        [
          `${result.list}: topic pairs agreed (goal ${goal})`,
          `${percent(result.topics.share)} (${result.topics.agreed}/${result.topics.total})`,
        ],
      ];
    }),
  );
}

export const SECTIONS: BenchSection[] = [
  { name: 'Related papers and topics against the judgement sets', figures: qualityFigures },
  { name: 'Parsing structured seeds', figures: parseFigures },
];
