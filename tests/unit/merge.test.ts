import { describe, expect, it } from 'vitest';
import { mergeRecords, titleKey } from '../../src/lib/merge.ts';
import { assignSlugs, formerAddresses, slugify } from '../../src/lib/slug.ts';
import { foldToAscii } from '../../src/lib/text/ascii.ts';
import type { SeedRecord } from '../../src/lib/types.ts';

const record = (title: string, abstract: string | null, file = 'a.txt', line = 1, day: string | null = null): SeedRecord => ({
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
  it('spells out Latin letters that accent folding leaves, and only those', () => {
    expect(slugify('Đorđević Þór Ħal')).toBe('dordevic-thor-hal');
    expect(slugify('Œuvre Complète')).toBe('oeuvre-complete');
    expect(slugify('Łódź Straße Ærø')).toBe('lodz-strasse-aero');
    // A letter the library cannot spell keeps the hash suffix, as before.
    expect(slugify('The ŋ Sound')).toMatch(/^the-sound-[0-9a-f]{6}$/);
    // Titles that folded to ASCII before keep their slug exactly.
    for (const title of ['Schrödinger Bridges — Æther', 'Naïve Bayes', 'Αλγόριθμοι Μάθησης', 'Deep 学習 for Robots', 'façade']) {
      expect(slugify(title)).toBe(slugify(title, foldToAscii));
    }
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
  it('never gives an existing slug to a title that only now spells out its letters', () => {
    // 'Ab Đ' sorts before 'ab D', but 'ab D' had the slug first.
    const slugs = assignSlugs(['Ab Đ', 'ab D']);
    expect(slugs.get('ab D')).toBe('ab-d');
    expect(slugs.get('Ab Đ')).toMatch(/^ab-d-[0-9a-f]{6}$/);
  });
  it('gives the former address of a paper whose slug changed', () => {
    const titles = ['Đorđević Þór Ħal: Œuvre of Robot Policies', 'A Plain Title', 'The ŋ Sound'];
    const ids = assignSlugs(titles);
    const papers = titles.map((title) => ({ title, id: ids.get(title)! }));
    // The address the same title had before (computed by the previous slug code).
    expect(formerAddresses(papers)).toEqual(
      new Map([['dordevic-thor-hal-oeuvre-of-robot-policies', 'or-evic-or-al-uvre-of-robot-policies-fe8dfe']]),
    );
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
      { file: 'a.txt', line: 231, day: null },
      { file: 'b.txt', line: 13, day: 'Jul 31' },
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
