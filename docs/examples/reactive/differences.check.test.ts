/**
 * Runs the "deliberate differences" samples of docs/reactive.md through the real dispatcher and
 * checks each claim the page makes about them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DispatchLoopError, KeyValueStore, defineHandler, toggleFlag, type DispatchResult, type TraceEvent } from 'rxcharm';
import { Dispatcher, FlagSet, HandlerRegistry, fileHashKey } from 'rxcharm/testing';
import { ClearUnset, FileWatch, FileWatchReversed, HookAndFlag, SetRetests, TriggerOrder } from './differences';

interface Unit {
  readonly flags: FlagSet;
  readonly kv: KeyValueStore;
}

function unit(flags: string[] = []): Unit {
  return { flags: new FlagSet(flags), kv: new KeyValueStore() };
}

async function dispatch(Class: new () => object, on: Unit, hookName = 'update-status', files: Record<string, string> = {}): Promise<DispatchResult> {
  const registry = new HandlerRegistry();
  registry.addClass(Class, { source: { layer: 'docs', file: 'differences.ts' }, instance: () => new Class() });
  const readFile = (path: string): Buffer | undefined => (path in files ? Buffer.from(files[path] as string) : undefined);
  return new Dispatcher({ registry, flags: on.flags, kv: on.kv, readFile }).dispatch(hookName);
}

const flagEvents = (trace: readonly TraceEvent[]): string[] =>
  trace.flatMap((e) => (e.type === 'flag.set' ? [`+${e.flag} (${e.cause})`] : e.type === 'flag.cleared' ? [`-${e.flag} (${e.cause})`] : []));

it('1. a handler that sets a flag makes a queued handler waiting on its absence skip', async () => {
  const out = await dispatch(SetRetests, unit());
  expect(out.invoked).toEqual(['docs:differences.ts:SetRetests.install']);
  expect(out.trace).toContainEqual({ type: 'handler.skipped', iteration: 0, handler: 'docs:differences.ts:SetRetests.fallback', unmet: ['whenNot(installed)'] });
});

it('2. clearing an unset flag emits no event and re-tests nothing', async () => {
  const out = await dispatch(ClearUnset, unit(['go']));
  expect(out.invoked).toEqual(['docs:differences.ts:ClearUnset.cleanup']);
  expect(flagEvents(out.trace)).toEqual([]);
  expect(out.trace.filter((e) => e.type === 'handler.skipped')).toEqual([]);
});

it('4. testing a file condition records nothing; only a run records the hash, in either decorator order', async () => {
  for (const Class of [FileWatch, FileWatchReversed]) {
    const u = unit();
    const files = { '/etc/app.conf': 'port: 80\n' };
    // `go` is unset: the handler is tested (and the file read) but the hash is not consumed.
    expect((await dispatch(Class, u, 'update-status', files)).invoked).toEqual([]);
    expect(u.kv.get(fileHashKey('/etc/app.conf'))).toBeUndefined();
    u.flags.set('go');
    expect((await dispatch(Class, u, 'update-status', files)).invoked).toEqual([`docs:differences.ts:${Class.name}.restart`]);
    // Same content: nothing to do; new content: runs again.
    expect((await dispatch(Class, u, 'update-status', files)).invoked).toEqual([]);
    expect((await dispatch(Class, u, 'update-status', { '/etc/app.conf': 'port: 81\n' })).invoked).toEqual([`docs:differences.ts:${Class.name}.restart`]);
  }
});

it('5. a @hook handler with a flag condition runs in the hook phase when both hold', async () => {
  const started = await dispatch(HookAndFlag, unit(['app.started']), 'config-changed');
  expect(started.invoked).toEqual(['docs:differences.ts:HookAndFlag.reconfigure']);
  expect(started.trace).toContainEqual({ type: 'handler.invoked', iteration: 'hook', handler: 'docs:differences.ts:HookAndFlag.reconfigure' });
  expect((await dispatch(HookAndFlag, unit(), 'config-changed')).invoked).toEqual([]);
  expect((await dispatch(HookAndFlag, unit(['app.started']), 'update-status')).invoked).toEqual([]);
});

it('9. triggers apply in registration order: -x then +y', async () => {
  const out = await dispatch(TriggerOrder, unit(['go', 'x']));
  expect(flagEvents(out.trace)).toEqual(['+a (docs:differences.ts:TriggerOrder.arm)', '-x (trigger)', '+y (trigger)']);
  expect(out.flags).toEqual(['a', 'go', 'y']);
});

it('3. a loop fails the hook with the message the page shows', async () => {
  const page = readFileSync(join(__dirname, '..', '..', 'reactive.md'), 'utf8');
  const shown = /\*\*3\. Loops are errors\.\*\*[\s\S]*?```\n([\s\S]*?)\n```/.exec(page)?.[1];
  const registry = new HandlerRegistry();
  // Each handler flips the flag it watches: both run again in every iteration.
  registry.addHandler(defineHandler({ id: 'app:ping', whenAny: ['go', 'ping'], run: () => toggleFlag('ping') }));
  registry.addHandler(defineHandler({ id: 'app:pong', whenAny: ['go', 'pong'], run: () => toggleFlag('pong') }));
  const u = unit(['go']);
  const error = await new Dispatcher({ registry, flags: u.flags, kv: u.kv }).dispatch('update-status').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DispatchLoopError);
  expect((error as DispatchLoopError).message).toBe(shown);
});
