import { describe, expect, it } from 'vitest';
import { classifyLink, extractLinks, findLinks, linkifyText, toHttpHref, trimUrlEnd } from '../../src/lib/text/links.ts';

const urlsIn = (text: string) => findLinks(text).map((link) => link.href);

describe('URL boundaries', () => {
  it.each([
    ['Code: https://github.com/thuml/Flowformer.', 'https://github.com/thuml/Flowformer'],
    ['on our website https://portal-cornell.github.io/motion_track_policy/.', 'https://portal-cornell.github.io/motion_track_policy/'],
    ['at https://portal-cornell.github.io/motion_track_policy/ for more', 'https://portal-cornell.github.io/motion_track_policy/'],
    ['found at https://sites.google.com/view/cablerouting.', 'https://sites.google.com/view/cablerouting'],
    ['available at https://github.com/VinAIResearch/LFM.git.', 'https://github.com/VinAIResearch/LFM.git'],
    ['published at https://aka.ms/orca-lm), a 13-billion', 'https://aka.ms/orca-lm'],
    ['(see https://example.org/a;), then', 'https://example.org/a'],
    ['wiki https://en.wikipedia.org/wiki/Function_(mathematics).', 'https://en.wikipedia.org/wiki/Function_(mathematics)'],
    ['at:https://gravmad.github.io, and', 'https://gravmad.github.io'],
    ['"https://example.org/x"', 'https://example.org/x'],
    ['at https://github.com/a\\_b/c\\_d.', 'https://github.com/a_b/c_d'],
  ])('%s', (text, expected) => {
    expect(urlsIn(text)).toEqual([expected]);
  });

  it('adds https:// to www. and scheme-less code hosts, keeping what was written as text', () => {
    expect(findLinks('see www.example.org, or github.com/org/repo.')).toEqual([
      { start: 4, end: 19, text: 'www.example.org', href: 'https://www.example.org' },
      { start: 24, end: 43, text: 'github.com/org/repo', href: 'https://github.com/org/repo' },
    ]);
  });

  it('reads LaTeX \\url and \\href', () => {
    expect(findLinks('at \\url{https://x.org/a_b} or \\href{https://y.org}{our page}')).toEqual([
      { start: 3, end: 26, text: 'https://x.org/a_b', href: 'https://x.org/a_b' },
      { start: 30, end: 60, text: 'our page', href: 'https://y.org' },
    ]);
  });

  it('never links other schemes or non-hosts', () => {
    expect(urlsIn('javascript:alert(1) data:text/html,x \\href{javascript:alert(1)}{x} mailto:a@b.org')).toEqual([]);
    expect(urlsIn('https://localhost/ and http://x')).toEqual([]);
    expect(urlsIn('the website.github.com/x of mysite.github.com/org')).toEqual([]);
  });

  it('trims repeatedly and keeps balanced brackets', () => {
    expect(trimUrlEnd('https://a.org/x).')).toBe('https://a.org/x');
    expect(trimUrlEnd('https://a.org/(x).')).toBe('https://a.org/(x)');
    expect(trimUrlEnd('https://a.org/x...')).toBe('https://a.org/x');
  });

  it('accepts only http(s) hrefs', () => {
    expect(toHttpHref('javascript:alert(1)')).toBeNull();
    expect(toHttpHref('JAVASCRIPT:alert(1)')).toBeNull();
    expect(toHttpHref('www.example.org')).toBe('https://www.example.org');
    expect(toHttpHref('http://example.org')).toBe('http://example.org');
  });
});

describe('classification', () => {
  it.each([
    ['https://github.com/thuml/Flowformer', '', 'code'],
    ['https://gitlab.com/a/b', '', 'code'],
    ['https://bitbucket.org/a/b', '', 'code'],
    ['https://codeberg.org/a/b', '', 'code'],
    ['https://huggingface.co/datasets/org/data', '', 'code'],
    ['https://huggingface.co/spaces/org/demo', '', 'code'],
    ['https://huggingface.co/org/model', '', 'code'],
    ['https://huggingface.co/papers/2401.00001', '', 'other'],
    ['https://portal-cornell.github.io/motion_track_policy/', '', 'project'],
    ['https://sites.google.com/view/cablerouting', '', 'project'],
    ['https://robotutilitymodels.com', 'It can be found on our project website: ', 'project'],
    ['https://deform-pam.robotflow.ai', 'Code and data will be available at ', 'project'],
    ['https://example.org/demo', 'Robot videos at ', 'project'],
    ['https://aka.ms/orca-lm', 'to be published at ', 'other'],
    ['https://example.org', 'See the project page. We compare with ', 'other'],
    ['https://arxiv.org/abs/2401.00001', 'Our project page is ', 'other'],
  ] as const)('%s after %j → %s', (href, before, kind) => {
    expect(classifyLink(href, before)).toBe(kind);
  });
});

describe('extractLinks', () => {
  it('classifies, de-duplicates and keeps order of appearance', () => {
    const abstract =
      'We release the code and data at https://github.com/vsahil/MIMETIC-2.git and the project website is hosted at ' +
      'https://how-many-van-goghs-does-it-take.github.io. Code: https://github.com/vsahil/MIMETIC-2. ' +
      'Videos at https://WWW.Example.org/videos/ and https://example.org/videos. Data from https://zenodo.org/records/1.';
    expect(extractLinks(abstract)).toEqual([
      { url: 'https://github.com/vsahil/MIMETIC-2.git', kind: 'code' },
      { url: 'https://how-many-van-goghs-does-it-take.github.io', kind: 'project' },
      { url: 'https://WWW.Example.org/videos/', kind: 'project' },
      { url: 'https://zenodo.org/records/1', kind: 'other' },
    ]);
  });

  it('returns nothing for text without links', () => {
    expect(extractLinks('We study robots. No links here, e.g. github or www.')).toEqual([]);
  });
});

describe('linkifyText', () => {
  it('splits text around link nodes marked nofollow noopener', () => {
    expect(linkifyText('Code: https://github.com/a/b.')).toEqual([
      { type: 'text', value: 'Code: ' },
      {
        type: 'link',
        url: 'https://github.com/a/b',
        title: null,
        children: [{ type: 'text', value: 'https://github.com/a/b' }],
        data: { hProperties: { rel: ['nofollow', 'noopener'] } },
      },
      { type: 'text', value: '.' },
    ]);
  });
});
