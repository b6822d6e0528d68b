/**
 * Options for the build's worker threads (the pipeline's, src/loaders/; the search index
 * writer's, src/integrations/bundle-writer.ts).
 */

/**
 * The process's Node options for a worker thread. A worker inherits them; `--input-type` (a
 * build started with `node --input-type=module -e`, as the bench does) made the main thread
 * stall until the worker finished, losing the overlap the worker is for.
 */
export const workerExecArgv = (): string[] => process.execArgv.filter((arg) => !arg.startsWith('--input-type'));
