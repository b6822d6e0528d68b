/**
 * The reader's own list, as plain data: which papers they marked read or saved, and what the
 * list looked like at their last visit. Kept in the browser under one storage key as versioned
 * JSON (src/scripts/reader-list-storage.ts); pure functions here, no DOM, so they are unit-tested.
 * Import and export files: transfer.ts.
 */
import { compareStrings } from '../compare.ts';
import { ImportError, describeValue, isRecord, ownValue, quote } from './untrusted.ts';

export const STATE_VERSION = 1;
/** A pause longer than this starts a new visit ("new since your last visit" moves on). */
export const VISIT_GAP_MS = 30 * 60 * 1000;

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

export const INFO_FIELDS = ['title', 'key', 'added'] as const;
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

/** A paper's marks (own entries only: an id such as "constructor" finds nothing inherited). */
export const marksOf = (state: ReaderState, id: string): PaperMarks | undefined => ownValue(state.papers, id);

export function hasMark(state: ReaderState, id: string, mark: Mark): boolean {
  return marksOf(state, id)?.[mark] === true;
}

/** A copy of the state with `mark` set or cleared for one paper (and its info, when given). */
export function setMark(state: ReaderState, id: string, mark: Mark, on: boolean, info?: PaperInfo): ReaderState {
  const marks: PaperMarks = { ...marksOf(state, id), ...info };
  if (on) marks[mark] = true;
  else delete marks[mark];
  const papers = { ...state.papers };
  if (marks.read || marks.saved) papers[id] = marks;
  else delete papers[id];
  return { ...state, papers };
}

/** A copy of the state with a marked paper's info filled in (unmarked papers stay absent). */
export function withInfo(state: ReaderState, id: string, info: PaperInfo): ReaderState {
  const marks = marksOf(state, id);
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
  const added = (id: string) => marksOf(state, id)?.added ?? '\uffff';
  return Object.keys(state.papers)
    .filter((id) => mark === 'any' || hasMark(state, id, mark))
    .sort((a, b) => compareStrings(added(a), added(b)) || compareStrings(a, b));
}

const MAX_ID_LENGTH = 200;
/** What a paper id can look like (the site's ids are slugs): never `__proto__` or other markup. */
const PAPER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The marks in a parsed JSON value: stored state or an exported file (same `version` and
 * `papers`). Throws ImportError saying what is wrong, for the reader to see; the value is
 * untrusted, so messages quote at most a little of it and describe the rest.
 */
export function readMarks(value: unknown): Record<string, PaperMarks> {
  if (!isRecord(value))
    throw new ImportError(`This file does not hold a reading list (expected a JSON object, found ${describeValue(value)}).`);
  if (value.version !== STATE_VERSION) {
    throw new ImportError(
      value.version === undefined
        ? 'This file does not say which version of the reading list format it uses.'
        : typeof value.version === 'number'
          ? `This file uses version ${value.version} of the reading list format; this site reads version ${STATE_VERSION}.`
          : `This file's "version" should be a number (${STATE_VERSION}), not ${describeValue(value.version)}.`,
    );
  }
  if (!isRecord(value.papers)) throw new ImportError('This file has no "papers" list.');
  const papers: Record<string, PaperMarks> = {};
  for (const [id, marks] of Object.entries(value.papers)) {
    if (id.length > MAX_ID_LENGTH || !PAPER_ID.test(id)) throw new ImportError(`This file has an invalid paper id ${quote(id)}.`);
    if (!isRecord(marks))
      throw new ImportError(`The entry for ${quote(id)} should be an object like {"read": true}, not ${describeValue(marks)}.`);
    const result: PaperMarks = {};
    for (const mark of ['read', 'saved'] as const) {
      const flag = ownValue(marks, mark);
      if (flag === undefined || flag === false) continue;
      if (flag !== true) throw new ImportError(`The entry for ${quote(id)} has "${mark}": ${describeValue(flag)}; expected true or false.`);
      result[mark] = true;
    }
    for (const field of INFO_FIELDS) {
      const text = ownValue(marks, field);
      if (text === undefined) continue;
      if (typeof text !== 'string' || text.length > MAX_INFO_LENGTH)
        throw new ImportError(
          `The entry for ${quote(id)} has an invalid "${field}" (expected text of at most ${MAX_INFO_LENGTH} characters).`,
        );
      result[field] = text;
    }
    if (result.read || result.saved) papers[id] = result;
  }
  return papers;
}

function readVisit(value: unknown): Visit | undefined {
  if (!isRecord(value)) return undefined;
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
    const visit = isRecord(value) ? readVisit(value.visit) : undefined;
    return visit ? { ...state, visit } : state;
  } catch {
    return emptyState();
  }
}

export const serializeState = (state: ReaderState): string => JSON.stringify(state);

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
