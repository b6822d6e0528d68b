/**
 * Reads one seed file of any accepted format: decodes it, tells its format from its content
 * (the extension only breaks ties), and hands it to that format's reader.
 *
 *   text listing · Hugging Face Daily Papers JSON (array, item, JSON Lines) · arXiv API Atom ·
 *   BibTeX · CSL-JSON
 */
import type { SeedFormat } from '../types.ts';
import { readArxivAtom, looksLikeAtom } from './arxiv-atom.ts';
import { looksLikeBibtex, readBibtex } from './bibtex.ts';
import { isCslItem, readCslItems } from './csl-json.ts';
import { decodeOrReport } from './decode.ts';
import { isDailyPapersItem, readDailyPapers } from './hf-daily.ts';
import { readJsonItems } from './json-items.ts';
import { parseListingText } from './parse.ts';
import type { ParsedSeedFile } from './record.ts';

export type { ParsedSeedFile } from './record.ts';

export type SniffedFormat = SeedFormat | 'json' | 'xml';

const extension = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * The format of a decoded seed file, from its first characters. JSON is only narrowed to
 * Daily Papers or CSL-JSON once its items are read (`json`); XML that is not an Atom feed is `xml`.
 */
export function sniffFormat(text: string, name: string): SniffedFormat {
  const start = text.trimStart().charAt(0);
  const ext = extension(name);
  if (start === '[' || start === '{') return 'json';
  if (start === '<') return looksLikeAtom(text) ? 'arxiv-atom' : 'xml';
  if (ext === 'bib' || ext === 'bibtex' || looksLikeBibtex(text)) return 'bibtex';
  return 'listing';
}

/**
 * Extensions of files that are never seeds: a site's or a program's own files (a `dist/` or
 * `node_modules/` copied into the seeds folder), read as text they looked like listings.
 */
const NOT_SEEDS = new Set(['css', 'scss', 'less', 'js', 'mjs', 'cjs', 'jsx', 'ts', 'tsx', 'map', 'wasm', 'svg', 'astro', 'vue', 'svelte']);

export function parseSeedFile(bytes: Uint8Array, file: string): ParsedSeedFile {
  const ext = extension(file);
  if (NOT_SEEDS.has(ext)) {
    const message = `a .${ext} file, not a seed (seeds are listings, JSON, Atom or BibTeX); skipped`;
    return { format: null, records: [], diagnostics: [{ severity: 'warning', file, message }] };
  }
  const decoded = decodeOrReport(bytes, file);
  const parsed: ParsedSeedFile = { format: null, records: [], diagnostics: decoded.diagnostics };
  if (decoded.text === null) return parsed;
  const { text } = decoded;
  const format = sniffFormat(text, file);
  switch (format) {
    case 'listing': {
      const listing = parseListingText(text, file);
      return { format, records: listing.records, diagnostics: [...parsed.diagnostics, ...listing.diagnostics] };
    }
    case 'bibtex':
      readBibtex(text, file, parsed);
      break;
    case 'arxiv-atom':
      readArxivAtom(text, file, parsed);
      break;
    case 'xml':
      parsed.diagnostics.push({ severity: 'error', file, message: 'XML, but not an arXiv API (Atom) feed; file skipped' });
      return parsed;
    default: {
      const json = readJsonItems(text, file);
      parsed.diagnostics.push(...json.diagnostics);
      const first = json.items.find((item) => typeof item.value === 'object' && item.value !== null)?.value;
      if (isDailyPapersItem(first)) {
        readDailyPapers(json.items, file, parsed);
        return { ...parsed, format: 'hf-daily-papers' };
      }
      if (isCslItem(first)) {
        readCslItems(json.items, file, parsed);
        return { ...parsed, format: 'csl-json' };
      }
      if (json.items.length > 0) {
        parsed.diagnostics.push({
          severity: 'error',
          file,
          line: json.items[0].line,
          message: 'JSON, but neither Hugging Face Daily Papers nor CSL-JSON items; file skipped',
        });
      }
      return parsed;
    }
  }
  return { ...parsed, format };
}
