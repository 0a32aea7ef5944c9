import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCharmInfo } from './load-charm-info';

describe('loadCharmInfo', () => {
  it('reads endpoints, typed options and actions of a charm', () => {
    const info = loadCharmInfo(resolve(__dirname, '../../../test/fixtures/agent-charms/consumer'));
    expect(info.name).toBe('consumer');
    expect(info.endpoints).toEqual([
      { name: 'db', role: 'requires', interface: 'kv' },
      { name: 'backup', role: 'requires', interface: 'kv' },
      { name: 'cluster', role: 'peers', interface: 'consumer-peers' },
    ]);
    expect(info.config.port).toMatchObject({ type: 'int', default: 8080 });
    expect(info.config.nothing?.default).toBeNull();
    expect(Object.keys(info.actions)).toEqual(['echo', 'explode']);
  });

  it("accepts Juju's shorthand endpoint form, as a hook of the charm does", () => {
    const dir = mkdtempSync(join(tmpdir(), 'rxcharm-charminfo-'));
    try {
      writeFileSync(join(dir, 'metadata.yaml'), 'name: x\nrequires:\n  db: pgsql\n');
      expect(loadCharmInfo(dir).endpoints).toEqual([{ name: 'db', role: 'requires', interface: 'pgsql' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the file and the problem for bad charms', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rxcharm-charminfo-'));
    try {
      expect(() => loadCharmInfo(dir)).toThrow(/metadata.yaml: file is missing/);
      writeFileSync(join(dir, 'metadata.yaml'), 'name: x\nrequires:\n  db: {}\n');
      expect(() => loadCharmInfo(dir)).toThrow(/metadata.yaml \(requires.db.interface\): must be a non-empty string/);
      writeFileSync(join(dir, 'metadata.yaml'), 'name: x\n');
      writeFileSync(join(dir, 'config.yaml'), 'options:\n  port: {type: int, default: "80"}\n');
      expect(() => loadCharmInfo(dir)).toThrow(/config.yaml \(options.port.default\): expected an int, got "80"/);
      writeFileSync(join(dir, 'config.yaml'), 'options:\n  port: {type: number}\n');
      expect(() => loadCharmInfo(dir)).toThrow(/config.yaml \(options.port.type\): must be one of .*; got "number"/);
      writeFileSync(join(dir, 'config.yaml'), 'options: [\n');
      expect(() => loadCharmInfo(dir)).toThrow(/config.yaml: not valid YAML/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
