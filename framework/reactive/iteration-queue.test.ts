import { HandlerRegistry } from './handler-registry';
import { IterationQueue } from './iteration-queue';
import type { RegisteredHandler } from './registered-handler';

function handlers(...specs: Array<{ id: string; when: string[] }>): RegisteredHandler[] {
  const registry = new HandlerRegistry();
  for (const s of specs) registry.addHandler({ ...s, run: () => undefined });
  return [...registry.handlers];
}

function drain(queue: IterationQueue): string[] {
  const out: string[] = [];
  for (let h = queue.take(); h !== undefined; h = queue.take()) out.push(h.id);
  return out;
}

describe('IterationQueue', () => {
  const [a, b, c] = handlers({ id: 'a', when: ['x'] }, { id: 'b', when: ['y'] }, { id: 'c', when: ['x', 'y'] });
  const all = [a, b, c] as RegisteredHandler[];
  const byFlag = new Map([
    ['x', [a, c] as RegisteredHandler[]],
    ['y', [b, c] as RegisteredHandler[]],
  ]);

  it('gives the queued handlers in order, each once', () => {
    const queue = new IterationQueue(3);
    queue.start(all);
    expect(drain(queue)).toEqual(['a', 'b', 'c']);
    expect(queue.take()).toBeUndefined();
  });

  it('drops, in queue order, only the waiting watchers of a changed flag that no longer hold', () => {
    const queue = new IterationQueue(3);
    queue.start(all);
    expect(queue.take()?.id).toBe('a');
    const tested: string[] = [];
    queue.dropFalsified(['y', 'x'], byFlag, (h) => {
      tested.push(h.id);
      return h.id !== 'c';
    });
    // a has had its turn; c watches both changed flags and is tested once.
    expect(tested).toEqual(['b', 'c']);
    expect(drain(queue)).toEqual(['b']);
  });

  it('a dropped handler stays out for the rest of the iteration, and is back in the next', () => {
    const queue = new IterationQueue(3);
    queue.start(all);
    queue.dropFalsified(['x'], byFlag, () => false);
    queue.dropFalsified(['x'], byFlag, () => true);
    expect(drain(queue)).toEqual(['b']);
    queue.start([c] as RegisteredHandler[]);
    expect(drain(queue)).toEqual(['c']);
  });
});
