/**
 * Merges records from all seed files into papers: one paper per title (compared after
 * trimming, folding white space and case), every listing kept as a source, the most complete
 * abstract kept, conflicts reported, and a stable unique id for each paper.
 */
import type { Diagnostic, PaperSource, SeedRecord } from './types.ts';
import { assignSlugs } from './slug.ts';
import { compareStrings } from './compare.ts';

export interface MergedPaper {
  id: string;
  title: string;
  abstract: string | null;
  abstractNote: 'missing' | 'conflict' | null;
  sources: PaperSource[];
}

export interface MergeResult {
  /** In order of first appearance (seed files by name, then line). */
  papers: MergedPaper[];
  diagnostics: Diagnostic[];
  /** Records that were a repeat of a paper already listed. */
  duplicates: number;
}

/** The identity of a title: what two listings of the same paper share. */
export function titleKey(title: string): string {
  return title.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Abstracts that differ only in white space or case are the same abstract. */
const abstractKey = titleKey;

function compareRecords(a: SeedRecord, b: SeedRecord): number {
  return compareStrings(a.file, b.file) || a.line - b.line;
}

const where = (r: SeedRecord) => `${r.file}:${r.line}`;

export function mergeRecords(records: readonly SeedRecord[]): MergeResult {
  const groups = new Map<string, SeedRecord[]>();
  for (const record of [...records].sort(compareRecords)) {
    const key = titleKey(record.title);
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }

  const diagnostics: Diagnostic[] = [];
  // The first listing's spelling names the paper; its id comes from that spelling.
  const ids = assignSlugs([...groups.values()].map((group) => group[0].title));
  const papers = [...groups.values()].map((group): MergedPaper => {
    const [first] = group;
    const withAbstract = group.filter((r) => r.abstract !== null);
    const distinct = new Map(withAbstract.map((r) => [abstractKey(r.abstract!), r]));
    // Most complete = longest; ties go to the earliest listing (stable sort).
    const best = [...withAbstract].sort((a, b) => b.abstract!.length - a.abstract!.length)[0];
    let abstractNote: MergedPaper['abstractNote'] = best ? null : 'missing';
    if (distinct.size > 1) {
      abstractNote = 'conflict';
      const others = [...distinct.values()].filter((r) => r !== best).map(where);
      diagnostics.push({
        severity: 'warning',
        file: best.file,
        line: best.line,
        message: `"${first.title}" is listed with ${distinct.size} different abstracts (also at ${others.join(', ')}); kept the most complete one`,
      });
    }
    return {
      id: ids.get(first.title)!,
      title: first.title,
      abstract: best?.abstract ?? null,
      abstractNote,
      sources: group.map(({ file, line, day }) => ({ file, line, day })),
    };
  });
  return { papers, diagnostics, duplicates: records.length - papers.length };
}
