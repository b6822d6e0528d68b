/**
 * `npm run bench:parse`: parses 100,000 structured seed entries (Daily Papers JSON and JSON
 * Lines, arXiv Atom, BibTeX, CSL-JSON: 20,000 of each, in files of 2,000) and merges them,
 * the way the build does (src/lib/seeds/, src/lib/merge.ts). Prints the figures when run
 * directly; `benchParse` returns them for `npm run bench`. Target: under 5 s for 100,000.
 *
 *   npm run bench:parse              # 100,000 entries
 *   npm run bench:parse -- 20000     # another size
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticPapers, type SeedText } from '../../tests/support/synthetic-papers.ts';
import { structuredSeeds } from './structured-seeds.ts';
import { parseSeedFile } from '../../src/lib/seeds/index.ts';
import { mergeRecords } from '../../src/lib/merge.ts';
import type { SeedRecord } from '../../src/lib/types.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface FormatFigures {
  format: string;
  files: number;
  entries: number;
  megabytes: number;
  /** Wall-clock time. */
  ms: number;
  /** CPU time of this process (user + system): what the parse costs when other processes share the cores. */
  cpuMs: number;
  /** Entries parsed per second of CPU time. */
  rate: number;
}

export interface ParseFigures {
  entries: number;
  formats: FormatFigures[];
  parseMs: number;
  mergeMs: number;
  /** CPU time of the merge. */
  mergeCpuMs: number;
  totalMs: number;
  /** CPU time of parse and merge together. */
  totalCpuMs: number;
  papers: number;
  diagnostics: number;
}

function seedTexts(): SeedText[] {
  const dir = join(root, 'seeds');
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .flatMap((name) => parseSeedFile(readFileSync(join(dir, name)), name).records)
    .flatMap((r) => (r.abstract ? [{ title: r.title, abstract: r.abstract }] : []));
}

export function benchParse(entries = 100_000): ParseFigures {
  const files = structuredSeeds(syntheticPapers(entries, seedTexts()));
  const encoder = new TextEncoder();
  const formats = new Map<string, FormatFigures>();
  const records: SeedRecord[] = [];
  let diagnostics = 0;
  // Collect the generator's garbage now, so the parse is not charged for it (with --expose-gc).
  (globalThis as { gc?: () => void }).gc?.();
  const parseStart = performance.now();
  for (const file of files) {
    const bytes = encoder.encode(file.text);
    const start = performance.now();
    const cpu = process.cpuUsage();
    const parsed = parseSeedFile(bytes, file.name);
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    records.push(...parsed.records);
    diagnostics += parsed.diagnostics.length;
    const key = parsed.format ?? 'unread';
    const figures = formats.get(key) ?? { format: key, files: 0, entries: 0, megabytes: 0, ms: 0, cpuMs: 0, rate: 0 };
    figures.files++;
    figures.entries += parsed.records.length;
    figures.megabytes += bytes.length / 1e6;
    figures.ms += ms;
    figures.cpuMs += (used.user + used.system) / 1000;
    formats.set(key, figures);
  }
  const parseMs = performance.now() - parseStart;
  const mergeStart = performance.now();
  const mergeCpu = process.cpuUsage();
  const merged = mergeRecords(records);
  const mergeMs = performance.now() - mergeStart;
  const mergeUsed = process.cpuUsage(mergeCpu);
  const mergeCpuMs = (mergeUsed.user + mergeUsed.system) / 1000;
  const round = (n: number, digits = 0) => Number(n.toFixed(digits));
  return {
    entries: records.length,
    formats: [...formats.values()].map((f) => ({
      ...f,
      megabytes: round(f.megabytes, 1),
      ms: round(f.ms),
      cpuMs: round(f.cpuMs),
      rate: round(f.entries / (f.cpuMs / 1000)),
    })),
    parseMs: round(parseMs),
    mergeMs: round(mergeMs),
    mergeCpuMs: round(mergeCpuMs),
    totalMs: round(parseMs + mergeMs),
    totalCpuMs: round([...formats.values()].reduce((sum, f) => sum + f.cpuMs, 0) + mergeCpuMs),
    papers: merged.papers.length,
    diagnostics,
  };
}

/** The figures as a Markdown table, for the terminal and docs/benchmarks.md. */
export function parseTable(figures: ParseFigures): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const rows = figures.formats.map(
    (f) =>
      `| ${f.format} | ${f.files} | ${f.entries.toLocaleString('en')} | ${f.megabytes} MB | ${s(f.ms)} | ${s(f.cpuMs)} | ${f.rate.toLocaleString('en')}/s |`,
  );
  return [
    '| format | files | entries | size | parse (wall) | parse (CPU) | entries per CPU second |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    `| **all** | | **${figures.entries.toLocaleString('en')}** | | **${s(figures.parseMs)}** | | |`,
    '',
    `merge into ${figures.papers.toLocaleString('en')} papers: ${s(figures.mergeMs)} wall, ${s(figures.mergeCpuMs)} CPU; ` +
      `parse and merge: **${s(figures.totalMs)}** wall, ${s(figures.totalCpuMs)} CPU (target: under 5 s for 100,000); ` +
      `${figures.diagnostics} diagnostic(s) (synthetic papers without an abstract)`,
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const size = Number(process.argv[2]) || 100_000;
  console.log(parseTable(benchParse(size)));
}
