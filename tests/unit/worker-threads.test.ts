import { afterEach, describe, expect, it } from 'vitest';
import { once } from 'node:events';
import { startWorker } from '../../src/worker-threads.ts';

/** A worker that answers with the Node options it was started with. */
const TELL_OPTIONS = new URL(
  `data:text/javascript,${encodeURIComponent("import { parentPort } from 'node:worker_threads'; parentPort.postMessage(process.execArgv);")}`,
);

describe('starting a worker thread', () => {
  const given = process.execArgv;
  afterEach(() => {
    process.execArgv = given;
  });

  it('passes on the options a worker takes, and leaves out those it refuses instead of failing', async () => {
    // As `node --max-old-space-size=8192 --trace-gc node_modules/.bin/astro build` would give them.
    process.execArgv = ['--max-old-space-size=8192', '--conditions=reading-list', '--trace-gc', '--input-type=module'];
    const worker = startWorker(TELL_OPTIONS, null);
    const [options] = (await once(worker, 'message')) as [string[]];
    await worker.terminate();
    expect(options).toEqual(['--conditions=reading-list']);
  });

  it('still fails for anything else', () => {
    expect(() => startWorker(new URL('file:///no/such/worker.js'), () => 'not cloneable')).toThrow();
  });
});
