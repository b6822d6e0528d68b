import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { layoutLocalMap, localMapSvg, shortTitle, type LocalNeighbour } from '../../src/lib/pictures/local-map.ts';
import { overlapping } from '../../src/lib/pictures/overlap.ts';

const CENTRE = { id: 'centre', title: 'Improving the Training of Rectified Flows' };
const RELATED: LocalNeighbour[] = [
  { id: 'a', title: 'SlimFlow: Training Smaller One-Step Diffusion Models with Rectified Flow', related: ['c', 'centre'] },
  { id: 'b', title: 'Flow Straight and Fast: Learning to Generate and Transfer Data with Rectified Flow', related: [] },
  { id: 'c', title: 'Steering Rectified Flow Models in the Vector Field for Controlled Image Generation', related: ['a'] },
  { id: 'd', title: '<img src=x onerror=alert(1)> & "Quoted" Robots', related: ['b', 'elsewhere'] },
  { id: 'e', title: 'ARFlow: Autoregressive Flow with Hybrid Linear Attention', related: ['a'] },
];
const href = (id: string) => `/papers/${id}/`;

describe('local map layout', () => {
  const layout = layoutLocalMap(CENTRE, RELATED);

  it('joins related papers that are related to each other (either way, once), and no others', () => {
    // a–c (both ways), b–d (d lists b), a–e (e lists a); "elsewhere" and the centre are not neighbours.
    expect(layout.links).toEqual([
      [0, 2],
      [0, 4],
      [1, 3],
    ]);
  });

  it('seats papers that are related to each other side by side around the ring', () => {
    const angle = (i: number) => Math.atan2(layout.neighbours[i]!.y - layout.centre.y, layout.neighbours[i]!.x - layout.centre.x);
    const order = layout.neighbours.map((_, i) => i).sort((a, b) => angle(a) - angle(b));
    const adjacent = (a: number, b: number) => {
      const gap = Math.abs(order.indexOf(a) - order.indexOf(b));
      return gap === 1 || gap === order.length - 1;
    };
    expect(adjacent(0, 2)).toBe(true);
    expect(adjacent(1, 3)).toBe(true);
  });

  it('puts the most related closer to the centre', () => {
    const distance = (i: number) =>
      Math.hypot((layout.neighbours[i]!.x - layout.centre.x) / 118, (layout.neighbours[i]!.y - layout.centre.y) / 80);
    expect(distance(0)).toBeLessThan(distance(4));
  });

  it('keeps every node and label apart and inside the picture, at a phone’s width', () => {
    expect(overlapping([layout.centre, ...layout.neighbours].map((n) => n.box))).toEqual([]);
    expect(layout.width).toBeLessThanOrEqual(358);
    for (const { box } of [layout.centre, ...layout.neighbours]) {
      expect(box.x - box.width / 2).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width / 2).toBeLessThanOrEqual(layout.width);
    }
  });

  it('labels nodes with short titles, at most two lines', () => {
    expect(shortTitle('SlimFlow: Training Smaller One-Step Diffusion Models')).toBe('SlimFlow');
    expect(shortTitle('Improving the Training of Rectified Flows')).toBe('Improving the Training of Rectified Flows');
    expect(layout.neighbours[0]!.lines).toEqual(['SlimFlow']);
    expect(layout.centre.lines).toEqual(['This paper']);
    expect(layout.neighbours.every((n) => n.lines.length <= 2)).toBe(true);
  });

  it('draws at most `limit` neighbours, the first given, and still fits a phone with long titles', () => {
    const titles = [
      'Supercalifragilisticexpialidociousness-Driven Pretraining at Scale',
      'WWWWWWWWWW WWWWWWWWWW WWWWWWWWWW WWWWWWWWWW',
      'Learning to Walk in Minutes Using Massively Parallel Deep Reinforcement Learning',
    ];
    const many = Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, title: titles[i % 3]!, related: [] }));
    const small = layoutLocalMap(CENTRE, many, { limit: 8 });
    expect(small.neighbours.map((n) => n.id)).toEqual(many.slice(0, 8).map((p) => p.id));
    expect(overlapping([small.centre, ...small.neighbours].map((n) => n.box))).toEqual([]);
    expect(small.width).toBeLessThanOrEqual(358);
  });

  it('is the same on every run', () => {
    expect(layoutLocalMap(CENTRE, RELATED)).toEqual(layout);
  });
});

describe('local map SVG', () => {
  const svg = localMapSvg(layoutLocalMap(CENTRE, RELATED), href);

  it('is well-formed and escapes titles', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('<img');
    expect(svg).toContain('<title>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Quoted&quot; Robots</title>');
  });

  it('links every related paper, titled in full; the centre is not a link', () => {
    const links = [...svg.matchAll(/<a href="([^"]+)"><title>([^<]+)<\/title>/g)].map((m) => m[1]);
    expect(links).toEqual(RELATED.map((p) => href(p.id)));
    expect(svg).not.toContain(href('centre'));
  });

  it('draws a line to each related paper, wider when more related, and dashed-class lines between related ones', () => {
    const segments = (path: string) => path.match(/M[\d.]+ [\d.]+L[\d.]+ [\d.]+/g)!.length;
    const spokes = [...svg.matchAll(/<path stroke-width="([\d.]+)" d="([^"]+)"\/>/g)];
    expect(spokes.reduce((sum, [, , d]) => sum + segments(d!), 0)).toBe(5);
    expect(spokes.map(([, width]) => Number(width))).toEqual([...spokes.map(([, width]) => Number(width))].sort((a, b) => b - a));
    expect(segments(/<path class="between" d="([^"]+)"\/>/.exec(svg)![1]!)).toBe(3);
    expect(svg).toContain('stroke-width="3"');
    expect(svg).not.toMatch(/\s(style|fill|stroke)=/);
  });
});
