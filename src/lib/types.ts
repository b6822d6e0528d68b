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

/** The kinds of seed file the site reads (src/lib/seeds/), told apart by content. */
export type SeedFormat = 'listing' | 'hf-daily-papers' | 'arxiv-atom' | 'bibtex' | 'csl-json';

/** What kind of publication a source says a paper is, in BibTeX's terms (CSL types are mapped). */
export type PublicationKind = 'article' | 'inproceedings' | 'book' | 'incollection' | 'phdthesis' | 'techreport' | 'misc';

/** What a source says about a paper beyond its title and abstract; null or [] when it does not say. */
export interface PaperIdentity {
  /** Author names as written ("Bernhard Schölkopf"), in order. */
  authors: string[];
  /** Publication date, ISO 8601 and as precise as the source: `2013`, `2013-12` or `2013-12-19`. */
  date: string | null;
  /** Normalised arXiv id without version: `1312.5602`, `hep-th/9901001`. */
  arxiv: string | null;
  /** Case-folded DOI: `10.1038/nature14236`. */
  doi: string | null;
  /** Journal or conference, as the source names it. */
  venue: string | null;
  kind: PublicationKind | null;
  /** arXiv primary category (`cs.LG`). */
  primaryClass: string | null;
  /** The source cut its author list short ("and others"). */
  moreAuthors?: boolean;
}

/** One title (and maybe its abstract) as it stands in one seed file. */
export interface SeedRecord extends PaperIdentity {
  title: string;
  abstract: string | null;
  /**
   * The day the record was listed: a listing's day line (`Jul 31`), or the ISO day Hugging Face
   * featured it (`2024-06-14`); null when the source does not say.
   */
  day: string | null;
  /** Seed file path, relative to the seeds directory (`dumps/my-library.bib`). */
  file: string;
  /** Line where the record starts, 1-based. */
  line: number;
  format: SeedFormat;
  /** BibTeX key or CSL-JSON id, for messages. */
  key?: string;
}

export interface PaperSource {
  file: string;
  line: number;
  day: string | null;
  format: SeedFormat;
}

/** Two sources disagree on a field; the page and the build log say which one was followed. */
export interface FieldConflict {
  field: 'arxiv' | 'doi' | 'year' | 'title';
  /** The value kept, and the source (index into `sources`) it came from. */
  kept: string;
  from: number;
  /** The other values, each with the source that gave it. */
  others: { value: string; from: number }[];
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

export interface Paper extends PaperText, PaperIdentity {
  /** Position in the list: seed files by name, then line of first appearance. */
  position: number;
  /** The abstract as safe HTML (LaTeX leftovers cleaned, URLs linked), or null when missing. */
  abstractHtml: string | null;
  /** The cleaned abstract as plain text (LaTeX leftovers turned into Unicode), or null. */
  abstractText: string | null;
  /** Plain-text excerpt of the cleaned abstract, for lists and meta descriptions. */
  summary: string;
  sources: PaperSource[];
  /** Where the sources disagree (arXiv id, DOI, year…) and which one the page follows. */
  conflicts: FieldConflict[];
  /** Abstract problems worth showing a reader: missing, or conflicting copies. */
  abstractNote: 'missing' | 'conflict' | null;
  topics: string[];
  related: RelatedPaper[];
  links: PaperLink[];
  /** The paper's address before it changed (src/lib/slug.ts), which redirects here; absent when it never changed. */
  formerId?: string;
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
