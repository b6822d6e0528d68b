/** Character classes the scanner asks about (ASCII only: LaTeX command names are ASCII). */

export function isAsciiLetter(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

export function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

export function isWordChar(ch: string): boolean {
  return isAsciiLetter(ch) || isDigit(ch) || ch === '_';
}
