/**
 * The reader's own list, as plain data: which papers they marked read or saved, and what the
 * list looked like at their last visit. Kept in the browser under one storage key as versioned
 * JSON (see reader-list-storage.ts); pure functions here, no DOM, so they are unit-tested.
 */
import { compareStrings } from '../lib/compare.ts';

export const STATE_VERSION = 1;
/** A pause longer than this starts a new visit ("new since your last visit" moves on). */
export const VISIT_GAP_MS = 30 * 60 * 1000;
/** The `format` of exported files, so an import can tell ours from any other JSON. */
export const EXPORT_FORMAT = 'reading-list';

export type Mark = 'read' | 'saved';

/**
 * What /my-list/ shows for a paper, kept with its marks so that page needs no list of every
 * paper: the paper page that sets a mark writes it. Entries from before it was kept (or from
 * other tools' files) lack it until /my-list/ looks it up.
 */
export interface PaperInfo {
  title: string;
  /** BibTeX key, the same as on the paper page and in the site's .bib files. */
  key: string;
  /** Sorts in the order papers joined the list (see src/lib/export/added.ts). */
  added: string;
}

export interface PaperMarks extends Partial<PaperInfo> {
  read?: true;
  saved?: true;
}

const INFO_FIELDS = ['title', 'key', 'added'] as const;
const MAX_INFO_LENGTH = 1000;

/**
 * What the site held at the reader's last visit. Papers are compared by their added key (a
 * string that sorts in the order papers joined the list: `data-added` on list items): anything
 * added after the site's newest paper at the previous visit is new.
 */
export interface Visit {
  /** The site's newest added key at the previous visit; null during the first visit (nothing is new). */
  previous: string | null;
  /** The site's newest added key seen so far, this visit included. */
  current: string;
  /** When a page was last viewed (ms since the epoch). */
  lastSeen: number;
}

export interface ReaderState {
  version: typeof STATE_VERSION;
  /** Marks by paper id; papers with no mark are absent. */
  papers: Record<string, PaperMarks>;
  visit?: Visit;
}

export const emptyState = (): ReaderState => ({ version: STATE_VERSION, papers: {} });

export function hasMark(state: ReaderState, id: string, mark: Mark): boolean {
  return state.papers[id]?.[mark] === true;
}

/** A copy of the state with `mark` set or cleared for one paper (and its info, when given). */
export function setMark(state: ReaderState, id: string, mark: Mark, on: boolean, info?: PaperInfo): ReaderState {
  const marks: PaperMarks = { ...state.papers[id], ...info };
  if (on) marks[mark] = true;
  else delete marks[mark];
  const papers = { ...state.papers };
  if (marks.read || marks.saved) papers[id] = marks;
  else delete papers[id];
  return { ...state, papers };
}

/** A copy of the state with a marked paper's info filled in (unmarked papers stay absent). */
export function withInfo(state: ReaderState, id: string, info: PaperInfo): ReaderState {
  const marks = state.papers[id];
  if (!marks || INFO_FIELDS.every((field) => marks[field] === info[field])) return state;
  return { ...state, papers: { ...state.papers, [id]: { ...marks, ...info } } };
}

/** Marked papers that lack their info. */
export const idsWithoutInfo = (state: ReaderState): string[] =>
  Object.keys(state.papers).filter((id) => state.papers[id]!.title === undefined);

/**
 * Ids with `mark` (or any mark), in the site's order (the order papers joined the list);
 * papers without info last, by id.
 */
export function idsWith(state: ReaderState, mark: Mark | 'any'): string[] {
  const added = (id: string) => state.papers[id]?.added ?? '\uffff';
  return Object.keys(state.papers)
    .filter((id) => mark === 'any' || hasMark(state, id, mark))
    .sort((a, b) => compareStrings(added(a), added(b)) || compareStrings(a, b));
}

export class ImportError extends Error {}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const MAX_ID_LENGTH = 200;

/**
 * The marks in a parsed JSON value: stored state or an exported file (same `version` and
 * `papers`). Throws ImportError saying what is wrong, for the reader to see.
 */
export function readMarks(value: unknown): Record<string, PaperMarks> {
  if (!isObject(value)) throw new ImportError('This file does not hold a reading list (expected a JSON object).');
  if (value.format !== undefined && value.format !== EXPORT_FORMAT) {
    throw new ImportError(`This file is a "${String(value.format)}" file, not a reading list export.`);
  }
  if (value.version !== STATE_VERSION) {
    throw new ImportError(
      value.version === undefined
        ? 'This file does not say which version of the reading list format it uses.'
        : `This file uses version ${JSON.stringify(value.version)} of the reading list format; this site reads version ${STATE_VERSION}.`,
    );
  }
  if (!isObject(value.papers)) throw new ImportError('This file has no "papers" list.');
  const papers: Record<string, PaperMarks> = {};
  for (const [id, marks] of Object.entries(value.papers)) {
    if (!id || id.length > MAX_ID_LENGTH) throw new ImportError(`This file has an invalid paper id "${id.slice(0, 40)}".`);
    if (!isObject(marks)) throw new ImportError(`The entry for "${id}" should be an object like {"read": true}.`);
    const result: PaperMarks = {};
    for (const mark of ['read', 'saved'] as const) {
      if (marks[mark] === undefined || marks[mark] === false) continue;
      if (marks[mark] !== true)
        throw new ImportError(`The entry for "${id}" has "${mark}": ${JSON.stringify(marks[mark])}; expected true or false.`);
      result[mark] = true;
    }
    for (const field of INFO_FIELDS) {
      const value = marks[field];
      if (value === undefined) continue;
      if (typeof value !== 'string' || value.length > MAX_INFO_LENGTH)
        throw new ImportError(`The entry for "${id}" has an invalid "${field}" (expected text).`);
      result[field] = value;
    }
    if (result.read || result.saved) papers[id] = result;
  }
  return papers;
}

function readVisit(value: unknown): Visit | undefined {
  if (!isObject(value)) return undefined;
  const { previous, current, lastSeen } = value;
  if ((previous !== null && typeof previous !== 'string') || typeof current !== 'string' || typeof lastSeen !== 'number') return undefined;
  return { previous, current, lastSeen };
}

/** The stored state from its JSON text; anything unreadable gives an empty state, never an error. */
export function parseState(text: string | null): ReaderState {
  if (!text) return emptyState();
  try {
    const value: unknown = JSON.parse(text);
    const state: ReaderState = { version: STATE_VERSION, papers: readMarks(value) };
    const visit = isObject(value) ? readVisit(value.visit) : undefined;
    return visit ? { ...state, visit } : state;
  } catch {
    return emptyState();
  }
}

export const serializeState = (state: ReaderState): string => JSON.stringify(state);

/** Parses an import file's text. Throws ImportError with a message for the reader. */
export function parseImport(text: string): Record<string, PaperMarks> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ImportError('This file is not valid JSON.');
  }
  return readMarks(value);
}

export interface MergeResult {
  state: ReaderState;
  /** Papers whose marks changed. */
  added: number;
  /** Ids in the file that are not on this site (left out). */
  unknown: string[];
}

/**
 * Imported marks merged into the state: marks are only ever added (a paper read in either list
 * stays read), and ids this site does not have are left out and reported. Paper info comes from
 * the site (`known`), not from the file.
 */
export function mergeMarks(state: ReaderState, imported: Record<string, PaperMarks>, known: ReadonlyMap<string, PaperInfo>): MergeResult {
  let next = state;
  let added = 0;
  const unknown: string[] = [];
  for (const id of Object.keys(imported).sort()) {
    const info = known.get(id);
    if (!info) {
      unknown.push(id);
      continue;
    }
    let changed = false;
    for (const mark of ['read', 'saved'] as const) {
      if (imported[id]![mark] && !hasMark(next, id, mark)) {
        next = setMark(next, id, mark, true, info);
        changed = true;
      }
    }
    if (changed) added++;
  }
  return { state: next, added, unknown };
}

/** The export file: marks and paper info (not the visit), with the format named. */
export function exportJson(state: ReaderState, site: string): string {
  // Fields in a fixed order, whatever order the stored entries have them in.
  const entry = (marks: PaperMarks) =>
    Object.fromEntries((['read', 'saved', ...INFO_FIELDS] as const).filter((f) => marks[f] !== undefined).map((f) => [f, marks[f]]));
  const papers = Object.fromEntries(
    Object.keys(state.papers)
      .sort()
      .map((id) => [id, entry(state.papers[id]!)]),
  );
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: STATE_VERSION, site, papers }, null, 2)}\n`;
}

/**
 * Records a page view at `now`, when the newest paper on the site has added key `siteNewest`,
 * and gives the horizon: papers with a key above it are new since the last visit (null: first
 * visit, nothing is new). A visit ends after VISIT_GAP_MS without page views; the next one
 * compares with the newest paper the site had then.
 */
export function recordVisit(state: ReaderState, siteNewest: string, now: number): { state: ReaderState; horizon: string | null } {
  const visit = state.visit;
  if (!visit) return { state: { ...state, visit: { previous: null, current: siteNewest, lastSeen: now } }, horizon: null };
  const newVisit = now - visit.lastSeen > VISIT_GAP_MS || now < visit.lastSeen;
  const previous = newVisit ? visit.current : visit.previous;
  const current = siteNewest > visit.current ? siteNewest : visit.current;
  return { state: { ...state, visit: { previous, current, lastSeen: now } }, horizon: previous };
}

/** Keys above the horizon are new; with no horizon (first visit) none is. */
export const isNew = (addedKey: string, horizon: string | null): boolean => horizon !== null && addedKey > horizon;
