import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileUnitStore } from './file-unit-store';
import { KeyValueStore } from './key-value-store';
import { MemoryUnitStore } from './memory-unit-store';
import { beginTransaction } from './unit-transaction';
import { KvValueError, TransactionClosedError, UnitStateCorruptError } from './unit-errors';
import { useTempDir } from '../../test/support/temp-dir';

describe('KeyValueStore', () => {
  it('copies values in and out and lists keys by exact prefix', () => {
    const kv = new KeyValueStore({ 'a.x': 1 });
    const v = { list: [1, 2] };
    kv.set('a_y', v);
    v.list.push(3);
    (kv.get<{ list: number[] }>('a_y') as { list: number[] }).list.push(4);
    expect(kv.get('a_y')).toEqual({ list: [1, 2] });
    expect(kv.keys('a.')).toEqual(['a.x']);
    expect(kv.unset('a.x')).toBe(true);
    expect(kv.toJSON()).toEqual({ a_y: { list: [1, 2] } });
  });

  it('rejects values that are not plain JSON, naming the path', () => {
    const kv = new KeyValueStore();
    expect(() => kv.set('k', { when: new Date() } as never)).toThrow(KvValueError);
    expect(() => kv.set('k', [1, Number.NaN])).toThrow(/\$\[1\] is NaN/);
    expect(kv.has('k')).toBe(false);
  });
});

describe('transactions', () => {
  it('commit writes flags, kv and config; rollback writes nothing', () => {
    const store = new MemoryUnitStore();
    const tx = beginTransaction(store);
    tx.flags.set('a');
    tx.kv.set('k', 'v');
    tx.commit({ config: { port: 80 } });
    expect(store.load()).toEqual({ version: 1, flags: ['a'], kv: { k: 'v' }, config: { port: 80 } });
    const tx2 = beginTransaction(store);
    expect(tx2.previousConfig).toEqual({ port: 80 });
    tx2.flags.clear('a');
    tx2.kv.unset('k');
    tx2.rollback();
    expect(store.load().flags).toEqual(['a']);
    expect(() => tx2.commit()).toThrow(TransactionClosedError);
    const tx3 = beginTransaction(store);
    tx3.commit();
    expect(store.load().config).toEqual({ port: 80 });
  });
});

describe('FileUnitStore', () => {
  const tmp = useTempDir('rxcharm-unit-');

  it('starts empty, round-trips, and leaves no temp file', () => {
    const store = new FileUnitStore(tmp.path);
    expect(store.load()).toEqual({ version: 1, flags: [], kv: {}, config: null });
    store.save({ version: 1, flags: ['b', 'a'], kv: { n: 1 }, config: { x: 'y' } });
    expect(new FileUnitStore(tmp.path).load()).toEqual({
      version: 1,
      flags: ['a', 'b'],
      kv: { n: 1 },
      config: { x: 'y' },
    });
    expect(readdirSync(join(tmp.path, '.rxcharm'))).toEqual(['unit-state.json']);
  });

  it('a rolled-back hook leaves the file byte-for-byte unchanged', () => {
    const store = new FileUnitStore(tmp.path);
    store.save({ version: 1, flags: ['a'], kv: { k: 1 }, config: null });
    const before = readFileSync(store.file);
    const tx = beginTransaction(store);
    tx.flags.set('b');
    tx.kv.set('k', 2);
    tx.rollback();
    expect(readFileSync(store.file).equals(before)).toBe(true);
  });

  it('a commit that changed nothing writes nothing; one that changed something replaces the file', () => {
    const first = new FileUnitStore(tmp.path);
    first.save({ version: 1, flags: ['a'], kv: { k: 1 }, config: null });
    const inode = statSync(first.file).ino;

    const store = new FileUnitStore(tmp.path);
    const noop = beginTransaction(store);
    noop.flags.set('a');
    noop.commit();
    expect(statSync(store.file).ino).toBe(inode);

    const change = beginTransaction(store);
    change.kv.set('k', 2);
    change.commit();
    expect(statSync(store.file).ino).not.toBe(inode);
    expect(new FileUnitStore(tmp.path).load().kv).toEqual({ k: 2 });
  });

  it.each([
    ['{not json', /not valid JSON/],
    ['{"version":2,"flags":[],"kv":{},"config":null}', /version is 2, expected 1/],
    ['{"version":1,"flags":["a",3],"kv":{},"config":null}', /flags\[1\] is not a non-empty string/],
    ['[]', /top level is not an object/],
  ])('a corrupt file (%s) fails with a typed error naming it, backed up, never reset', (text, reason) => {
    const store = new FileUnitStore(tmp.path);
    store.save({ version: 1, flags: [], kv: {}, config: null });
    writeFileSync(store.file, text);
    let err: unknown;
    try {
      store.load();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UnitStateCorruptError);
    const e = err as UnitStateCorruptError;
    expect(e.message).toContain(store.file);
    expect(e.message).toMatch(reason);
    expect(e.backup).toBe(`${store.file}.corrupt-1`);
    expect(readFileSync(e.backup as string, 'utf8')).toBe(text);
    expect(readFileSync(store.file, 'utf8')).toBe(text);
    expect(() => store.load()).toThrow(UnitStateCorruptError);
    expect(readdirSync(join(tmp.path, '.rxcharm')).sort()).toEqual(['unit-state.json', 'unit-state.json.corrupt-1']);
    writeFileSync(store.file, `${text} `);
    expect(() => store.load()).toThrow(/unit-state\.json\.corrupt-2/);
  });
});
