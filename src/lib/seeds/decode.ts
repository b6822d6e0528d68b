/**
 * Turns a seed file's bytes into text, or says why it cannot be read as a listing.
 * Copies come from browsers and editors: UTF-8 with or without BOM, sometimes Windows-1252.
 */

export type DecodeResult =
  | { ok: true; text: string; warning?: string }
  | { ok: false; error: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const windows1252 = new TextDecoder('windows-1252');

/** Share of control characters (other than tab, CR, LF) above which a file is taken for binary. */
const MAX_CONTROL_SHARE = 0.02;

export function decodeSeed(bytes: Uint8Array): DecodeResult {
  if (bytes.includes(0)) {
    return { ok: false, error: 'binary file (contains NUL bytes); not a listing' };
  }
  let text: string;
  let warning: string | undefined;
  try {
    text = strictUtf8.decode(bytes); // drops a UTF-8 BOM
  } catch {
    text = windows1252.decode(bytes);
    warning = 'not valid UTF-8; read as Windows-1252. Save the file as UTF-8 to be sure of its characters';
  }
  // eslint-disable-next-line no-control-regex -- counting control characters is how a binary file is told apart
  const controls = text.match(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (text.length > 0 && controls / text.length > MAX_CONTROL_SHARE) {
    return { ok: false, error: 'binary file (too many control characters); not a listing' };
  }
  return { ok: true, text: text.replace(/^\uFEFF/, ''), warning };
}
