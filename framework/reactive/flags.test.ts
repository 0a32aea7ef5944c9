import { FlagSet, KeyValueStore } from '../unit';
import { runInDispatchContext } from './dispatch-context';
import { clearFlag, getFlags, isFlagSet, registerTrigger, setFlag, toggleFlag } from './flags';
import { NoActiveDispatchError } from './reactive-errors';

describe('flag functions', () => {
  it('throw NoActiveDispatchError outside a dispatch, naming the function', () => {
    expect(() => setFlag('a')).toThrow(NoActiveDispatchError);
    expect(() => isFlagSet('a')).toThrow(/^no active dispatch: isFlagSet\(\)/);
    expect(() => getFlags()).toThrow(NoActiveDispatchError);
  });

  it('act on the current dispatch context, across awaits, with cause runtime', async () => {
    const flags = new FlagSet(['x']);
    const causes: string[] = [];
    flags.changes$.subscribe((c) => causes.push(`${c.flag}:${c.cause}`));
    await runInDispatchContext({ flags, kv: new KeyValueStore() }, async () => {
      registerTrigger({ when: 'a', clearFlag: 'x' });
      await Promise.resolve();
      setFlag('a');
      toggleFlag('b');
      toggleFlag('b', true);
      clearFlag('missing');
      expect(isFlagSet('x')).toBe(false);
      expect(getFlags()).toEqual(['a', 'b']);
    });
    expect(causes).toEqual(['a:runtime', 'x:trigger', 'b:runtime']);
  });
});
