/**
 * Turns a seed file's bytes into text, or says why it cannot be read.
 * Copies come from browsers and editors: UTF-8 with or without BOM, sometimes Windows-1252,
 * UTF-16 with a BOM (Windows Notepad's "Unicode"), now and then a stray NUL byte.
 */

import { Buffer } from 'node:buffer';
import type { Diagnostic } from '../types.ts';

export type DecodeResult =
  | {
      ok: true;
      text: string;
      /** About the whole file (an encoding guessed). */
      warning?: string;
      /** Lines that had NUL bytes (removed from the text), 1-based. */
      nulLines: number[];
    }
  | { ok: false; error: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const windows1252 = new TextDecoder('windows-1252');

/** Share of control characters (other than tab, CR, LF, NUL) above which a file is taken for binary. */
const MAX_CONTROL_SHARE = 0.02;
/** Characters checked for control characters (a binary file shows itself early). */
const CONTROL_SAMPLE = 65_536;
/** Share of NUL bytes above which a file is binary (or UTF-16 without a BOM), not text with a stray NUL. */
const MAX_NUL_SHARE = 0.01;

function utf16(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return null;
}

/** Line numbers (1-based) of the lines holding a NUL character. */
function linesWithNul(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 && lines.at(-1) !== line) lines.push(line);
    // CRLF counts once: the LF of a CRLF pair does not start another line.
    if (c === 10 ? text.charCodeAt(i - 1) !== 13 : c === 13) line++;
  }
  return lines;
}

export function decodeSeed(bytes: Uint8Array): DecodeResult {
  let text = utf16(bytes);
  let warning: string | undefined;
  let mayHoldNul = true;
  if (text === null) {
    // Buffer's indexOf is a memchr; a Uint8Array's goes byte by byte.
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let nuls = 0;
    for (let at = buffer.indexOf(0); at !== -1; at = buffer.indexOf(0, at + 1)) nuls++;
    mayHoldNul = nuls > 0; // a NUL character in UTF-8 or Windows-1252 text is a NUL byte
    if (nuls > Math.max(1, bytes.length * MAX_NUL_SHARE)) {
      return { ok: false, error: 'binary file (NUL bytes throughout; or UTF-16 without a byte-order mark); not a seed file' };
    }
    try {
      text = strictUtf8.decode(bytes); // drops a UTF-8 BOM
    } catch {
      text = windows1252.decode(bytes);
      warning = 'not valid UTF-8; read as Windows-1252. Save the file as UTF-8 to be sure of its characters';
    }
  }
  // A binary file shows itself in its first bytes; a sample keeps this cheap for large dumps.
  const sample = text.slice(0, CONTROL_SAMPLE);
  // eslint-disable-next-line no-control-regex -- counting control characters is how a binary file is told apart
  const controls = sample.match(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (sample.length > 0 && controls / sample.length > MAX_CONTROL_SHARE) {
    return { ok: false, error: 'binary file (too many control characters); not a seed file' };
  }
  const nulLines = mayHoldNul && text.includes('\0') ? linesWithNul(text) : [];
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text: nulLines.length > 0 ? text.replaceAll('\0', '') : text, warning, nulLines };
}

/** Decodes a seed file, turning what decoding found into diagnostics; `text` is null when the file cannot be read. */
export function decodeOrReport(bytes: Uint8Array, file: string): { text: string | null; diagnostics: Diagnostic[] } {
  const decoded = decodeSeed(bytes);
  if (!decoded.ok) return { text: null, diagnostics: [{ severity: 'error', file, message: `${decoded.error}; file skipped` }] };
  const diagnostics: Diagnostic[] = [];
  if (decoded.warning) diagnostics.push({ severity: 'warning', file, message: decoded.warning });
  for (const line of decoded.nulLines) {
    diagnostics.push({ severity: 'warning', file, line, message: 'NUL byte in this line (removed); check the line reads right' });
  }
  return { text: decoded.text, diagnostics };
}
