import { describe, expect, it } from 'vitest';
import { comboboxKey, stepOption, type ListState } from '../../src/lib/search/combobox.ts';
import {
  comboboxStatus,
  INDEX_INCOMPLETE,
  resultCount,
  SEARCH_OFFLINE,
  SEARCH_PAGE_UNAVAILABLE,
  SEARCH_UNAVAILABLE,
  searchFailure,
  searchPageOption,
} from '../../src/lib/search/messages.ts';

const list = (state: Partial<ListState> = {}): ListState => ({ expanded: true, options: 3, active: -1, ...state });

describe('the header search box’s keys', () => {
  it('moves down and up through the options, passing through "none" between the last and the first', () => {
    const down = [];
    for (let active = -1, i = 0; i < 5; i++) down.push((active = stepOption(active, 1, 3)));
    expect(down).toEqual([0, 1, 2, -1, 0]);
    const up = [];
    for (let active = -1, i = 0; i < 5; i++) up.push((active = stepOption(active, -1, 3)));
    expect(up).toEqual([2, 1, 0, -1, 2]);
  });

  it('opens a closed list with an arrow key, and moves in an open one', () => {
    expect(comboboxKey({ key: 'ArrowDown' }, list({ expanded: false }))).toEqual({ type: 'open' });
    expect(comboboxKey({ key: 'ArrowUp' }, list({ expanded: false }))).toEqual({ type: 'open' });
    expect(comboboxKey({ key: 'ArrowDown' }, list({ active: 1 }))).toEqual({ type: 'move', to: 2 });
    expect(comboboxKey({ key: 'ArrowUp' }, list({ active: 0 }))).toEqual({ type: 'move', to: -1 });
  });

  it('leaves arrow keys alone when there is nothing to choose', () => {
    expect(comboboxKey({ key: 'ArrowDown' }, list({ options: 0, expanded: false }))).toBeNull();
  });

  it('follows the chosen option with Enter; without one, Enter submits the form (no action here)', () => {
    expect(comboboxKey({ key: 'Enter' }, list({ active: 2 }))).toEqual({ type: 'go', index: 2 });
    expect(comboboxKey({ key: 'Enter' }, list({ active: -1 }))).toBeNull();
    expect(comboboxKey({ key: 'Enter' }, list({ active: 1, expanded: false }))).toBeNull();
  });

  it('closes an open list with Escape, and leaves Escape alone otherwise (the input clears itself)', () => {
    expect(comboboxKey({ key: 'Escape' }, list())).toEqual({ type: 'close' });
    expect(comboboxKey({ key: 'Escape' }, list({ expanded: false }))).toBeNull();
  });

  it('ignores keys with Alt, Ctrl or Meta, and other keys', () => {
    for (const modifier of ['altKey', 'ctrlKey', 'metaKey']) expect(comboboxKey({ key: 'ArrowDown', [modifier]: true }, list())).toBeNull();
    expect(comboboxKey({ key: 'a' }, list())).toBeNull();
  });
});

describe('search wording', () => {
  it('counts results', () => {
    expect([0, 1, 7].map(resultCount)).toEqual(['No results', '1 result', '7 results']);
  });

  it('announces results and offers the search page', () => {
    expect(comboboxStatus(7, 'flow')).toBe('7 results for “flow”.');
    expect(searchPageOption(7, 'flow')).toBe('See all 7 results for “flow”');
    expect(searchPageOption(0, 'zzz')).toBe('No papers match “zzz”: open the search page');
  });

  it('says when part of the index could not be loaded, rather than only "no results"', () => {
    expect(comboboxStatus(0, 'flow', true)).toBe(`No results for “flow”. ${INDEX_INCOMPLETE}`);
    expect(comboboxStatus(2, 'flow', true)).toBe(`2 results for “flow”. ${INDEX_INCOMPLETE}`);
    expect(searchFailure(true)).toBe(SEARCH_OFFLINE);
    expect(searchFailure(false)).toBe(SEARCH_UNAVAILABLE);
    expect(searchFailure(false, SEARCH_PAGE_UNAVAILABLE)).toBe(SEARCH_PAGE_UNAVAILABLE);
    expect(searchFailure(true, SEARCH_PAGE_UNAVAILABLE)).toBe(SEARCH_OFFLINE);
  });
});
