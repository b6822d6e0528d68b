import { describe, expect, it } from 'vitest';
import { mergeRecords, titleKey } from '../../src/lib/merge.ts';
import { assignSlugs, slugify } from '../../src/lib/slug.ts';
import type { SeedRecord } from '../../src/lib/types.ts';
import { NO_IDENTITY } from '../../src/lib/seeds/record.ts';

const record = (title: string, abstract: string | null, file = 'a.txt', line = 1, day: string | null = null): SeedRecord => ({
  ...NO_IDENTITY,
  format: 'listing',
  title,
  abstract,
  day,
  file,
  line,
});

describe('slugify', () => {
  it('makes readable ASCII slugs', () => {
    expect(slugify('Improving the Training of Rectified Flows')).toBe('improving-the-training-of-rectified-flows');
    expect(slugify('RT-H: Action Hierarchies Using Language')).toBe('rt-h-action-hierarchies-using-language');
    expect(slugify('Schrödinger Bridges — Æther')).toBe('schrodinger-bridges-aether');
  });
  it('keeps titles without ASCII letters addressable and distinct', () => {
    const greek = slugify('Αλγόριθμοι Μάθησης');
    const cjk = slugify('大規模言語モデル');
    const cjk2 = slugify('強化学習');
    expect(greek).toMatch(/^[a-z0-9-]+$/);
    expect(cjk).toMatch(/^[0-9a-f]{6}$/);
    expect(new Set([greek, cjk, cjk2]).size).toBe(3);
    expect(slugify('Deep 学習 for Robots')).toMatch(/^deep-for-robots-[0-9a-f]{6}$/);
  });
  it('caps long slugs at a word boundary', () => {
    const slug = slugify(
      'Learning Like Humans: Advancing LLM Reasoning Capabilities via Adaptive Difficulty Curriculum Learning and Expert-Guided Self-Reformulation',
    );
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^learning-like-humans-.*[a-z]$/);
  });
});

describe('assignSlugs', () => {
  it('gives colliding titles distinct, order-independent slugs', () => {
    const a = assignSlugs(['Flow: Matching', 'Flow Matching?', 'Other']);
    const b = assignSlugs(['Other', 'Flow Matching?', 'Flow: Matching']);
    expect([...a].sort()).toEqual([...b].sort());
    expect(a.get('Flow Matching?')).toBe('flow-matching');
    expect(a.get('Flow: Matching')).toMatch(/^flow-matching-[0-9a-f]{6}$/);
  });
  it('does not move a slug when unrelated titles come and go', () => {
    const before = assignSlugs(['A Paper', 'Flow Matching']);
    const after = assignSlugs(['Flow Matching', 'Something New', 'Another One']);
    expect(after.get('Flow Matching')).toBe(before.get('Flow Matching'));
  });
});

describe('mergeRecords', () => {
  it('merges titles equal after trimming, folding white space and case', () => {
    expect(titleKey('  The  False Promise\tof LLMs ')).toBe(titleKey('the false promise of llms'));
    const { papers, duplicates } = mergeRecords([
      record('The False Promise of LLMs', 'Abstract.', 'b.txt', 13, 'Jul 31'),
      record('the false  promise of LLMs', 'Abstract.', 'a.txt', 231),
    ]);
    expect(duplicates).toBe(1);
    expect(papers).toHaveLength(1);
    // The first listing (file order, then line) names the paper.
    expect(papers[0].title).toBe('the false  promise of LLMs');
    expect(papers[0].sources).toEqual([
      { file: 'a.txt', line: 231, day: null, format: 'listing' },
      { file: 'b.txt', line: 13, day: 'Jul 31', format: 'listing' },
    ]);
  });

  it('keeps the most complete abstract and reports a conflict', () => {
    const { papers, diagnostics } = mergeRecords([
      record('P', 'Short abstract.', 'a.txt', 1),
      record('P', 'A much longer and more complete abstract.', 'b.txt', 5),
      record('P', null, 'c.txt', 9),
    ]);
    expect(papers[0].abstract).toBe('A much longer and more complete abstract.');
    expect(papers[0].abstractNote).toBe('conflict');
    expect(diagnostics).toMatchObject([{ severity: 'warning', file: 'b.txt', line: 5 }]);
    expect(diagnostics[0].message).toContain('a.txt:1');
  });

  it('fills a missing abstract from another listing without a conflict', () => {
    const { papers, diagnostics } = mergeRecords([record('P', null, 'a.txt'), record('P', 'Text.', 'b.txt')]);
    expect(papers[0]).toMatchObject({ abstract: 'Text.', abstractNote: null });
    expect(diagnostics).toEqual([]);
  });

  it('marks a paper with no abstract anywhere', () => {
    expect(mergeRecords([record('P', null)]).papers[0].abstractNote).toBe('missing');
  });

  it('keeps different titles that slugify alike as two papers with their own addresses', () => {
    const { papers } = mergeRecords([record('Flow: Matching', 'x', 'a.txt', 1), record('Flow Matching?', 'y', 'a.txt', 5)]);
    expect(papers.map((p) => p.title)).toEqual(['Flow: Matching', 'Flow Matching?']);
    expect(new Set(papers.map((p) => p.id)).size).toBe(2);
  });
});
