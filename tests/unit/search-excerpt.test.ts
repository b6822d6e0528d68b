import { describe, expect, it } from 'vitest';
import { abstractExcerpt, type ExcerptPart } from '../../src/lib/search/excerpt.ts';

const text = (parts: ExcerptPart[]) => parts.map((p) => (p.marked ? `[${p.text}]` : p.text)).join('');
const match = (location: number, balanced_score = 1) => ({ location, balanced_score });

// "Title words. Topic <abstract…>": the abstract starts at word 3.
const content = 'Rectified Flows. Diffusion We study rectified flow models for fast image generation with one step and compare <b> tags.';

describe('abstractExcerpt', () => {
  it('takes the excerpt from the abstract, marking matches, joining neighbouring ones', () => {
    const source = {
      content,
      weighted_locations: [match(0, 50), match(1, 50), match(5), match(6)],
      anchors: [{ id: 'abstract', location: 3 }],
    };
    expect(text(abstractExcerpt(source, 6))).toBe('We study [rectified flow] models for …');
  });

  it('moves the window to the best-scoring matches, with an ellipsis before', () => {
    const source = { content, weighted_locations: [match(13, 5), match(15, 5)], anchors: [{ id: 'abstract', location: 3 }] };
    expect(text(abstractExcerpt(source, 5))).toBe('… with [one] step [and] compare …');
  });

  it('unescapes Pagefind raw content and never produces markup of its own', () => {
    const raw = content.replace('<b>', '&lt;b&gt;');
    const parts = abstractExcerpt(
      { raw_content: raw, content, weighted_locations: [match(17)], anchors: [{ id: 'abstract', location: 3 }] },
      4,
    );
    expect(text(parts)).toBe('… step and compare [<b>] …');
  });

  it('uses the whole text without an anchor, and gives nothing when there is no abstract', () => {
    expect(text(abstractExcerpt({ content: 'A short abstract', weighted_locations: [match(1)], anchors: [] }))).toBe('A [short] abstract');
    expect(
      abstractExcerpt({ content: 'Only A Title.', weighted_locations: [match(0)], anchors: [{ id: 'abstract', location: 3 }] }),
    ).toEqual([]);
  });
});
