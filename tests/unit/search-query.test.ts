import { describe, expect, it } from 'vitest';
import {
  MAX_QUERY_LENGTH,
  SHORT_WORD_PAUSE_MS,
  TYPING_PAUSE_MS,
  isSearchShortcut,
  isSearchable,
  normaliseQuery,
  typingPause,
} from '../../src/lib/search/query.ts';
import { readSearchState, searchStateQuery } from '../../src/lib/search/url-state.ts';

describe('normaliseQuery', () => {
  it('turns hyphens, dashes, slashes and underscores into spaces so both spellings match', () => {
    expect(normaliseQuery('in-context learning')).toBe('in context learning');
    expect(normaliseQuery('vision–language—action')).toBe('vision language action');
    expect(normaliseQuery('few‐shot class_incremental / FSCIL')).toBe('few shot class incremental FSCIL');
  });

  it('trims, folds white space and compatibility characters, and caps the length', () => {
    expect(normaliseQuery('  rectified \n  flow  ')).toBe('rectified flow');
    expect(normaliseQuery('ＲＬＨＦ')).toBe('RLHF');
    expect(normaliseQuery('word '.repeat(100)).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
  });

  it('knows when there is something to search', () => {
    expect(isSearchable(normaliseQuery(' - / '))).toBe(false);
    expect(isSearchable('VLA')).toBe(true);
    expect(isSearchable('Σ')).toBe(true);
  });
});

describe('isSearchShortcut', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
  });

  it('takes "/" only when the reader is not typing in a field', () => {
    expect(isSearchShortcut(key('/'), false)).toBe(true);
    expect(isSearchShortcut(key('/'), true)).toBe(false);
  });

  it('takes Ctrl+K and Cmd+K anywhere, and nothing else', () => {
    expect(isSearchShortcut(key('k', { ctrlKey: true }), true)).toBe(true);
    expect(isSearchShortcut(key('K', { metaKey: true }), false)).toBe(true);
    expect(isSearchShortcut(key('k'), false)).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true, altKey: true }), false)).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(isSearchShortcut(key('/', { ctrlKey: true }), false)).toBe(false);
  });
});

describe('search state in the address', () => {
  it('reads the query and topic ids', () => {
    expect(readSearchState('?q=rectified+flow&topic=rectified-flow&topic=diffusion-models')).toEqual({
      query: 'rectified flow',
      topics: ['rectified-flow', 'diffusion-models'],
    });
    expect(readSearchState('')).toEqual({ query: '', topics: [] });
    expect(readSearchState('?topic=&topic=a&topic=a&q=%20x%20')).toEqual({ query: 'x', topics: ['a'] });
  });

  it('writes it back, and round-trips', () => {
    const state = { query: 'in-context learning & more', topics: ['in-context-learning', 'language-models'] };
    const query = searchStateQuery(state);
    expect(query).toBe('?q=in-context+learning+%26+more&topic=in-context-learning&topic=language-models');
    expect(readSearchState(query)).toEqual(state);
    expect(searchStateQuery({ query: '  ', topics: [] })).toBe('');
  });
});

describe('typingPause', () => {
  it('waits for two letters or digits before searching', () => {
    expect(typingPause('')).toBeNull();
    expect(typingPause('d')).toBeNull();
    expect(typingPause(' - ')).toBeNull();
    expect(typingPause('3d')).toBe(SHORT_WORD_PAUSE_MS);
  });
  it('waits longer while the word being typed is one or two characters', () => {
    expect(typingPause('di')).toBe(SHORT_WORD_PAUSE_MS);
    expect(typingPause('dif')).toBe(TYPING_PAUSE_MS);
    expect(typingPause('diffusion p')).toBe(SHORT_WORD_PAUSE_MS);
    expect(typingPause('diffusion pol')).toBe(TYPING_PAUSE_MS);
    expect(typingPause('diffusion ')).toBe(TYPING_PAUSE_MS);
    expect(typingPause('RLHF')).toBe(TYPING_PAUSE_MS);
  });
});
