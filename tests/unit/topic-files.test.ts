import { describe, expect, it } from 'vitest';
import { parseTopicFile, parseTopicFiles, topicOverride } from '../../src/loaders/topic-files.ts';

const file = (text: string, name = 'rlhf.mdx') => parseTopicFiles([{ id: name.replace(/\.mdx?$/, ''), path: `/topics/${name}`, text }])[0]!;

describe('curator topic files', () => {
  it('reads the front matter and the first paragraph as plain text', () => {
    const text = [
      '---',
      'name: Reinforcement Learning from Human Feedback',
      'aliases: [RLHF, preference optimization]',
      'pinned: true',
      '---',
      "import Note from '../components/Note.astro';",
      '',
      '# Heading',
      '',
      '<Note kind="info" />',
      '',
      'Methods that *fine-tune* models from [human preference](https://example.org) judgements,',
      'with `reward models` and **PPO**.',
      '',
      'A second paragraph.',
    ].join('\n');
    expect(parseTopicFile(text, true)).toEqual({
      frontMatter: { name: 'Reinforcement Learning from Human Feedback', aliases: ['RLHF', 'preference optimization'], pinned: true },
      description: 'Methods that fine-tune models from human preference judgements, with reward models and PPO.',
    });
  });

  it('copes with a byte-order mark, CRLF, no front matter and no body', () => {
    expect(parseTopicFile('\uFEFF---\r\nname: X\r\n---\r\nBody text\r\nmore.\r\n', false)).toEqual({
      frontMatter: { name: 'X' },
      description: 'Body text more.',
    });
    expect(parseTopicFile('Just a body.', true)).toEqual({ frontMatter: {}, description: 'Just a body.' });
    expect(parseTopicFile('---\nhidden: true\n---\n', true)).toEqual({ frontMatter: { hidden: true }, description: undefined });
  });

  it('keeps Markdown characters that are text (a .md file is not MDX)', () => {
    expect(parseTopicFile('Uses snake_case names and a < b.', false).description).toBe('Uses snake_case names and a < b.');
  });

  it('turns a file into a topic override, with defaults', () => {
    expect(topicOverride(file('---\nname: RLHF\nmerge: [human-feedback]\n---\nAbout RLHF.\n'))).toEqual({
      id: 'rlhf',
      name: 'RLHF',
      aliases: undefined,
      merge: ['human-feedback'],
      pinned: false,
      hidden: false,
      description: 'About RLHF.',
    });
  });

  it('names the file and the problem for bad front matter', () => {
    expect(() => file('---\nname: [unclosed\n---\n')).toThrow(/^Invalid topic file \/topics\/rlhf\.mdx: /);
    expect(() => file('---\n- a list\n---\n')).toThrow('Invalid topic file /topics/rlhf.mdx: front matter must be a mapping');
    expect(() => topicOverride(file('---\npinned: yes\n---\n'))).toThrow(/Invalid topic file \/topics\/rlhf\.mdx:[\s\S]*pinned/);
    expect(() => topicOverride(file('---\naliases: RLHF\n---\n'))).toThrow(/aliases/);
    expect(() => topicOverride(file('---\npinnned: true\n---\n'))).toThrow(/pinnned/);
  });
});
