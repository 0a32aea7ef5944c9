import { FlagSet, type FlagChange } from './flag-set';
import { InvalidFlagError, InvalidTriggerError } from './unit-errors';

function recorded(fs: FlagSet): string[] {
  const out: string[] = [];
  fs.changes$.subscribe((c: FlagChange) =>
    out.push(`${c.change === 'set' ? '+' : '-'}${c.flag}@${c.cause}${c.trigger ? `<${c.trigger}/${c.origin}` : ''}`),
  );
  return out;
}

describe('FlagSet', () => {
  it('emits only real transitions, with their cause', () => {
    const fs = new FlagSet(['a']);
    const log = recorded(fs);
    expect(fs.set('a', 'h1')).toBe(false);
    expect(fs.clear('b', 'h1')).toBe(false);
    expect(fs.set('b', 'h1')).toBe(true);
    expect(fs.toggle('a', undefined, 'h2')).toBe(true);
    expect(fs.toggle('b', true)).toBe(false);
    expect(log).toEqual(['+b@h1', '-a@h2']);
    expect(fs.list()).toEqual(['b']);
    expect(fs.version).toBe(2);
  });

  it('fires triggers immediately, in registration order, recursively, once per real change', () => {
    const fs = new FlagSet(['x', 'y']);
    fs.registerTrigger({ when: 'a', setFlag: 'b' });
    fs.registerTrigger({ when: 'a', clearFlag: 'x' });
    fs.registerTrigger({ when: 'b', setFlag: 'c' });
    fs.registerTrigger({ whenNot: 'x', clearFlag: 'y' });
    fs.registerTrigger({ when: 'a', setFlag: 'b' }); // duplicate: ignored
    const log = recorded(fs);
    fs.set('a', 'h');
    fs.set('a', 'h');
    expect(log).toEqual([
      '+a@h',
      '+b@trigger<when:a/h',
      '+c@trigger<when:b/h',
      '-x@trigger<when:a/h',
      '-y@trigger<whenNot:x/h',
    ]);
  });

  it('terminates on trigger cycles because re-setting is a no-op', () => {
    const fs = new FlagSet();
    fs.registerTrigger({ when: 'a', setFlag: 'b' });
    fs.registerTrigger({ when: 'b', setFlag: 'a' });
    fs.set('a');
    expect(fs.list()).toEqual(['a', 'b']);
  });

  it('rejects malformed triggers and flags', () => {
    const fs = new FlagSet();
    expect(() => fs.registerTrigger({ setFlag: 'b' })).toThrow(InvalidTriggerError);
    expect(() => fs.registerTrigger({ when: 'a', whenNot: 'b', setFlag: 'c' })).toThrow(InvalidTriggerError);
    expect(() => fs.registerTrigger({ when: 'a' })).toThrow(/setFlag and\/or clearFlag/);
    expect(() => fs.set('')).toThrow(InvalidFlagError);
  });
});
