/** The keys of a papers.json item, in the documented order (README, "Data export"). */
export const PAPERS_JSON_KEYS = [
  'id',
  'title',
  'url',
  'abstract',
  'authors',
  'date',
  'arxiv',
  'doi',
  'venue',
  'topics',
  'related',
  'sources',
  'links',
];
