/** The worker thread of related-worker.ts: ranks the related papers of the papers it is given. */
import { workerData } from 'node:worker_threads';
import type { RankInput } from '../lib/related.ts';
import { answerParent } from '../worker-threads.ts';
import { rankHere } from './related-worker.ts';

await answerParent(() => rankHere(workerData as RankInput[]));
