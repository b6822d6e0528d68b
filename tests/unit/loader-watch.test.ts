import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { watchFolders, type WatchContext } from '../../src/loaders/watch.ts';

/** Just what watchFolders uses of Astro's loader context: a watcher and a logger. */
function fakeContext() {
  const watcher = Object.assign(new EventEmitter(), { added: [] as string[], add: (path: string) => watcher.added.push(path) });
  const errors: string[] = [];
  const context: WatchContext = { watcher, logger: { error: (message: string) => errors.push(message) } };
  return { watcher, errors, context };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('watchFolders (astro dev)', () => {
  it('watches the folders and reloads on a change, an added or a removed file in them only', async () => {
    const { watcher, context } = fakeContext();
    let reloads = 0;
    watchFolders(context, ['/site/seeds', '/site/topics'], async () => void reloads++);
    expect(watcher.added).toEqual(['/site/seeds', '/site/topics']);
    for (const [event, path] of [
      ['change', '/site/seeds/a.txt'],
      ['add', '/site/topics/rlhf.mdx'],
      ['unlink', '/site/seeds/b.txt'],
      ['change', '/site/src/pages/index.astro'],
      ['change', '/site/seeds/sub/c.txt'],
    ]) {
      watcher.emit(event!, path);
      await tick();
    }
    expect(reloads).toBe(3);
  });

  it('folds changes that arrive during a reload into one more reload', async () => {
    const { watcher, context } = fakeContext();
    let reloads = 0;
    let finish = () => {};
    watchFolders(context, ['/seeds'], () => {
      reloads++;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    watcher.emit('change', '/seeds/a.txt');
    for (const name of ['b', 'c', 'd']) watcher.emit('change', `/seeds/${name}.txt`);
    expect(reloads).toBe(1);
    finish();
    await tick();
    expect(reloads).toBe(2);
    finish();
    await tick();
    expect(reloads).toBe(2);
  });

  it('reports a failed reload and keeps watching', async () => {
    const { watcher, errors, context } = fakeContext();
    let reloads = 0;
    watchFolders(context, ['/seeds'], async () => {
      reloads++;
      throw new Error('bad seed');
    });
    watcher.emit('change', '/seeds/a.txt');
    await tick();
    watcher.emit('change', '/seeds/a.txt');
    await tick();
    expect(reloads).toBe(2);
    expect(errors).toEqual([
      'Reloading after a change to /seeds/a.txt failed: bad seed',
      'Reloading after a change to /seeds/a.txt failed: bad seed',
    ]);
  });

  it('does nothing in astro build (no watcher)', () => {
    expect(() => watchFolders({ logger: { error: () => {} } }, ['/seeds'], async () => {})).not.toThrow();
  });
});
