/**
 * CBOR (RFC 8949) as Pagefind's index files use it, through `cborg`, set up so that decoding a
 * Pagefind file and encoding it again gives the same bytes (tested on a built index):
 * maps decode to `Map` and encode in insertion order (cborg sorts keys by default), and
 * decoding is strict (shortest-form lengths and integers only, as Pagefind's encoder writes;
 * no indefinite lengths, no duplicate keys), so anything that would not round-trip is refused.
 */
import { decode, encode } from 'cborg';

export type CborValue = number | bigint | string | Uint8Array | boolean | null | CborValue[] | Map<CborValue, CborValue>;

export class CborError extends Error {}

const DECODE = { useMaps: true, strict: true, allowIndefinite: false, allowUndefined: false, rejectDuplicateMapKeys: true } as const;
const ENCODE = { mapSorter: () => 0 } as const;

/** Decodes one CBOR item that fills `bytes` exactly. */
export function decodeCbor(bytes: Uint8Array): CborValue {
  try {
    return decode(bytes, DECODE) as CborValue;
  } catch (cause) {
    throw new CborError((cause as Error).message, { cause });
  }
}

/** Encodes `value` in the shortest form, map entries in insertion order. */
export function encodeCbor(value: CborValue): Uint8Array {
  return encode(value, ENCODE);
}
