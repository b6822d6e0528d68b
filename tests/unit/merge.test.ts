import { describe, expect, it } from 'vitest';
import { mergeRecords, titleKey } from '../../src/lib/merge.ts';
import { assignSlugs, formerAddresses, slugify } from '../../src/lib/slug.ts';
import { foldToAscii } from '../../src/lib/text/ascii.ts';
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
  it('gives papers whose titles have no letters or digits ids of their own, and keeps them all', () => {
    // A title without identity ("}", as a CSS file read as a listing gives) is never merged.
    const { papers } = mergeRecords([
      record('}', 'One.', 'a.txt', 1),
      record('}', 'Two.', 'a.txt', 5),
      record('} 2', 'Three.', 'b.txt', 1),
    ]);
    expect(papers.map((p) => p.title)).toEqual(['}', '}', '} 2']);
    expect(new Set(papers.map((p) => p.id)).size).toBe(3);
  });

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

describe('mergeRecords: identity across formats', () => {
  const rec = (title: string, fields: Partial<SeedRecord> = {}): SeedRecord => ({ ...record(title, null), ...fields });

  it('joins records by arXiv id even when titles differ, and by DOI', () => {
    const { papers } = mergeRecords([
      rec('Generative Adversarial Networks', { file: 'hf.json', format: 'hf-daily-papers', arxiv: '1406.2661', abstract: 'A.' }),
      rec('Generative Adversarial Nets', {
        file: 'zotero.json',
        format: 'csl-json',
        arxiv: '1406.2661',
        venue: 'NeurIPS',
        kind: 'inproceedings',
      }),
      rec('Toward Causal Representation Learning', { file: 'a.bib', format: 'bibtex', doi: '10.1109/jproc.2021.3058954' }),
      rec('Towards causal representation learning', { file: 'b.json', format: 'csl-json', doi: '10.1109/jproc.2021.3058954' }),
    ]);
    // Files in name order: a.bib, b.json, hf.json, zotero.json.
    expect(papers.map((p) => [p.title, p.sources.length])).toEqual([
      ['Toward Causal Representation Learning', 2],
      ['Generative Adversarial Networks', 2],
    ]);
    expect(papers[1]).toMatchObject({ venue: 'NeurIPS', kind: 'inproceedings', arxiv: '1406.2661' });
  });

  it('joins a record with ids to a listing of the same title, and the listing keeps the address', () => {
    const listing = rec('Attention Is All You Need', { file: 'z-listing.txt', abstract: 'The dominant models…' });
    const before = mergeRecords([listing]).papers[0].id;
    const { papers } = mergeRecords([
      listing,
      rec('Attention is all you need', {
        file: 'a-dump.bib',
        format: 'bibtex',
        arxiv: '1706.03762',
        authors: ['Ashish Vaswani'],
        date: '2017',
      }),
    ]);
    expect(papers).toHaveLength(1);
    expect(papers[0]).toMatchObject({ id: before, title: 'Attention Is All You Need', arxiv: '1706.03762', authors: ['Ashish Vaswani'] });
  });

  it('reads an arXiv-minted DOI as the arXiv id, and prefers a journal DOI', () => {
    const { papers } = mergeRecords([
      rec('Paper', { file: 'a.bib', format: 'bibtex', doi: '10.48550/arxiv.1706.03762' }),
      rec('Paper, as published', { file: 'b.xml', format: 'arxiv-atom', arxiv: '1706.03762', doi: '10.5555/3295222' }),
    ]);
    expect(papers).toHaveLength(1);
    expect(papers[0]).toMatchObject({ arxiv: '1706.03762', doi: '10.5555/3295222', conflicts: [] });
  });

  it('merges field by field: richest authors, earliest date, every source; reports different ids and years', () => {
    const { papers, diagnostics } = mergeRecords([
      rec('Playing Atari with Deep Reinforcement Learning', {
        file: 'a.xml',
        format: 'arxiv-atom',
        arxiv: '1312.5602',
        date: '2013-12-19',
        authors: ['V. Mnih', 'K. Kavukcuoglu'],
      }),
      rec('Playing Atari with deep reinforcement learning', {
        file: 'b.bib',
        format: 'bibtex',
        arxiv: '1312.5603',
        date: '2014',
        authors: ['Mnih', 'Kavukcuoglu', 'Silver'],
      }),
    ]);
    expect(papers).toHaveLength(1);
    const [paper] = papers;
    expect(paper).toMatchObject({ arxiv: '1312.5602', date: '2013-12-19', authors: ['Mnih', 'Kavukcuoglu', 'Silver'] });
    expect(paper.sources.map((s) => s.format)).toEqual(['arxiv-atom', 'bibtex']);
    expect(paper.conflicts).toEqual([
      { field: 'arxiv', kept: '1312.5602', from: 0, others: [{ value: '1312.5603', from: 1 }] },
      { field: 'year', kept: '2013', from: 0, others: [{ value: '2014', from: 1 }] },
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(/different arXiv ids: 1312.5602 \(a.xml:1\), 1312.5603 \(b.bib:1\); followed a.xml:1/),
      expect.stringMatching(/different years: 2013 .* 2014/),
    ]);
  });

  it('lists papers newest first where dates are known, then the rest in listing order', () => {
    const { papers } = mergeRecords([
      rec('Undated One', { line: 1 }),
      rec('Old', { line: 2, date: '1959' }),
      rec('New', { line: 3, date: '2024-06-13' }),
      rec('Undated Two', { line: 4 }),
    ]);
    expect(papers.map((p) => p.title)).toEqual(['New', 'Old', 'Undated One', 'Undated Two']);
  });

  it('folds case, accents, braces and TeX in titles, not punctuation', () => {
    expect(titleKey('Playing {Atari} with Deep  Reinforcement Learning')).toBe(titleKey('playing atari with deep reinforcement learning'));
    expect(titleKey('Sch\\"{o}lkopf on Causality')).toBe(titleKey('Schölkopf on causality'));
    expect(titleKey('Flow: Matching')).not.toBe(titleKey('Flow Matching?'));
  });
});
