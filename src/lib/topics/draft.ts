/** A topic before it has members: what it is called and which phrases find its papers. */
export interface TopicDraft {
  id: string;
  name: string;
  description?: string;
  /** Key phrases (normalised); the first is the one the topic is named after. */
  matchers: string[];
  /** Kept even when small (a curator asked for it); once-mentioning papers count for it. */
  pinned: boolean;
  /** Subject to the maximum size (automatic topics; not the ones a curator merged or pinned). */
  capped: boolean;
  /** Named by an ordinary lone word ("glaciers"): holds only the papers near its cluster. */
  commonWord?: boolean;
}
