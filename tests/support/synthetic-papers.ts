/**
 * A deterministic synthetic corpus for tests at some scale: realistic-looking papers made by mixing
 * sentences and title words of real abstracts, plus invented rare words so that the vocabulary
 * grows with the corpus as it does in real collections (Heaps' law). Same input, same output:
 * the only randomness is a fixed-seed mulberry32 generator.
 */
export interface SeedText {
  title: string;
  abstract: string;
}

export interface SyntheticPaper {
  id: string;
  title: string;
  abstract: string | null;
}

const FIXED_SEED = 0x5eed1e55;
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ne',
  'ra',
  'tu',
  'vo',
  'zi',
  'shen',
  'dar',
  'qua',
  'lex',
  'mor',
  'phi',
  'tron',
  'gal',
  'ber',
  'sol',
  'vin',
  'rix',
  'nov',
  'pel',
  'cor',
  'dyn',
  'hex',
  'jun',
  'kel',
  'mag',
  'orb',
  'sta',
];

/** mulberry32: a tiny, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The i-th invented word: syllables spelled from the digits of i in base SYLLABLES.length. */
function inventedWord(i: number): string {
  let word = '';
  let rest = i + SYLLABLES.length; // at least two syllables
  while (rest > 0) {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  }
  return word;
}

function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.length > 0);
}

/**
 * `n` papers with ids `syn-000000`…, built from `seedTexts` (at least one). About 3% have no
 * abstract, like real listings.
 */
export function syntheticPapers(n: number, seedTexts: readonly SeedText[]): SyntheticPaper[] {
  if (seedTexts.length === 0) throw new Error('syntheticPapers: need at least one seed text');
  const random = mulberry32(FIXED_SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const sentences = seedTexts.map((seed) => splitSentences(seed.abstract));
  const titleWords = seedTexts.map((seed) => seed.title.split(/\s+/));
  // Invented words follow a skewed distribution: a few are common, most are rare.
  const inventedPool = Math.max(200, Math.floor(n / 2));
  const invented = () => inventedWord(Math.floor(inventedPool * random() ** 2));

  const papers: SyntheticPaper[] = [];
  for (let i = 0; i < n; i++) {
    const primary = Math.floor(random() * seedTexts.length);
    const secondary = Math.floor(random() * seedTexts.length);
    const name = invented();

    const title = titleWords[primary]!.map((word) => {
      const roll = random();
      if (roll < 0.15) return invented();
      if (roll < 0.3) return pick(titleWords[secondary]!);
      return word;
    }).join(' ');

    const sentenceCount = 3 + Math.floor(random() * 6);
    const chosen: string[] = [];
    for (let s = 0; s < sentenceCount; s++) {
      const roll = random();
      const source = roll < 0.6 ? primary : roll < 0.9 ? secondary : Math.floor(random() * seedTexts.length);
      const pool = sentences[source]!;
      if (pool.length > 0) chosen.push(pick(pool));
    }
    const displayName = `${name[0]!.toUpperCase()}${name.slice(1)}`;
    const abstract =
      `We present ${displayName}. ` +
      chosen
        .join(' ')
        .split(' ')
        .map((word) => (random() < 0.05 ? invented() : word))
        .join(' ');

    papers.push({
      id: `syn-${String(i).padStart(6, '0')}`,
      title: random() < 0.5 ? `${displayName}: ${title}` : title,
      abstract: random() < 0.03 ? null : abstract,
    });
  }
  return papers;
}
