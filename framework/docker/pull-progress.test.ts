import { Writable } from 'node:stream';
import type { PullProgressEvent } from '../charm/docker-types';
import { createPullReporter } from './pull-progress';

describe('createPullReporter', () => {
  it('forwards progress events unchanged when the stream is not a TTY, and writes nothing', async () => {
    let written = '';
    const stream = new Writable({
      write: (c, _e, cb) => {
        written += String(c);
        cb();
      },
    }) as unknown as NodeJS.WriteStream;
    const events: PullProgressEvent[] = [];
    const reporter = await createPullReporter('img:1', stream, (e) => events.push(e));
    const e = { image: 'img:1', status: 'Downloading', layer: 'abc', current: 1, total: 2 };
    reporter.onProgress(e);
    reporter.done();
    expect(events).toEqual([e]);
    expect(written).toBe('');
  });

  it('draws a bar of downloaded bytes over all layers on a TTY', async () => {
    let written = '';
    const stream = Object.assign(
      new Writable({
        write: (c, _e, cb) => {
          written += String(c);
          cb();
        },
      }),
      {
        isTTY: true,
        columns: 120,
        cursorTo: () => true,
        clearLine: () => true,
        moveCursor: () => true,
      },
    ) as unknown as NodeJS.WriteStream;
    const events: PullProgressEvent[] = [];
    const reporter = await createPullReporter('img:1', stream, (e) => events.push(e));
    reporter.onProgress({ image: 'img:1', status: 'Downloading', layer: 'a', current: 50, total: 100 });
    reporter.onProgress({ image: 'img:1', status: 'Downloading', layer: 'b', current: 50, total: 100 });
    reporter.done();
    expect(events).toEqual([]);
    expect(written).toContain('img:1');
    expect(written).toContain('100/200 bytes');
  });
});
