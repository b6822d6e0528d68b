/**
 * How wide a label will be, without a browser. Widths are DejaVu Sans's advance widths (the
 * widest of the usual system sans-serif fonts, and the one `system-ui` resolves to on most
 * Linux desktops), so a label fits in the space set aside for it with Segoe UI, San Francisco,
 * Roboto or Arial too. Measured in Chromium with canvas `measureText` at 100 px, for
 * code points 32–126, in hundredths of an em.
 */

// prettier-ignore
const REGULAR = [
  32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84, 84, 84, 53,
  100, 68, 69, 70, 77, 63, 58, 77, 75, 29, 29, 66, 56, 86, 75, 79, 60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50,
  50, 61, 63, 55, 63, 62, 35, 63, 63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84,
];
// prettier-ignore
const BOLD = [
  35, 46, 52, 84, 70, 100, 87, 31, 46, 46, 52, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 40, 40, 84, 84, 84, 58,
  100, 77, 76, 73, 83, 68, 68, 82, 84, 37, 37, 77, 64, 100, 84, 85, 73, 85, 77, 72, 68, 81, 77, 110, 77, 72, 73, 46, 37, 46, 84, 50,
  50, 67, 72, 59, 72, 68, 44, 72, 71, 34, 34, 67, 34, 104, 71, 69, 72, 72, 49, 60, 48, 71, 65, 92, 65, 65, 58, 71, 37, 71, 84,
];
/** Letters outside ASCII (accented Latin, Greek…): as wide as a wide Latin letter. */
const OTHER = 80;
/** East Asian wide characters and emoji: a full em. */
const WIDE = 100;
const WIDE_CHARACTER =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;

/** Estimated width in px of `text` set in `fontSize` px, regular or bold. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let hundredths = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    hundredths += code >= 32 && code < 127 ? table[code - 32]! : WIDE_CHARACTER.test(character) ? WIDE : OTHER;
  }
  return (hundredths / 100) * fontSize;
}

/**
 * Words set in lines of at most `maxWidth` px, at most `maxLines` lines. A word too wide for a
 * line breaks after its hyphens ("Vision-Language-" / "Action"), or else is cut short with "…";
 * text that needs more lines ends with "…" on the last line. No line is wider than `maxWidth`.
 */
export function wrapLines(text: string, fontSize: number, maxWidth: number, maxLines: number, bold = false): string[] {
  const fits = (line: string) => textWidth(line, fontSize, bold) <= maxWidth;
  const pieces = text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) =>
      fits(word) ? [{ text: word, joined: false }] : word.split(/(?<=-)(?=.)/).map((part, i) => ({ text: part, joined: i > 0 })),
    );
  const lines: string[] = [];
  for (const piece of pieces) {
    const last = lines.at(-1);
    const joined = last === undefined ? piece.text : `${last}${piece.joined ? '' : ' '}${piece.text}`;
    if (last !== undefined && fits(joined)) lines[lines.length - 1] = joined;
    else lines.push(piece.text);
  }
  const kept = lines.slice(0, maxLines).map((line) => (fits(line) ? line : shorten(line, fits)));
  if (lines.length > maxLines) kept[maxLines - 1] = shorten(`${kept[maxLines - 1]!}…`, fits);
  return kept;
}

/** `line` cut short (at a space where there is one) so that it fits with "…" at its end. */
function shorten(line: string, fits: (line: string) => boolean): string {
  let cut = line.replace(/…$/, '');
  while (cut.length > 1 && !fits(`${cut}…`)) cut = cut.includes(' ') ? cut.slice(0, cut.lastIndexOf(' ')) : [...cut].slice(0, -1).join('');
  return `${cut.trimEnd()}…`;
}
