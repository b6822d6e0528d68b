/**
 * In `astro dev`, reloads a collection when a file in one of its folders is added, changed or
 * removed, as Astro's own `file()` and `glob()` loaders do. Events that arrive while a reload
 * runs are folded into one more reload, so saving several files at once rebuilds twice at most.
 */
import { dirname, resolve } from 'node:path';

/** What this needs of Astro's loader context (its watcher is Vite's chokidar watcher). */
export interface WatchContext {
  watcher?: { add(path: string): unknown; on(event: 'add' | 'change' | 'unlink', listener: (path: string) => void): unknown };
  logger: { error(message: string): void };
}

export function watchFolders({ watcher, logger }: WatchContext, folders: readonly string[], reload: () => Promise<void>): void {
  if (!watcher) return; // `astro build`: nothing to watch
  const watched = new Set(folders.map((folder) => resolve(folder)));
  for (const folder of watched) watcher.add(folder);
  let running = false;
  let again = false;
  const onEvent = async (path: string) => {
    if (!watched.has(dirname(resolve(path)))) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    do {
      again = false;
      try {
        await reload();
      } catch (error) {
        logger.error(`Reloading after a change to ${path} failed: ${(error as Error).message}`);
      }
    } while (again);
    running = false;
  };
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, onEvent);
}
