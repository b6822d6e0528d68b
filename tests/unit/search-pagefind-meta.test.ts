import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { CborError, decodeCbor, encodeCbor, type CborValue } from '../../src/lib/search/cbor.ts';
import {
  compactPagefindMeta,
  packPagefindFile,
  pagefindMetaFiles,
  type BundleContents,
  PAGEFIND_VERSION,
  PagefindFormatError,
  medianWordCount,
  unpackPagefindFile,
} from '../../src/lib/search/pagefind-meta.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('CBOR', () => {
  it('encodes integers and lengths in their shortest form (RFC 8949 appendix A)', () => {
    expect(hex(encodeCbor(0))).toBe('00');
    expect(hex(encodeCbor(23))).toBe('17');
    expect(hex(encodeCbor(24))).toBe('1818');
    expect(hex(encodeCbor(1000))).toBe('1903e8');
    expect(hex(encodeCbor(1_000_000))).toBe('1a000f4240');
    expect(hex(encodeCbor(1_000_000_000_000))).toBe('1b000000e8d4a51000');
    expect(hex(encodeCbor(-1))).toBe('20');
    expect(hex(encodeCbor(-1000))).toBe('3903e7');
    expect(hex(encodeCbor('IETF'))).toBe('6449455446');
    expect(hex(encodeCbor('ü'))).toBe('62c3bc');
    expect(hex(encodeCbor([1, [2, 3], [4, 5]]))).toBe('8301820203820405');
    expect(
      hex(
        encodeCbor(
          new Map<CborValue, CborValue>([
            ['a', 1],
            ['b', [2, 3]],
          ]),
        ),
      ),
    ).toBe('a26161016162820203');
    expect(hex(encodeCbor([true, false, null]))).toBe('83f5f4f6');
    expect(hex(encodeCbor(Uint8Array.of(1, 2, 3, 4)))).toBe('4401020304');
  });

  it('decodes what it encodes', () => {
    const value: CborValue = [
      '1.6.0',
      [
        ['en_31ba8a7', 120, ''],
        ['x', 70_000, ''],
      ],
      [-73, 11, -241],
      new Map<CborValue, CborValue>([['k', null]]),
      Uint8Array.of(9),
      true,
    ];
    expect(decodeCbor(encodeCbor(value))).toEqual(value);
  });

  it('keeps map entries in insertion order (cborg sorts keys unless told not to)', () => {
    const map = new Map<CborValue, CborValue>([
      ['zeta', 1],
      ['a', 2],
    ]);
    expect(hex(encodeCbor(map))).toBe('a2647a657461016161' + '02');
    expect([...(decodeCbor(encodeCbor(map)) as Map<CborValue, CborValue>).keys()]).toEqual(['zeta', 'a']);
  });

  it('refuses what would not re-encode to the same bytes, and truncated or trailing bytes', () => {
    expect(() => decodeCbor(Uint8Array.of(0x9f, 0x01, 0xff))).toThrow(CborError); // indefinite array
    expect(() => decodeCbor(Uint8Array.of(0x18, 0x05))).toThrow(CborError); // 5 written in two bytes
    expect(() => decodeCbor(Uint8Array.of(0xa2, 0x61, 0x61, 0x01, 0x61, 0x61, 0x02))).toThrow(CborError); // duplicate key
    expect(() => decodeCbor(Uint8Array.of(0x64, 0x49, 0x45))).toThrow(CborError); // ends early
    expect(() => decodeCbor(Uint8Array.of(0x01, 0x02))).toThrow(CborError); // a second item after the first
  });
});

/** A Pagefind 1.x metadata file's CBOR, as index_metadata.rs lays it out. */
function pagefindMeta(pages: [string, number, string][], chunks: [string, string, string][]): Uint8Array {
  return encodeCbor(['1.6.0', pages, chunks, [['topic', 'en_f3ede4f']], [], ['title']]);
}

describe('Pagefind files', () => {
  it('unpacks gzip + signature, and packs reproducibly', () => {
    const cbor = encodeCbor(['1.6.0', [], [], [], [], []]);
    const packed = packPagefindFile(cbor);
    expect(hex(unpackPagefindFile(packed, 'x.pf_meta'))).toBe(hex(cbor));
    expect(hex(packPagefindFile(cbor))).toBe(hex(packed));
    expect(() => unpackPagefindFile(gzipSync(Buffer.from('not pagefind')), 'bad.pf_meta')).toThrow(/bad\.pf_meta does not start with/);
  });
});

describe('compactPagefindMeta', () => {
  const meta = pagefindMeta(
    [
      ['en_31ba8a7', 120, ''],
      ['en_85349b5', 208, ''],
      ['en_31ba8a7', 120, ''], // an identical page: Pagefind gives it the same fragment
      ['en_e562c07', 7, 'en_group01'], // bundled into a group file: its name is a key there
    ],
    [
      ['000', 'diffus', 'en_6c696bd'],
      ['diffusi', 'zzz', 'en_bd79743'],
    ],
  );
  const contents: BundleContents = {
    fragments: new Map([
      ['en_31ba8a7', { hash: 'h1', url: '/papers/a/' }],
      ['en_85349b5', { hash: 'h2', url: '/papers/b/' }],
    ]),
    chunks: new Map([
      ['en_6c696bd', 'c1'],
      ['en_bd79743', 'c2'],
    ]),
  };
  const options = { uniformWordCounts: true, blocks: { averageBlock: 1_000_000, maxBlock: 1000 }, scaledBlocks: false };

  it('names fragments and chunks in blocks by content, and keeps the rest', () => {
    expect(pagefindMetaFiles(meta)).toEqual({ fragments: ['en_31ba8a7', 'en_85349b5'], chunks: ['en_6c696bd', 'en_bd79743'] });
    const { cbor, fragments, chunks, pages } = compactPagefindMeta(meta, options, contents);
    expect(pages).toBe(4);
    const [tag] = fragments.get('en_31ba8a7')!.split('-');
    const [chunkTag] = chunks.get('en_6c696bd')!.split('-');
    expect(tag).toMatch(/^[0-9a-f]{10}$/);
    expect([...fragments]).toEqual([
      ['en_31ba8a7', `${tag}-0`],
      ['en_85349b5', `${tag}-1`],
    ]);
    expect([...chunks]).toEqual([
      ['en_6c696bd', `${chunkTag}-0`],
      ['en_bd79743', `${chunkTag}-1`],
    ]);
    expect(decodeCbor(cbor)).toEqual([
      '1.6.0',
      [
        [`${tag}-0`, 120, ''],
        [`${tag}-1`, 120, ''],
        [`${tag}-0`, 120, ''],
        ['en_e562c07', 120, 'en_group01'],
      ],
      [
        ['000', 'diffus', `${chunkTag}-0`],
        ['diffusi', 'zzz', `${chunkTag}-1`],
      ],
      [['topic', 'en_f3ede4f']],
      [],
      ['title'],
    ]);
  });

  it('gives the same content the same names, and changed content new ones', () => {
    const again = compactPagefindMeta(meta, options, contents);
    expect(again.fragments).toEqual(compactPagefindMeta(meta, options, contents).fragments);
    const changed = compactPagefindMeta(meta, options, {
      ...contents,
      fragments: new Map([...contents.fragments, ['en_85349b5', { hash: 'h2b', url: '/papers/b/' }]]),
    });
    expect(changed.fragments.get('en_31ba8a7')).not.toBe(again.fragments.get('en_31ba8a7'));
    expect(changed.chunks).toEqual(again.chunks);
  });

  it('says which file is missing rather than name it blindly', () => {
    expect(() => compactPagefindMeta(meta, options, { ...contents, chunks: new Map() })).toThrow(/index chunk en_6c696bd/);
  });

  it('gives every page the median word count, or leaves them alone', () => {
    const pages = (
      decodeCbor(compactPagefindMeta(meta, { ...options, uniformWordCounts: false }, contents).cbor) as CborValue[][]
    )[1] as CborValue[][];
    expect(pages.map((p) => p[1])).toEqual([120, 208, 120, 7]);
  });

  it('refuses a layout it does not know rather than guess', () => {
    const none = { fragments: new Map(), chunks: new Map() };
    expect(() => compactPagefindMeta(encodeCbor(['2.0.0', [], []]), options, none)).toThrow(PagefindFormatError);
    expect(() => compactPagefindMeta(encodeCbor(['1.7.0', [], []]), options, none)).toThrow(
      `Pagefind 1.7.0 wrote this index, but the metadata compaction (src/lib/search/pagefind-meta.ts) was written for Pagefind ${PAGEFIND_VERSION}`,
    );
    expect(() => compactPagefindMeta(encodeCbor(['1.6.0', [[1, 2]], []]), options, none)).toThrow(/pages/);
    expect(() => compactPagefindMeta(encodeCbor(['1.6.0', [], [['a', 'b']]]), options, none)).toThrow(/chunks/);
  });
});

describe('medianWordCount', () => {
  it('is the middle count (the lower of two), 0 for no pages', () => {
    expect(medianWordCount([300, 7, 110, 210])).toBe(110);
    expect(medianWordCount([5, 1, 3])).toBe(3);
    expect(medianWordCount([])).toBe(0);
  });
});

describe('Pagefind version', () => {
  const json = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Record<string, never>;

  it('is pinned in package.json, and installed, at the version the compaction was written for', () => {
    expect(json('../../package.json').devDependencies['pagefind']).toBe(PAGEFIND_VERSION);
    expect(json('../../node_modules/pagefind/package.json').version).toBe(PAGEFIND_VERSION);
  });
});
