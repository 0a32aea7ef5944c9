import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CharmRefreshError } from '../../../framework/agent';
import { AgentFixture, CHARMS } from './agent-fixture';

describe('local agent: refresh', () => {
  let fx: AgentFixture;
  let next: string;
  beforeEach(async () => {
    fx = new AgentFixture();
    const source = join(fx.dir, 'consumer');
    cpSync(join(CHARMS, 'consumer'), source, { recursive: true });
    writeFileSync(join(source, 'old-only.txt'), 'shipped by the first charm\n');
    await fx.agent.deploy(join(CHARMS, 'provider'));
    await fx.agent.deploy(source, { units: 2, config: ['greeting=hi'] });
    await fx.agent.relate('consumer:db', 'provider');
    next = join(fx.dir, 'consumer-next');
    cpSync(join(CHARMS, 'consumer'), next, { recursive: true });
  });
  afterEach(() => fx.dispose());

  it('replaces the charm files, keeps what the unit wrote, runs upgrade-charm then config-changed', async () => {
    writeFileSync(
      join(next, 'config.yaml'),
      `${readFileSync(join(next, 'config.yaml'), 'utf8')}  colour:\n    type: string\n    default: blue\n`,
    );
    writeFileSync(join(next, 'new-file.txt'), 'shipped by the second charm\n');
    const before = fx.hooks('consumer/0').length;
    const result = await fx.agent.refresh('consumer', { path: next });
    expect(result).toMatchObject({ units: ['consumer/0', 'consumer/1'], addedConfig: ['colour'], droppedConfig: [] });
    for (const unit of ['consumer/0', 'consumer/1']) {
      const dir = fx.charmDir(unit);
      expect(existsSync(join(dir, 'old-only.txt'))).toBe(false);
      expect(readFileSync(join(dir, 'new-file.txt'), 'utf8')).toBe('shipped by the second charm\n');
      expect(existsSync(join(dir, 'env-install'))).toBe(true);
    }
    expect(fx.hookNames('consumer/0').slice(before)).toEqual(['upgrade-charm', 'config-changed']);
    expect(fx.hookNames('consumer/0').slice(0, before)).toContain('install');
    expect(fx.agent.getConfig('consumer')).toMatchObject({ greeting: 'hi', colour: 'blue' });
    expect(fx.agent.status().applications.consumer!.units['consumer/0']).toMatchObject({ workload: 'active' });
  });

  it('refuses a charm that drops an endpoint still related and changes nothing', async () => {
    writeFileSync(
      join(next, 'metadata.yaml'),
      readFileSync(join(next, 'metadata.yaml'), 'utf8').replace(/ {2}db:\n {4}interface: kv\n/, ''),
    );
    rmSync(join(next, 'actions.yaml'));
    const model = fx.modelFile();
    const hooks = fx.hooks('consumer/0');
    const refresh = fx.agent.refresh('consumer', { path: next });
    await expect(refresh).rejects.toThrow(CharmRefreshError);
    await expect(fx.agent.refresh('consumer', { path: next })).rejects.toThrow(
      /cannot refresh consumer:\n {2}would break relation consumer:db provider:db: the new charm has no endpoint "db"/,
    );
    expect(fx.modelFile()).toBe(model);
    expect(fx.hooks('consumer/0')).toEqual(hooks);
    expect(existsSync(join(fx.charmDir('consumer/0'), 'actions.yaml'))).toBe(true);
  });

  it('without --path re-reads the charm the application was deployed from', async () => {
    const before = fx.hooks('provider/0').length;
    const result = await fx.agent.refresh('provider');
    expect(result.written).toEqual([]);
    expect(fx.hookNames('provider/0').slice(before)).toEqual(['upgrade-charm', 'config-changed']);
  });
});
