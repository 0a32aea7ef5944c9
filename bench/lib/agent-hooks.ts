import { LocalAgent, ModelState, ModelStore, type HookEvent } from '../../framework/agent';

/**
 * Runs `hook` on `unit` through the local agent, as the agent would for a timer-driven hook:
 * the hook is queued in the model under the model lock, then `wait()` drains it (tool shims
 * and socket server included). Returns the agent's own measurement of the hook process.
 */
export async function runAgentHook(
  modelDir: string,
  unit: string,
  hook: string,
  options: { readonly toolSocket?: boolean } = {},
): Promise<HookEvent> {
  const events: HookEvent[] = [];
  const agent = new LocalAgent({ modelDir, onHook: (e) => events.push(e), ...options });
  const store = new ModelStore(modelDir);
  await store.withLock(async () => {
    const model = new ModelState(store.load());
    model.enqueue(model.unit(unit), { hook });
    store.save(model.data);
  });
  await agent.wait();
  const event = events.find((e) => e.unit === unit && e.hook === hook);
  if (event === undefined) throw new Error(`agent did not run ${hook} on ${unit}`);
  if (event.outcome !== 'ok') throw new Error(`${hook} on ${unit} ${event.outcome}: ${event.reason ?? ''}`);
  return event;
}
