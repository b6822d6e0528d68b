import { describe, expect, it } from 'vitest';
import { arxivIdOfDoi, findArxivId, findDoi, normaliseArxivId, normaliseDoi } from '../../src/lib/seeds/ids.ts';
import { earlierDate, formatDate, normaliseDate, partialDate } from '../../src/lib/seeds/dates.ts';

describe('arXiv ids', () => {
  it.each([
    ['1312.5602', '1312.5602'],
    ['arXiv:1312.5602v2', '1312.5602'],
    ['http://arxiv.org/abs/1312.5602v1', '1312.5602'],
    ['https://arxiv.org/pdf/2406.09414.pdf', '2406.09414'],
    ['2406.09414v3', '2406.09414'],
    ['hep-th/9711200v3', 'hep-th/9711200'],
    ['http://arxiv.org/abs/hep-th/9711200v3', 'hep-th/9711200'],
    ['math.gt/0309136', 'math.GT/0309136'],
    ['10.48550/arXiv.1706.03762', '1706.03762'],
  ])('normalises %j', (raw, id) => expect(normaliseArxivId(raw)).toBe(id));
  it.each(['1313.5602', '12.5602', 'arXiv', 'hep-th', '2406.094', 'see 1312.5602'])('rejects %j', (raw) =>
    expect(normaliseArxivId(raw)).toBeNull(),
  );
  it('finds an id in a note, a journal field or a URL, not a bare number', () => {
    expect(findArxivId('arXiv preprint arXiv:1312.5602')).toBe('1312.5602');
    expect(findArxivId('http://arxiv.org/abs/1310.4546')).toBe('1310.4546');
    expect(findArxivId('Preprint at https://arxiv.org/abs/hep-th/9711200v2.')).toBe('hep-th/9711200');
    expect(findArxivId('pages 1312.5602')).toBeNull();
    expect(findArxivId(null)).toBeNull();
  });
});

describe('DOIs', () => {
  it('case-folds and strips the usual prefixes', () => {
    expect(normaliseDoi('10.1109/JPROC.2021.3058954')).toBe('10.1109/jproc.2021.3058954');
    expect(normaliseDoi('doi:10.1038/nature14236')).toBe('10.1038/nature14236');
    expect(normaliseDoi('https://doi.org/10.1038/NATURE14236')).toBe('10.1038/nature14236');
    expect(normaliseDoi('http://dx.doi.org/10.1023/A:1026654312961.')).toBe('10.1023/a:1026654312961');
    expect(normaliseDoi('not a doi')).toBeNull();
    expect(findDoi('https://doi.org/10.1038/nature14236')).toBe('10.1038/nature14236');
    expect(findDoi('http://jmlr.org/papers/v12/pedregosa11a.html')).toBeNull();
  });
  it('tells an arXiv-minted DOI', () => {
    expect(arxivIdOfDoi('10.48550/arxiv.1706.03762')).toBe('1706.03762');
    expect(arxivIdOfDoi('10.1038/nature14236')).toBeNull();
  });
});

describe('partial dates', () => {
  it('keeps the precision a source gives, and only valid dates', () => {
    expect(normaliseDate('2013-12-19T16:00:08Z')).toBe('2013-12-19');
    expect(normaliseDate('2024-06-13T17:59:56.000Z')).toBe('2024-06-13');
    expect(normaliseDate('2013-12')).toBe('2013-12');
    expect(normaliseDate('1959')).toBe('1959');
    expect(normaliseDate('2013-02-30')).toBeNull();
    expect(normaliseDate('Dec 2013')).toBeNull();
    expect(partialDate(2021, 5)).toBe('2021-05');
    expect(partialDate(2021, 13)).toBeNull();
  });
  it('takes the earlier date, or the more precise one of the same period', () => {
    expect(earlierDate('2014', '2013-12-19')).toBe('2013-12-19');
    expect(earlierDate('2013', '2013-12-19')).toBe('2013-12-19');
    expect(earlierDate('2013-12', '2013-11-30')).toBe('2013-11-30');
  });
  it('formats dates for readers', () => {
    expect(formatDate('2024-06-14')).toBe('14 Jun 2024');
    expect(formatDate('2021-05')).toBe('May 2021');
    expect(formatDate('1959')).toBe('1959');
  });
});
