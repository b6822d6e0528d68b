/**
 * @retorquere/bibtex-parser's own structural ("verbatim") parser: entries with their raw field
 * values (`@string` macros and `#` concatenation applied, months as numbers), errors with the
 * broken entry's source, recovery at the next entry. The library's `parse` runs it first and then
 * converts every field's TeX with a PEG parser, which costs 1–5 ms an entry with an abstract;
 * src/lib/seeds/bibtex.ts calls this part directly and converts only the fields that hold TeX.
 *
 * The package's `exports` map names only its main module, so the file is loaded by its path
 * next to the main module (see docs/decisions.md, "BibTeX"). If an update moves it, this throws
 * at start-up and tests/unit/seed-formats.test.ts fails: nothing degrades silently.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface VerbatimEntry {
  /** The entry's source text; empty for an entry the parser could not finish. */
  input: string;
  type: string;
  key: string;
  /** Field names in lower case, values as written (braces kept, macros expanded). */
  fields: Record<string, string>;
}

export interface VerbatimLibrary {
  entries: VerbatimEntry[];
  errors: { error: string; input?: string }[];
}

const require = createRequire(import.meta.url);

function load(): (input: string) => VerbatimLibrary {
  const main = require.resolve('@retorquere/bibtex-parser'); // …/dist/cjs/index.js
  const path = join(dirname(main), '..', 'esm', 'verbatim.js');
  try {
    const module = require(path) as { parse: (input: string) => VerbatimLibrary };
    if (typeof module.parse !== 'function') throw new Error('no parse function');
    return module.parse;
  } catch (cause) {
    throw new Error(`Cannot load @retorquere/bibtex-parser's verbatim parser from ${path}: the package layout changed`, { cause });
  }
}

export const parseVerbatim = load();
