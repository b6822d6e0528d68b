import { describe, expect, it } from 'vitest';
import {
  acronymDefinitions,
  buildGlossary,
  compoundParts,
  extraTerms,
  looksLikeAcronym,
  paperSearchTerms,
} from '../../src/lib/search/index-terms.ts';

describe('acronym definitions', () => {
  it('finds an acronym after the words it abbreviates, hyphen parts and small words included', () => {
    expect(acronymDefinitions('We study reinforcement learning from human feedback (RLHF) at scale.')).toEqual([
      ['RLHF', 'reinforcement learning from human feedback'],
    ]);
    expect(acronymDefinitions('a framework for few-shot class-incremental learning (FSCIL), which')).toEqual([
      ['FSCIL', 'few shot class incremental learning'],
    ]);
    expect(acronymDefinitions('Large Language Models (LLMs) can')).toEqual([['LLM', 'large language models']]);
    expect(acronymDefinitions('with chain-of-thought (CoT) prompts')).toEqual([['CoT', 'chain of thought']]);
    expect(acronymDefinitions('Video PreTraining (VPT)')).toEqual([['VPT', 'video pretraining']]);
  });

  it('ignores parentheses that are not definitions', () => {
    expect(acronymDefinitions('Results improve (see Table 2).')).toEqual([]);
    expect(acronymDefinitions('a new benchmark (HotpotQA) for')).toEqual([]);
    expect(acronymDefinitions('robots, (RL) helps')).toEqual([]); // no words before it in the clause
    expect(acronymDefinitions('many robot tasks (RLHF)')).toEqual([]); // initials do not match
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
  });

  it('leaves plain words, acronyms and plurals of acronyms alone', () => {
    for (const word of ['flow', 'Flow', 'VLA', 'LLMs', 'VLMs', 'GPT4', 'iPhone']) expect(compoundParts(word), word).toEqual([]);
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
  const glossary = buildGlossary(papers);

  it('learns one glossary from the whole list, sorted', () => {
    expect([...glossary]).toEqual([
      ['ICL', ['in context learning']],
      ['LLM', ['large language models']],
      ['RLHF', ['reinforcement learning from human feedback']],
    ]);
  });

  it('adds long forms for acronyms used and acronyms for long forms used, not what the text says already', () => {
    expect(extraTerms('We improve models with RLHF and more.', glossary)).toEqual(['reinforcement learning from human feedback']);
    expect(extraTerms('Are demonstrations needed for in context learning?', glossary)).toEqual(['ICL']);
    expect(extraTerms('Reinforcement Learning from Human Feedback (RLHF) is used with LLMs.', glossary)).toEqual(['large language models']);
    expect(extraTerms('Nothing to see here.', glossary)).toEqual([]);
  });

  it('gives a paper its title terms (compound parts first) and abstract terms, without repeats', () => {
    expect(paperSearchTerms(papers[0]!, papers)).toEqual({
      title: 'Hybrid Flow, reinforcement learning from human feedback',
      abstract: 'large language models',
    });
    expect(paperSearchTerms(papers[3]!, papers)).toEqual({ title: 'ICL', abstract: '' });
  });

  it('is deterministic', () => {
    expect(papers.map((p) => paperSearchTerms(p, papers))).toEqual(papers.map((p) => paperSearchTerms(p, [...papers])));
  });
});
