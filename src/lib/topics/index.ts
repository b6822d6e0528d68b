/** Topic discovery: public API. */
export { discoverTopics, type TopicOptions, type TopicResult } from './discover.ts';
export type { TopicOverride } from './overrides.ts';
export { slugify, titleCase } from './naming.ts';
