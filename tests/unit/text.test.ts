import { describe, expect, it } from 'vitest';
import { stem } from '../../src/lib/text/stem.ts';
import { GENERIC_WORDS, STOP_WORDS, isGenericTerm, isGenericWord, isStopWord } from '../../src/lib/text/stopwords.ts';
import { normalizePhrase, tokenize } from '../../src/lib/text/tokenize.ts';
import { Lexicon } from '../../src/lib/text/analysis/words.ts';

const words = (text: string) => tokenize(text).map((token) => token.text);

describe('tokenize', () => {
  it('splits on spaces and punctuation, keeping offsets into the text', () => {
    const text = 'Robots learn, fast.';
    const tokens = tokenize(text);
    expect(tokens).toEqual([
      { text: 'Robots', lower: 'robots', start: 0, end: 6 },
      { text: 'learn', lower: 'learn', start: 7, end: 12 },
      { text: 'fast', lower: 'fast', start: 14, end: 18 },
    ]);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('splits hyphenated and slashed words so they match the spaced form', () => {
    expect(words('in-context learning')).toEqual(['in', 'context', 'learning']);
    expect(words('Vision-Language-Action')).toEqual(['Vision', 'Language', 'Action']);
    expect(words('encoder/decoder')).toEqual(['encoder', 'decoder']);
    expect(words('state‐of‐the‐art')).toEqual(['state', 'of', 'the', 'art']); // U+2010 hyphens
  });

  it('keeps letters outside ASCII inside one word', () => {
    expect(words('Schrödinger bridge')).toEqual(['Schrödinger', 'bridge']);
    expect(words('Schro\u0308dinger')).toEqual(['Schrödinger']); // decomposed ö, composed by NFKC
    expect(words('αβ-VAE and Σ-models')).toEqual(['αβ', 'VAE', 'and', 'Σ', 'models']);
    expect(words('Привет мир')).toEqual(['Привет', 'мир']);
    expect(words('한국어 텍스트')).toEqual(['한국어', '텍스트']);
  });

  it('gives each Han or kana character its own token', () => {
    expect(words('大型语言模型')).toEqual(['大', '型', '语', '言', '模', '型']);
    expect(words('LLMの評価')).toEqual(['LLM', 'の', '評', '価']);
  });

  it('drops the possessive and joins other apostrophes', () => {
    expect(words("the robot's arm")).toEqual(['the', 'robot', 'arm']);
    expect(words('the robot’s arm')).toEqual(['the', 'robot', 'arm']);
    expect(words("ROBOT'S")).toEqual(['ROBOT']);
    expect(words("don't stop")).toEqual(['dont', 'stop']);
    expect(words("the robots' arms")).toEqual(['the', 'robots', 'arms']);
    expect(words("'quoted'")).toEqual(['quoted']);
  });

  it('keeps digits and tokens that contain them', () => {
    expect(words('GPT-4 on 3D scenes with 1.5B parameters')).toEqual(['GPT', '4', 'on', '3D', 'scenes', 'with', '1', '5B', 'parameters']);
  });

  it('NFKC-normalises ligatures and full-width letters', () => {
    expect(words('ﬁne-tuning')).toEqual(['fine', 'tuning']);
    expect(words('ＧＰＴ')).toEqual(['GPT']);
  });

  it('returns nothing for text without words', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' -- /// ... ')).toEqual([]);
  });
});

describe('content words (what topics, related papers and the term space count)', () => {
  const lexicon = new Lexicon();
  const content = (text: string) =>
    tokenize(text)
      .map((token) => lexicon.entry(token.lower))
      .filter((entry) => entry.content)
      .map((entry) => entry.stem);

  it('lowercases, removes stop and generic words, and stems', () => {
    expect(content('We propose a novel approach to learning robot policies')).toEqual(['learn', 'robot', 'polici']);
  });

  it('drops single characters and pure numbers but keeps mixed tokens and ideographs', () => {
    expect(content('GPT-4 and a 3D model in 2024 x')).toEqual(['gpt', '3d', 'model']);
    expect(content('深度学习')).toEqual(['深', '度', '学', '习']);
  });

  it('treats every inflection of a generic word as generic', () => {
    expect(content('proposes proposed proposing results outperforms')).toEqual([]);
  });

  it('makes hyphenated and spaced forms identical', () => {
    expect(content('vision-language-action models')).toEqual(content('Vision Language Action model'));
  });

  it('reads a compound name as its parts', () => {
    expect(lexicon.compound('OpenVLA')!.map((entry) => entry.stem)).toEqual(['open', 'vla']);
    expect(lexicon.compound('ReAct')).toBeNull();
  });
});

describe('normalizePhrase', () => {
  it('makes surface variants of a phrase equal', () => {
    expect(normalizePhrase('Vision-Language-Action models')).toBe(normalizePhrase('vision language action model'));
    expect(normalizePhrase('Vision-Language-Action models')).toBe('vision languag action model');
    expect(normalizePhrase('Diffusion Policies')).toBe(normalizePhrase('diffusion policy'));
  });

  it('keeps stop words, so different phrases stay different', () => {
    expect(normalizePhrase('learning from demonstrations')).toBe('learn from demonstr');
    expect(normalizePhrase('learning from demonstrations')).not.toBe(normalizePhrase('learning demonstrations'));
  });
});

describe('stop words', () => {
  it('knows function words and keeps content words out', () => {
    for (const word of ['the', 'of', 'and', 'which', 'between', 'dont']) expect(isStopWord(word)).toBe(true);
    for (const word of ['robot', 'learning', 'flow', 'model', 'paper']) expect(isStopWord(word)).toBe(false);
  });

  it('knows generic academic words and keeps domain words out', () => {
    for (const word of [
      'paper',
      'propose',
      'approach',
      'method',
      'results',
      'show',
      'novel',
      'based',
      'using',
      'however',
      'existing',
      'recent',
      'work',
    ]) {
      expect(isGenericWord(word)).toBe(true);
    }
    for (const word of ['model', 'learning', 'data', 'robot', 'demonstrations', 'state', 'question']) {
      expect(isGenericWord(word)).toBe(false);
    }
    expect(isGenericTerm(stem('proposing'))).toBe(true);
    expect(isGenericTerm(stem('demonstrations'))).toBe(false);
  });

  it('holds lowercase single words only', () => {
    for (const word of [...STOP_WORDS, ...GENERIC_WORDS]) expect(word).toMatch(/^[a-z]+$/);
  });
});

describe('stem (Porter2 / Snowball English)', () => {
  // Expected values from the Snowball project's English test vocabulary (voc.txt / output.txt).
  const reference: Record<string, string> = {
    learning: 'learn',
    learned: 'learn',
    learns: 'learn',
    policies: 'polici',
    policy: 'polici',
    manipulation: 'manipul',
    generalization: 'general',
    generous: 'generous',
    generate: 'generat',
    communication: 'communic',
    community: 'communiti',
    universal: 'universal',
    university: 'universiti',
    organization: 'organiz',
    organic: 'organic',
    international: 'internat',
    later: 'later',
    lateral: 'lateral',
    emergency: 'emergenc',
    emerge: 'emerg',
    past: 'past',
    paste: 'paste',
    pasted: 'paste',
    dying: 'die',
    lying: 'lie',
    tying: 'tie',
    inning: 'inning',
    innings: 'inning',
    evening: 'evening',
    outing: 'outing',
    canning: 'canning',
    proceed: 'proceed',
    proceeded: 'proceed',
    exceed: 'exceed',
    succeeded: 'succeed',
    agreed: 'agre',
    feed: 'feed',
    skies: 'sky',
    skis: 'ski',
    news: 'news',
    atlas: 'atlas',
    bias: 'bias',
    andes: 'andes',
    cosmos: 'cosmos',
    howe: 'howe',
    idly: 'idl',
    gently: 'gentl',
    early: 'earli',
    only: 'onli',
    singly: 'singl',
    ugly: 'ugli',
    sky: 'sky',
    added: 'add',
    hopping: 'hop',
    hoped: 'hope',
    hoping: 'hope',
    caress: 'caress',
    caresses: 'caress',
    ponies: 'poni',
    ties: 'tie',
    cries: 'cri',
    gas: 'gas',
    gaps: 'gap',
    this: 'this',
    ied: 'ie',
    knightly: 'knight',
    consolingly: 'consol',
    sensibility: 'sensibl',
    hopefulness: 'hope',
    callousness: 'callous',
    formality: 'formal',
    rational: 'ration',
    conditional: 'condit',
    differently: 'differ',
    operator: 'oper',
    archaeology: 'archaeolog',
    geologist: 'geolog',
    effective: 'effect',
    effectiveness: 'effect',
    abundance: 'abund',
    independence: 'independ',
    agreement: 'agreement',
    adjustment: 'adjust',
    dependent: 'depend',
    dependency: 'depend',
    adoption: 'adopt',
    regression: 'regress',
    diffusion: 'diffus',
    attention: 'attent',
    reasoning: 'reason',
    imitation: 'imit',
    rectified: 'rectifi',
    flows: 'flow',
    reinforcement: 'reinforc',
    apology: 'apolog',
    bowed: 'bow',
    crying: 'cri',
    saying: 'say',
    played: 'play',
    playing: 'play',
    happy: 'happi',
    happiness: 'happi',
    happily: 'happili',
  };

  it.each(Object.entries(reference))('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('conflates inflections of research vocabulary', () => {
    const sameStem = [
      ['learning', 'learned', 'learns', 'learn'],
      ['policies', 'policy'],
      ['manipulation', 'manipulating', 'manipulate', 'manipulated'],
      ['transformer', 'transformers'],
      ['robots', 'robot', 'robotics', 'robotic'],
      ['benchmarks', 'benchmark', 'benchmarking'],
      ['tokenization', 'tokenize', 'tokenized'],
    ];
    for (const group of sameStem) expect(new Set(group.map(stem)).size, group.join('/')).toBe(1);
  });

  it('leaves short words, digits and other scripts alone', () => {
    expect(stem('is')).toBe('is');
    expect(stem('3d')).toBe('3d');
    expect(stem('gpt4')).toBe('gpt4');
    expect(stem('αβγ')).toBe('αβγ');
    expect(stem('模型')).toBe('模型');
  });
});
