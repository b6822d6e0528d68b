/**
 * The build's worker threads (the pipeline's, src/loaders/; the search index writer's,
 * src/integrations/bundle-writer.ts): how one is started, and how it answers.
 */
import { parentPort, Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * The process's Node options for a worker thread. A worker inherits them; `--input-type` (a
 * build started with `node --input-type=module -e`, as the bench does) made the main thread
 * stall until the worker finished, losing the overlap the worker is for.
 */
const workerExecArgv = (): string[] => process.execArgv.filter((arg) => !arg.startsWith('--input-type'));

/**
 * A worker thread running `url`, with the process's Node options (workerExecArgv) less those a
 * worker refuses: a build started with `node --max-old-space-size=8192` or `--trace-gc` would
 * otherwise fail when it starts its first worker. Node names the options it refused.
 * `resourceLimits` sizes its heap (none: V8's defaults).
 */
export function startWorker(url: URL, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const execArgv = workerExecArgv();
  try {
    return new Worker(url, { workerData, execArgv, resourceLimits });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    const refused = new Set(
      (error as Error).message
        .replace(/^[^:]*:/, '')
        .split(', ')
        .map((flag) => flag.trim()),
    );
    return new Worker(url, { workerData, execArgv: execArgv.filter((arg) => !refused.has(arg)), resourceLimits });
  }
}

/** A task's failure as a worker posts it (an Error does not cross threads whole). */
export interface WorkerFailure {
  type: 'failed';
  message: string;
  stack?: string;
}

export const workerFailure = (error: unknown): WorkerFailure => ({
  type: 'failed',
  message: error instanceof Error ? error.message : String(error),
  stack: error instanceof Error ? error.stack : undefined,
});

/** The failure posted by a worker, as an Error again. */
export const failureError = (failure: WorkerFailure): Error => Object.assign(new Error(failure.message), { stack: failure.stack });

type Answer<T> = { type: 'done'; value: T } | WorkerFailure;

/** In a worker started by runInWorker: runs `task` and posts its result, or its failure. */
export async function answerParent<T>(task: () => T | Promise<T>): Promise<void> {
  let answer: Answer<T>;
  try {
    answer = { type: 'done', value: await task() };
  } catch (error) {
    answer = workerFailure(error);
  }
  parentPort!.postMessage(answer);
}

/**
 * Runs the worker module at `url` (which answers with answerParent) on `workerData`, and gives
 * its answer. Where the worker cannot start or load its modules (a Node without TypeScript type
 * stripping), `here` does the same work in this thread instead.
 */
export function runInWorker<T>(url: URL, workerData: unknown, here: () => T | Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let answered = false;
    const worker = startWorker(url, workerData);
    worker.once('message', (answer: Answer<T>) => {
      answered = true;
      if (answer.type === 'done') resolve(answer.value);
      else reject(failureError(answer));
    });
    // answerParent catches the task's own errors: an 'error' event means the worker never ran it.
    worker.once('error', () => {
      if (answered) return;
      answered = true;
      Promise.resolve().then(here).then(resolve, reject);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the worker thread ${url.pathname} stopped (exit code ${code}) without answering`));
    });
  });
}
