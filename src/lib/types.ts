/**
 * The data model shared by every stage of the pipeline (see README "Architecture").
 * Plain data only: these values are stored in Astro's content layer and serialised to JSON.
 */

/** Where a problem was found. `line` is 1-based; absent when the problem concerns a whole file. */
export interface Diagnostic {
  severity: 'warning' | 'error';
  file: string;
  line?: number;
  message: string;
}

/** One title (and maybe its abstract) as it stands in one seed file. */
export interface SeedRecord {
  title: string;
  abstract: string | null;
  /** The day line (`Jul 31`) the record appeared under, if any. */
  day: string | null;
  /** Seed file name, relative to the seeds directory. */
  file: string;
  /** Line of the title, 1-based. */
  line: number;
}

export interface PaperSource {
  file: string;
  line: number;
  day: string | null;
}

export type LinkKind = 'code' | 'project' | 'other';

export interface PaperLink {
  url: string;
  kind: LinkKind;
}

export interface RelatedPaper {
  id: string;
  score: number;
  /** A few words saying why: shared key terms or topics. */
  why: string[];
}

/** Minimal view of a paper that text-analysis stages (topics, related) work on. */
export interface PaperText {
  id: string;
  title: string;
  abstract: string | null;
}

export interface Paper extends PaperText {
  /** Position in the list: seed files by name, then line of first appearance. */
  position: number;
  /** The abstract as safe HTML (LaTeX leftovers cleaned, URLs linked), or null when missing. */
  abstractHtml: string | null;
  /** The cleaned abstract as plain text (LaTeX leftovers turned into Unicode), or null. */
  abstractText: string | null;
  /** Plain-text excerpt of the cleaned abstract, for lists and meta descriptions. */
  summary: string;
  sources: PaperSource[];
  /** Abstract problems worth showing a reader: missing, or conflicting copies. */
  abstractNote: 'missing' | 'conflict' | null;
  topics: string[];
  related: RelatedPaper[];
  links: PaperLink[];
  /** Acronyms, long forms and compound-name parts the paper goes by, for the search index (search/index-terms.ts). */
  searchTerms: { title: string; abstract: string };
}

export interface Topic {
  id: string;
  name: string;
  description?: string;
  /** Key terms shown on the topic list, most characteristic first. */
  keyTerms: string[];
  /** Paper ids, best first. */
  papers: string[];
  /** Related topic ids, most related first. */
  related: string[];
}
