/**
 * The pages of every topic, with the topic's curator note (MDX, from the `topicNotes`
 * collection). Apart from src/data.ts so that only topic pages load Astro's content runtime.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Paper, Topic } from './lib/types.ts';
import { paginate, type ListPage } from './lib/pagination.ts';
import { paperById, topics } from './data.ts';
import { siteSettings } from './settings.ts';
import { newestKey } from './lib/export/added.ts';

/** A page of a topic's paper list, with the topic's curator note (MDX) if it has one. */
export interface TopicPage extends ListPage<Paper> {
  topic: Topic;
  note: CollectionEntry<'topicNotes'> | undefined;
  /** How many papers the topic has in all. */
  total: number;
  /** The added key of the topic's newest paper (the reader's "new since your last visit"). */
  newest: string;
}

let topicPagesMemo: Promise<TopicPage[]> | undefined;

/** Every page of every topic, computed once for the routes that need them. */
export function topicPages(): Promise<TopicPage[]> {
  topicPagesMemo ??= getCollection('topicNotes').then((entries) => {
    const notes = new Map(entries.map((note) => [note.id, note]));
    return topics.flatMap((topic) => {
      const members = topic.papers.flatMap((id) => paperById.get(id) ?? []);
      const newest = newestKey(members);
      return paginate(members, siteSettings.pageSize).map((page) => ({
        ...page,
        topic,
        note: notes.get(topic.id),
        total: members.length,
        newest,
      }));
    });
  });
  return topicPagesMemo;
}
