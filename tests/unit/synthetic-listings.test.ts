import { describe, expect, it } from 'vitest';
import { syntheticListings, dayLine } from '../../src/lib/bench/synthetic-listings.ts';
import { syntheticPapers } from '../../src/lib/text/bench-data.ts';
import { parseListingText } from '../../src/lib/seeds/parse.ts';

const seedTexts = [
  {
    title: 'Improving the Training of Rectified Flows',
    abstract:
      'Diffusion models have shown great promise for image and video generation. Sampling from them is slow. We propose improved techniques for training rectified flows. They allow them to compete with knowledge distillation methods even in the low step regime.',
  },
  {
    title: 'Diffusion Policy: Visuomotor Policy Learning via Action Diffusion',
    abstract:
      'This paper introduces Diffusion Policy, a new way of generating robot behavior by representing a visuomotor policy as a conditional denoising diffusion process. We benchmark it across tasks. It consistently outperforms existing methods. We find that it gracefully handles multimodal action distributions.',
  },
];

describe('synthetic listings', () => {
  it('read back as the same papers, in order, with days', () => {
    const papers = syntheticPapers(230, seedTexts);
    const files = syntheticListings(papers, 100, 40);
    expect(files.map((f) => f.name)).toEqual(['synthetic-0000.txt', 'synthetic-0001.txt', 'synthetic-0002.txt']);
    const records = files.flatMap((file) => parseListingText(file.text, file.name).records);
    expect(records.map((r) => [r.title, r.abstract])).toEqual(papers.map((p) => [p.title, p.abstract]));
    expect(papers.some((p) => p.abstract === null)).toBe(true);
    expect(records[0]!.day).toBe(dayLine(0));
    expect(records[229]!.day).toBe(dayLine(5));
  });

  it('are the same every time', () => {
    const make = () => syntheticListings(syntheticPapers(50, seedTexts), 20);
    expect(make()).toEqual(make());
  });

  it('name days as a listing does', () => {
    expect([dayLine(0), dayLine(27), dayLine(28), dayLine(12 * 28)]).toEqual(['Jan 1', 'Jan 28', 'Feb 1', 'Jan 1']);
  });
});
