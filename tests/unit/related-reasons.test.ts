import { describe, expect, it } from 'vitest';
import { describeRelation } from '../../src/lib/related-reasons.ts';

const names: Record<string, string> = { 'rectified-flow': 'Rectified Flow', 'imitation-learning': 'Imitation Learning' };
const topicName = (id: string) => names[id] ?? id;

describe('describeRelation', () => {
  it('lists shared terms, then shared topics by name', () => {
    expect(describeRelation(['one-step', 'distillation', 'topic:rectified-flow'], topicName)).toBe(
      'shared terms: one-step, distillation; same topic: Rectified Flow',
    );
  });
  it('drops a term that only repeats a shared topic name', () => {
    expect(describeRelation(['rectified flow', 'reflow', 'topic:rectified-flow'], topicName)).toBe(
      'shared terms: reflow; same topic: Rectified Flow',
    );
  });
  it('names shared authors last', () => {
    expect(describeRelation(['reflow', 'topic:rectified-flow', 'author:Xingchao Liu'], topicName)).toBe(
      'shared terms: reflow; same topic: Rectified Flow; same author: Xingchao Liu',
    );
    expect(describeRelation(['author:A. Smith', 'author:B. Jones'], topicName)).toBe('same authors: A. Smith, B. Jones');
  });
  it('says nothing when there is nothing to say', () => {
    expect(describeRelation([], topicName)).toBe('');
    expect(describeRelation(['demonstrations'], topicName)).toBe('shared terms: demonstrations');
  });
});
