import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseListing, parseListingText } from '../../src/lib/seeds/parse.ts';
import { classifyLine } from '../../src/lib/seeds/classify.ts';
import { isPageChrome, parseDayLine } from '../../src/lib/seeds/boilerplate.ts';
import { decodeSeed } from '../../src/lib/seeds/decode.ts';
import { NO_IDENTITY } from '../../src/lib/seeds/record.ts';

const ABSTRACT_A =
  'We study how robots learn from demonstrations. Our method improves success rates on twelve manipulation tasks. ' +
  'Experiments on real hardware confirm the gains, and we release code and data for the community to build upon.';
const ABSTRACT_B =
  'Diffusion models generate images slowly. We straighten the flow between noise and data so that one step suffices. ' +
  'On standard benchmarks the one-step model matches multi-step baselines while being an order of magnitude faster.';
const ABSTRACT_C =
  'Large language models learn new tasks from a few examples in the prompt. We analyse which demonstrations matter. ' +
  'Selecting diverse and relevant examples improves accuracy across twenty classification and reasoning benchmarks.';

const encode = (text: string) => new TextEncoder().encode(text);
const titles = (text: string) => parseListingText(text, 'f.txt').records.map((r) => r.title);

describe('page chrome and day lines', () => {
  it.each([
    'new',
    'Subscribe',
    'Daily Papers',
    'Get trending papers in your email inbox!',
    'by AK and the research community',
    'byAK and the research community',
    '  BY AK AND THE RESEARCH COMMUNITY ',
    '42',
    'Submitted by akhaliq',
  ])('recognises %j as chrome', (line) => expect(isPageChrome(line)).toBe(true));
  it.each(['Hugging Face Daily Papers', 'Daily Papers - Hugging Face', 'Hugging Face'])('recognises the page title %j as chrome', (line) =>
    expect(isPageChrome(line)).toBe(true),
  );
  it.each(['Imitation Learning from Observation', 'New Methods for Control', 'Subscribe to Nothing: A Study'])('keeps %j', (line) =>
    expect(isPageChrome(line)).toBe(false),
  );
  it.each([
    ['Jul 31', 'Jul 31'],
    ['July 31st', 'July 31st'],
    ['Aug  1, 2024', 'Aug 1, 2024'],
    ['31 Jul 2024', '31 Jul 2024'],
    ['2024-07-31', '2024-07-31'],
  ])('reads day line %j', (line, day) => expect(parseDayLine(line)).toBe(day));
  it('does not take titles for day lines', () => {
    expect(parseDayLine('May 5 Be With You: Star Wars Robots')).toBeNull();
    expect(parseDayLine('Mar')).toBeNull();
  });
});

describe('classifyLine', () => {
  it('tells titles from abstracts', () => {
    expect(classifyLine('Improving the Training of Rectified Flows')).toBe('title');
    expect(classifyLine('Are Human-generated Demonstrations Necessary for In-context Learning?')).toBe('title');
    expect(classifyLine(ABSTRACT_A)).toBe('abstract');
    expect(classifyLine('We propose X for robots. It works well in practice. Code is available online now.')).toBe('abstract');
  });
  it('reads every line of the real seeds as the listing intends', () => {
    for (const name of readdirSync('seeds')) {
      const { records, diagnostics } = parseListing(readFileSync(`seeds/${name}`), name);
      expect(diagnostics).toEqual([]);
      expect(records.every((r) => r.abstract !== null && r.abstract.length > 1000)).toBe(true);
    }
  });
});

describe('parseListingText', () => {
  it('pairs titles and abstracts and skips chrome', () => {
    const text = `new\n\nSubscribe\n\nDaily Papers\n\nby AK and the research community\n\nPaper One\n\n${ABSTRACT_A}\n\nPaper Two\n\n${ABSTRACT_B}\n`;
    const { records, diagnostics } = parseListingText(text, 'f.txt');
    expect(diagnostics).toEqual([]);
    expect(records).toEqual([
      { ...NO_IDENTITY, format: 'listing', title: 'Paper One', abstract: ABSTRACT_A, day: null, file: 'f.txt', line: 9 },
      { ...NO_IDENTITY, format: 'listing', title: 'Paper Two', abstract: ABSTRACT_B, day: null, file: 'f.txt', line: 13 },
    ]);
  });

  it('records the day line each paper appeared under', () => {
    const text = `Jul 31\n\nPaper One\n\n${ABSTRACT_A}\n\nAug 1\n\nPaper Two\n\n${ABSTRACT_B}`;
    expect(parseListingText(text, 'f.txt').records.map((r) => r.day)).toEqual(['Jul 31', 'Aug 1']);
  });

  it('handles BOM, CRLF, extra blank lines and trailing spaces', () => {
    const text = `\uFEFFPaper One   \r\n\r\n\r\n\r\n${ABSTRACT_A}  \r\n\r\n  Paper   Two\t\r\n\r\n${ABSTRACT_B}\r\n\r\n\r\n`;
    const { records, diagnostics } = parseListing(encode(text), 'f.txt');
    expect(diagnostics).toEqual([]);
    expect(records.map((r) => [r.title, r.abstract, r.line])).toEqual([
      ['Paper One', ABSTRACT_A, 1],
      ['Paper Two', ABSTRACT_B, 7],
    ]);
  });

  it('handles old Mac line endings', () => {
    expect(titles(`Paper One\r\r${ABSTRACT_A}\r\rPaper Two\r\r${ABSTRACT_B}`)).toEqual(['Paper One', 'Paper Two']);
  });

  it('keeps a title whose abstract is missing in the middle without shifting the pairing', () => {
    const text = `Paper One\n\n${ABSTRACT_A}\n\nOrphan Title\n\nPaper Two\n\n${ABSTRACT_B}\n\nPaper Three\n\n${ABSTRACT_C}`;
    const { records, diagnostics } = parseListingText(text, 'f.txt');
    expect(records.map((r) => [r.title, r.abstract])).toEqual([
      ['Paper One', ABSTRACT_A],
      ['Orphan Title', null],
      ['Paper Two', ABSTRACT_B],
      ['Paper Three', ABSTRACT_C],
    ]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', file: 'f.txt', line: 5 });
    expect(diagnostics[0].message).toContain('Orphan Title');
  });

  it('keeps a title at the very end of a truncated copy', () => {
    const text = `Paper One\n\n${ABSTRACT_A}\n\nCut Off Here`;
    const { records, diagnostics } = parseListingText(text, 'f.txt');
    expect(records.map((r) => [r.title, r.abstract])).toEqual([
      ['Paper One', ABSTRACT_A],
      ['Cut Off Here', null],
    ]);
    expect(diagnostics[0]).toMatchObject({ line: 5 });
    expect(diagnostics[0].message).toContain('file ends');
  });

  it('keeps a title followed by a day line', () => {
    const text = `Paper One\n\nJul 31\n\nPaper Two\n\n${ABSTRACT_B}`;
    const { records } = parseListingText(text, 'f.txt');
    expect(records.map((r) => [r.title, r.abstract !== null, r.day])).toEqual([
      ['Paper One', false, null],
      ['Paper Two', true, 'Jul 31'],
    ]);
  });

  it('reads an abstract wrapped over lines directly under its title', () => {
    const [first, ...rest] = ABSTRACT_A.split('. ');
    const text = `Paper One\n${first}.\n${rest.join('. ')}\n\nPaper Two\n\n${ABSTRACT_B}`;
    expect(parseListingText(text, 'f.txt').records.map((r) => [r.title, r.abstract])).toEqual([
      ['Paper One', ABSTRACT_A],
      ['Paper Two', ABSTRACT_B],
    ]);
  });

  it('warns about an abstract with no title and keeps going', () => {
    const text = `${ABSTRACT_C}\n\nPaper One\n\n${ABSTRACT_A}`;
    const { records, diagnostics } = parseListingText(text, 'f.txt');
    expect(records.map((r) => r.title)).toEqual(['Paper One']);
    expect(diagnostics).toMatchObject([{ severity: 'warning', line: 1 }]);
  });

  it('keeps non-ASCII and markup-like titles exactly', () => {
    const text = `Schrödinger Bridges — a Survey of Ω-Models\n\n${ABSTRACT_A}\n\n<script>alert(1)</script> & "Quotes"\n\n${ABSTRACT_B}\n\n大規模言語モデル\n\n${ABSTRACT_C}`;
    expect(titles(text)).toEqual([
      'Schrödinger Bridges — a Survey of Ω-Models',
      '<script>alert(1)</script> & "Quotes"',
      '大規模言語モデル',
    ]);
  });

  it('warns on an empty file', () => {
    expect(parseListingText('', 'empty.txt')).toEqual({
      records: [],
      diagnostics: [{ severity: 'warning', file: 'empty.txt', message: 'empty listing: no papers found' }],
    });
    expect(parseListingText('\n\nnew\n\nSubscribe\n', 'chrome.txt').diagnostics).toHaveLength(1);
  });

  it('reads a terse copy of a page with day lines, each abstract one sentence, CRLF line ends included', () => {
    const text = [
      'Hugging Face Daily Papers',
      'Jul 31',
      'Sparse Keyframe Policies for Bimanual Assembly',
      'We predict sparse keyframes for both arms instead of dense action chunks.',
      'Diffusion Models Are Real-Time Game Engines',
      'A neural model simulates a classic game at twenty frames a second!',
      'Aug 1',
      'Self-Play Preference Optimization',
      'Self-play finds the Nash equilibrium of a preference game.',
    ].join('\r\n\r\n');
    const { records, diagnostics } = parseListingText(text, 'terse.txt');
    expect(records.map((r) => [r.title, r.abstract?.split(' ')[0], r.day])).toEqual([
      ['Sparse Keyframe Policies for Bimanual Assembly', 'We', 'Jul 31'],
      ['Diffusion Models Are Real-Time Game Engines', 'A', 'Jul 31'],
      ['Self-Play Preference Optimization', 'Self-play', 'Aug 1'],
    ]);
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        file: 'terse.txt',
        message: 'its abstracts are one sentence or shorter; each sentence after a title is read as its abstract',
      },
    ]);
  });

  it('reads one-sentence lines as abstracts only in a listing with day lines', () => {
    const notes =
      'Reading group\n\nWe meet on Thursdays in the large room upstairs.\n\nBring a paper\n\nAny paper you liked this week is fine.\n';
    expect(parseListingText(notes, 'notes.txt')).toMatchObject({ records: [], diagnostics: [{ severity: 'error' }] });
    // The same lines under a day line are a terse listing.
    expect(parseListingText(`Jul 31\n\n${notes}`, 'notes.txt').records).toHaveLength(2);
  });

  it('rejects a file that is not a listing', () => {
    const csv = 'id,title,year\n1,Foo,2020\n2,Bar,2021\n';
    const result = parseListingText(csv, 'data.csv');
    expect(result.records).toEqual([]);
    expect(result.diagnostics).toMatchObject([{ severity: 'error', file: 'data.csv' }]);
    expect(result.diagnostics[0].message).toMatch(/not a listing/);
  });
});

describe('decodeSeed', () => {
  it('rejects binary files', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(decodeSeed(png)).toMatchObject({ ok: false });
    const { records, diagnostics } = parseListing(png, 'image.png');
    expect(records).toEqual([]);
    expect(diagnostics).toMatchObject([{ severity: 'error', file: 'image.png' }]);
    expect(diagnostics[0].message).toMatch(/binary/);
  });
  it('reads Windows-1252 with a warning instead of losing papers', () => {
    const bytes = new Uint8Array([...encode('Caf'), 0xe9, ...encode(` Robots\n\n${ABSTRACT_A}`)]);
    const { records, diagnostics } = parseListing(bytes, 'legacy.txt');
    expect(records.map((r) => r.title)).toEqual(['Café Robots']);
    expect(diagnostics).toMatchObject([{ severity: 'warning', file: 'legacy.txt' }]);
  });
});

describe('unusual titles', () => {
  it('takes a sentence-like line followed by an abstract for a title', () => {
    const odd = 'Learning Is Hard. Robots Are Harder. We Tried Anyway! A Study of Failure.';
    const text = `Paper One\n\n${ABSTRACT_A}\n\n${odd}\n\n${ABSTRACT_B}`;
    expect(parseListingText(text, 'f.txt').records.map((r) => [r.title, r.abstract])).toEqual([
      ['Paper One', ABSTRACT_A],
      [odd, ABSTRACT_B],
    ]);
  });
});
