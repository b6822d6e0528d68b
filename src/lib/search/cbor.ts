/**
 * The part of CBOR (RFC 8949) that Pagefind's index files are written in: unsigned and negative
 * integers, byte and text strings, arrays, maps, booleans and null, all with definite lengths.
 * Encoding uses the shortest form of every length and integer, as Pagefind's encoder does, so
 * decoding a Pagefind file and encoding it again gives the same bytes (tested).
 */

export type CborValue = number | string | Uint8Array | boolean | null | CborValue[] | Map<CborValue, CborValue>;

export class CborError extends Error {}

const MAJOR_UNSIGNED = 0;
const MAJOR_NEGATIVE = 1;
const MAJOR_BYTES = 2;
const MAJOR_TEXT = 3;
const MAJOR_ARRAY = 4;
const MAJOR_MAP = 5;
const MAJOR_SIMPLE = 7;
const FALSE = 20;
const TRUE = 21;
const NULL = 22;

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes one CBOR item that fills `bytes` exactly. */
export function decodeCbor(bytes: Uint8Array): CborValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;

  const need = (count: number) => {
    if (offset + count > bytes.length) throw new CborError(`CBOR ends early: ${count} more byte(s) needed at offset ${offset}`);
  };
  const argument = (info: number): number => {
    if (info < 24) return info;
    const width = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (width === 0)
      throw new CborError(`unsupported CBOR length encoding ${info} at offset ${offset - 1} (indefinite lengths are not used by Pagefind)`);
    need(width);
    const value =
      width === 1
        ? view.getUint8(offset)
        : width === 2
          ? view.getUint16(offset)
          : width === 4
            ? view.getUint32(offset)
            : Number(view.getBigUint64(offset));
    if (!Number.isSafeInteger(value)) throw new CborError(`CBOR integer too large at offset ${offset}`);
    offset += width;
    return value;
  };
  const item = (): CborValue => {
    need(1);
    const initial = bytes[offset++]!;
    const major = initial >> 5;
    const info = initial & 31;
    if (major === MAJOR_SIMPLE) {
      if (info === FALSE) return false;
      if (info === TRUE) return true;
      if (info === NULL) return null;
      throw new CborError(`unsupported CBOR simple value or float ${info} at offset ${offset - 1}`);
    }
    const value = argument(info);
    switch (major) {
      case MAJOR_UNSIGNED:
        return value;
      case MAJOR_NEGATIVE:
        return -1 - value;
      case MAJOR_BYTES:
      case MAJOR_TEXT: {
        need(value);
        const content = bytes.subarray(offset, offset + value);
        offset += value;
        return major === MAJOR_TEXT ? fromUtf8.decode(content) : content.slice();
      }
      case MAJOR_ARRAY:
        return Array.from({ length: value }, item);
      case MAJOR_MAP: {
        const map = new Map<CborValue, CborValue>();
        for (let i = 0; i < value; i++) map.set(item(), item());
        return map;
      }
      default:
        throw new CborError(`unsupported CBOR major type ${major} (tags) at offset ${offset - 1}`);
    }
  };

  const value = item();
  if (offset !== bytes.length) throw new CborError(`${bytes.length - offset} byte(s) after the CBOR item`);
  return value;
}

/** Encodes `value` in the shortest form. */
export function encodeCbor(value: CborValue): Uint8Array {
  const chunks: Uint8Array[] = [];
  const head = (major: number, argument: number) => {
    if (!Number.isSafeInteger(argument) || argument < 0) throw new CborError(`cannot encode ${argument} as a CBOR length or integer`);
    const type = major << 5;
    if (argument < 24) return void chunks.push(Uint8Array.of(type | argument));
    if (argument < 0x100) return void chunks.push(Uint8Array.of(type | 24, argument));
    const width = argument < 0x10000 ? 2 : argument < 0x1_0000_0000 ? 4 : 8;
    const out = new Uint8Array(1 + width);
    const view = new DataView(out.buffer);
    out[0] = type | (width === 2 ? 25 : width === 4 ? 26 : 27);
    if (width === 2) view.setUint16(1, argument);
    else if (width === 4) view.setUint32(1, argument);
    else view.setBigUint64(1, BigInt(argument));
    chunks.push(out);
  };
  const item = (value: CborValue): void => {
    if (value === null) return void chunks.push(Uint8Array.of((MAJOR_SIMPLE << 5) | NULL));
    if (typeof value === 'boolean') return void chunks.push(Uint8Array.of((MAJOR_SIMPLE << 5) | (value ? TRUE : FALSE)));
    if (typeof value === 'number') {
      if (!Number.isInteger(value)) throw new CborError(`cannot encode ${value}: floats are not supported`);
      return value >= 0 ? head(MAJOR_UNSIGNED, value) : head(MAJOR_NEGATIVE, -1 - value);
    }
    if (typeof value === 'string') {
      const content = utf8.encode(value);
      head(MAJOR_TEXT, content.length);
      return void chunks.push(content);
    }
    if (value instanceof Uint8Array) {
      head(MAJOR_BYTES, value.length);
      return void chunks.push(value);
    }
    if (Array.isArray(value)) {
      head(MAJOR_ARRAY, value.length);
      return value.forEach(item);
    }
    head(MAJOR_MAP, value.size);
    for (const [key, entry] of value) {
      item(key);
      item(entry);
    }
  };
  item(value);
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
