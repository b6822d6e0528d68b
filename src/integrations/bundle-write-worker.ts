/** The worker thread of bundle-writer.ts: recompresses and writes one search bundle, then exits. */
import { parentPort, workerData } from 'node:worker_threads';
import { writeBundleHere, type BundleJob } from './bundle-writer.ts';

parentPort!.postMessage('loaded');
const job = workerData as BundleJob;
await writeBundleHere(job.dir, new Map(job.files), job.parallel);
