/** Topic discovery: public API. */
export { discoverTopics, type TopicOptions, type TopicResult } from './discover.ts';
export type { TopicOverride } from './overrides.ts';
export { titleCase } from '../text/analysis/title-case.ts';
export { slugify } from '../slug.ts';
