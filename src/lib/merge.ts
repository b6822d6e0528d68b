/**
 * Merges records from all seed files into papers: one paper per work, every record kept as a
 * source, fields merged one by one, disagreements reported, and a stable unique id for each paper.
 *
 * Identity: two records are one paper when they share the normalised arXiv id (version dropped),
 * or the case-folded DOI, or the folded title (case, accents, braces, TeX and white space
 * ignored); the relation is transitive, so a listing, a BibTeX entry with the same title and DOI,
 * and an arXiv entry with that DOI's paper id all meet in one paper.
 *
 * The id (the page's address) is a slug of the title alone, and the title comes from a text
 * listing when there is one, so a paper keeps its address when a later dump adds its ids.
 */
import type { Diagnostic, FieldConflict, PaperIdentity, PaperSource, SeedFormat, SeedRecord } from './types.ts';
import { assignSlugs } from './slug.ts';
import { compareStrings } from './compare.ts';
import { earlierDate, yearOf } from './seeds/dates.ts';
import { arxivIdOfDoi } from './seeds/ids.ts';

export interface MergedPaper extends PaperIdentity {
  id: string;
  title: string;
  abstract: string | null;
  abstractNote: 'missing' | 'conflict' | null;
  sources: PaperSource[];
  conflicts: FieldConflict[];
}

export interface MergeResult {
  /** Newest first where a publication date is known, then the others in order of first appearance. */
  papers: MergedPaper[];
  diagnostics: Diagnostic[];
  /** Records that were a repeat of a paper already listed. */
  duplicates: number;
}

/** ASCII without TeX, braces or `$`: only white space and case to fold (most titles). */
const PLAIN_TITLE = /^[^\\{}$\P{ASCII}]*$/u;
/** White space other than a single space: what `/\s+/g` would change (it also matches every lone space, for nothing). */
const UNFOLDED_SPACE = /[^\S ]\s*| \s+/g;

/**
 * The identity of a title: what two listings of the same paper share. Case, accents, TeX
 * commands, braces and runs of white space do not count; punctuation does.
 */
export function titleKey(title: string): string {
  if (PLAIN_TITLE.test(title)) return title.replace(UNFOLDED_SPACE, ' ').trim().toLowerCase();
  return title
    .replace(/\\[a-zA-Z]+\s*|\\./g, '')
    .replace(/[{}$]/g, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Abstracts that differ only in white space, case or braces are the same abstract (cheaper than titleKey: abstracts are long). */
const abstractKey = (abstract: string) => abstract.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

/** Which source to follow when sources disagree on an id or on the authors: the most authoritative first. */
const AUTHORITY: Record<SeedFormat, number> = { 'arxiv-atom': 0, 'hf-daily-papers': 1, 'csl-json': 2, bibtex: 3, listing: 4 };
/** For the venue and kind of publication: a curator's library knows where a paper appeared. */
const VENUE_AUTHORITY: Record<SeedFormat, number> = { 'csl-json': 0, bibtex: 1, 'arxiv-atom': 2, 'hf-daily-papers': 3, listing: 4 };

/** Records by file, then line; ties keep their order. Files are ranked once, so the sort compares numbers. */
function sortRecords(records: readonly SeedRecord[]): SeedRecord[] {
  const files = [...new Set(records.map((r) => r.file))].sort(compareStrings);
  const rank = new Map(files.map((file, i) => [file, i]));
  // Rank and line in one number (exact below 2^53: 2^21 files of up to 2^32 lines).
  const keys = records.map((r) => rank.get(r.file)! * 2 ** 32 + r.line);
  return records
    .map((_, i) => i)
    .sort((a, b) => keys[a] - keys[b])
    .map((i) => records[i]);
}

const where = (r: SeedRecord) => `${r.file}:${r.line}`;

/** Union-find over record indices. */
class Groups {
  private parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
  union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    // The earlier record stays the root, so groups keep the order of their first record.
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * What a record can be recognised by: its folded title, arXiv id and DOI (each compared only with
 * its own kind). An arXiv-minted DOI names the arXiv id.
 */
function identityKeys(record: SeedRecord): [title: string, arxiv: string | null, doi: string | null] {
  const arxivOfDoi = record.doi ? arxivIdOfDoi(record.doi) : null;
  return [titleKey(record.title), record.arxiv ?? arxivOfDoi, arxivOfDoi ? null : record.doi];
}

/** Records of one paper, sorted by file and line, merged field by field. */
/** A paper only one record names: its fields as they are (most papers of a large list). */
function singleRecord(record: SeedRecord, id: string, title: string): MergedPaper {
  const { abstract, authors, moreAuthors, date, doi, venue, kind, primaryClass, file, line, day, format } = record;
  return {
    id,
    title,
    abstract,
    abstractNote: abstract === null ? 'missing' : null,
    authors,
    ...(moreAuthors ? { moreAuthors } : {}),
    date,
    arxiv: record.arxiv ?? (doi && arxivIdOfDoi(doi)) ?? null,
    doi,
    venue,
    kind,
    primaryClass,
    sources: [{ file, line, day, format }],
    conflicts: [],
  };
}

function mergeGroup(group: SeedRecord[], id: string, title: string, diagnostics: Diagnostic[]): MergedPaper {
  if (group.length === 1) return singleRecord(group[0], id, title);
  const [first] = group;
  const byAuthority = (rank: Record<SeedFormat, number>) =>
    group.map((record, index) => ({ record, index })).sort((a, b) => rank[a.record.format] - rank[b.record.format] || a.index - b.index);
  const ranked = byAuthority(AUTHORITY);
  const conflicts: FieldConflict[] = [];
  const warnConflict = (what: string, conflict: FieldConflict) => {
    conflicts.push(conflict);
    const list = [conflict.kept, ...conflict.others.map((o) => o.value)];
    const at = [conflict.from, ...conflict.others.map((o) => o.from)].map((i) => where(group[i]));
    diagnostics.push({
      severity: 'warning',
      file: first.file,
      line: first.line,
      message: `"${title}": the sources give different ${what}: ${list.map((v, i) => `${v} (${at[i]})`).join(', ')}; followed ${at[0]}`,
    });
  };

  /** The value of the most authoritative source that has one; the others that differ are a conflict. */
  const pick = (field: 'arxiv' | 'doi', what: string, value: (r: SeedRecord) => string | null): string | null => {
    const given = ranked.flatMap(({ record, index }) => {
      const v = value(record);
      return v ? [{ value: v, from: index }] : [];
    });
    if (given.length === 0) return null;
    const [kept] = given;
    const others = given.filter((g, i) => g.value !== kept.value && given.findIndex((o) => o.value === g.value) === i);
    if (others.length > 0) warnConflict(what, { field, kept: kept.value, from: kept.from, others });
    return kept.value;
  };
  const arxiv = pick('arxiv', 'arXiv ids', (r) => r.arxiv ?? (r.doi && arxivIdOfDoi(r.doi)));
  // A journal's DOI is the paper's DOI; arXiv's own DOI only stands in when there is none.
  const doi = pick('doi', 'DOIs', (r) => (r.doi && !arxivIdOfDoi(r.doi) ? r.doi : null)) ?? group.find((r) => r.doi)?.doi ?? null;

  // The earliest date; differing years are worth a word (a preprint and its proceedings, or a mistake).
  const dated = group.map((record, index) => ({ date: record.date, index })).filter((d): d is { date: string; index: number } => !!d.date);
  const date = dated.reduce<string | null>((best, d) => (best ? earlierDate(best, d.date) : d.date), null);
  if (date) {
    const from = dated.find((d) => d.date === date)!.index;
    const years = dated.filter(
      (d, i) => yearOf(d.date) !== yearOf(date) && dated.findIndex((o) => yearOf(o.date) === yearOf(d.date)) === i,
    );
    if (years.length > 0) {
      warnConflict('years', {
        field: 'year',
        kept: yearOf(date),
        from,
        others: years.map((d) => ({ value: yearOf(d.date), from: d.index })),
      });
    }
  }

  // Authors from the richest source: the longest list, then the most authoritative.
  const authorSource = [...ranked].sort((a, b) => b.record.authors.length - a.record.authors.length)[0].record;
  const venueSource = byAuthority(VENUE_AUTHORITY).find(({ record }) => record.venue)?.record;
  const kindSource = venueSource ?? byAuthority(VENUE_AUTHORITY).find(({ record }) => record.kind)?.record;

  const withAbstract = group.filter((r) => r.abstract !== null);
  // Most complete = longest; ties go to the earliest listing (stable sort).
  const best = [...withAbstract].sort((a, b) => b.abstract!.length - a.abstract!.length)[0];
  // Keys only when the texts differ: most repeats of a paper carry the very same abstract.
  const spellings = new Set(withAbstract.map((r) => r.abstract));
  const distinct = new Map(spellings.size < 2 ? [] : withAbstract.map((r) => [abstractKey(r.abstract!), r] as const));
  let abstractNote: MergedPaper['abstractNote'] = best ? null : 'missing';
  if (distinct.size > 1) {
    abstractNote = 'conflict';
    const others = [...distinct.values()].filter((r) => r !== best).map(where);
    diagnostics.push({
      severity: 'warning',
      file: best.file,
      line: best.line,
      message: `"${title}" is listed with ${distinct.size} different abstracts (also at ${others.join(', ')}); kept the most complete one`,
    });
  }
  return {
    id,
    title,
    abstract: best?.abstract ?? null,
    abstractNote,
    authors: authorSource.authors,
    ...(authorSource.moreAuthors ? { moreAuthors: true } : {}),
    date,
    arxiv,
    doi,
    venue: venueSource?.venue ?? null,
    kind: kindSource?.kind ?? null,
    primaryClass: ranked.find(({ record }) => record.primaryClass)?.record.primaryClass ?? null,
    sources: group.map(({ file, line, day, format }) => ({ file, line, day, format })),
    conflicts,
  };
}

/**
 * The titles to make ids from, one per paper. Papers with one title are one paper, except where
 * a title has no identity (no letters or digits, "}": titleKey is empty), and two such papers may
 * share it; a repeat is numbered ("} 2") so that every paper still gets an id of its own.
 */
function distinctTitles(titles: readonly string[]): string[] {
  const used = new Set(titles);
  const seen = new Set<string>();
  return titles.map((title) => {
    if (!seen.has(title)) {
      seen.add(title);
      return title;
    }
    let n = 2;
    while (used.has(`${title} ${n}`)) n++;
    used.add(`${title} ${n}`);
    return `${title} ${n}`;
  });
}

export function mergeRecords(records: readonly SeedRecord[]): MergeResult {
  const sorted = sortRecords(records);
  const groups = new Groups(sorted.length);
  // The first record with each title, arXiv id and DOI.
  const owners = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  sorted.forEach((record, index) => {
    identityKeys(record).forEach((key, kind) => {
      if (!key) return;
      const other = owners[kind].get(key);
      if (other === undefined) owners[kind].set(key, index);
      else groups.union(other, index);
    });
  });
  const members = new Map<number, SeedRecord[]>();
  sorted.forEach((record, index) => {
    const root = groups.find(index);
    const list = members.get(root);
    if (list) list.push(record);
    else members.set(root, [record]);
  });

  const diagnostics: Diagnostic[] = [];
  // A listing's spelling names the paper (it was there first); otherwise the first record's.
  const titles = [...members.values()].map((group) => (group.find((r) => r.format === 'listing') ?? group[0]).title);
  const slugTitles = distinctTitles(titles);
  const ids = assignSlugs(slugTitles);
  const papers = [...members.values()].map((group, i) => mergeGroup(group, ids.get(slugTitles[i])!, titles[i], diagnostics));
  // Newest first where dates are known; papers of one date, and the undated ones after them, keep
  // the order they were listed in. Dates are few, so papers are gathered by date and only dates sorted.
  const byDate = new Map<string, MergedPaper[]>();
  const undated: MergedPaper[] = [];
  for (const paper of papers) {
    const list = paper.date ? byDate.get(paper.date) : undated;
    if (list) list.push(paper);
    else byDate.set(paper.date!, [paper]);
  }
  const newestFirst = [...byDate.keys()].sort((a, b) => compareStrings(b, a)).flatMap((date) => byDate.get(date)!);
  return { papers: [...newestFirst, ...undated], diagnostics, duplicates: records.length - papers.length };
}
