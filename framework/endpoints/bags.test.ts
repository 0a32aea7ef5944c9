import { MalformedRelationDataError, NotLeaderError } from './endpoint-errors';
import { PublishBag } from './publish-bag';
import { ReceivedBag } from './received-bag';

const origin = { endpoint: 'db', relationId: 'db:3', unit: 'kv/0' };

describe('ReceivedBag', () => {
  const bag = new ReceivedBag({ port: '5432', obj: '{"a":1}', host: '10.0.0.1', bad: '{oops' }, origin);

  it('decodes JSON and falls back to the raw string', () => {
    expect(bag.get('port')).toBe(5432);
    expect(bag.get('obj')).toEqual({ a: 1 });
    expect(bag.get('host')).toBe('10.0.0.1');
    expect(bag.get('missing')).toBeUndefined();
    expect(bag.raw('port')).toBe('5432');
    expect(bag.keys()).toEqual(['bad', 'host', 'obj', 'port']);
  });

  it('strict json() names endpoint, relation, unit and key', () => {
    expect(() => bag.json('bad')).toThrow(MalformedRelationDataError);
    expect(() => bag.json('bad')).toThrow(/^malformed relation data: db db:3 kv\/0 key "bad": not JSON/);
  });
});

describe('PublishBag', () => {
  it('diffs against the initial data: changed, new, removed (as empty string)', () => {
    const bag = new PublishBag({ keep: '"k"', change: '1', drop: 'x' });
    bag.set('change', 2);
    bag.set('obj', { b: 1, a: [true] });
    bag.delete('drop');
    bag.set('keep', 'k');
    expect(bag.diff()).toEqual({ change: '2', obj: '{"a":[true],"b":1}', drop: '' });
    expect(bag.get('obj')).toEqual({ a: [true], b: 1 });
  });

  it('setRaw stores strings as-is; empty or null removes', () => {
    const bag = new PublishBag({ a: 'x' });
    bag.setRaw('host', '10.0.0.1');
    bag.set('a', null);
    expect(bag.diff()).toEqual({ host: '10.0.0.1', a: '' });
    expect(new PublishBag({}).diff()).toEqual({});
  });

  it('runs its guard before writes (app bags of non-leaders)', () => {
    const bag = new PublishBag({}, () => {
      throw new NotLeaderError('db:3');
    });
    expect(() => bag.set('a', 1)).toThrow('cannot publish application data: db:3: this unit is not the leader');
    expect(bag.diff()).toEqual({});
  });
});
