import { describe, expect, it } from 'vitest';
import { extraTerms, paperSearchTerms, SearchGlossary } from '../../src/lib/search/index-terms.ts';
import { looksLikeAcronym } from '../../src/lib/text/analysis/acronyms.ts';
import { compoundParts } from '../../src/lib/text/analysis/compounds.ts';
import { acronymDefinitions, glossaryOf } from '../../src/lib/text/analysis/corpus.ts';

const definitions = (text: string) => acronymDefinitions(text).map((definition) => [definition.acronym, definition.longFormText]);

describe('acronym definitions (the one detector, as search reads it)', () => {
  it('finds an acronym after the words it abbreviates, hyphen parts and small words included', () => {
    expect(definitions('We study reinforcement learning from human feedback (RLHF) at scale.')).toEqual([
      ['RLHF', 'reinforcement learning from human feedback'],
    ]);
    expect(definitions('a framework for few-shot class-incremental learning (FSCIL), which')).toEqual([
      ['FSCIL', 'few shot class incremental learning'],
    ]);
    expect(definitions('Large Language Models (LLMs) can')).toEqual([['LLM', 'large language models']]);
    expect(definitions('with chain-of-thought (CoT) prompts')).toEqual([['CoT', 'chain of thought']]);
    expect(definitions('Video PreTraining (VPT)')).toEqual([['VPT', 'video pretraining']]);
  });

  it('ignores parentheses that are not definitions', () => {
    expect(definitions('Results improve (see Table 2).')).toEqual([]);
    expect(definitions('a new benchmark (HotpotQA) for')).toEqual([]);
    expect(definitions('robots, (RL) helps')).toEqual([]); // no words before it in the clause
    expect(definitions('many robot tasks (RLHF)')).toEqual([]); // initials do not match
  });

  it('recognises acronyms by their capitals', () => {
    expect(['VLA', 'LLMs', 'ILfO', 'CoT', 'MoDE'].every(looksLikeAcronym)).toBe(true);
    expect(['Flow', 'HotpotQA', 'a', 'robots'].some(looksLikeAcronym)).toBe(false);
  });
});

describe('compound names', () => {
  it('splits camel-case names into their parts', () => {
    expect(compoundParts('OpenVLA')).toEqual(['Open', 'VLA']);
    expect(compoundParts('HybridFlow')).toEqual(['Hybrid', 'Flow']);
    expect(compoundParts('ARFlow')).toEqual(['AR', 'Flow']);
    expect(compoundParts('MegaBERT')).toEqual(['Mega', 'BERT']);
  });

  it('leaves plain words, acronyms, plurals of acronyms and names with a one-letter part alone', () => {
    for (const word of ['flow', 'Flow', 'VLA', 'LLMs', 'VLMs', 'GPT4', 'iPhone', 'ReAct', 'MoDE', 'LLaMA'])
      expect(compoundParts(word), word).toEqual([]);
  });
});

describe('extra search terms', () => {
  const papers = [
    {
      title: 'HybridFlow: A Flexible and Efficient RLHF Framework',
      abstract: 'Reinforcement Learning from Human Feedback (RLHF) is widely used in LLM alignment.',
    },
    { title: 'Training Language Models with Language Feedback', abstract: 'We improve models with RLHF and more.' },
    { title: 'In-context Vectors', abstract: 'Large language models (LLMs) show in-context learning (ICL) abilities.' },
    { title: 'Demonstrations for In-Context Learning', abstract: 'Are demonstrations needed for in context learning?' },
  ];
  const glossary = glossaryOf(papers);
  const index = new SearchGlossary(glossary);

  it('learns one glossary from the whole list, sorted', () => {
    expect(glossary.acronyms().map((acronym) => [acronym, glossary.longForms(acronym)])).toEqual([
      ['ICL', ['in context learning']],
      ['LLM', ['large language models']],
      ['RLHF', ['reinforcement learning from human feedback']],
    ]);
  });

  it('adds long forms for acronyms used and acronyms for long forms used, not what the text says already', () => {
    expect(extraTerms('We improve models with RLHF and more.', index)).toEqual(['reinforcement learning from human feedback']);
    expect(extraTerms('Are demonstrations needed for in context learning?', index)).toEqual(['ICL']);
    expect(extraTerms('Reinforcement Learning from Human Feedback (RLHF) is used with LLMs.', index)).toEqual(['large language models']);
    expect(extraTerms('Nothing to see here.', index)).toEqual([]);
  });

  it('gives a paper its title terms (compound parts first) and abstract terms, without repeats', () => {
    expect(paperSearchTerms(papers[0]!, index)).toEqual({
      title: 'Hybrid Flow, reinforcement learning from human feedback',
      abstract: 'large language models',
    });
    expect(paperSearchTerms(papers[3]!, index)).toEqual({ title: 'ICL', abstract: '' });
  });

  it('is deterministic', () => {
    const again = new SearchGlossary(glossaryOf([...papers].reverse()));
    expect(papers.map((p) => paperSearchTerms(p, again))).toEqual(papers.map((p) => paperSearchTerms(p, index)));
  });
});
