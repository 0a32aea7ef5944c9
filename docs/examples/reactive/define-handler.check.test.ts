/** Runs the `defineHandler` sample of docs/reactive.md: the same handler as `AppCharm.start`, without a class. */
import { KeyValueStore, isHandlerDefinition } from 'rxcharm';
import { Dispatcher, FlagSet, HandlerRegistry } from 'rxcharm/testing';
import { start } from './define-handler';

async function run(flags: string[]): Promise<{ invoked: string[]; flags: string[] }> {
  const registry = new HandlerRegistry();
  registry.addHandler(start);
  const { invoked, flags: after } = await new Dispatcher({ registry, flags: new FlagSet(flags), kv: new KeyValueStore() }).dispatch('install');
  return { invoked, flags: after };
}

it('is a frozen handler definition with the given id', () => {
  expect(isHandlerDefinition(start)).toBe(true);
  expect(Object.isFrozen(start)).toBe(true);
  expect(start.id).toBe('app:start');
});

it('starts once docker is available, and only then', async () => {
  expect(await run([])).toEqual({ invoked: [], flags: [] });
  expect(await run(['docker.available'])).toEqual({ invoked: ['app:start'], flags: ['app.started', 'docker.available'] });
  expect(await run(['app.started', 'docker.available'])).toEqual({ invoked: [], flags: ['app.started', 'docker.available'] });
});
