/** The worker thread of bundle-writer.ts: recompresses and writes one search bundle. */
import { workerData } from 'node:worker_threads';
import { answerParent } from '../worker-threads.ts';
import { writeBundleHere, type BundleJob } from './bundle-writer.ts';

const job = workerData as BundleJob;
await answerParent(() => writeBundleHere(job.dir, new Map(job.files), job.parallel));
