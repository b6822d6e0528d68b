// scratch: pipeline only at scale (not committed)
import { readdirSync, readFileSync } from 'node:fs';
import { parseListing } from '../src/lib/seeds/parse.ts';
import { syntheticPapers } from '../src/lib/text/bench-data.ts';
import { syntheticListings } from '../src/lib/bench/synthetic-listings.ts';
import { buildCorpus } from '../src/lib/pipeline.ts';
const seeds = readdirSync('seeds').flatMap((f) => parseListing(readFileSync('seeds/' + f), f).records).filter((r) => r.abstract).map((r) => ({ title: r.title, abstract: r.abstract! }));
const n = Number(process.argv[2]);
const files = syntheticListings(syntheticPapers(n, seeds)).map((f) => ({ name: f.name, bytes: new TextEncoder().encode(f.text) }));
const t = performance.now();
const corpus = buildCorpus(files);
console.log(n, 'papers', corpus.papers.length, 'topics', corpus.topics.length, 'ms', Math.round(performance.now() - t), JSON.stringify(corpus.timings), 'rss MiB', Math.round(process.memoryUsage().rss / 2 ** 20));
