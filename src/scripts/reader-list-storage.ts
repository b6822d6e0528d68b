/**
 * The reader's list in localStorage, under one key per site (the base path is part of it, so two
 * reading lists on one host keep separate lists). Storage can be missing or throw (private
 * browsing, disabled cookies, full quota): every access is guarded and reported, never thrown.
 */
import { parseState, serializeState, type ReaderState } from '../lib/reader-list/state.ts';

export const STORAGE_KEY = `reading-list:${import.meta.env.BASE_URL}`;

export const UNAVAILABLE_MESSAGE = 'Your browser does not allow saving here, so your marks cannot be kept.';

export interface ReaderStore {
  /** False when this browser does not let the site keep data. */
  available: boolean;
  load(): ReaderState;
  /** Saves; false (and nothing thrown) when the browser refused. */
  save(state: ReaderState): boolean;
}

function getStorage(): Storage | null {
  try {
    const storage = window.localStorage;
    const probe = `${STORAGE_KEY}:probe`;
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

export function openStore(): ReaderStore {
  const storage = getStorage();
  return {
    available: storage !== null,
    load() {
      try {
        return parseState(storage?.getItem(STORAGE_KEY) ?? null);
      } catch {
        return parseState(null);
      }
    },
    save(state) {
      try {
        if (!storage) return false;
        storage.setItem(STORAGE_KEY, serializeState(state));
        return true;
      } catch {
        return false;
      }
    },
  };
}
